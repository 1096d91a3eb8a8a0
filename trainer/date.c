/*
 * date.c - calendar dates with a precision.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const date_month_names[12] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

/* Read exactly 'n' digits at *p into *out; advance *p. */
static int
digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

int
date_parse_iso(const char *s, struct date *d, char *why, size_t size)
{
	const char *p = s;
	struct date r = { 0, 0, 0 };
	int has_month = 0, has_day = 0;

	snprintf(why, size, "expected YYYY, YYYY-MM or YYYY-MM-DD");
	while (*p == ' ')
		p++;
	if (digits(&p, 4, &r.year) < 0)
		return -1;
	if (*p == '-') {
		p++;
		has_month = 1;
		if (digits(&p, 2, &r.month) < 0)
			return -1;
		if (*p == '-') {
			p++;
			has_day = 1;
			if (digits(&p, 2, &r.day) < 0)
				return -1;
		}
	}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return -1;
	if (r.year < 1) {
		snprintf(why, size, "there is no year 0");
		return -1;
	}
	if (has_month && (r.month < 1 || r.month > 12)) {
		snprintf(why, size, "a month is 01 to 12");
		return -1;
	}
	if (has_day && r.day < 1) {
		snprintf(why, size, "there is no day 00");
		return -1;
	}
	if (has_day && r.day > date_days_in_month(r.year, r.month)) {
		snprintf(why, size, "%s %d has %d days",
		         date_month_names[r.month - 1], r.year,
		         date_days_in_month(r.year, r.month));
		return -1;
	}
	*d = r;
	return 0;
}

void
date_format_iso(const struct date *d, char *buf, size_t size)
{
	if (d->month == 0)
		snprintf(buf, size, "%04d", d->year);
	else if (d->day == 0)
		snprintf(buf, size, "%04d-%02d", d->year, d->month);
	else
		snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month,
		         d->day);
}

void
date_format_words(const struct date *d, char *buf, size_t size)
{
	/* a year of one or two digits would read as a day: "AD 9" */
	const char *ad = d->year < 100 ? "AD " : "";

	if (d->month < 1 || d->month > 12)
		snprintf(buf, size, "%s%d", ad, d->year);
	else if (d->day == 0)
		snprintf(buf, size, "%s %s%d", date_month_names[d->month - 1],
		         ad, d->year);
	else
		snprintf(buf, size, "%d %s %s%d", d->day,
		         date_month_names[d->month - 1], ad, d->year);
}

long
date_day_number(const struct date *d)
{
	/* Count in years that start on 1 March, so the leap day falls at
	 * the end of its year; 0001-01-01 is day 306 of year 0. */
	long y = d->year, m = d->month ? d->month : 1;
	long day = d->day ? d->day : 1;
	long era, yoe, doy;

	if (m <= 2)
		y--;
	era = y / 400; /* years are 1..9999, so y >= 0 */
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 306;
}

/* A token of a date typed in free form. */
struct date_tok {
	int month; /* 1-12 for a month name or "10월", -1 for "13월", else 0 */
	int value;   /* a number as written */
	int ndigits; /* digits in the number; 0 for a month name */
	int role;    /* 'Y', 'M' or 'D' when the writing says, else 0 */
	char sep;    /* separator before it: '/', '-', '.', ' ' or 0 */
	int era;     /* a year marked by "AD" or "CE": any number of digits */
};

#define DATE_MAX_TOKS 8

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does 'w' ('n' letters, any case) name 'full', in full or by its first
 * three letters or more? */
static int
names(const char *w, size_t n, const char *full)
{
	return n >= 3 && n <= strlen(full) && strncasecmp(w, full, n) == 0;
}

/* Read the words and numbers of 's' into 'toks'; skip weekdays and the
 * words "of", "the", "in", "on", "AD" and "CE".  Returns the number of
 * tokens, or -1 (with 'why' filled when there is more to say than the
 * caller's "write it like"). */
static int
date_tokens(const char *s, struct date_tok *toks, char *why, size_t size)
{
	static const char *const weekdays[] = { "monday",    "tuesday",
		                                "wednesday", "thursday",
		                                "friday",    "saturday",
		                                "sunday" };
	static const char *const filler[6] = { "of", "the", "in",
		                               "on", "ad",  "ce" };
	static const struct {
		const char *utf8;
		int role;
	} suffix[] = {
		{ "\xeb\x85\x84", 'Y' }, /* Korean nyeon, year */
		{ "\xec\x9b\x94", 'M' }, /* wol, month */
		{ "\xec\x9d\xbc", 'D' }, /* il, day */
		{ "\xe5\xb9\xb4", 'Y' }, /* Chinese and Japanese year */
		{ "\xe6\x9c\x88", 'M' }, /* month */
		{ "\xe6\x97\xa5", 'D' }, /* day */
	};
	const char *p = s;
	int n = 0, era = 0;
	char sep = 0;

	while (*p) {
		struct date_tok t = { 0, 0, 0, 0, 0, 0 };

		if (*p == ' ' || *p == '\t' || *p == ',') {
			if (sep == 0)
				sep = ' ';
			p++;
			continue;
		}
		if (n == 0 &&
		    (*p == '-' || strncmp(p, "\xe2\x88\x92", 3) == 0)) {
			/* "-1953" is not 1953 (U+2212 is a minus too) */
			snprintf(why, size,
			         "a date has no minus sign; write it like 1 "
			         "October 1953");
			return -1;
		}
		if (n == 0 && (*p == '/' || *p == '.'))
			return -1;
		if (*p == '/' || *p == '-' || *p == '.') {
			/* one punctuation mark, perhaps with spaces */
			sep = sep == 0 || sep == ' ' ? *p : 'x';
			p++;
			continue;
		}
		if (n == DATE_MAX_TOKS)
			return -1;
		t.sep = n == 0 ? 0 : sep;
		if (*p >= '0' && *p <= '9') {
			while (*p >= '0' && *p <= '9') {
				if (++t.ndigits > 4) {
					snprintf(
					    why, size,
					    "a number in a date has at most "
					    "4 digits (years go up to "
					    "9999)");
					return -1;
				}
				t.value = t.value * 10 + (*p++ - '0');
			}
			if ((strncasecmp(p, "st", 2) == 0 ||
			     strncasecmp(p, "nd", 2) == 0 ||
			     strncasecmp(p, "rd", 2) == 0 ||
			     strncasecmp(p, "th", 2) == 0) &&
			    !is_alpha(p[2])) {
				t.role = 'D';
				p += 2;
			}
			for (size_t i = 0; i < 6 && t.role == 0; i++) {
				const char *k = p;

				while (*k == ' ')
					k++;
				if (strncmp(k, suffix[i].utf8, 3) == 0) {
					t.role = suffix[i].role;
					p = k + 3;
				}
			}
			if (era && t.role == 0) {
				t.role = 'Y';
				t.era = 1;
			}
			era = 0;
			if (t.role == 'M') {
				t.month = t.value;
				if (t.month < 1 || t.month > 12)
					t.month = -1;
			}
		} else if (is_alpha(*p)) {
			const char *w = p;
			size_t len, skip = 0;

			while (is_alpha(*p))
				p++;
			len = (size_t)(p - w);
			for (int m = 0; m < 12 && t.month == 0; m++)
				if (names(w, len, date_month_names[m]) ||
				    (len == 4 &&
				     strncasecmp(w, "sept", 4) == 0 && m == 8))
					t.month = m + 1;
			for (size_t i = 0; i < 7 && t.month == 0; i++)
				if (names(w, len, weekdays[i]))
					skip = 1;
			for (size_t i = 0; i < 6; i++)
				if (strlen(filler[i]) == len &&
				    strncasecmp(w, filler[i], len) == 0)
					skip = 1;
			if (len == 2 && (strncasecmp(w, "ad", 2) == 0 ||
			                 strncasecmp(w, "ce", 2) == 0)) {
				/* "9 AD" or "AD 9": the number is a year */
				if (n > 0 && toks[n - 1].ndigits > 0 &&
				    toks[n - 1].role == 0) {
					toks[n - 1].role = 'Y';
					toks[n - 1].era = 1;
				} else {
					era = 1;
				}
			}
			if (skip)
				continue; /* the separator carries on */
			if (t.month == 0)
				return -1;
			t.role = 'M';
		} else {
			return -1;
		}
		toks[n++] = t;
		sep = 0;
	}
	return n;
}

/* Is 'd' a real date?  0, or -1 with 'why' filled. */
static int
date_check(const struct date *d, char *why, size_t size)
{
	if (d->year < 1 || d->year > 9999) {
		snprintf(why, size, "there is no year %d", d->year);
		return -1;
	}
	if (d->month == 0 && d->day == 0)
		return 0;
	if (d->month < 1 || d->month > 12) {
		snprintf(why, size, "there is no month %d", d->month);
		return -1;
	}
	if (d->day > date_days_in_month(d->year, d->month)) {
		snprintf(why, size, "%s %d has %d days",
		         date_month_names[d->month - 1], d->year,
		         date_days_in_month(d->year, d->month));
		return -1;
	}
	return 0;
}

/* All numbers, joined by one kind of mark: "1953-10-01", "10/1/1953". */
static int
date_numeric(const struct date_tok *t, int n, struct date out[2], char *why,
             size_t size)
{
	struct date r[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
	int nr = 1, good = 0;
	char first_why[100] = "";

	for (int i = 0; i < n; i++)
		if (t[i].role != 0 || t[i].ndigits == 0)
			return -2;
	for (int i = 1; i < n; i++)
		if (t[i].sep != t[1].sep ||
		    (t[i].sep != '/' && t[i].sep != '-' && t[i].sep != '.'))
			return -2;
	if (n == 1 && t[0].ndigits >= 3) {
		r[0].year = t[0].value;
	} else if (n >= 2 && t[0].ndigits >= 3 && t[1].ndigits <= 2 &&
	           (n == 2 || t[2].ndigits <= 2)) {
		/* year first: Y-M-D */
		r[0].year = t[0].value;
		r[0].month = t[1].value;
		r[0].day = n == 3 ? t[2].value : 0;
		if (r[0].month == 0) {
			snprintf(why, size, "there is no month 0");
			return -1;
		}
		if (n == 3 && r[0].day == 0) {
			snprintf(why, size, "there is no day 0");
			return -1;
		}
	} else if (n == 2 && t[0].ndigits <= 2 && t[1].ndigits >= 3) {
		r[0].year = t[1].value; /* month/year */
		r[0].month = t[0].value;
		if (r[0].month == 0) {
			snprintf(why, size, "there is no month 0");
			return -1;
		}
	} else if (n == 3 && t[0].ndigits <= 2 && t[1].ndigits <= 2 &&
	           t[2].ndigits >= 3) {
		if (t[0].value == 0 || t[1].value == 0) {
			snprintf(why, size, "there is no day 0");
			return -1;
		}
		/* month first, then day first */
		r[0].year = r[1].year = t[2].value;
		r[0].month = r[1].day = t[0].value;
		r[0].day = r[1].month = t[1].value;
		nr = t[0].value == t[1].value ? 1 : 2;
		if (t[0].value > 12 && t[1].value > 12) {
			snprintf(why, size, "neither %d nor %d is a month",
			         t[0].value, t[1].value);
			return -1;
		}
	} else {
		return -2;
	}
	for (int i = 0; i < nr; i++) {
		char w[100];

		if (date_check(&r[i], w, sizeof(w)) == 0) {
			out[good++] = r[i];
			continue;
		}
		/* say what is wrong with the reading whose month exists */
		if (first_why[0] == '\0' &&
		    ((r[i].month >= 1 && r[i].month <= 12) || i == nr - 1))
			snprintf(first_why, sizeof(first_why), "%s", w);
	}
	if (good == 0) {
		snprintf(why, size, "%s", first_why);
		return -1;
	}
	return good;
}

int
date_parse_text(const char *s, struct date out[2], char *why, size_t size)
{
	struct date_tok t[DATE_MAX_TOKS];
	struct date r = { 0, 0, 0 };
	char pat[DATE_MAX_TOKS + 1];
	int n, rc;

	memset(out, 0, sizeof(*out));
	snprintf(why, size, "write it like 1 October 1953");
	n = date_tokens(s, t, why, size);
	if (n <= 0)
		return -1;
	rc = date_numeric(t, n, out, why, size);
	if (rc != -2)
		return rc;
	/* Words: each token's role from how it is written. */
	for (int i = 0; i < n; i++) {
		int role = t[i].role;

		if (role == 0)
			role = t[i].ndigits >= 3 ? 'Y' : 'D';
		if ((role == 'Y' && t[i].ndigits < 3 && !t[i].era) ||
		    (role == 'D' && t[i].ndigits > 2))
			return -1;
		if (t[i].month == -1) {
			snprintf(why, size, "there is no month %d", t[i].value);
			return -1;
		}
		pat[i] = (char)role;
		if (role == 'Y')
			r.year = t[i].value;
		else if (role == 'M')
			r.month = t[i].month;
		else
			r.day = t[i].value;
	}
	pat[n] = '\0';
	if (strcmp(pat, "MD") == 0 || strcmp(pat, "DM") == 0 ||
	    strcmp(pat, "M") == 0) {
		snprintf(why, size, "the year is missing");
		if (r.day <= 31 && (r.day > 0 || strcmp(pat, "M") == 0))
			out[0] = r; /* the month and day, year 0 */
		return -1;
	}
	if (strcmp(pat, "Y") != 0 && strcmp(pat, "MY") != 0 &&
	    strcmp(pat, "YM") != 0 && strcmp(pat, "MDY") != 0 &&
	    strcmp(pat, "DMY") != 0 && strcmp(pat, "YMD") != 0)
		return -1;
	if (strchr(pat, 'D') && r.day == 0) {
		snprintf(why, size, "there is no day 0");
		return -1;
	}
	if (date_check(&r, why, size) < 0)
		return -1;
	out[0] = r;
	return 1;
}
