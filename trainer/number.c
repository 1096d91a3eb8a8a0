/*
 * number.c - numbers as people write them.
 */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static const struct scale {
	const char *word;
	double factor;
} scales[] = {
	{ "thousand", 1e3 },  { "k", 1e3 },       { "million", 1e6 },
	{ "mn", 1e6 },        { "mil", 1e6 },     { "mln", 1e6 },
	{ "m", 1e6 },         { "billion", 1e9 }, { "bn", 1e9 },
	{ "bil", 1e9 },       { "bln", 1e9 },     { "b", 1e9 },
	{ "trillion", 1e12 }, { "trn", 1e12 },    { "tr", 1e12 },
	{ "tn", 1e12 },       { "t", 1e12 },
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of a group separator at 's': ',', ' ', U+00A0 or U+202F. */
static size_t
separator(const char *s)
{
	if (*s == ',' || *s == ' ')
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

static const char *
skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * The digits of a number, as many as a double can tell apart and a power
 * of ten: "0012.50" is "125" and -1.  Digits past NUMBER_SIG count only in
 * the exponent, so a number of any length is read in one pass.
 */
#define NUMBER_SIG 40

struct mantissa {
	char sig[NUMBER_SIG + 1];
	size_t nsig;
	long exp10;
};

static void
mantissa_digit(struct mantissa *m, int c, int decimal)
{
	if (m->nsig == 0 && c == '0') {
		if (decimal)
			m->exp10--; /* a leading zero after the point */
		return;
	}
	if (m->nsig < NUMBER_SIG) {
		m->sig[m->nsig++] = (char)c;
		if (decimal)
			m->exp10--;
	} else if (!decimal && m->exp10 < NUMBER_MAX_DIGITS) {
		m->exp10++; /* past what a double holds: only its size counts */
	}
}

/* The value of 'm', or HUGE_VAL when it passes the double range. */
static double
mantissa_value(struct mantissa *m)
{
	char buf[NUMBER_SIG + 32];

	if (m->nsig == 0)
		return 0;
	if ((long)m->nsig + m->exp10 > NUMBER_MAX_DIGITS)
		return HUGE_VAL;
	/* digits and an exponent: no decimal mark, so no locale */
	snprintf(buf, sizeof(buf), "%.*se%ld", (int)m->nsig, m->sig, m->exp10);
	return strtod(buf, NULL);
}

int
number_parse(const char *s, struct number *out, char *why, size_t size)
{
	const char *p = skip_spaces(s);
	double factor = 1, sign = 1;
	int grouped = 0, group_len = 0;
	struct mantissa m = { .nsig = 0 };
	struct number r = { 0, NUMBER_PLAIN };

	if (*p == '-' || *p == '+') {
		sign = *p == '-' ? -1 : 1;
		p++;
	} else if (strncmp(p, "\xe2\x88\x92", 3) == 0) {
		sign = -1; /* U+2212 MINUS SIGN */
		p += 3;
	}
	if (*p == '$') {
		r.unit = NUMBER_DOLLARS;
		p = skip_spaces(p + 1);
	}
	if (!is_digit(*p) && !(*p == '.' && is_digit(p[1]))) {
		snprintf(why, size,
		         "expected a number written with digits, "
		         "like 142,901 or 2.3 billion");
		return -1;
	}
	/* Integer part, with separators between groups of three. */
	while (is_digit(*p)) {
		size_t sep;

		mantissa_digit(&m, *p, 0);
		group_len++;
		p++;
		sep = separator(p);
		if (sep && is_digit(p[sep])) {
			if ((grouped && group_len != 3) || group_len > 3)
				goto bad_groups;
			grouped = 1;
			group_len = 0;
			p += sep;
		}
	}
	if (grouped && group_len != 3)
		goto bad_groups;
	/* Decimal part: the digits are kept, the point is an exponent. */
	if (*p == '.' && is_digit(p[1]))
		for (p++; is_digit(*p); p++)
			mantissa_digit(&m, *p, 1);
	p = skip_spaces(p);
	for (size_t i = 0; i < sizeof(scales) / sizeof(scales[0]); i++) {
		size_t n = strlen(scales[i].word);

		if (strncasecmp(p, scales[i].word, n) == 0 &&
		    !((p[n] >= 'a' && p[n] <= 'z') ||
		      (p[n] >= 'A' && p[n] <= 'Z'))) {
			factor = scales[i].factor;
			p = skip_spaces(p + n);
			break;
		}
	}
	if (*p == '%' || strncasecmp(p, "percent", 7) == 0) {
		if (r.unit == NUMBER_DOLLARS) {
			snprintf(why, size,
			         "a number is either dollars or "
			         "a percentage, not both");
			return -1;
		}
		r.unit = NUMBER_PERCENT;
		p = skip_spaces(p + (*p == '%' ? 1 : 7));
	}
	if (*p != '\0') {
		snprintf(why, size, "unexpected '%s' after the number", p);
		return -1;
	}
	r.value = sign * (mantissa_value(&m) * factor);
	if (!(fabs(r.value) <= NUMBER_MAX)) {
		snprintf(why, size, "%s", NUMBER_TOO_LARGE);
		return NUMBER_RANGE;
	}
	if (r.value == 0)
		r.value = 0; /* no -0 */
	*out = r;
	return 0;

bad_groups:
	snprintf(why, size,
	         "thousands separators go between groups of three digits (a "
	         "decimal is written with a point, like 12.34)");
	return -1;
}

void
number_format(double v, char *buf, size_t size)
{
	char *dot;

	if (v == 0)
		v = 0; /* "0", not "-0" */
	if (!(fabs(v) < 1e18)) {
		/* past NUMBER_MAX: never from a parser, kept short anyway */
		snprintf(buf, size, "%.6g", v);
		return;
	}
	snprintf(buf, size, "%.6f", v);
	dot = strchr(buf, '.');
	if (dot) {
		char *end = buf + strlen(buf) - 1;

		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0"); /* -0.0000001 rounds to 0 */
}

void
number_format_words(double v, char *buf, size_t size)
{
	static const struct {
		double factor;
		const char *word;
	} big[] = { { 1e12, "trillion" },
		    { 1e9, "billion" },
		    { 1e6, "million" } };
	char digits[64], *dot;
	size_t n, lead, k = 0;
	double a = fabs(v);

	/* the largest scale whose figure, as shown (six decimals), is at
	 * least 1: 999,999,999,999 is "1 trillion", not "1000 billion" */
	for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
		if (a < big[i].factor / 2)
			continue;
		number_format(v / big[i].factor, digits, sizeof(digits));
		if (digits[digits[0] == '-'] != '0') {
			snprintf(buf, size, "%s %s", digits, big[i].word);
			return;
		}
	}
	number_format(v, digits, sizeof(digits));
	/* thousands separators in the whole part */
	dot = strchr(digits, '.');
	n = dot ? (size_t)(dot - digits) : strlen(digits);
	lead = digits[0] == '-';
	for (size_t i = 0; i < n && k + 2 < size; i++) {
		if (i > lead && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	snprintf(buf + k, size - k, "%s", digits + n);
}

/* A word of a number written out, and what it stands for. */
enum word_kind { W_SMALL, W_TENS, W_HUNDRED, W_SCALE, W_OTHER };

static const struct number_word {
	const char *word;
	enum word_kind kind;
	double value;
} number_words[] = {
	{ "zero", W_SMALL, 0 },       { "one", W_SMALL, 1 },
	{ "two", W_SMALL, 2 },        { "three", W_SMALL, 3 },
	{ "four", W_SMALL, 4 },       { "five", W_SMALL, 5 },
	{ "six", W_SMALL, 6 },        { "seven", W_SMALL, 7 },
	{ "eight", W_SMALL, 8 },      { "nine", W_SMALL, 9 },
	{ "ten", W_SMALL, 10 },       { "eleven", W_SMALL, 11 },
	{ "twelve", W_SMALL, 12 },    { "thirteen", W_SMALL, 13 },
	{ "fourteen", W_SMALL, 14 },  { "fifteen", W_SMALL, 15 },
	{ "sixteen", W_SMALL, 16 },   { "seventeen", W_SMALL, 17 },
	{ "eighteen", W_SMALL, 18 },  { "nineteen", W_SMALL, 19 },
	{ "twenty", W_TENS, 20 },     { "thirty", W_TENS, 30 },
	{ "forty", W_TENS, 40 },      { "fourty", W_TENS, 40 },
	{ "fifty", W_TENS, 50 },      { "sixty", W_TENS, 60 },
	{ "seventy", W_TENS, 70 },    { "eighty", W_TENS, 80 },
	{ "ninety", W_TENS, 90 },     { "hundred", W_HUNDRED, 100 },
	{ "thousand", W_SCALE, 1e3 }, { "million", W_SCALE, 1e6 },
	{ "billion", W_SCALE, 1e9 },  { "trillion", W_SCALE, 1e12 },
};

static const struct number_word *
find_number_word(const char *w)
{
	for (size_t i = 0; i < sizeof(number_words) / sizeof(number_words[0]);
	     i++)
		if (strcasecmp(w, number_words[i].word) == 0)
			return &number_words[i];
	return NULL;
}

/* Copy the next word of 's' (letters, or one of '$' and '%') into 'w';
 * return where it ends, or NULL at the end of 's'. */
static const char *
next_word(const char *s, char *w, size_t size)
{
	size_t n = 0;

	while (*s == ' ' || *s == '\t' || *s == '-' || *s == ',')
		s++;
	if (*s == '\0')
		return NULL;
	if (*s == '$' || *s == '%') {
		w[0] = *s;
		w[1] = '\0';
		return s + 1;
	}
	while (*s && *s != ' ' && *s != '\t' && *s != '-' && *s != ',' &&
	       *s != '$' && *s != '%') {
		if (n + 1 < size)
			w[n++] = *s;
		s++;
	}
	w[n] = '\0';
	return s;
}

int
number_parse_words(const char *s, struct number *out, char *why, size_t size)
{
	char w[32], prev[32] = "";
	const char *p = s;
	double total = 0, group = 0, frac = 0, frac_div = 1, last_scale = 0;
	int have_hundred = 0, have_tens = 0, have_units = 0, one = 0;
	int seen = 0, zero = 0, point = 0, done = 0, ended = 0, pending_and = 0;
	struct number r = { 0, NUMBER_PLAIN };

	snprintf(why, size, "expected a number");
	while ((p = next_word(p, w, sizeof(w))) != NULL) {
		const struct number_word *nw = find_number_word(w);

		if (ended) {
			snprintf(why, size, "unexpected '%s' after the number",
			         w);
			return -1;
		}
		if (strcmp(w, "$") == 0) {
			if (seen || r.unit != NUMBER_PLAIN)
				goto bad_order;
			r.unit = NUMBER_DOLLARS;
		} else if (strcasecmp(w, "and") == 0) {
			if (!seen || point || pending_and)
				goto bad_order;
			pending_and = 1;
			snprintf(prev, sizeof(prev), "%s", w);
			continue;
		} else if (strcasecmp(w, "a") == 0 ||
		           strcasecmp(w, "an") == 0) {
			if (group != 0 || one || point || done)
				goto bad_order;
			one = 1;
		} else if (strcasecmp(w, "point") == 0) {
			if (!seen || point || done || one)
				goto bad_order;
			point = 1;
		} else if (strcmp(w, "%") == 0 ||
		           strcasecmp(w, "percent") == 0 ||
		           strcasecmp(w, "per") == 0) {
			if (strcasecmp(w, "per") == 0 &&
			    ((p = next_word(p, w, sizeof(w))) == NULL ||
			     strcasecmp(w, "cent") != 0))
				goto not_word;
			if (!seen || r.unit == NUMBER_DOLLARS)
				goto bad_order;
			r.unit = NUMBER_PERCENT;
			ended = 1;
		} else if (strcasecmp(w, "dollars") == 0 ||
		           strcasecmp(w, "dollar") == 0) {
			if (!seen || r.unit != NUMBER_PLAIN)
				goto bad_order;
			r.unit = NUMBER_DOLLARS;
			ended = 1;
		} else if (nw == NULL) {
			goto not_word;
		} else if (point) {
			/* digits after "point", then perhaps one scale */
			if (nw->kind == W_SMALL && nw->value < 10 && !done) {
				frac_div *= 10;
				frac += nw->value / frac_div;
			} else if (nw->kind == W_SCALE && frac_div > 1 &&
			           (last_scale == 0 ||
			            nw->value < last_scale)) {
				total += (group + frac) * nw->value;
				group = frac = 0;
				done = 1;
			} else {
				goto bad_order;
			}
		} else if (done || zero) {
			goto bad_order;
		} else if (nw->kind == W_SMALL && nw->value == 0) {
			if (seen)
				goto bad_order;
			zero = 1;
		} else if (nw->kind == W_SMALL || nw->kind == W_TENS) {
			int teen = nw->kind == W_SMALL && nw->value >= 10;

			if (one || have_units || (have_tens && teen) ||
			    (have_tens && nw->kind == W_TENS))
				goto bad_order;
			have_units = nw->kind == W_SMALL;
			have_tens = nw->kind == W_TENS || teen;
			group += nw->value;
		} else if (nw->kind == W_HUNDRED) {
			if (have_hundred || (group == 0 && !one && seen))
				goto bad_order;
			group = (group == 0 ? 1 : group) * 100;
			have_hundred = 1;
			have_tens = have_units = one = 0;
		} else { /* W_SCALE */
			if ((group == 0 && !one && seen) ||
			    (last_scale != 0 && nw->value >= last_scale))
				goto bad_order;
			total += (group == 0 ? 1 : group) * nw->value;
			last_scale = nw->value;
			group = 0;
			have_hundred = have_tens = have_units = one = 0;
		}
		if (nw != NULL)
			seen = 1;
		pending_and = 0;
		snprintf(prev, sizeof(prev), "%s", w);
	}
	if (!seen || one || pending_and || (point && frac_div == 1)) {
		snprintf(why, size, "expected a number");
		return -1;
	}
	r.value = total + group + frac;
	if (!(r.value <= NUMBER_MAX)) { /* "thirty hundred six trillion" */
		snprintf(why, size, "%s", NUMBER_TOO_LARGE);
		return NUMBER_RANGE;
	}
	*out = r;
	return 0;

not_word:
	snprintf(why, size, "'%s' is not a number word", w);
	return -1;
bad_order:
	if (prev[0])
		snprintf(why, size, "'%s' cannot come after '%s'", w, prev);
	else
		snprintf(why, size, "'%s' cannot come first", w);
	return -1;
}

enum number_unit
number_unit_word(const char *w)
{
	static const char *const dollars[] = { "$",   "dollar", "dollars",
		                               "usd", "us$",    "bucks" };
	static const char *const percent[] = { "%", "percent", "pct",
		                               "percentage" };

	for (size_t i = 0; i < sizeof(dollars) / sizeof(dollars[0]); i++)
		if (strcasecmp(w, dollars[i]) == 0)
			return NUMBER_DOLLARS;
	for (size_t i = 0; i < sizeof(percent) / sizeof(percent[0]); i++)
		if (strcasecmp(w, percent[i]) == 0)
			return NUMBER_PERCENT;
	return NUMBER_PLAIN;
}

/* Skip the words that hedge a figure ("about", "more than") at 's'. */
static const char *
skip_hedges(const char *s)
{
	static const char *const hedges[] = {
		"more than", "less than", "fewer than", "at least",
		"at most",   "just over", "just under", "approximately",
		"approx.",   "approx",    "about",      "around",
		"roughly",   "nearly",    "almost",     "over",
		"under",     "some",      "circa",      "ca.",
		"c.",        "exactly",   "~",          "\xe2\x89\x88" /* ≈ */,
	};
	int again = 1;

	while (again) {
		again = 0;
		s = skip_spaces(s);
		for (size_t i = 0; i < sizeof(hedges) / sizeof(hedges[0]);
		     i++) {
			size_t n = strlen(hedges[i]);

			if (strncasecmp(s, hedges[i], n) == 0 &&
			    !is_alpha(s[n])) {
				s += n;
				again = 1;
				break;
			}
		}
	}
	return s;
}

/* Read 's' with number_parse, else number_parse_words.  0, -1, or
 * NUMBER_RANGE for digits past NUMBER_MAX. */
static int
parse_digits_or_words(const char *s, struct number *n)
{
	char why[160];
	int rc = number_parse(s, n, why, sizeof(why));

	if (rc == 0 || rc == NUMBER_RANGE)
		return rc;
	return number_parse_words(s, n, why, sizeof(why));
}

/* Would the word 'w' make the figure a range or a sum ("5 or 6", "five
 * to six"), or is it a number itself? */
static int
joins_numbers(const char *w)
{
	struct number num;

	return strcasecmp(w, "or") == 0 || strcasecmp(w, "to") == 0 ||
	       strcasecmp(w, "and") == 0 || parse_digits_or_words(w, &num) == 0;
}

/* Write "thousands" and the like in the singular, in place. */
static void
singular_scales(char *s)
{
	static const char *const plurals[] = { "thousands", "millions",
		                               "billions", "trillions" };

	for (char *w = s; *w; w++) {
		if (w != s && w[-1] != ' ' && !is_digit(w[-1]))
			continue;
		for (size_t i = 0; i < sizeof(plurals) / sizeof(plurals[0]);
		     i++) {
			size_t k = strlen(plurals[i]);

			if (strncasecmp(w, plurals[i], k) == 0 &&
			    (w[k] == '\0' || w[k] == ' '))
				memmove(w + k - 1, w + k, strlen(w + k) + 1);
		}
	}
}

int
number_parse_answer(const char *s, struct number *out, char *rest, size_t size)
{
	char *buf, words[3][32];
	size_t len, nwords = 0;
	enum number_unit unit = NUMBER_PLAIN;
	int rc = -1;

	if (rest && size)
		rest[0] = '\0';
	s = skip_hedges(s);
	/* "US$2.3 billion", "USD 2.3 billion": '$' */
	if (strncasecmp(s, "us$", 3) == 0 || strncasecmp(s, "usd", 3) == 0)
		buf = xasprintf("$%s", s + 3);
	else
		buf = xstrdup(s);
	singular_scales(buf);
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t' ||
	                   buf[len - 1] == '+' || buf[len - 1] == '.'))
		buf[--len] = '\0';
	/* the whole, then without one, two or three words at the end */
	while ((rc = parse_digits_or_words(buf, out)) == -1 && nwords < 3) {
		char *w = buf + len;

		while (w > buf &&
		       (is_alpha(w[-1]) || w[-1] == '.' || w[-1] == '\'' ||
		        w[-1] == '$' || w[-1] == '%'))
			w--;
		if (w == buf + len || w == buf ||
		    (size_t)(buf + len - w) >= sizeof(words[0]) ||
		    joins_numbers(w))
			break;
		snprintf(words[nwords], sizeof(words[0]), "%s", w);
		if (nwords > 0 && strcasecmp(words[nwords], "per") == 0 &&
		    strcasecmp(words[nwords - 1], "cent") == 0)
			snprintf(words[nwords - 1], sizeof(words[0]),
			         "percent"); /* "8 per cent" */
		else
			nwords++;
		len = (size_t)(w - buf);
		while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
			len--;
		buf[len] = '\0';
	}
	if (rc < 0)
		goto out;
	/* the words after the number, in the order typed */
	for (size_t i = nwords; i-- > 0;) {
		enum number_unit u = number_unit_word(words[i]);

		if (u == NUMBER_PLAIN) {
			if (rest && size) {
				size_t at = strlen(rest);

				snprintf(rest + at, size - at, "%s%s",
				         at ? " " : "", words[i]);
			}
		} else if ((unit != NUMBER_PLAIN && unit != u) ||
		           (out->unit != NUMBER_PLAIN && out->unit != u)) {
			rc = -1; /* "$5 percent", "5 dollars percent" */
			goto out;
		} else {
			unit = u;
		}
	}
	if (unit != NUMBER_PLAIN)
		out->unit = unit;
out:
	free(buf);
	return rc;
}
