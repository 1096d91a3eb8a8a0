/*
 * cmd-names.c - "trainer names WHAT [PREFIX]": the names a command line
 * takes, one a line, for the shell completions and for scripts.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "out.h"

static const char *const kinds[] = { "commands", "decks", "tags", "cards",
	                             "settings" };
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static void
print_matching(const struct strlist *l, const char *prefix)
{
	size_t len = strlen(prefix);

	for (size_t i = 0; i < l->n; i++)
		if (strncmp(l->v[i], prefix, len) == 0) {
			out_safe(stdout, l->v[i], 0);
			putchar('\n');
		}
}

/* Without a database yet: the names in the deck files. */
static void
names_from_decks(const struct cli *cli, size_t kind, struct strlist *out)
{
	struct deckset set = { 0 };
	struct diag_list diags = { 0 };
	struct strmap seen = { 0 };

	deckset_load(&set, cli_decks_path(cli), &diags);
	for (size_t d = 0; d < set.n; d++) {
		const struct deck *deck = set.v[d];

		if (kind == 1)
			strlist_push(out, deck->name);
		for (size_t i = 0; kind > 1 && i < deck->ncards; i++) {
			const struct card *c = &deck->cards[i];

			if (kind == 3) {
				char *name =
				    xasprintf("%s/%s", deck->name, c->id);

				strlist_push(out, name);
				free(name);
			}
			for (size_t t = 0; kind == 2 && t < c->tags.n; t++)
				if (strmap_put(&seen, c->tags.v[t], &seen) ==
				    NULL)
					strlist_push(out, c->tags.v[t]);
		}
	}
	strmap_release(&seen);
	deckset_release(&set);
	diag_list_release(&diags);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
run_names(struct cli *cli, const struct args *a)
{
	static const enum store_names what[] = { 0, STORE_DECKS, STORE_TAGS,
		                                 STORE_CARD_NAMES };
	const char *prefix = a->npos > 1 ? a->pos[1] : "";
	struct strlist l = { 0 };
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	const char *path;
	size_t kind = 0;
	int rc = 0;

	if (a->npos == 0)
		return cli_usage_error(&cmd_names, "which names? say commands, "
		                                   "decks, tags, cards or "
		                                   "settings");
	while (kind < NKINDS && strcmp(kinds[kind], a->pos[0]) != 0)
		kind++;
	if (kind == NKINDS)
		return cli_usage_error(&cmd_names,
		                       "unknown kind of names '%s' (say "
		                       "commands, decks, tags, cards or "
		                       "settings)",
		                       a->pos[0]);
	if (kind == 0) {
		for (unsigned i = 0; i < cli_ncommands; i++)
			strlist_push(&l, cli_commands[i]->name);
	} else if (kind == 4) {
		for (size_t i = 0; i < cli_nsettings; i++)
			strlist_push(&l, cli_settings[i].key);
	} else if ((path = cli_db_path(cli)) != NULL &&
	           (rc = store_open_readonly(path, &st, &diags)) == 0) {
		rc = store_names(st, what[kind], &l, &diags);
		store_close(st);
		rc = diag_report(&diags, rc);
	} else if (path == NULL) {
		return EX_USAGE;
	} else if (rc == -EX_NOINPUT) {
		/* no database yet: what the deck files hold */
		diag_list_release(&diags);
		rc = 0;
		names_from_decks(cli, kind, &l);
	} else {
		rc = diag_report(&diags, rc);
	}
	xqsort(l.v, l.n, sizeof(*l.v), cmp_name);
	print_matching(&l, prefix);
	strlist_release(&l);
	return rc;
}

const struct command cmd_names = {
	.name = "names",
	.args = "commands|decks|tags|cards|settings [PREFIX]",
	.arg_names = OPTN_WORD,
	.arg_words = "commands decks tags cards settings",
	.max_args = 2,
	.summary = "list the names a command line takes (for completion)",
	.about = "Prints one a line, sorted, those starting with PREFIX: the "
	         "commands, the\n"
	         "decks, the tags, the cards (as deck/id) or the settings' "
	         "keys.  Decks, tags\n"
	         "and cards come from the progress database, or from the deck "
	         "files when\n"
	         "there is no database yet.  The shell completions call it.\n",
	.run = run_names,
};
