/*
 * replay.h - reading a review history for "trainer replay".
 *
 * A history is CSV, one review a line: "card,time,rating".  Blank lines
 * and lines starting with '#' are skipped; a header line ("card,...")
 * may come first, after an optional UTF-8 byte order mark.  Times are
 * ISO 8601 (isotime_parse); ratings 1 to 4 or again, hard, good, easy;
 * each card's reviews in time order.
 *
 * Pure: the caller reads the lines and feeds them in order; problems go
 * to a diagnostic list with the line number.  Parsing a time without a
 * zone reads the local zone (TZ), as isotime_parse does.
 */
#ifndef TRAINER_REPLAY_H
#define TRAINER_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct replay_row {
	size_t card; /* index into ids */
	int rating;  /* 1 to 4 */
	int line;    /* from 1 */
	long long time;
};

struct replay_history {
	struct replay_row *rows; /* in the order given */
	size_t nrows;
	char **ids; /* card ids, by index, in order of first appearance */
	size_t ncards;
	/* private */
	size_t rows_alloc, ids_alloc, last_alloc, nslots;
	long long *last; /* each card's latest review so far */
	struct replay_slot {
		uint64_t hash; /* of the id (str_hash) */
		size_t card;   /* index + 1; 0 for an empty slot */
	} * slots;             /* open addressing, a power of 2 of them */
	int seen; /* a line other than blanks and comments was seen */
};

/*
 * Take line 'lineno' (from 1) of the history: the 'len' bytes at 'line',
 * its line break included or not, then a NUL (line[len]).  'line' is
 * modified.  Returns 0 when
 * the line was a row (now the last of h->rows) or nothing to take, or -1
 * with an error added to 'diags' (file 'file').
 */
int replay_add_line(struct replay_history *h, char *line, size_t len,
                    int lineno, const char *file, struct diag_list *diags);

/* Free what 'h' holds and empty it; 'h' may be all zeros. */
void replay_history_release(struct replay_history *h);

/* 1 to 4 for "1" to "4" or a rating word (any case), else 0. */
int replay_rating(const char *s);

/*
 * Write 'v' into 'buf' exactly as printf's "%.15g" does, and return its
 * length; 'buf' holds at least REPLAY_NUMBER_MAX bytes.  A value FSRS
 * rounded to 8 decimals (k / 1e8 from 0.0001 to 10^7) takes a short way
 * without printf; anything else is printf's.
 */
#define REPLAY_NUMBER_MAX 32
size_t replay_format_number(double v, char *buf);

#endif
