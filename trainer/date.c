/*
 * date.c - calendar dates with a precision.
 */
#include "date.h"

#include <stdio.h>

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
