/*
 * test_opt.c - a command's declared options: long forms, the short form
 * an option may declare ("-o FILE"), and what stays as before ("-h" is
 * help, "-5" an argument, an undeclared letter an error, "--" ends the
 * options).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "opt.h"

static const struct optspec specs[] = {
	{ .name = "output",
	  .short_name = 'o',
	  .kind = OPTK_TEXT,
	  .meta = "FILE" },
	{ .name = "force", .short_name = 'f', .kind = OPTK_FLAG },
	{ .name = "json", .kind = OPTK_FLAG },
	{ .name = "help", .kind = OPTK_FLAG },
	{ 0 },
};

/* Parse the blank-separated words of 'line': 0 or -1, 'why' filled. */
static int
parse(struct args *a, const char *line, char *why, size_t size)
{
	static char buf[256];
	static char *argv[16];
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = buf; *w && argc < 15;) {
		char *sp = strchr(w, ' ');

		argv[argc++] = w;
		if (sp == NULL)
			break;
		*sp = '\0';
		w = sp + 1;
	}
	argv[argc] = NULL;
	return args_parse(a, specs, argc, argv, why, size);
}

static void
test_short_forms(void **state)
{
	struct args a;
	char why[160];

	(void)state;
	assert_int_equal(parse(&a, "in.txt -o out.yaml -f", why, sizeof(why)),
	                 0);
	assert_string_equal(args_text(&a, "output"), "out.yaml");
	assert_true(args_has(&a, "force"));
	assert_int_equal(a.npos, 1);
	assert_string_equal(a.pos[0], "in.txt");
	args_release(&a);

	/* after "--", "-o" is an argument */
	assert_int_equal(parse(&a, "-o x -- -o", why, sizeof(why)), 0);
	assert_string_equal(args_text(&a, "output"), "x");
	assert_int_equal(a.npos, 1);
	assert_string_equal(a.pos[0], "-o");
	args_release(&a);

	/* the long form as before, and both count as one option */
	assert_int_equal(parse(&a, "--output=x --json", why, sizeof(why)), 0);
	assert_string_equal(args_text(&a, "output"), "x");
	args_release(&a);
	assert_int_equal(parse(&a, "-o x --output y", why, sizeof(why)), -1);
	assert_string_equal(why, "'--output' is given twice");
	args_release(&a);
}

static void
test_short_errors(void **state)
{
	struct args a;
	char why[160];

	(void)state;
	assert_int_equal(parse(&a, "in.txt -o", why, sizeof(why)), -1);
	assert_string_equal(why, "option '--output' needs a value");
	args_release(&a);
	assert_int_equal(parse(&a, "-x", why, sizeof(why)), -1);
	assert_string_equal(why, "unknown option '-x'");
	args_release(&a);
	/* letters are not bundled */
	assert_int_equal(parse(&a, "-fo x", why, sizeof(why)), -1);
	args_release(&a);
	/* a negative number is an argument; -h is help */
	assert_int_equal(parse(&a, "-5 -h", why, sizeof(why)), 0);
	assert_int_equal(a.npos, 1);
	assert_string_equal(a.pos[0], "-5");
	assert_true(args_has(&a, "help"));
	assert_false(args_has(&a, "json"));
	args_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_forms),
		cmocka_unit_test(test_short_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
