/*
 * fuzz_date.c - libFuzzer target for the date parsers: any bytes give a
 * date or a reason, never a crash; and what is formatted parses back to
 * the same date (ISO form through date_parse_iso and date_parse_text,
 * words through date_parse_text).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same(const struct date *a, const struct date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* 'd' is a real date: every form of it reads back as it. */
static void
round_trip(const struct date *d)
{
	struct date back[2];
	char buf[64], why[160];
	int n;

	if (d->year < 1 || d->year > 9999 || d->month < 0 || d->month > 12 ||
	    d->day < 0 || d->day > 31 || (d->month == 0 && d->day != 0))
		abort();
	date_format_iso(d, buf, sizeof(buf));
	if (date_parse_iso(buf, back, why, sizeof(why)) < 0 || !same(d, back))
		abort();
	n = date_parse_text(buf, back, why, sizeof(why));
	if (n < 1 || !same(d, &back[0]))
		abort();
	date_format_words(d, buf, sizeof(buf));
	n = date_parse_text(buf, back, why, sizeof(why));
	if (n != 1 || !same(d, &back[0]))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), why[160];
	struct date d[2];
	int n;

	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse_iso(s, d, why, sizeof(why)) == 0)
		round_trip(&d[0]);
	n = date_parse_text(s, d, why, sizeof(why));
	if (n == 0 || n > 2 || (n < 0 && why[0] == '\0'))
		abort();
	for (int i = 0; i < n; i++)
		round_trip(&d[i]);
	free(s);
	return 0;
}
