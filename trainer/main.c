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
#include <malloc.h>
#include <signal.h>
#include <sqlite3.h>
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

static void
usage(FILE *fp)
{
	size_t width = 0;

	fputs("usage: trainer [OPTIONS] COMMAND [ARGS]\n"
	      "\n"
	      "Drill the dates, figures and people of a history text with "
	      "spaced repetition.\n"
	      "\n"
	      "commands:\n",
	      fp);
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strlen(cli_commands[i]->name) > width)
			width = strlen(cli_commands[i]->name);
	for (size_t i = 0; i < cli_ncommands; i++)
		fprintf(fp, "  %-*s  %s\n", (int)width, cli_commands[i]->name,
		        cli_commands[i]->summary);
	fputs("\nglobal options (before or after the command):\n", fp);
	for (const struct optspec *o = cli_global_opts; o->name; o++) {
		char *label = o->kind == OPTK_FLAG
		                  ? xasprintf("--%s", o->name)
		                  : xasprintf("--%s %s", o->name, o->meta);

		if (strcmp(o->name, "help") == 0) {
			free(label);
			label = xstrdup("-h, --help");
		}
		fprintf(fp, "  %-12s  ", label);
		for (const char *h = o->help; *h; h++) {
			fputc(*h, fp);
			if (*h == '\n')
				fprintf(fp, "  %-12s  ", "");
		}
		fputc('\n', fp);
		free(label);
	}
	fputs("\n"
	      "'trainer COMMAND --help' describes a command. Exit status: "
	      "0 ok, 64 usage,\n"
	      "65 bad deck or data, 66 missing file, 69 a kind of file this "
	      "build cannot\nread, 70 internal error, 73 output file "
	      "refused, 74 I/O error; the worst\nproblem met decides.\n",
	      fp);
}

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

static const char *
closest_command(const char *name)
{
	const char *names[cli_ncommands];

	for (size_t i = 0; i < cli_ncommands; i++)
		names[i] = cli_commands[i]->name;
	return suggest(name, names, cli_ncommands);
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

/* Parse and check the command's options and arguments as it declares
 * them, then run it. */
static int
run_command(struct cli *cli, const struct command *cmd, int argc, char **argv)
{
	struct args a;
	char why[200];
	int rc;

	if (args_parse(&a, cmd->opts, argc, argv, why, sizeof(why)) < 0)
		rc = cli_usage_error(cmd, "%s", why);
	else if (cmd->max_args >= 0 && a.npos > cmd->max_args)
		rc = cli_usage_error(cmd, "unexpected argument '%s'",
		                     a.pos[cmd->max_args]);
	else if (a.npos < cmd->min_args)
		rc = cli_usage_error(cmd, "missing %s", cmd->args);
	else
		rc = cmd->run(cli, &a);
	args_release(&a);
	return rc;
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
	/* SQLite as this program uses it: each connection in one thread at
	 * a time, no allocation statistics kept (each allocation took a
	 * global lock for them) */
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
#ifdef M_TRIM_THRESHOLD
	/* A short run: memory freed (one deck file's tree) is kept for the
	 * next, not given back to the system and faulted in again. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 16 << 20);
#endif
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
		cli_command_help(cmd, stdout);
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
		rc = run_command(&cli, cmd, nrest - 1, rest + 1);
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
