/*
 * clock.c - the program's side of time.
 */
#include "clock.h"

#include <stdio.h>
#include <time.h>

long
clock_utc_offset(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	return tm.tm_gmtoff;
}

struct fsrs_when
clock_when(long long t, int rollover_hour)
{
	struct fsrs_when w;

	w.time = t;
	w.day = fsrs_day(t, clock_utc_offset(t), rollover_hour);
	return w;
}

long long
clock_day_start(long long day, int rollover_hour, long long near)
{
	return day * 86400 + (long long)rollover_hour * 3600 -
	       clock_utc_offset(near);
}

long long
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
clock_local_text(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		snprintf(buf, size, "?");
	else
		strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

long long
clock_day_end(long long t, int rollover_hour)
{
	return clock_day_start(clock_when(t, rollover_hour).day + 1,
	                       rollover_hour, t);
}
