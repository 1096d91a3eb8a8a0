/*
 * test_replay.c - what "trainer replay" writes without printf: numbers
 * exactly as "%.15g" writes them, for every kind of value (FSRS's
 * 8-decimal values, any double, negative ones, huge and tiny ones,
 * infinities and NaN), and times as gmtime and printf would write them,
 * from the year 1 to 9999, before 1970 included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "isotime.h"
#include "replay.h"

static uint64_t seed = 12;

static uint64_t
next_random(void)
{
	seed = seed * 6364136223846793005ull + 1442695040888963407ull;
	return seed ^ (seed >> 29);
}

/* replay_format_number(v) is printf's "%.15g" of v. */
static void
check_number(double v)
{
	char got[REPLAY_NUMBER_MAX], want[64];
	size_t n = replay_format_number(v, got);

	snprintf(want, sizeof(want), "%.15g", v);
	if (strcmp(got, want) != 0 || n != strlen(want))
		print_error("%a: got '%s' (%zu), want '%s'\n", v, got, n, want);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
}

static void
test_number_edges(void **state)
{
	static const double edges[] = {
		0,
		-0.0,
		1,
		10,
		36500,
		0.001,
		0.1,
		0.212,
		2.3065,
		1e-4,
		9.9999e-5,
		1e7,
		9999999.99999999,
		1e7 - 1e-8,
		1e15,
		1e16,
		1e-5,
		1e-300,
		5e-324,
		DBL_MIN,
		DBL_MAX,
		-1,
		-2.5,
		-36500,
		-1e-4,
		0.5,
		123456.789,
		7208.20676447,
		4.66087764,
		0.30000000000000004,
		1.0000000000000002,
		0.99999999999999989,
		INFINITY,
		-INFINITY,
		NAN,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		check_number(edges[i]);
		check_number(nextafter(edges[i], INFINITY));
		check_number(nextafter(edges[i], -INFINITY));
	}
}

/* Every kind of 8-decimal value FSRS gives (k / 1e8), its neighbours,
 * and the same negated. */
static void
test_number_eight_decimals(void **state)
{
	static const long long scale[] = { 1000,
		                           100000000LL,
		                           10000000000LL,
		                           3650000000000LL,
		                           999999999999999LL,
		                           1000000000000000LL };

	(void)state;
	for (int i = 0; i < 100000; i++) {
		long long k =
		    (long long)(next_random() % (uint64_t)scale[i % 6]) +
		    (i % 7 == 0 ? 0 : 1);
		double v = (double)k / 1e8;

		if (i % 5 == 0) /* round numbers: trailing zeros to trim */
			v = (double)(k / 1000 * 1000) / 1e8;
		check_number(v);
		check_number(nextafter(v, INFINITY));
		check_number(-v);
	}
	for (long long k = 0; k <= 100000; k++)
		check_number((double)k / 1e8);
}

/* Any double: random bits, and random values in FSRS's ranges. */
static void
test_number_any_double(void **state)
{
	(void)state;
	for (int i = 0; i < 50000; i++) {
		uint64_t bits = next_random();
		double v;

		memcpy(&v, &bits, sizeof(v));
		check_number(v);
		v = (double)(next_random() >> 11) * 0x1.0p-53;
		check_number(v * 36500);
		check_number(v * 10);
		check_number(v * 1e7);
		check_number(v * 1e-4);
	}
}

/* The reference: the C library's calendar and printf. */
static void
reference_time(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	assert_non_null(gmtime_r(&tt, &tm));
	snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
	         (long long)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	         tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void
check_time(long long t)
{
	char got[64], want[64];

	memset(got, 'x', sizeof(got));
	isotime_format_utc(t, got, sizeof(got));
	reference_time(t, want, sizeof(want));
	assert_string_equal(got, want);
}

static void
test_times(void **state)
{
	static const long long edges[] = {
		ISOTIME_MIN,
		ISOTIME_MIN + 1,
		ISOTIME_MAX,
		ISOTIME_MAX - 1,
		0,
		-1,
		1,
		86399,
		86400,
		-86400,
		-86401,
		951782400,     /* 2000-02-29 */
		-2208988800LL, /* 1900-01-01 */
		1767225600,    /* 2026-01-01 */
	};
	char small[8];

	(void)state;
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		check_time(edges[i]);
	for (int i = 0; i < 100000; i++)
		check_time(
		    ISOTIME_MIN +
		    (long long)(next_random() %
		                (uint64_t)(ISOTIME_MAX - ISOTIME_MIN + 1)));
	/* past the years it handles, and a short buffer: printf's way */
	check_time(ISOTIME_MAX + 1);
	check_time(ISOTIME_MAX * 2);
	isotime_format_utc(0, small, sizeof(small));
	assert_string_equal(small, "1970-01");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_edges),
		cmocka_unit_test(test_number_eight_decimals),
		cmocka_unit_test(test_number_any_double),
		cmocka_unit_test(test_times),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
