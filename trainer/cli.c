/*
 * cli.c - what the commands share: usage errors, where the database and
 * the decks are, opening the store, the --deck and --tag filters.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"

#ifndef TRAINER_DECKS_DIR
#define TRAINER_DECKS_DIR "/usr/local/share/trainer/decks"
#endif

int
cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (cmd) {
		diag_say("%s: %s", cmd->name, msg);
		fprintf(stderr, "try 'trainer %s --help'\n", cmd->name);
	} else {
		diag_say("%s", msg);
		fputs("try 'trainer --help'\n", stderr);
	}
	free(msg);
	return diag_status(EX_USAGE);
}

const char *
cli_decks_path(const struct cli *cli)
{
	if (cli->decks)
		return cli->decks;
	static char beside[4096];
	char exe[4000], *slash;
	ssize_t n;

	if (access("trainer/main.c", F_OK) == 0 && access("decks", F_OK) == 0)
		return "decks";
	/* installed: PREFIX/bin/trainer finds PREFIX/share/trainer/decks
	 * wherever PREFIX is (a DESTDIR, a copy moved elsewhere) */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && beside[0] == '\0') {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(beside, sizeof(beside),
			         "%s/../share/trainer/decks", exe);
			if (access(beside, F_OK) != 0)
				beside[0] = '\0';
		}
	}
	return beside[0] ? beside : TRAINER_DECKS_DIR;
}

void
cli_filter_from(struct cli_filter *f, const struct args *a)
{
	const struct strlist *tags = args_all(a, "tag");

	f->deck = args_text(a, "deck");
	for (size_t i = 0; i < tags->n; i++)
		strlist_push(&f->tags, tags->v[i]);
}

/* "a, b and c": the names in 'l', for a message. */
static char *
name_list(const struct strlist *l)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			strbuf_adds(&sb, i + 1 == l->n ? " and " : ", ");
		strbuf_addf(&sb, "'%s'", l->v[i]);
	}
	return strbuf_detach(&sb);
}

/* A usage error for a name that is not among 'names' ('what' says so:
 * "no deck is named" or "no card has tag"), with the closest name or,
 * failing that, all of them. */
static int
unknown_name(const struct command *cmd, const char *what, const char *name,
             const struct strlist *names)
{
	const char *close =
	    suggest(name, (const char *const *)names->v, names->n);
	char *all;
	int rc;

	if (close)
		return cli_usage_error(cmd, "%s '%s' (did you mean '%s'?)",
		                       what, name, close);
	if (names->n == 0 || names->n > 20)
		return cli_usage_error(cmd, "%s '%s'", what, name);
	all = name_list(names);
	rc = cli_usage_error(cmd, "%s '%s' (there %s %s)", what, name,
	                     names->n == 1 ? "is" : "are", all);
	free(all);
	return rc;
}

int
cli_filter_check_names(const struct cli_filter *f, const struct command *cmd,
                       const struct strlist *decks, const struct strlist *tags)
{
	if (f->deck && strlist_find(decks, f->deck) < 0)
		return unknown_name(cmd, "no deck is named", f->deck, decks);
	for (size_t i = 0; i < f->tags.n; i++)
		if (strlist_find(tags, f->tags.v[i]) < 0)
			return unknown_name(cmd, "no card has tag",
			                    f->tags.v[i], tags);
	return 0;
}

int
cli_filter_check(const struct cli_filter *f, const struct command *cmd,
                 struct store *st)
{
	struct diag_list diags = { 0 };
	struct strlist decks = { 0 }, tags = { 0 };
	int rc = 0, known = !f->deck || store_has_deck(st, f->deck);

	/* the names are listed only to say which one is not known */
	for (size_t i = 0; known && i < f->tags.n; i++)
		known = store_has_tag(st, f->tags.v[i]);
	if (!known) {
		if ((rc = store_names(st, STORE_DECKS, &decks, &diags)) == 0 &&
		    (rc = store_names(st, STORE_TAGS, &tags, &diags)) == 0)
			rc = cli_filter_check_names(f, cmd, &decks, &tags);
	}
	strlist_release(&decks);
	strlist_release(&tags);
	return rc < 0 ? diag_report(&diags, rc) : rc;
}

long long
cli_now(const struct cli *cli)
{
	long long real = (long long)time(NULL);

	return cli->has_now ? cli->now + (real - cli->started) : real;
}

const char *
cli_db_path(const struct cli *cli)
{
	static char *made; /* the environment does not change: made once */
	const char *env;

	if (cli->db)
		return cli->db;
	if ((env = getenv("TRAINER_DB")) && *env)
		return env;
	if (made)
		return made;
	if ((env = getenv("XDG_DATA_HOME")) && *env == '/')
		made = xasprintf("%s/trainer/progress.db", env);
	else if ((env = getenv("HOME")) && *env)
		made = xasprintf("%s/.local/share/trainer/progress.db", env);
	else
		diag_say("no place for the progress database: set HOME, "
		         "TRAINER_DB or --db");
	return made;
}

int
cli_open_store(const struct cli *cli, struct store **st)
{
	struct diag_list diags = { 0 };
	const char *path = cli_db_path(cli);
	int rc;

	*st = NULL;
	if (path == NULL)
		return EX_USAGE;
	rc = store_open_readonly(path, st, &diags);
	return diag_report(&diags, rc);
}

int
cli_open_writable(const struct cli *cli, struct store **st)
{
	struct diag_list diags = { 0 };
	const char *path = cli_db_path(cli);
	int rc;

	*st = NULL;
	if (path == NULL)
		return EX_USAGE;
	rc = store_open(path, st, &diags);
	if (rc == 0)
		store_set_now(*st, cli_now(cli));
	if (rc == 0 && store_created(*st))
		diag_say("created the progress database %s", path);
	return diag_report(&diags, rc);
}

int
cli_open_synced(const struct cli *cli, struct store **st)
{
	struct diag_list diags = { 0 };
	struct store_sync report;
	int rc;

	if ((rc = cli_open_writable(cli, st)) != 0)
		return rc;
	rc =
	    store_sync(*st, cli_decks_path(cli), cli_now(cli), &report, &diags);
	/* a deck with errors is reported (and decides the exit status),
	 * the others go on */
	rc = diag_report(&diags, rc);
	if (rc != 0 && rc != EX_DATAERR) {
		store_close(*st);
		*st = NULL;
		return rc;
	}
	return 0;
}

/*
 * A usage error for a card name nobody has, with the closest of the
 * cards' names: "deck/id" forms for a name with a deck, ids otherwise.
 */
static int
unknown_card(const struct command *cmd, struct store *st, const char *name)
{
	struct diag_list diags = { 0 };
	struct strlist names = { 0 };
	const char *close;
	int rc;

	if ((rc = store_names(st, STORE_CARD_NAMES, &names, &diags)) < 0)
		return diag_report(&diags, rc);
	if (strchr(name, '/') == NULL)
		for (size_t i = 0; i < names.n; i++) {
			char *slash = strchr(names.v[i], '/');

			memmove(names.v[i], slash + 1, strlen(slash + 1) + 1);
		}
	close = suggest(name, (const char *const *)names.v, names.n);
	rc = close ? cli_usage_error(cmd,
	                             "no card is named '%s' (did you mean "
	                             "'%s'?)",
	                             name, close)
	           : cli_usage_error(cmd,
	                             "no card is named '%s' (see 'trainer "
	                             "cards')",
	                             name);
	strlist_release(&names);
	return rc;
}

/* "'a/x' and 'b/x'": the cards 'v' as "deck/id", for a message. */
static char *
card_names(const struct store_card *v, size_t n)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(&sb, i + 1 == n ? " and " : ", ");
		strbuf_addf(&sb, "'%s/%s'", v[i].deck, v[i].card.id);
	}
	return strbuf_detach(&sb);
}

int
cli_find_card(const struct command *cmd, struct store *st, const char *name,
              struct store_card **out)
{
	struct diag_list diags = { 0 };
	struct store_filter f = { 0 };
	struct store_card *v = NULL;
	const char *slash = strchr(name, '/');
	char *deck = slash ? xstrndup(name, (size_t)(slash - name)) : NULL;
	size_t n = 0;
	int rc;

	f.deck = deck;
	f.key = slash ? slash + 1 : name;
	if ((rc = diag_report(&diags, store_cards(st, &f, &v, &n, &diags))) !=
	    0)
		goto out;
	if (n == 0) {
		rc = unknown_card(cmd, st, name);
	} else if (n > 1) {
		char *all = card_names(v, n);

		rc = cli_usage_error(cmd,
		                     "the id '%s' is in several decks: name "
		                     "one of %s",
		                     name, all);
		free(all);
	} else {
		*out = v;
		v = NULL;
		n = 0;
	}
out:
	store_cards_free(v, n);
	free(deck);
	return rc;
}
