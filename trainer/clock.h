/*
 * clock.h - the program's side of time: what time it is (or what --now
 * says it is), and which local day a moment falls on.  The engine never
 * reads the clock or the time zone; it gets fsrs_when values from here.
 */
#ifndef TRAINER_CLOCK_H
#define TRAINER_CLOCK_H

#include "fsrs.h"

#define CLOCK_DEFAULT_ROLLOVER 4 /* a new day starts at 4 in the morning */

/* Seconds east of UTC of the local time zone (TZ) at Unix time 't'. */
long clock_utc_offset(long long t);

/* Moment 't' and its local day, the day starting at 'rollover_hour'. */
struct fsrs_when clock_when(long long t, int rollover_hour);

/* When local day 'day' starts, in the time zone as it is at 'near'. */
long long clock_day_start(long long day, int rollover_hour, long long near);

/* The start of the local day after the one 't' falls on: until then a
 * card with a day's interval due today is due (fsrs_is_due). */
long long clock_day_end(long long t, int rollover_hour);

/* "2026-03-01 10:10": 't' in local time, for people. */
void clock_local_text(long long t, char *buf, size_t size);

/* Milliseconds on the monotonic clock. */
long long clock_ms(void);

#endif
