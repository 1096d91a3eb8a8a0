/*
 * main.c - global options and the command table.
 *
 * Global options may stand anywhere before "--": they are taken out of
 * the arguments first, and what is left goes to the command.  A "--"
 * before the command ends the global options: the next argument is the
 * command and the rest are its own; after the command, "--" is the
 * command's.
 */
#include "cli.h"

#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "isotime.h"
#include "opt.h"

#ifndef TRAINER_DECKS_DIR
#define TRAINER_DECKS_DIR "/usr/local/share/trainer/decks"
#endif

static const struct command *const commands[] = {
	&cmd_review, &cmd_quiz,     &cmd_drill,     &cmd_check,  &cmd_cards,
	&cmd_stats,  &cmd_sessions, &cmd_report,    &cmd_replay, &cmd_backup,
	&cmd_db,     &cmd_suspend,  &cmd_unsuspend, &cmd_config, &cmd_import,
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *fp)
{
	fputs("usage: trainer [OPTIONS] COMMAND [ARGS]\n"
	      "\n"
	      "Drill the dates, figures and people of a history text with "
	      "spaced repetition.\n"
	      "\n"
	      "commands:\n",
	      fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-8s %s\n", commands[i]->name,
		        commands[i]->summary);
	fputs("\n"
	      "global options (before or after the command):\n"
	      "  --db PATH     the progress database (default $TRAINER_DB, "
	      "else\n"
	      "                $XDG_DATA_HOME/trainer/progress.db, else\n"
	      "                ~/.local/share/trainer/progress.db)\n"
	      "  --decks PATH  a deck file or folder (default ./decks in a "
	      "source tree,\n"
	      "                else " TRAINER_DECKS_DIR ")\n"
	      "  --now TIME    act as if it were TIME (ISO 8601, like "
	      "2026-03-01T09:00:00Z)\n"
	      "  --seed N      a fixed seed, for a reproducible order\n"
	      "  --no-color    no colours (also when NO_COLOR is set or "
	      "output is not a\n"
	      "                terminal)\n"
	      "  -h, --help    this help; after a command, that command's "
	      "help\n"
	      "  --version     the version\n"
	      "\n"
	      "'trainer COMMAND --help' describes a command. Exit status: "
	      "0 ok, 64 usage,\n"
	      "65 bad deck or data, 66 missing file, 69 a kind of file this "
	      "build cannot\nread, 70 internal error, 73 output file "
	      "refused, 74 I/O error; the worst\nproblem met decides.\n",
	      fp);
}

static void
command_help(const struct command *cmd)
{
	printf("usage: trainer %s %s\n\n%s\n", cmd->name, cmd->usage,
	       cmd->summary);
	if (cmd->help && *cmd->help)
		printf("\n%s", cmd->help);
	printf("\nGlobal options (see 'trainer --help') may be given too.\n");
}

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
	if (access("trainer/main.c", F_OK) == 0 && access("decks", F_OK) == 0)
		return "decks";
	return TRAINER_DECKS_DIR;
}

int
cli_filter_option(struct cli_filter *f, int id, const char *value)
{
	if (id == OPT_DECK)
		f->deck = value;
	else if (id == OPT_TAG)
		strlist_push(&f->tags, value);
	else
		return 0;
	return 1;
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
	int rc = 0;

	if ((f->deck && !store_has_deck(st, f->deck)) || f->tags.n > 0) {
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

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static const char *
closest_command(const char *name)
{
	const char *names[NCOMMANDS];

	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i]->name;
	return suggest(name, names, NCOMMANDS);
}

enum { G_DB = 1, G_DECKS, G_NOW, G_SEED, G_NO_COLOR, G_HELP, G_VERSION };

static const struct opt global_opts[] = {
	{ "db", 1, G_DB },
	{ "decks", 1, G_DECKS },
	{ "now", 1, G_NOW },
	{ "seed", 1, G_SEED },
	{ "no-color", 0, G_NO_COLOR },
	{ "help", 0, G_HELP },
	{ "version", 0, G_VERSION },
	{ NULL, 0, 0 },
};

/* Is 'arg' one of the global options (with or without "=value")? */
static int
is_global(const char *arg)
{
	size_t len;

	if (strcmp(arg, "-h") == 0)
		return 1;
	if (strncmp(arg, "--", 2) != 0)
		return 0;
	len = strcspn(arg + 2, "=");
	for (const struct opt *o = global_opts; o->name; o++)
		if (strlen(o->name) == len &&
		    strncmp(arg + 2, o->name, len) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli cli = { .started = (long long)time(NULL) };
	struct optparse p;
	const struct command *cmd = NULL;
	char **rest = xcalloc((size_t)argc + 1, sizeof(*rest));
	char **globals = xcalloc((size_t)argc + 1, sizeof(*globals));
	int nrest = 0, nglobals = 0, help = 0, version = 0, no_color = 0;
	int id, rc, dashdash = 0;
	const char *value, *env;
	char why[200];

	/* Jansson allocates through the x-wrappers: out of memory ends the
	 * program with a message, never a NULL deep in a report. */
	json_set_alloc_funcs(xmalloc, free);
	/* A file size limit (ulimit -f) makes writes fail with EFBIG, which
	 * is reported like a full disk, instead of killing us mid-write. */
	signal(SIGXFSZ, SIG_IGN);

	/* Split the arguments: global options, and the rest in order. */
	for (int i = 1; i < argc; i++) {
		if (!dashdash && strcmp(argv[i], "--") == 0) {
			dashdash = 1;
			if (nrest == 0)
				continue; /* "trainer -- COMMAND ARGS" */
		}
		if (dashdash || !is_global(argv[i])) {
			rest[nrest++] = argv[i];
			continue;
		}
		globals[nglobals++] = argv[i];
		/* "--db PATH": the value goes with it */
		if (strchr(argv[i], '=') == NULL && i + 1 < argc &&
		    (strcmp(argv[i], "--db") == 0 ||
		     strcmp(argv[i], "--decks") == 0 ||
		     strcmp(argv[i], "--now") == 0 ||
		     strcmp(argv[i], "--seed") == 0))
			globals[nglobals++] = argv[++i];
	}
	if (nrest > 0 && (rest[0][0] != '-' || dashdash)) {
		cmd = find_command(rest[0]);
		if (cmd == NULL) {
			const char *close = closest_command(rest[0]);

			rc = close
			         ? cli_usage_error(NULL,
			                           "unknown command '%s' (did "
			                           "you mean '%s'?)",
			                           rest[0], close)
			         : cli_usage_error(NULL, "unknown command '%s'",
			                           rest[0]);
			goto out;
		}
	}

	opt_init(&p, nglobals, globals);
	while ((id = opt_next(&p, global_opts, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			rc = cli_usage_error(cmd, "%s", p.error);
			goto out;
		case G_DB:
			if (*value == '\0') {
				rc =
				    cli_usage_error(cmd, "'--db' needs a path");
				goto out;
			}
			cli.db = value;
			break;
		case G_DECKS:
			if (*value == '\0') {
				rc = cli_usage_error(cmd,
				                     "'--decks' needs a path");
				goto out;
			}
			cli.decks = value;
			break;
		case G_NOW:
			if (isotime_parse(value, &cli.now, why, sizeof(why)) <
			    0) {
				rc = cli_usage_error(cmd, "--now: %s", why);
				goto out;
			}
			cli.has_now = 1;
			break;
		case G_SEED:
			if (opt_ullong("seed", value, &cli.seed, why,
			               sizeof(why)) < 0) {
				rc = cli_usage_error(cmd, "%s", why);
				goto out;
			}
			cli.has_seed = 1;
			break;
		case G_NO_COLOR:
			no_color = 1;
			break;
		case G_HELP:
			help = 1;
			break;
		case G_VERSION:
			version = 1;
			break;
		}
	}
	env = getenv("NO_COLOR");
	cli.color = !no_color && !(env && *env) && isatty(STDOUT_FILENO) &&
	            !((env = getenv("TERM")) && strcmp(env, "dumb") == 0);

	if (version) {
		printf("trainer %s\n", TRAINER_VERSION);
		rc = 0;
	} else if (help && cmd) {
		command_help(cmd);
		rc = 0;
	} else if (help) {
		usage(stdout);
		rc = 0;
	} else if (cmd == NULL && nrest > 0) {
		rc = cli_usage_error(NULL, "unknown option '%s'", rest[0]);
	} else if (cmd == NULL) {
		usage(stderr);
		rc = EX_USAGE;
	} else {
		rc = cmd->run(&cli, nrest - 1, rest + 1);
	}
out:
	free(rest);
	free(globals);
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		char ebuf[128];

		if (errno)
			diag_say("cannot write the output: %s",
			         errno_text(errno, ebuf, sizeof(ebuf)));
		else
			diag_say("cannot write the output");
		rc = EX_IOERR;
	}
	return diag_exit(rc);
}
