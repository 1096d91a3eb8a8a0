/*
 * isotime.c - ISO 8601 times.
 */
#include "isotime.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

long long
isotime_days_from_civil(int year, int month, int day)
{
	long long y = year - (month <= 2);
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy =
	    (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int
num(const char **p, int n, int *out)
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
isotime_parse(const char *s, long long *out, char *why, size_t size)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, zone = 0, has_zone = 0;

	if (strspn(s, "0123456789") > 4) {
		snprintf(why, size, "'%s' is past the year 9999", s);
		return -1;
	}
	if (num(&p, 4, &y) < 0 || *p++ != '-' || num(&p, 2, &mo) < 0 ||
	    *p++ != '-' || num(&p, 2, &d) < 0)
		goto bad;
	if (y < 1 || mo < 1 || mo > 12 || d < 1 ||
	    d > date_days_in_month(y, mo)) {
		snprintf(why, size, "'%s' is not a real date", s);
		return -1;
	}
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (num(&p, 2, &h) < 0 || *p++ != ':' || num(&p, 2, &mi) < 0)
			goto bad;
		if (*p == ':') {
			p++;
			if (num(&p, 2, &sec) < 0)
				goto bad;
			if (*p == '.' || *p == ',') {
				p++;
				if (*p < '0' || *p > '9')
					goto bad;
				while (*p >= '0' && *p <= '9')
					p++;
			}
		}
		if (h > 23 || mi > 59 || sec > 60) {
			snprintf(why, size, "'%s' is not a real time", s);
			return -1;
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
			has_zone = 1;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, zh, zm = 0;

			if (num(&p, 2, &zh) < 0)
				goto bad;
			/* "+05", "+0530" or "+05:30", never "+05:" */
			if (*p == ':' || (*p >= '0' && *p <= '9')) {
				if (*p == ':')
					p++;
				if (num(&p, 2, &zm) < 0)
					goto bad;
			}
			if (zh > 23 || zm > 59)
				goto bad;
			zone = sign * (zh * 3600 + zm * 60);
			has_zone = 1;
		}
	}
	if (*p != '\0')
		goto bad;
	if (has_zone) {
		*out = isotime_days_from_civil(y, mo, d) * 86400 + h * 3600 +
		       mi * 60 + sec - zone;
	} else {
		struct tm tm = { 0 };
		time_t t;

		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = sec;
		tm.tm_isdst = -1;
		tm.tm_wday = -1; /* still -1 after mktime: it failed */
		t = mktime(&tm);
		if (tm.tm_wday == -1) {
			snprintf(why, size,
			         "'%s' cannot be shown in the local "
			         "time zone",
			         s);
			return -1;
		}
		*out = (long long)t;
	}
	if (*out < ISOTIME_MIN || *out > ISOTIME_MAX) {
		snprintf(why, size,
		         "'%s' is outside the years 0001 to 9999 in UTC", s);
		return -1;
	}
	return 0;
bad:
	snprintf(why, size,
	         "'%s' is not an ISO 8601 time (like 2026-03-01T09:30:00Z)", s);
	return -1;
}

/* 'v' (0 or more) in 'n' decimal digits, zeros in front. */
static void
put_digits(char *p, long long v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
isotime_format_utc(long long t, char *buf, size_t size)
{
	long long days = t / 86400, secs = t % 86400;
	long long z, era, doe, yoe, y, doy, mp, d, m;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	/* civil_from_days */
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y < 0 || y > 9999 || size < 21) {
		snprintf(buf, size,
		         "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", y, m, d,
		         secs / 3600, secs / 60 % 60, secs % 60);
		return;
	}
	/* the same bytes without printf, which is most of a replay's time */
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, d, 2);
	buf[10] = 'T';
	put_digits(buf + 11, secs / 3600, 2);
	buf[13] = ':';
	put_digits(buf + 14, secs / 60 % 60, 2);
	buf[16] = ':';
	put_digits(buf + 17, secs % 60, 2);
	buf[19] = 'Z';
	buf[20] = '\0';
}
