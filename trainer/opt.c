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

/* ---- a command's options, from its table ---- */

static size_t
spec_count(const struct optspec *specs)
{
	size_t n = 0;

	while (specs && specs[n].name)
		n++;
	return n;
}

/* "unknown option '--x'", with the closest option when there is one. */
static void
unknown_option(const struct optspec *specs, size_t n, const char *arg,
               char *why, unsigned long size)
{
	const char *names[64], *close;
	size_t len = strcspn(arg, "=");
	char *word;

	if (strncmp(arg, "--", 2) != 0 || n > 64) {
		snprintf(why, size, "unknown option '%.*s'", (int)len, arg);
		return;
	}
	for (size_t i = 0; i < n; i++)
		names[i] = specs[i].name;
	word = xstrndup(arg + 2, len - 2);
	close = suggest(word, names, n);
	if (close)
		snprintf(why, size,
		         "unknown option '--%s' (did you mean '--%s'?)", word,
		         close);
	else
		snprintf(why, size, "unknown option '--%s'", word);
	free(word);
}

/* Check and keep one value of option 'i'. */
static int
take(struct args *a, size_t i, const char *value, char *why, unsigned long size)
{
	const struct optspec *s = &a->specs[i];
	struct optvalue *v = &a->v[i];

	if (v->set && !s->repeat) {
		snprintf(why, size, "'--%s' is given twice", s->name);
		return -1;
	}
	v->set = 1;
	v->text = value;
	switch (s->kind) {
	case OPTK_FLAG:
		break;
	case OPTK_TEXT:
		if (*value == '\0' && !s->empty_ok) {
			const char *meta = s->meta ? s->meta : "";

			snprintf(why, size, "'--%s' needs %s", s->name,
			         strcmp(meta, "FILE") == 0   ? "a file"
			         : strcmp(meta, "PATH") == 0 ? "a path"
			                                     : "a value");
			return -1;
		}
		break;
	case OPTK_LONG:
		if (opt_long(s->name, value, (long)s->min, (long)s->max, &v->n,
		             why, size) < 0)
			return -1;
		break;
	case OPTK_DOUBLE:
		if (opt_double(s->name, value, s->min, s->max, &v->d, why,
		               size) < 0)
			return -1;
		break;
	}
	if (s->repeat)
		strlist_push(&v->all, value);
	return 0;
}

int
args_parse(struct args *a, const struct optspec *specs, int argc, char **argv,
           char *why, unsigned long size)
{
	size_t n = spec_count(specs);
	struct opt *opts = xcalloc(n + 1, sizeof(*opts));
	struct optparse p;
	const char *value;
	int id, rc = 0;

	memset(a, 0, sizeof(*a));
	a->specs = specs;
	a->v = xcalloc(n + 1, sizeof(*a->v));
	a->pos = xcalloc((size_t)argc + 1, sizeof(*a->pos));
	a->longs = xcalloc((size_t)argc + 1, sizeof(*a->longs));
	a->argc = argc;
	/* "-o" is the option whose short name it is, before a "--" */
	a->argv = xcalloc((size_t)argc + 1, sizeof(*a->argv));
	for (int i = 0, dashdash = 0; i < argc; i++) {
		a->argv[i] = argv[i];
		dashdash |= strcmp(argv[i], "--") == 0;
		for (size_t k = 0; !dashdash && k < n; k++)
			if (specs[k].short_name && argv[i][0] == '-' &&
			    argv[i][1] == specs[k].short_name &&
			    argv[i][2] == '\0')
				a->argv[i] = a->longs[i] =
				    xasprintf("--%s", specs[k].name);
	}
	argv = a->argv;
	for (size_t i = 0; i < n; i++) {
		opts[i].name = specs[i].name;
		opts[i].has_arg = specs[i].kind != OPTK_FLAG;
		opts[i].id = (int)i + 1;
	}
	opt_init(&p, argc, argv);
	while (rc == 0 && (id = opt_next(&p, opts, &value)) != OPT_END) {
		const char *arg = p.argv[p.i - 1];

		if (id == OPT_ARG) {
			a->pos[a->npos++] = (char *)value;
		} else if (id == OPT_ERROR && arg[0] == '-' &&
		           (arg[1] == '.' ||
		            (arg[1] >= '0' && arg[1] <= '9'))) {
			a->pos[a->npos++] = (char *)arg; /* a negative number */
		} else if (id == OPT_ERROR) {
			if (strstr(p.error, "unknown option"))
				unknown_option(specs, n, arg, why, size);
			else
				snprintf(why, size, "%s", p.error);
			rc = -1;
		} else {
			rc = take(a, (size_t)id - 1, value ? value : "", why,
			          size);
		}
	}
	free(opts);
	return rc;
}

void
args_release(struct args *a)
{
	size_t n = spec_count(a->specs);

	for (size_t i = 0; a->v && i < n; i++)
		strlist_release(&a->v[i].all);
	for (int i = 0; a->longs && i < a->argc; i++)
		free(a->longs[i]);
	free(a->longs);
	free(a->argv);
	free(a->v);
	free(a->pos);
	memset(a, 0, sizeof(*a));
}

static const struct optvalue *
value_of(const struct args *a, const char *name)
{
	for (size_t i = 0; a->specs && a->specs[i].name; i++)
		if (strcmp(a->specs[i].name, name) == 0)
			return &a->v[i];
	/* a name missing from the command's table is a program error */
	fprintf(stderr, "trainer: internal error: no option '--%s'\n", name);
	abort();
}

int
args_has(const struct args *a, const char *name)
{
	return value_of(a, name)->set;
}

const char *
args_text(const struct args *a, const char *name)
{
	const struct optvalue *v = value_of(a, name);

	return v->set ? v->text : NULL;
}

long
args_long(const struct args *a, const char *name, long unset)
{
	const struct optvalue *v = value_of(a, name);

	return v->set ? v->n : unset;
}

double
args_double(const struct args *a, const char *name, double unset)
{
	const struct optvalue *v = value_of(a, name);

	return v->set ? v->d : unset;
}

const struct strlist *
args_all(const struct args *a, const char *name)
{
	return &value_of(a, name)->all;
}
