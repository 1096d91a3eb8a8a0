/*
 * diff.h - a character diff of a typed answer against the expected one,
 * for the learner to see what differed.  Pure: no I/O.
 */
#ifndef TRAINER_DIFF_H
#define TRAINER_DIFF_H

#include <stddef.h>

enum diff_kind {
	DIFF_SAME,    /* in both (the text is the expected one's) */
	DIFF_MISSING, /* in the expected answer, not typed */
	DIFF_EXTRA,   /* typed, not in the expected answer */
};

struct diff_seg {
	enum diff_kind kind;
	char *text; /* UTF-8, NFC, never empty */
	/* DIFF_SAME: the same characters as typed (their case and accents),
	 * so the typed answer can be shown exactly; NULL for other kinds. */
	char *typed;
};

/*
 * The longest common subsequence of 'typed' and 'want' (valid UTF-8),
 * both in NFC, code point by code point, with case and accents counting
 * as the same: segments of one kind merged, DIFF_SAME text taken from
 * 'want'.  Very long texts give one EXTRA and one MISSING block.  Free
 * with diff_free.
 */
void diff_text(const char *typed, const char *want, struct diff_seg **segs,
               size_t *nsegs);

/* Free the segments; NULL is fine. */
void diff_free(struct diff_seg *segs, size_t n);

#endif
