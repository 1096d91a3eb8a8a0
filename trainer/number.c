/*
 * number.c - numbers as people write them.
 */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct scale {
	const char *word;
	double factor;
} scales[] = {
	{ "thousand", 1e3 }, { "k", 1e3 }, { "million", 1e6 },
	{ "mn", 1e6 },       { "m", 1e6 }, { "billion", 1e9 },
	{ "bn", 1e9 },       { "b", 1e9 }, { "trillion", 1e12 },
	{ "t", 1e12 },
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
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

int
number_parse(const char *s, struct number *out, char *why, size_t size)
{
	const char *p = skip_spaces(s);
	double mantissa = 0, factor = 1, divisor = 1, sign = 1;
	int grouped = 0, group_len = 0;
	struct number r = { 0, NUMBER_PLAIN };

	if (*p == '-' || *p == '+') {
		sign = *p == '-' ? -1 : 1;
		p++;
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

		mantissa = mantissa * 10 + (*p - '0');
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
	/* Decimal part: keep the digits exact, divide once at the end. */
	if (*p == '.' && is_digit(p[1]))
		for (p++; is_digit(*p); p++) {
			mantissa = mantissa * 10 + (*p - '0');
			divisor *= 10;
		}
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
	r.value = sign * (mantissa * factor / divisor);
	if (!isfinite(r.value)) {
		snprintf(why, size, "the number is too large");
		return -1;
	}
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

	snprintf(buf, size, "%.6f", v);
	dot = strchr(buf, '.');
	if (dot) {
		char *end = buf + strlen(buf) - 1;

		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
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

	for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		if (a >= big[i].factor) {
			number_format(v / big[i].factor, digits,
			              sizeof(digits));
			snprintf(buf, size, "%s %s", digits, big[i].word);
			return;
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
