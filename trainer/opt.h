/*
 * opt.h - long options for the commands: "--name", "--name VALUE" and
 * "--name=VALUE", mixed freely with positional arguments; "--" ends the
 * options.  Short forms are "-h" for help only.
 */
#ifndef TRAINER_OPT_H
#define TRAINER_OPT_H

#include "util.h"

struct opt {
	const char *name; /* without the dashes */
	int has_arg;
	int id; /* > 0 */
};

struct optparse {
	int argc;
	char **argv;
	int i;           /* next argument */
	int dashdash;    /* "--" was seen */
	char error[160]; /* set when opt_next returns OPT_ERROR */
};

enum {
	OPT_END = 0,
	OPT_ERROR = -1,
	OPT_ARG = -2, /* a positional argument, in *value */
};

void opt_init(struct optparse *p, int argc, char **argv);

/*
 * The next option: its id with its value in '*value' (NULL when it takes
 * none), OPT_ARG for a positional argument, OPT_END, or OPT_ERROR with
 * p->error saying what is wrong.
 */
int opt_next(struct optparse *p, const struct opt *opts, const char **value);

/*
 * Checked values.  Each parses all of 'text' or fails: no blanks, no '+',
 * no trailing junk, nothing out of range, nothing that overflows.  On
 * failure they return -1 with 'error' filled with a message naming the
 * option ("'--limit' needs a whole number from 1 to 1000, not 'x'"); on
 * success 0 and '*out' set.
 */

/* A whole number in [min, max]: decimal digits, '-' first only when
 * min < 0. */
int opt_long(const char *name, const char *text, long min, long max, long *out,
             char *error, unsigned long size);

/* A whole number from 0 to ULLONG_MAX. */
int opt_ullong(const char *name, const char *text, unsigned long long *out,
               char *error, unsigned long size);

/* A decimal number in [min, max] ("0.9", ".9", "9e-1"); no hex, inf or
 * nan. */
int opt_double(const char *name, const char *text, double min, double max,
               double *out, char *error, unsigned long size);

/* Steps like "1m,10m" or "1m 1h 1d" (commas or blanks between), each
 * from 1 minute to 'max' minutes, at most 'cap' of them, as minutes in
 * 'steps' and their number in '*n'; "none" for no steps. */
int opt_steps(const char *name, const char *text, long max, int *steps, int cap,
              int *n, char *error, unsigned long size);

/* ---- a command's options, declared in its table entry ---- */

enum optkind {
	OPTK_FLAG,   /* no value */
	OPTK_TEXT,   /* any value; empty is refused */
	OPTK_LONG,   /* a whole number in [min, max] */
	OPTK_DOUBLE, /* a decimal number in [min, max] */
};

/* What a value (or an argument) names, for the shell completions. */
enum optnames {
	OPTN_NONE,
	OPTN_FILE,    /* a file to read */
	OPTN_OUTPUT,  /* a file to write */
	OPTN_DECK,    /* a deck's name */
	OPTN_TAG,     /* a tag */
	OPTN_CARD,    /* a card, as DECK/ID */
	OPTN_SETTING, /* a setting's key */
	OPTN_WORD,    /* one of the words in 'optspec.words' */
};

struct optspec {
	const char *name; /* without the dashes; NULL ends a table */
	char short_name;  /* "-o" for "--output"; 0: none */
	enum optkind kind;
	const char *meta; /* the value in the help: "N", "FILE" */
	enum optnames names;
	double min, max;   /* OPTK_LONG, OPTK_DOUBLE */
	int repeat;        /* may be given again, every value kept */
	int empty_ok;      /* OPTK_TEXT: an empty value is the command's to
	                      judge */
	const char *help;  /* what it does, one line or a few */
	const char *words; /* OPTN_WORD: the values, blank-separated */
};

struct optvalue {
	int set;
	const char *text;   /* the last value given */
	long n;             /* OPTK_LONG */
	double d;           /* OPTK_DOUBLE */
	struct strlist all; /* repeat: every value, in order */
};

/* The options and arguments of one command, parsed and checked. */
struct args {
	const struct optspec *specs;
	struct optvalue *v; /* one per spec */
	char **pos;         /* the other arguments, in order */
	int npos;
	char **argv;  /* the arguments with short options made long */
	char **longs; /* the long forms made, to free */
	int argc;
};

/*
 * Parse 'argc' arguments against 'specs': each option known, given a
 * value when it takes one and none when not, in range, and given once
 * unless repeatable; a word that is not an option ("-5" included: a
 * negative number) is an argument.  Returns 0, or -1 with 'why' saying
 * what is wrong, naming the option.
 */
int args_parse(struct args *a, const struct optspec *specs, int argc,
               char **argv, char *why, unsigned long size);
void args_release(struct args *a);

/* The option 'name' of the parsed table ('name' must be in it). */
int args_has(const struct args *a, const char *name);
const char *args_text(const struct args *a, const char *name); /* or NULL */
long args_long(const struct args *a, const char *name, long unset);
double args_double(const struct args *a, const char *name, double unset);
const struct strlist *args_all(const struct args *a, const char *name);

#endif
