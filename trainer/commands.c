/*
 * commands.c - the command table, and each command's usage and help made
 * from its declaration (the manual page and the shell completions are
 * made from the same table: see tests/tools/gen-docs.c).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct command *const cli_commands[] = {
	&cmd_review,    &cmd_quiz,   &cmd_drill,    &cmd_check,
	&cmd_cards,     &cmd_stats,  &cmd_sessions, &cmd_report,
	&cmd_replay,    &cmd_backup, &cmd_db,       &cmd_suspend,
	&cmd_unsuspend, &cmd_config, &cmd_optimize, &cmd_sync,
	&cmd_history,   &cmd_import, &cmd_draft,    &cmd_export,
	&cmd_timeline,  &cmd_plan,   &cmd_names,
};
const unsigned cli_ncommands =
    (unsigned)(sizeof(cli_commands) / sizeof(cli_commands[0]));

const struct optspec cli_global_opts[] = {
	{ .name = "db",
	  .kind = OPTK_TEXT,
	  .meta = "PATH",
	  .names = OPTN_OUTPUT,
	  .help = "the progress database (default $TRAINER_DB, else\n"
	          "$XDG_DATA_HOME/trainer/progress.db, else\n"
	          "~/.local/share/trainer/progress.db)" },
	{ .name = "decks",
	  .kind = OPTK_TEXT,
	  .meta = "PATH",
	  .names = OPTN_FILE,
	  .help = "a deck file or folder (default ./decks in a source "
	          "tree,\nelse the installed decks)" },
	{ .name = "now",
	  .kind = OPTK_TEXT,
	  .meta = "TIME",
	  .help = "act as if it were TIME (ISO 8601, like "
	          "2026-03-01T09:00:00Z)" },
	{ .name = "seed",
	  .kind = OPTK_TEXT,
	  .meta = "N",
	  .help = "a fixed seed, for a reproducible order" },
	{ .name = "no-color",
	  .kind = OPTK_FLAG,
	  .help = "no colours (also when NO_COLOR is set or output is not "
	          "a\nterminal)" },
	{ .name = "help",
	  .kind = OPTK_FLAG,
	  .help = "this help; after a command, that command's help" },
	{ .name = "version", .kind = OPTK_FLAG, .help = "the version" },
	{ 0 },
};

char *
cli_command_usage(const struct command *cmd)
{
	struct strbuf sb = { 0 };

	if (cmd->usage)
		return xstrdup(cmd->usage);
	for (const struct optspec *o = cmd->opts; o && o->name; o++) {
		if (sb.len)
			strbuf_addch(&sb, ' ');
		if (o->kind == OPTK_FLAG)
			strbuf_addf(&sb, "[--%s]", o->name);
		else
			strbuf_addf(&sb, "[--%s %s]%s", o->name, o->meta,
			            o->repeat ? "..." : "");
	}
	if (cmd->args) {
		if (sb.len)
			strbuf_addch(&sb, ' ');
		strbuf_adds(&sb, cmd->args);
	}
	return strbuf_detach(&sb);
}

/* "--name META", as the help lists it. */
static char *
option_label(const struct optspec *o)
{
	char s[4] = { 0 };

	if (o->short_name)
		snprintf(s, sizeof(s), "-%c", o->short_name);
	return o->kind == OPTK_FLAG
	           ? xasprintf("%s%s--%s", s, *s ? ", " : "", o->name)
	           : xasprintf("%s%s--%s %s", s, *s ? ", " : "", o->name,
	                       o->meta);
}

void
cli_command_help(const struct command *cmd, FILE *fp)
{
	char *usage = cli_command_usage(cmd);
	size_t width = 0;

	fprintf(fp, "usage: trainer %s%s%s\n\n%s\n", cmd->name,
	        *usage ? " " : "", usage, cmd->summary);
	free(usage);
	if (cmd->about)
		fprintf(fp, "\n%s", cmd->about);
	for (const struct optspec *o = cmd->opts; o && o->name; o++) {
		char *label = option_label(o);

		if (strlen(label) > width)
			width = strlen(label);
		free(label);
	}
	if (cmd->opts && cmd->opts[0].name)
		fputs("\noptions:\n", fp);
	for (const struct optspec *o = cmd->opts; o && o->name; o++) {
		char *label = option_label(o);
		const char *h = o->help;

		/* a help of several lines goes on under its first */
		fprintf(fp, "  %-*s  ", (int)width, label);
		for (; *h; h++) {
			fputc(*h, fp);
			if (*h == '\n')
				fprintf(fp, "  %-*s  ", (int)width, "");
		}
		fputc('\n', fp);
		free(label);
	}
	if (cmd->more)
		fprintf(fp, "\n%s", cmd->more);
	fputs("\nGlobal options (see 'trainer --help') may be given too.\n",
	      fp);
}
