/*
 * opt.c - long options for the commands.
 */
#include "opt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
opt_init(struct optparse *p, int argc, char **argv)
{
	memset(p, 0, sizeof(*p));
	p->argc = argc;
	p->argv = argv;
}

int
opt_next(struct optparse *p, const struct opt *opts, const char **value)
{
	const char *arg, *eq;
	size_t len;

	*value = NULL;
	if (p->i >= p->argc)
		return OPT_END;
	arg = p->argv[p->i++];
	if (p->dashdash || arg[0] != '-' || arg[1] == '\0') {
		*value = arg;
		return OPT_ARG;
	}
	if (strcmp(arg, "--") == 0) {
		p->dashdash = 1;
		return opt_next(p, opts, value);
	}
	if (strcmp(arg, "-h") == 0)
		arg = "--help";
	if (arg[1] != '-') {
		snprintf(p->error, sizeof(p->error), "unknown option '%s'",
		         arg);
		return OPT_ERROR;
	}
	arg += 2;
	eq = strchr(arg, '=');
	len = eq ? (size_t)(eq - arg) : strlen(arg);
	for (const struct opt *o = opts; o->name; o++) {
		if (strlen(o->name) != len || strncmp(o->name, arg, len) != 0)
			continue;
		if (!o->has_arg && eq) {
			snprintf(p->error, sizeof(p->error),
			         "option '--%s' takes no value", o->name);
			return OPT_ERROR;
		}
		if (o->has_arg && eq) {
			*value = eq + 1;
		} else if (o->has_arg) {
			if (p->i >= p->argc) {
				snprintf(p->error, sizeof(p->error),
				         "option '--%s' needs a value",
				         o->name);
				return OPT_ERROR;
			}
			*value = p->argv[p->i++];
		}
		return o->id;
	}
	snprintf(p->error, sizeof(p->error), "unknown option '--%.*s'",
	         (int)len, arg);
	return OPT_ERROR;
}

int
opt_long(const char *name, const char *text, long min, long max, long *out,
         char *error, unsigned long size)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end != '\0' || v < min || v > max) {
		snprintf(error, size,
		         "'--%s' needs a whole number from %ld to %ld, not "
		         "'%s'",
		         name, min, max, text);
		return -1;
	}
	*out = v;
	return 0;
}
