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

/* The largest number read: a thousand trillion.  Past it every parser says
 * NUMBER_TOO_LARGE, which also covers numbers past a double's range. */
#define NUMBER_MAX        1e15
#define NUMBER_MAX_DIGITS 16 /* digits before the point of NUMBER_MAX */
#define NUMBER_TOO_LARGE  "the number is too large (at most 1000 trillion)"

enum {
	NUMBER_RANGE = -2, /* a number past NUMBER_MAX */
};

struct number {
	double value;          /* the scale applied: 2.3 billion is 2.3e9 */
	enum number_unit unit; /* a '$' or a '%' written with the number */
};

/*
 * Parse a number: an optional sign, an optional '$', digits with optional
 * thousands separators (',' or a space between groups of three) and an
 * optional decimal part, then optionally a scale (thousand, k; million,
 * mil, mn, mln, m; billion, bil, bn, bln, b; trillion, tr, trn, tn, t; in
 * any case) and '%' or "percent".  The sign may be
 * U+2212.  Any number of digits is read (past about 17 significant ones
 * they no longer change the value).  Returns 0 and fills 'out', or -1 and
 * writes into 'why' what is wrong; past NUMBER_MAX, NUMBER_RANGE with
 * 'why' NUMBER_TOO_LARGE.
 */
int number_parse(const char *s, struct number *out, char *why, size_t size);

/*
 * Parse a number written in English words: "four", "sixty", "a hundred",
 * "one hundred and thirty", "thirty-three thousand six hundred
 * twenty-nine", "nineteen hundred", "two point three billion", then
 * optionally "percent" ("per cent", "%") or "dollars"; a '$' may come
 * first.  Case does not matter; words are separated by spaces, hyphens or
 * commas.  Returns 0 and fills 'out', or -1 and writes into 'why' what is
 * wrong ("'lots' is not a number word", "'thirty' cannot come after
 * 'four'"); NUMBER_RANGE, said so in 'why', past NUMBER_MAX.
 */
int number_parse_words(const char *s, struct number *out, char *why,
                       size_t size);

/*
 * The unit a word names: "$", "dollar(s)", "USD", "US$" are
 * NUMBER_DOLLARS; "%", "percent", "pct", "percentage" are NUMBER_PERCENT;
 * anything else NUMBER_PLAIN.  Case does not matter.
 */
enum number_unit number_unit_word(const char *w);

/*
 * Parse a figure as a learner types it in answer to a question: a number
 * that number_parse or number_parse_words reads, after words that hedge
 * it ("about", "more than", "nearly", "~") and before up to three words
 * that may say what it counts ("60 years", "2.3 billion dollars").  "US$"
 * or "USD" before the number is a '$', a unit word after it (see
 * number_unit_word, and "per cent") sets the unit, a plural scale ("2.3
 * billions") reads as the singular, and a trailing '+' ("60+") is
 * dropped.  The other words after the number are copied into 'rest' (one
 * space between them; 'rest' may be NULL when 'size' is 0) for the caller
 * to judge.  Returns 0 and fills 'out', -1 when the text is not one
 * number ("lots", "5 or 6", "five to six", "$5 percent"), or NUMBER_RANGE
 * for a number past NUMBER_MAX.
 */
int number_parse_answer(const char *s, struct number *out, char *rest,
                        size_t size);

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
