/*
 * isotime.h - ISO 8601 times for --now and for output.
 *
 * Times are seconds since the Unix epoch (UTC).  Parsing a time without a
 * zone uses the local zone (the TZ variable); everything else is pure.
 */
#ifndef TRAINER_ISOTIME_H
#define TRAINER_ISOTIME_H

#include <stddef.h>

/* Days from 1970-01-01 to the given Gregorian date (may be negative). */
long long isotime_days_from_civil(int year, int month, int day);

/*
 * Parse "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" with an
 * optional fraction (dropped) and an optional zone ("Z", "+09:00",
 * "-0500"); a space may stand for the 'T'.  Without a zone the time is
 * local.  Returns 0 and sets '*out', or -1 with 'why' filled.
 */
int isotime_parse(const char *s, long long *out, char *why, size_t size);

/* Format 't' as "YYYY-MM-DDTHH:MM:SSZ" into 'buf' (at least 21 bytes). */
void isotime_format_utc(long long t, char *buf, size_t size);

#endif
