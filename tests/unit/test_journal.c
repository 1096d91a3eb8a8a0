/*
 * test_journal.c - the journal format of "trainer sync": the checksum is
 * CRC-32 as zlib computes it, a record reads back as written, and a line
 * cut short or damaged anywhere is told apart from a whole one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

static const char dev[] = "0123456789abcdef0123456789abcdef";

static void
test_crc32(void **state)
{
	(void)state;
	/* the check value of CRC-32/ISO-HDLC */
	assert_int_equal(journal_crc32("123456789", 9), 0xcbf43926u);
	assert_int_equal(journal_crc32("", 0), 0);
}

static void
test_header(void **state)
{
	char *h = journal_header(dev), got[JOURNAL_DEVICE + 1];
	size_t used = 0;
	int version = 0;

	(void)state;
	assert_int_equal(
	    journal_read_header(h, strlen(h), &version, got, &used),
	    JOURNAL_OK);
	assert_int_equal(version, JOURNAL_VERSION);
	assert_string_equal(got, dev);
	assert_int_equal(used, strlen(h));
	/* cut short: not yet a header */
	assert_int_equal(
	    journal_read_header(h, strlen(h) - 1, &version, got, &used),
	    JOURNAL_TORN);
	/* a newer format reads, with its version */
	assert_int_equal(
	    journal_read_header("trainer-journal 2 "
	                        "0123456789abcdef0123456789abcdef\n",
	                        51, &version, got, &used),
	    JOURNAL_OK);
	assert_int_equal(version, 2);
	assert_int_equal(
	    journal_read_header("something else\n", 15, &version, got, &used),
	    JOURNAL_BAD);
	assert_int_equal(
	    journal_read_header(
	        "trainer-journal 1 0123456789ABCDEF0123456789abcdef\n", 51,
	        &version, got, &used),
	    JOURNAL_BAD);
	assert_true(journal_is_device(dev));
	assert_false(journal_is_device("0123"));
	free(h);
}

static void
test_record(void **state)
{
	const char *json =
	    "{\"id\":\"x:1\",\"t\":5,\"answer\":\"caf\xc3\xa9\"}";
	char *rec = journal_record(json), *got = NULL;
	size_t n = strlen(rec), used = 0;

	(void)state;
	assert_int_equal(rec[n - 1], '\n');
	assert_int_equal(journal_read_record(rec, n, &got, &used), JOURNAL_OK);
	assert_string_equal(got, json);
	assert_int_equal(used, n);
	free(got);
	/* every cut is a record still being written */
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(journal_read_record(rec, k, &got, &used),
		                 JOURNAL_TORN);
		assert_null(got);
	}
	/* every byte changed (bar the newline) makes it damaged, never a
	 * different record */
	for (size_t k = 0; k + 1 < n; k++)
		for (int bit = 0; bit < 8; bit++) {
			char *bad = strdup(rec);
			enum journal_read r;

			bad[k] = (char)(bad[k] ^ (1 << bit));
			r = journal_read_record(bad, n, &got, &used);
			if (bad[k] == '\n') {
				/* the line ends early: damaged, or a torn
				 * rest after it */
				assert_int_not_equal(r, JOURNAL_OK);
			} else {
				assert_int_equal(r, JOURNAL_BAD);
				assert_int_equal(used, n);
			}
			assert_null(got);
			free(bad);
		}
	/* two records in a row read one after the other */
	{
		char *two = malloc(2 * n + 1);

		memcpy(two, rec, n);
		memcpy(two + n, rec, n + 1);
		assert_int_equal(journal_read_record(two, 2 * n, &got, &used),
		                 JOURNAL_OK);
		free(got);
		assert_int_equal(
		    journal_read_record(two + used, 2 * n - used, &got, &used),
		    JOURNAL_OK);
		free(got);
		free(two);
	}
	free(rec);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc32),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
