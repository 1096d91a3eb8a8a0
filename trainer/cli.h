/*
 * cli.h - what every command shares: the global options, the command
 * table's shape, and the helpers that talk to the user about them.
 */
#ifndef TRAINER_CLI_H
#define TRAINER_CLI_H

#include "deckset.h"

#define TRAINER_VERSION "0.1.0"

struct cli {
	const char *db;    /* --db, or NULL for the default */
	const char *decks; /* --decks, or NULL for the default */
	long long now;     /* --now as Unix time */
	int has_now;
	unsigned long long seed; /* --seed */
	int has_seed;
	int color; /* colour wanted: a terminal, no --no-color, no NO_COLOR */
};

struct command {
	const char *name;
	const char *usage;   /* the arguments, after the name */
	const char *summary; /* one line for 'trainer --help' */
	const char *help;    /* the options, for 'trainer NAME --help' */
	int (*run)(struct cli *cli, int argc, char **argv);
};

extern const struct command cmd_check;
extern const struct command cmd_cards;
extern const struct command cmd_replay;

/* Print "trainer: NAME: MESSAGE" and a hint to try --help; returns
 * EX_USAGE for the command to return. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The deck file or folder to use: --decks, ./decks in a source tree, or
 * the installed decks. */
const char *cli_decks_path(const struct cli *cli);

/*
 * Load the decks into 'set', printing any problem.  Returns 0, or the
 * exit status when any deck could not be loaded.
 */
int cli_load_decks(const struct cli *cli, struct deckset *set);

#endif
