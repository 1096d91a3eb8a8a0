/*
 * fuzz_opt.c - libFuzzer target for option parsing: the bytes, split at
 * NUL bytes, are the arguments of a command with options like the real
 * ones.  opt_next must end, give each argument once and say what is
 * wrong; the checked parsers accept only what they promise: a whole
 * number in range that strtol reads the same (and that reads back from
 * its printed form), a finite decimal in range, steps within bounds.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { O_LIMIT = 1, O_SEED, O_RETENTION, O_STEPS, O_DB, O_FLAG, O_ANY };

static const struct opt opts[] = {
	{ "limit", 1, O_LIMIT },
	{ "seed", 1, O_SEED },
	{ "retention", 1, O_RETENTION },
	{ "learning-steps", 1, O_STEPS },
	{ "db", 1, O_DB },
	{ "no-fuzz", 0, O_FLAG },
	{ "help", 0, O_FLAG },
	{ "rollover", 1, O_ANY },
	{ NULL, 0, 0 },
};

#define MAXARGS 32

/* 'text' accepted as 'v' by opt_long: strtol agrees, and so does the
 * printed form. */
static void
check_long(const char *text, long min, long max)
{
	char err[200], buf[32];
	long v, back;
	char *end;

	if (opt_long("n", text, min, max, &v, err, sizeof(err)) < 0) {
		if (err[0] == '\0')
			abort();
		return;
	}
	errno = 0;
	if (v < min || v > max || strtol(text, &end, 10) != v || errno ||
	    *end || text[0] == ' ' || text[0] == '+' || text[0] == '\0')
		abort();
	snprintf(buf, sizeof(buf), "%ld", v);
	if (opt_long("n", buf, min, max, &back, err, sizeof(err)) < 0 ||
	    back != v)
		abort();
}

static void
check_value(int id, const char *v)
{
	char err[200], buf[32];
	unsigned long long u, ub;
	double d;
	int steps[16], n;

	check_long(v, LONG_MIN, LONG_MAX);
	check_long(v, 0, 23);
	check_long(v, -5, 5);
	switch (id) {
	case O_SEED:
		if (opt_ullong("seed", v, &u, err, sizeof(err)) == 0) {
			snprintf(buf, sizeof(buf), "%llu", u);
			if (opt_ullong("seed", buf, &ub, err, sizeof(err)) <
			        0 ||
			    ub != u || strtoull(v, NULL, 10) != u)
				abort();
		}
		break;
	case O_RETENTION:
		if (opt_double("retention", v, 0.7, 0.99, &d, err,
		               sizeof(err)) == 0 &&
		    (!isfinite(d) || d < 0.7 || d > 0.99))
			abort();
		break;
	case O_STEPS:
		if (opt_steps("learning-steps", v, 43200, steps, 16, &n, err,
		              sizeof(err)) == 0) {
			if (n < 0 || n > 16)
				abort();
			for (int i = 0; i < n; i++)
				if (steps[i] < 1 || steps[i] > 43200)
					abort();
		} else if (err[0] == '\0') {
			abort();
		}
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *argv[MAXARGS + 1];
	struct optparse p;
	const char *value;
	int argc = 0, id, steps = 0;

	memcpy(text, data, size);
	text[size] = '\0';
	for (char *s = text; argc < MAXARGS && s <= text + size;
	     s += strlen(s) + 1)
		argv[argc++] = s;
	argv[argc] = NULL;
	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (++steps > argc)
			abort(); /* each call takes at least one argument */
		if (id == OPT_ERROR) {
			if (p.error[0] == '\0')
				abort();
			continue;
		}
		if ((id == O_FLAG) != (value == NULL))
			abort(); /* a value exactly when the option takes one */
		if (value)
			check_value(id, value);
	}
	free(text);
	return 0;
}
