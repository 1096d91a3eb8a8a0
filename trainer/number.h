/*
 * number.h - numbers as people write them: "142,901", "142 901",
 * "2.3 billion", "$2.3B", "8%".
 *
 * Pure: no locale (the decimal mark is always '.'), no I/O.
 */
#ifndef TRAINER_NUMBER_H
#define TRAINER_NUMBER_H

#include <stddef.h>

enum number_unit {
	NUMBER_PLAIN,
	NUMBER_DOLLARS,
	NUMBER_PERCENT,
};

struct number {
	double value;          /* the scale applied: 2.3 billion is 2.3e9 */
	enum number_unit unit; /* a '$' or a '%' written with the number */
};

/*
 * Parse a number: an optional sign, an optional '$', digits with optional
 * thousands separators (',' or a space between groups of three) and an
 * optional decimal part, then optionally a scale (K, M, B, bn, thousand,
 * million, billion, trillion) and '%' or "percent".  Returns 0 and fills
 * 'out', or -1 and writes into 'why' what is wrong.
 */
int number_parse(const char *s, struct number *out, char *why, size_t size);

/*
 * Format 'v' plainly: no exponent, at most six decimals, no trailing
 * zeros ("2300000000", "0.05", "8").
 */
void number_format(double v, char *buf, size_t size);

/*
 * Format 'v' for people: a scale word from a million up ("100 million",
 * "2.3 billion"), thousands separators below ("142,901"), at most six
 * decimals.
 */
void number_format_words(double v, char *buf, size_t size);

#endif
