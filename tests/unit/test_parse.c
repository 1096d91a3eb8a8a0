/*
 * test_parse.c - the small parsers: deck dates, numbers, ISO 8601 times,
 * and the edit distance behind "did you mean".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "isotime.h"
#include "number.h"
#include "util.h"

static void
test_date_valid(void **state)
{
	static const struct {
		const char *in;
		int y, m, d;
	} cases[] = {
		{ "1953-10-01", 1953, 10, 1 },   { "1978-10", 1978, 10, 0 },
		{ "1994", 1994, 0, 0 },          { "2000-02-29", 2000, 2, 29 },
		{ " 1882-05-22 ", 1882, 5, 22 }, { "0001-01-01", 1, 1, 1 },
		{ "9999-12-31", 9999, 12, 31 },
	};
	char why[100], buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct date d;

		assert_int_equal(
		    date_parse_iso(cases[i].in, &d, why, sizeof(why)), 0);
		assert_int_equal(d.year, cases[i].y);
		assert_int_equal(d.month, cases[i].m);
		assert_int_equal(d.day, cases[i].d);
		date_format_iso(&d, buf, sizeof(buf));
		assert_int_equal(strncmp(buf,
		                         cases[i].in + (cases[i].in[0] == ' '),
		                         strlen(buf)),
		                 0);
	}
}

static void
test_date_invalid(void **state)
{
	static const struct {
		const char *in, *why;
	} cases[] = {
		{ "1953-02-29", "February 1953 has 28 days" },
		{ "1900-02-29", "February 1900 has 28 days" },
		{ "1953-04-31", "April 1953 has 30 days" },
		{ "1953-13-01", "a month is 01 to 12" },
		{ "1953-00", "a month is 01 to 12" },
		{ "1953-10-00", "there is no day 00" },
		{ "0000", "there is no year 0" },
		{ "1953/10/01", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
		{ "53", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
		{ "1953-1-1", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
		{ "Oct 1953", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
		{ "1953-10-01x", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
		{ "", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
	};
	char why[200];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct date d;

		assert_int_equal(
		    date_parse_iso(cases[i].in, &d, why, sizeof(why)), -1);
		assert_string_equal(why, cases[i].why);
	}
}

static void
test_number_valid(void **state)
{
	static const struct {
		const char *in;
		double v;
		enum number_unit unit;
	} cases[] = {
		{ "142901", 142901, NUMBER_PLAIN },
		{ "142,901", 142901, NUMBER_PLAIN },
		{ "142 901", 142901, NUMBER_PLAIN },
		{ "142\xc2\xa0"
		  "901",
		  142901, NUMBER_PLAIN },
		{ "1,234,567.5", 1234567.5, NUMBER_PLAIN },
		{ "2.3 billion", 2.3e9, NUMBER_PLAIN },
		{ "2,300 million", 2.3e9, NUMBER_PLAIN },
		{ "$2.3B", 2.3e9, NUMBER_DOLLARS },
		{ "$ 1.4 bn", 1.4e9, NUMBER_DOLLARS },
		{ "8%", 8, NUMBER_PERCENT },
		{ "8 percent", 8, NUMBER_PERCENT },
		{ "30 %", 30, NUMBER_PERCENT },
		{ "-5", -5, NUMBER_PLAIN },
		{ ".5", 0.5, NUMBER_PLAIN },
		{ "5k", 5000, NUMBER_PLAIN },
		{ "1.5 Million", 1.5e6, NUMBER_PLAIN },
		{ "0.1 billion", 1e8, NUMBER_PLAIN },
	};
	char why[200];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct number n;

		assert_int_equal(
		    number_parse(cases[i].in, &n, why, sizeof(why)), 0);
		assert_true(n.value == cases[i].v);
		assert_int_equal(n.unit, cases[i].unit);
	}
}

static void
test_number_invalid(void **state)
{
	static const struct {
		const char *in, *why;
	} cases[] = {
		{ "12,34", "thousands separators go between groups of three "
		           "digits (a decimal is written with a point, like "
		           "12.34)" },
		{ "1234,567", "thousands separators go between groups of three "
		              "digits (a decimal is written with a point, like "
		              "12.34)" },
		{ "about 5", "expected a number written with digits, like "
		             "142,901 or 2.3 billion" },
		{ "", "expected a number written with digits, like 142,901 or "
		      "2.3 billion" },
		{ "5$5", "unexpected '$5' after the number" },
		{ "5 apples", "unexpected 'apples' after the number" },
		{ "$5%", "a number is either dollars or a percentage, not "
		         "both" },
		{ "5 billions", "unexpected 'billions' after the number" },
	};
	char why[200];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct number n;

		assert_int_equal(
		    number_parse(cases[i].in, &n, why, sizeof(why)), -1);
		assert_string_equal(why, cases[i].why);
	}
}

/* Past a thousand trillion, or a double's range: NUMBER_RANGE, said so;
 * any number of digits is read, exactly rounded. */
static void
test_number_range(void **state)
{
	static const char *const large[] = {
		"1000000000000001",
		"1,000,000,000,000,001",
		"1001 trillion",
		"-1001 trillion",
		"99999999999999999999999999999999999999999999999999",
		"100000000000000000000000 trillion",
		"$12345678901234567890.5",
	};
	static const struct {
		const char *in;
		double v;
	} ok[] = {
		{ "1000 trillion", 1e15 },
		{ "-1000 trillion", -1e15 },
		{ "1,000,000,000,000,000", 1e15 },
		{ "0.1", 0.1 },
		{ "0.30000000000000000000000000000000000000000000001", 0.3 },
		{ "000000000000000000000000000000000000000000000000007", 7 },
		{ "2.5 billion", 2.5e9 },
		{ "-0", 0 },
		{ "\xe2\x88\x92"
		  "5",
		  -5 },
		{ "0.000000000000000000000000000000000000000000000000001",
		  1e-51 },
	};
	char why[200], buf[64];
	struct number n;

	(void)state;
	for (size_t i = 0; i < sizeof(large) / sizeof(large[0]); i++) {
		assert_int_equal(number_parse(large[i], &n, why, sizeof(why)),
		                 NUMBER_RANGE);
		assert_string_equal(why, NUMBER_TOO_LARGE);
	}
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(number_parse(ok[i].in, &n, why, sizeof(why)),
		                 0);
		assert_true(n.value == ok[i].v);
	}
	/* found by fuzz_number: the word reader went past the limit */
	assert_int_equal(number_parse_words("thirty-hundred six trillion", &n,
	                                    why, sizeof(why)),
	                 NUMBER_RANGE);
	assert_string_equal(why, NUMBER_TOO_LARGE);
	assert_int_equal(
	    number_parse_answer("usdthirty-hundred six trillion", &n, NULL, 0),
	    NUMBER_RANGE);
	assert_int_equal(number_parse_words("nine hundred ninety-nine trillion",
	                                    &n, why, sizeof(why)),
	                 0);
	assert_true(n.value == 999e12);
	assert_int_equal(number_parse("-0", &n, why, sizeof(why)), 0);
	assert_false(signbit(n.value));
	/* what is printed stays short, even for what no parser gives */
	number_format_words(1e15, buf, sizeof(buf));
	assert_string_equal(buf, "1000 trillion");
	number_format_words(-0.0, buf, sizeof(buf));
	assert_string_equal(buf, "0");
	number_format(1e300, buf, sizeof(buf));
	assert_string_equal(buf, "1e+300");
	/* found by fuzz_number: 999,999,999,999 was shown as "1000
	 * billion", which reads back as "1 trillion" */
	number_format_words(999999999999, buf, sizeof(buf));
	assert_string_equal(buf, "1 trillion");
	number_format_words(999999999, buf, sizeof(buf));
	assert_string_equal(buf, "1 billion");
	number_format_words(999999, buf, sizeof(buf));
	assert_string_equal(buf, "999,999");
	number_format_words(999999.9999999, buf, sizeof(buf));
	assert_string_equal(buf, "1 million");
	/* and at the edge between two scales, the one that shows >= 1 */
	number_format_words(999999499999, buf, sizeof(buf));
	assert_string_equal(buf, "999.9995 billion");
	number_format_words(999999500001, buf, sizeof(buf));
	assert_string_equal(buf, "1 trillion");
	/* found by fuzz_number: "-.0000002" was shown as "-0" */
	number_format(-2e-7, buf, sizeof(buf));
	assert_string_equal(buf, "0");
	number_format_words(-2e-7, buf, sizeof(buf));
	assert_string_equal(buf, "0");
}

static void
test_number_format(void **state)
{
	char buf[64];

	(void)state;
	number_format(2.3e9, buf, sizeof(buf));
	assert_string_equal(buf, "2300000000");
	number_format(0.05, buf, sizeof(buf));
	assert_string_equal(buf, "0.05");
	number_format(8, buf, sizeof(buf));
	assert_string_equal(buf, "8");
	number_format_words(1e8, buf, sizeof(buf));
	assert_string_equal(buf, "100 million");
	number_format_words(2.3e9, buf, sizeof(buf));
	assert_string_equal(buf, "2.3 billion");
	number_format_words(142901, buf, sizeof(buf));
	assert_string_equal(buf, "142,901");
	number_format_words(-1234567.5, buf, sizeof(buf));
	assert_string_equal(buf, "-1.234568 million");
	number_format_words(-123456.25, buf, sizeof(buf));
	assert_string_equal(buf, "-123,456.25");
	number_format_words(999, buf, sizeof(buf));
	assert_string_equal(buf, "999");
}

static void
test_isotime(void **state)
{
	long long t;
	char why[120], buf[32];

	(void)state;
	assert_int_equal(
	    isotime_parse("1970-01-01T00:00:00Z", &t, why, sizeof(why)), 0);
	assert_int_equal(t, 0);
	assert_int_equal(
	    isotime_parse("2026-11-28T03:39:13Z", &t, why, sizeof(why)), 0);
	assert_int_equal(t, 1795837153LL);
	isotime_format_utc(t, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-28T03:39:13Z");
	assert_int_equal(
	    isotime_parse("2026-11-28T12:39:13+09:00", &t, why, sizeof(why)),
	    0);
	assert_int_equal(t, 1795837153LL);
	assert_int_equal(
	    isotime_parse("2026-11-27 22:39:13.250-0500", &t, why, sizeof(why)),
	    0);
	assert_int_equal(t, 1795837153LL);
	assert_int_equal(isotime_days_from_civil(2000, 3, 1), 11017);
	isotime_format_utc(-1, buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31T23:59:59Z");

	/* no zone: local time, here UTC+9 all year */
	setenv("TZ", "Asia/Seoul", 1);
	assert_int_equal(
	    isotime_parse("2026-11-28T12:39:13", &t, why, sizeof(why)), 0);
	assert_int_equal(t, 1795837153LL);
	setenv("TZ", "UTC", 1);

	assert_int_equal(isotime_parse("2026-02-30", &t, why, sizeof(why)), -1);
	assert_string_equal(why, "'2026-02-30' is not a real date");
	assert_int_equal(
	    isotime_parse("2026-01-01T25:00Z", &t, why, sizeof(why)), -1);
	assert_int_equal(isotime_parse("yesterday", &t, why, sizeof(why)), -1);
	assert_string_equal(why, "'yesterday' is not an ISO 8601 time (like "
	                         "2026-03-01T09:30:00Z)");
}

/* Times before 1970 are times; the range is years 1 to 9999 in UTC. */
static void
test_isotime_range(void **state)
{
	long long t;
	char why[120], buf[32];

	(void)state;
	setenv("TZ", "UTC", 1);
	assert_int_equal(
	    isotime_parse("1969-12-31T23:59:59Z", &t, why, sizeof(why)), 0);
	assert_int_equal(t, -1);
	/* local time one second before the epoch: mktime's -1 is a time */
	assert_int_equal(
	    isotime_parse("1969-12-31T23:59:59", &t, why, sizeof(why)), 0);
	assert_int_equal(t, -1);
	assert_int_equal(
	    isotime_parse("1900-01-01T00:00:00Z", &t, why, sizeof(why)), 0);
	assert_int_equal(t, -2208988800LL);
	assert_int_equal(
	    isotime_parse("0001-01-01T00:00:00Z", &t, why, sizeof(why)), 0);
	assert_int_equal(t, ISOTIME_MIN);
	isotime_format_utc(t, buf, sizeof(buf));
	assert_string_equal(buf, "0001-01-01T00:00:00Z");
	assert_int_equal(
	    isotime_parse("9999-12-31T23:59:59Z", &t, why, sizeof(why)), 0);
	assert_int_equal(t, ISOTIME_MAX);
	isotime_format_utc(t, buf, sizeof(buf));
	assert_string_equal(buf, "9999-12-31T23:59:59Z");

	assert_int_equal(
	    isotime_parse("0001-01-01T00:30:00+01:00", &t, why, sizeof(why)),
	    -1);
	assert_string_equal(why, "'0001-01-01T00:30:00+01:00' is outside the "
	                         "years 0001 to 9999 in UTC");
	assert_int_equal(
	    isotime_parse("9999-12-31T23:30:00-01:00", &t, why, sizeof(why)),
	    -1);
	assert_int_equal(isotime_parse("10000-01-01", &t, why, sizeof(why)),
	                 -1);
	assert_string_equal(why, "'10000-01-01' is past the year 9999");
	assert_int_equal(isotime_parse("0000-01-01", &t, why, sizeof(why)), -1);
	assert_string_equal(why, "'0000-01-01' is not a real date");

	/* a zone offset is whole */
	assert_int_equal(
	    isotime_parse("2026-01-01T00:00:00+05:", &t, why, sizeof(why)), -1);
	assert_int_equal(
	    isotime_parse("2026-01-01T00:00:00+05:3", &t, why, sizeof(why)),
	    -1);
	assert_int_equal(
	    isotime_parse("2026-01-01T00:00:00+5", &t, why, sizeof(why)), -1);
	assert_int_equal(
	    isotime_parse("2026-01-01T05:00:00+05", &t, why, sizeof(why)), 0);
	assert_int_equal(t, 1767225600LL);
}

static void
test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("answer", "answer", 2), 0);
	assert_int_equal(edit_distance("anwser", "answer", 2), 1);
	assert_int_equal(edit_distance("titel", "title", 2), 1);
	assert_int_equal(edit_distance("choises", "choices", 2), 1);
	assert_int_equal(edit_distance("tag", "tags", 2), 1);
	assert_int_equal(edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(edit_distance("abcdefgh", "zzzzzzzz", 2), 3);
	assert_int_equal(edit_distance("", "abc", 5), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_date_invalid),
		cmocka_unit_test(test_number_valid),
		cmocka_unit_test(test_number_invalid),
		cmocka_unit_test(test_number_range),
		cmocka_unit_test(test_number_format),
		cmocka_unit_test(test_isotime),
		cmocka_unit_test(test_isotime_range),
		cmocka_unit_test(test_edit_distance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
