/*
 * isotime.h - ISO 8601 times for --now and for output.
 *
 * Times are seconds since the Unix epoch (UTC).  Parsing a time without a
 * zone uses the local zone (the TZ variable); everything else is pure.
 */
#ifndef TRAINER_ISOTIME_H
#define TRAINER_ISOTIME_H

#include <stddef.h>

/* The times handled: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
#define ISOTIME_MIN (-62135596800LL)
#define ISOTIME_MAX 253402300799LL

/* Days from 1970-01-01 to the given Gregorian date (may be negative). */
long long isotime_days_from_civil(int year, int month, int day);

/*
 * Parse "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" with an
 * optional fraction (dropped) and an optional zone ("Z", "+09:00",
 * "-0500"); a space may stand for the 'T'.  Without a zone the time is
 * local.  The time must lie within [ISOTIME_MIN, ISOTIME_MAX] once in
 * UTC.  Returns 0 and sets '*out', or -1 with 'why' filled.
 */
int isotime_parse(const char *s, long long *out, char *why, size_t size);

/* Format 't' as "YYYY-MM-DDTHH:MM:SSZ" into 'buf' (at least 21 bytes). */
void isotime_format_utc(long long t, char *buf, size_t size);

#endif
