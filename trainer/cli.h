/*
 * cli.h - what every command shares: the global options, the command
 * table's shape, and the helpers that talk to the user about them.
 */
#ifndef TRAINER_CLI_H
#define TRAINER_CLI_H

#include <stdio.h>

#include "deckset.h"
#include "opt.h"
#include "store.h"

#define TRAINER_VERSION "0.1.0"

struct cli {
	const char *db;    /* --db, or NULL for the default */
	const char *decks; /* --decks, or NULL for the default */
	long long now;     /* --now as Unix time */
	int has_now;
	unsigned long long seed; /* --seed */
	int has_seed;
	int color; /* colour wanted: a terminal, no --no-color, no NO_COLOR */
	long long started; /* the real time the program started */
};

/*
 * A command, declared once: its options and arguments (which main.c
 * parses and checks before calling 'run'), and the words its help, the
 * manual page and the shell completions are made from.
 */
struct command {
	const char *name;
	const char *usage;       /* the usage after the name; NULL: made from
	                            'opts' and 'args' */
	const char *args;        /* the arguments in the usage, like "FILE...";
	                            NULL: none */
	enum optnames arg_names; /* what the arguments name */
	const char *arg_words;   /* OPTN_WORD: the words, blank-separated */
	int min_args, max_args;  /* how many; max -1: any */
	const char *summary;     /* one line for 'trainer --help' */
	const char *about;       /* what it does, before the options */
	const struct optspec *opts; /* NULL or ended by a NULL name */
	const char *more;           /* after the options */
	int (*run)(struct cli *cli, const struct args *a);
};

/* Every command, in the order 'trainer --help' lists them. */
extern const struct command *const cli_commands[];
extern const unsigned cli_ncommands;
/* The global options, for the help, the manual and the completions. */
extern const struct optspec cli_global_opts[];

/* The usage after "trainer NAME" (free it). */
char *cli_command_usage(const struct command *cmd);
/* 'trainer NAME --help'. */
void cli_command_help(const struct command *cmd, FILE *fp);

extern const struct command cmd_check;
extern const struct command cmd_cards;
extern const struct command cmd_review;
extern const struct command cmd_quiz;
extern const struct command cmd_drill;
extern const struct command cmd_replay;
extern const struct command cmd_stats;
extern const struct command cmd_sessions;
extern const struct command cmd_report;
extern const struct command cmd_backup;
extern const struct command cmd_db;
extern const struct command cmd_suspend;
extern const struct command cmd_unsuspend;
extern const struct command cmd_config;
extern const struct command cmd_names;
extern const struct command cmd_export;
extern const struct command cmd_history;
extern const struct command cmd_timeline;
extern const struct command cmd_plan;
extern const struct command cmd_optimize;

/* The weights the scheduler uses (cmd-optimize.c): set (else FSRS-6's
 * defaults), and when 'trainer optimize' fitted them, to how many
 * reviews (time 0: set some other way). */
struct cli_weights {
	int set;
	long long time;
	long long reviews;
};
/* Read them from 'st' (NULL: none set); returns w->set. */
int cli_weights_info(struct store *st, struct cli_weights *w);
/* "FSRS-6's defaults", "fitted to N reviews on 2026-03-01 10:00" (free
 * it). */
char *cli_weights_text(const struct cli_weights *w);
/* {"set", "fitted", "since" (UTC ISO 8601 or null), "reviews"}. */
struct json_t *cli_weights_json(const struct cli_weights *w);

extern const struct command cmd_import;
extern const struct command cmd_sync;
extern const struct command cmd_draft;

/*
 * The learner's settings ('trainer config', in cmd-config.c): each key
 * with its default and the values it takes.  Only the values the learner
 * set are stored; the defaults live here.
 */
enum cli_setting_kind {
	SETTING_NUMBER, /* a decimal number in [lo, hi] */
	SETTING_WHOLE,  /* a whole number in [lo, hi] */
	SETTING_STEPS,  /* steps like "1m 10m" (opt_steps), or "none" */
	SETTING_CHOICE, /* one of 'choices' */
	SETTING_DATE,   /* a day as YYYY-MM-DD, or 'none' */
	SETTING_FOLDER, /* an absolute path to a folder */
};

struct cli_setting {
	const char *key;
	enum cli_setting_kind kind;
	const char *def;        /* the default, as text */
	double lo, hi;          /* NUMBER and WHOLE */
	const char *choices[3]; /* CHOICE, NULL-terminated */
	const char *allowed;    /* what it takes, for a message */
};

extern const struct cli_setting cli_settings[];
extern const size_t cli_nsettings;

/* The setting named 'key', or NULL. */
const struct cli_setting *cli_setting_find(const char *key);

/*
 * Read 'text' as a value of 's': 0 with a NUMBER or WHOLE value in
 * '*number' and STEPS in 'steps' (room for FSRS_MAX_STEPS) and '*nsteps'
 * (either may be NULL); -1 when it is not one ('s->allowed' says what
 * is).
 */
int cli_setting_parse(const struct cli_setting *s, const char *text,
                      double *number, int *steps, int *nsteps);

/* The value of 's' in 'st' (free it): the stored one, '*set' 1, or the
 * default, '*set' 0. */
char *cli_setting_get(struct store *st, const struct cli_setting *s, int *set);

/* --deck D and --tag T (repeatable), the cards a command works on, in a
 * command's declared options; cli_filter_from reads them. */
#define OPTS_FILTERS                                                           \
	{ .name = "deck",                                                      \
	  .kind = OPTK_TEXT,                                                   \
	  .meta = "D",                                                         \
	  .names = OPTN_DECK,                                                  \
	  .help = "only the deck named D" },                                   \
	{                                                                      \
		.name = "tag", .kind = OPTK_TEXT, .meta = "T",                 \
		.names = OPTN_TAG, .repeat = 1,                                \
		.help = "only cards tagged T (repeat: any of them)"            \
	}

struct cli_filter {
	const char *deck;    /* NULL: every deck */
	struct strlist tags; /* cards with any of them; empty: all */
};

/* The --deck and --tag of 'a' (declared with OPTS_FILTERS) into 'f';
 * release f->tags after. */
void cli_filter_from(struct cli_filter *f, const struct args *a);

/* Check that the deck asked for exists in 'st': 0, or EX_USAGE after a
 * message for 'cmd'. */
/* The same against the names given: the decks and the tags there are. */
int cli_filter_check_names(const struct cli_filter *f,
                           const struct command *cmd,
                           const struct strlist *decks,
                           const struct strlist *tags);

int cli_filter_check(const struct cli_filter *f, const struct command *cmd,
                     struct store *st);

/* A listing of cards (cmd-cards.c): 'trainer cards' and 'trainer export
 * cards'. */
enum cards_format { CARDS_TEXT, CARDS_JSON, CARDS_CSV };
struct cards_query {
	enum cards_format format;
	int due_only, suspended_only;
	const char *search; /* NULL: every card */
};
int cli_cards_list(struct cli *cli, const struct command *cmd,
                   const struct cli_filter *filter,
                   const struct cards_query *q);

/*
 * The live card called 'name' in 'st': "deck/id", or an id only one deck
 * has.  Returns 0 and sets '*out' (one card with its content: free it
 * with store_cards_free(*out, 1)), or the exit status after a message for
 * 'cmd' (no such card, with the closest name; an id in several decks; a
 * database error).
 */
int cli_find_card(const struct command *cmd, struct store *st, const char *name,
                  struct store_card **out);

/* Print "trainer: NAME: MESSAGE" and a hint to try --help; returns
 * EX_USAGE for the command to return. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The deck file or folder to use: --decks, ./decks in a source tree, or
 * the installed decks. */
const char *cli_decks_path(const struct cli *cli);

/* The time now: real time, or --now plus the real time since the start. */
long long cli_now(const struct cli *cli);

/*
 * The progress database's path: --db, $TRAINER_DB,
 * $XDG_DATA_HOME/trainer/progress.db or ~/.local/share/trainer/progress.db.
 * NULL (after a message) when none can be made.
 */
const char *cli_db_path(const struct cli *cli);

/*
 * Open the progress database read-only, for the commands that only read
 * it: nothing is created (no database yet is exit 66), synced or locked.
 * Prints any problem.  Returns 0 and sets '*st', or the exit status.
 */
int cli_open_store(const struct cli *cli, struct store **st);

/*
 * Open the progress database to write it, for the commands that answer
 * cards: created when missing (saying where, on stderr), and the decks
 * synced into it, printing any problem.  A deck with errors is reported
 * and left as it was (its status, EX_DATAERR, is noted for the exit
 * through diag_status); the rest go on.  Returns 0 and sets '*st', or the
 * exit status ('*st' NULL).
 */
int cli_open_synced(const struct cli *cli, struct store **st);

/* The same without the sync: for a command that writes only what it is
 * told (a setting). */
int cli_open_writable(const struct cli *cli, struct store **st);

/*
 * Sync the open store 'st' with folder 'dir' (trainer sync).  The
 * command prints what came in and went out and returns the exit status;
 * 'automatic' (a session's start or end) says it in one line, and a
 * failure is only a warning: returns 0.
 */
int cli_sync_dir(struct cli *cli, struct store *st, const char *dir,
                 int automatic);

/* The automatic sync of a session: with the folder the setting sync-dir
 * names, if any; never fails. */
int cli_sync_auto(struct cli *cli, struct store *st);

#endif
