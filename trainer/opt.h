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
 * Parse a whole number in [min, max] from 'text'; returns 0 or -1 with
 * 'error' filled ("'--limit' needs a whole number from 1 to 1000").
 */
int opt_long(const char *name, const char *text, long min, long max, long *out,
             char *error, unsigned long size);

#endif
