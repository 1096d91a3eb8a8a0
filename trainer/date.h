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

/*
 * Parse a date as people type it, to the precision written:
 *   ISO and numbers   "1953-10-01", "1953-10", "1953", "1953/10/1",
 *                     "10/1/1953", "1.10.1953", "10/1953"
 *   month in words    "October 1, 1953", "1 Oct 1953", "Oct. 1st, 1953",
 *                     "1st of October 1953", "Thursday, October 1, 1953",
 *                     "October 1953", "1953 October 1"
 *   Korean, Chinese   "1953년 10월 1일", "1953년 10월", "1953年10月1日"
 * Case, commas and extra spaces do not matter; months may be abbreviated
 * ("Oct", "Sept", with or without a point); a weekday and the words "of",
 * "the", "in", "on", "AD" and "CE" are ignored; the year is written in
 * full (3 or 4 digits), or with any digits when "AD" or "CE" stands
 * beside it ("AD 9", "9 CE").
 *
 * A day and month both written as numbers before the year are ambiguous:
 * "10/1/1953" is 1 October read month first (as in the US) and 10 January
 * read day first.  Every reading that is a real date is returned, month
 * first first, so 'out' has room for two; two readings that give the same
 * date count once.
 *
 * Returns the number of readings (1 or 2), or -1 and writes into 'why'
 * what is wrong: "write it like 1 October 1953", "the year is missing",
 * "June 1953 has 30 days", "there is no day 0", "there is no month 13".
 * When only the year is missing ("October 1st", "October"), out[0] holds
 * the month and day read, with year 0; after other errors it is zeroed.
 */
int date_parse_text(const char *s, struct date out[2], char *why, size_t size);

/* Write 'd' as people read it: "1 October 1953", "October 1978", "1953";
 * a year below 100 as "AD 9" (which date_parse_text reads back). */
void date_format_words(const struct date *d, char *buf, size_t size);

/* Days from 0001-01-01 to 'd' (its first day when the month or day is 0). */
long date_day_number(const struct date *d);

#endif
