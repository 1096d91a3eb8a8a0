/*
 * opt.c - long options for the commands.
 */
#include "opt.h"

#include <limits.h>
#include <math.h>
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

/* Digits only, as an unsigned value; -1 when there are none, when
 * something else follows or when the value passes 'max'. */
static int
digits(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		unsigned long long d = (unsigned long long)(*s - '0');

		if (d > max || v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int
opt_long(const char *name, const char *text, long min, long max, long *out,
         char *error, unsigned long size)
{
	unsigned long long mag;
	int neg = text[0] == '-' && min < 0;
	long v;

	/* the magnitude of LONG_MIN is LONG_MAX + 1 */
	if (digits(text + neg, (unsigned long long)LONG_MAX + neg, &mag) < 0)
		goto bad;
	v = neg ? (mag > (unsigned long long)LONG_MAX ? LONG_MIN : -(long)mag)
	        : (long)mag;
	if (v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	snprintf(error, size,
	         "'--%s' needs a whole number from %ld to %ld, not '%s'", name,
	         min, max, text);
	return -1;
}

int
opt_ullong(const char *name, const char *text, unsigned long long *out,
           char *error, unsigned long size)
{
	const char *p = text;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p == text || *p != '\0')
		snprintf(error, size, "'--%s' needs a whole number, not '%s'",
		         name, text);
	else if (digits(text, ULLONG_MAX, out) < 0)
		snprintf(error, size,
		         "'--%s' needs a whole number up to %llu, not '%s'",
		         name, ULLONG_MAX, text);
	else
		return 0;
	return -1;
}

int
opt_double(const char *name, const char *text, double min, double max,
           double *out, char *error, unsigned long size)
{
	const char *p = text;
	char *end;
	int n = 0;
	double v;

	/* [-]digits[.digits][e[+-]digits], at least one digit before e */
	if (*p == '-')
		p++;
	while (*p >= '0' && *p <= '9')
		p++, n++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			n++;
	if (n > 0 && (*p == 'e' || *p == 'E')) {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			n = 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (n == 0 || *p != '\0')
		goto bad;
	v = strtod(text, &end);
	if (*end != '\0' || !isfinite(v) || !(v >= min && v <= max))
		goto bad;
	*out = v;
	return 0;
bad:
	snprintf(error, size,
	         "'--%s' needs a number from %.2f to %.2f, not '%s'", name, min,
	         max, text);
	return -1;
}

/* The duration in the 'len' bytes at 's' ("10m", "1h", "2d") up to 'max'
 * minutes: 0 with the minutes in '*out', or -1. */
static int
duration(const char *s, size_t len, long max, long *out)
{
	char buf[32];
	unsigned long long v, unit;

	if (len < 2 || len >= sizeof(buf))
		return -1;
	switch (s[len - 1]) {
	case 'm':
		unit = 1;
		break;
	case 'h':
		unit = 60;
		break;
	case 'd':
		unit = 1440;
		break;
	default:
		return -1;
	}
	memcpy(buf, s, len - 1);
	buf[len - 1] = '\0';
	if (digits(buf, (unsigned long long)max / unit, &v) < 0)
		return -1;
	*out = (long)(v * unit);
	return 0;
}

static void
minutes_text(long m, char *buf, size_t size)
{
	if (m % 1440 == 0)
		snprintf(buf, size, "%ldd", m / 1440);
	else if (m % 60 == 0)
		snprintf(buf, size, "%ldh", m / 60);
	else
		snprintf(buf, size, "%ldm", m);
}

int
opt_steps(const char *name, const char *text, long max, int *steps, int cap,
          int *n, char *error, unsigned long size)
{
	const char *p = text;
	char hi[24];

	*n = 0;
	if (strcmp(text, "none") == 0)
		return 0;
	minutes_text(max, hi, sizeof(hi));
	for (;;) {
		size_t len;
		long v;

		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		len = strcspn(p, " ,");
		if (*n == cap) {
			snprintf(error, size,
			         "'--%s' takes at most %d steps, not '%s'",
			         name, cap, text);
			return -1;
		}
		if (duration(p, len, max, &v) < 0 || v < 1) {
			snprintf(error, size,
			         "'--%s' needs steps like 1m,10m (m, h or d; "
			         "each from 1m to %s; 'none' for no steps), "
			         "not '%s'",
			         name, hi, text);
			return -1;
		}
		steps[(*n)++] = (int)v;
		p += len;
	}
	if (*n == 0) {
		snprintf(error, size,
		         "'--%s' needs steps like 1m,10m, or 'none', not '%s'",
		         name, text);
		return -1;
	}
	return 0;
}
