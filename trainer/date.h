/*
 * date.h - calendar dates with a precision: a year, a month or a day.
 *
 * Pure: no clock, no locale.  Dates are proleptic Gregorian, years 1-9999.
 */
#ifndef TRAINER_DATE_H
#define TRAINER_DATE_H

#include <stddef.h>

struct date {
	int year;  /* 1..9999 */
	int month; /* 1..12, or 0 when only the year is known */
	int day;   /* 1..31, or 0 when only the year or month is known */
};

/* Days in 'month' (1-12) of 'year'. */
int date_days_in_month(int year, int month);

/* English month names, January first. */
extern const char *const date_month_names[12];

/*
 * Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (surrounding spaces allowed).
 * Returns 0 and fills 'd', or -1 and writes into 'why' what is wrong
 * ("April 1953 has 30 days"), for a message "'X' is not a date: WHY".
 */
int date_parse_iso(const char *s, struct date *d, char *why, size_t size);

/* Write 'd' as YYYY, YYYY-MM or YYYY-MM-DD into 'buf' (at least 11). */
void date_format_iso(const struct date *d, char *buf, size_t size);

#endif
