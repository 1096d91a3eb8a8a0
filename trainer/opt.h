/*
 * opt.h - long options for the commands: "--name", "--name VALUE" and
 * "--name=VALUE", mixed freely with positional arguments; "--" ends the
 * options.  Short forms are "-h" for help only.
 */
#ifndef TRAINER_OPT_H
#define TRAINER_OPT_H

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

#endif
