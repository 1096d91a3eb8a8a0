/*
 * fuzz_number.c - libFuzzer target for the number parsers: any bytes give
 * a number or a reason, never a crash; every number read is finite and
 * within NUMBER_MAX; and what is formatted parses back: the plain form
 * and the form for people ("2.3 billion", "142,901") read back to a value
 * that formats the same.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(double v)
{
	char a[96], b[96], why[200];
	struct number back;

	if (!isfinite(v) || fabs(v) > NUMBER_MAX)
		abort();
	number_format(v, a, sizeof(a));
	if (number_parse(a, &back, why, sizeof(why)) < 0)
		abort();
	number_format(back.value, b, sizeof(b));
	if (strcmp(a, b) != 0 || fabs(back.value - v) > 5e-7 * (1 + fabs(v)))
		abort();
	/* the form for people reads back to what it shows: six decimals
	 * of its scale, a scale no larger than the number */
	number_format_words(v, a, sizeof(a));
	if (number_parse_answer(a, &back, NULL, 0) < 0 ||
	    fabs(back.value - v) > 5.0001e-7 * (1 + fabs(v)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), why[200], rest[128];
	struct number n;
	int rc;

	memcpy(s, data, size);
	s[size] = '\0';
	rc = number_parse(s, &n, why, sizeof(why));
	if (rc == 0)
		check(n.value);
	else if ((rc != -1 && rc != NUMBER_RANGE) || why[0] == '\0')
		abort();
	if (number_parse_words(s, &n, why, sizeof(why)) == 0)
		check(n.value);
	rc = number_parse_answer(s, &n, rest, sizeof(rest));
	if (rc == 0)
		check(n.value);
	else if (rc != -1 && rc != NUMBER_RANGE)
		abort();
	free(s);
	return 0;
}
