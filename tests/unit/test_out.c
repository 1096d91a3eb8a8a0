/*
 * test_out.c - escaping outside text for the terminal and for JSON.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"

/* What out_safe prints for 's'. */
static char *
safe(const char *s, int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	out_safe(fp, s, flags);
	fclose(fp);
	return buf;
}

static void
test_terminal(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "plain 이승만 text", "plain 이승만 text" },
		{ "a\x1b[31mred", "a\\x1b[31mred" },
		{ "tab\there", "tab\\there" },
		{ "line\nbreak", "line\\nbreak" },
		{ "del\x7f", "del\\x7f" },
		{ "csi \xc2\x9b", "csi \\u009b" },
		{ "nel \xc2\x85", "nel \\u0085" },
		{ "rlo \xe2\x80\xae"
		  "evil",
		  "rlo \\u202eevil" },
		{ "lre \xe2\x80\xaa pdf \xe2\x80\xac",
		  "lre \\u202a pdf \\u202c" },
		{ "iso \xe2\x81\xa6 pdi \xe2\x81\xa9",
		  "iso \\u2066 pdi \\u2069" },
		{ "ls \xe2\x80\xa8 ps \xe2\x80\xa9", "ls \\u2028 ps \\u2029" },
		{ "lrm \xe2\x80\x8e rlm \xe2\x80\x8f",
		  "lrm \\u200e rlm \\u200f" },
		{ "alm \xd8\x9c", "alm \\u061c" },
		{ "bad \xff\xfe", "bad \\xff\\xfe" },
		{ "cut \xe2\x80", "cut \\xe2\\x80" },
		{ "overlong \xc0\xaf", "overlong \\xc0\\xaf" },
		{ "surrogate \xed\xa0\x80", "surrogate \\xed\\xa0\\x80" },
		{ "emoji \xf0\x9f\x98\x80", "emoji \xf0\x9f\x98\x80" },
		{ "dash \xe2\x80\x94 ok", "dash \xe2\x80\x94 ok" },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = safe(cases[i].in, 0), *dup;

		assert_string_equal(got, cases[i].want);
		dup = out_safe_dup(cases[i].in);
		assert_string_equal(dup, cases[i].want);
		free(dup);
		free(got);
	}
}

static void
test_keep_newlines(void **state)
{
	char *got = safe("one\ntwo\x1b", OUT_KEEP_NEWLINES);

	(void)state;
	assert_string_equal(got, "one\ntwo\\x1b");
	free(got);
}

static void
test_one_line(void **state)
{
	char *got = safe("one\ntwo\tthree\x1b", OUT_ONE_LINE);

	(void)state;
	assert_string_equal(got, "one two three\\x1b");
	free(got);
}

static void
test_json(void **state)
{
	json_t *o = json_pack("{s:s, s:s}", "q",
	                      "a\xe2\x80\xae"
	                      "b\x1b\xc2\x9b\x7f 이승만",
	                      "k\"", "line\nx\xe2\x80\xa8");
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	json_t *back;

	(void)state;
	assert_int_equal(out_json(fp, o, JSON_COMPACT | JSON_PRESERVE_ORDER),
	                 0);
	fclose(fp);
	assert_string_equal(buf,
	                    "{\"q\":\"a\\u202eb\\u001B\\u009b\\u007f 이승만\","
	                    "\"k\\\"\":\"line\\nx\\u2028\"}\n");
	/* the escaped text means the same */
	back = json_loads(buf, 0, NULL);
	assert_non_null(back);
	assert_true(json_equal(back, o));
	json_decref(back);
	json_decref(o);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terminal),
		cmocka_unit_test(test_keep_newlines),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
