/*
 * replay.c - reading a review history.
 */
#include "replay.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "isotime.h"
#include "util.h"

#define NEVER LLONG_MIN /* before every time isotime_parse gives */

/* FNV-1a of the 'len' bytes at 's', as str_hash gives for them. */
static uint64_t
id_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* The slot of card 'id' (its hash 'hash'): the card's, or the empty one
 * where it goes. */
static struct replay_slot *
find_slot(const struct replay_history *h, uint64_t hash, const char *id)
{
	size_t mask = h->nslots - 1, i = hash & mask;

	for (;; i = (i + 1) & mask) {
		struct replay_slot *s = &h->slots[i];

		if (s->card == 0 ||
		    (s->hash == hash && strcmp(h->ids[s->card - 1], id) == 0))
			return s;
	}
}

/* The index of card 'id' ('len' bytes, then a NUL), added if new. */
static size_t
card_index(struct replay_history *h, const char *id, size_t len)
{
	uint64_t hash = id_hash(id, len);
	struct replay_slot *s;

	if ((h->ncards + 1) * 2 > h->nslots) {
		struct replay_slot *old = h->slots;
		size_t oldn = h->nslots;

		/* a bigger table from the hashes kept: no id hashed again */
		h->nslots = oldn ? oldn * 2 : 1024;
		h->slots = xcalloc(h->nslots, sizeof(*h->slots));
		for (size_t k = 0; k < oldn; k++) {
			size_t i = old[k].hash & (h->nslots - 1);

			if (old[k].card == 0)
				continue;
			while (h->slots[i].card)
				i = (i + 1) & (h->nslots - 1);
			h->slots[i] = old[k];
		}
		free(old);
	}
	s = find_slot(h, hash, id);
	if (s->card)
		return s->card - 1;
	h->ids = xgrow(h->ids, &h->ids_alloc, h->ncards + 1, sizeof(*h->ids));
	h->last =
	    xgrow(h->last, &h->last_alloc, h->ncards + 1, sizeof(*h->last));
	h->ids[h->ncards] = xstrndup(id, len);
	h->last[h->ncards] = NEVER;
	s->hash = hash;
	s->card = ++h->ncards;
	return h->ncards - 1;
}

void
replay_history_release(struct replay_history *h)
{
	for (size_t i = 0; i < h->ncards; i++)
		free(h->ids[i]);
	free(h->ids);
	free(h->last);
	free(h->slots);
	free(h->rows);
	memset(h, 0, sizeof(*h));
}

/* Take the blanks off both ends of the bytes from '*s' to '*e' (a line
 * break too at the end) and end them with a NUL. */
static void
trim(char **s, char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' ||
	                   (*e)[-1] == '\r' || (*e)[-1] == '\n'))
		(*e)--;
	**e = '\0';
}

int
replay_rating(const char *s)
{
	static const char *const words[] = { "again", "hard", "good", "easy" };

	if (s[0] >= '1' && s[0] <= '4' && s[1] == '\0')
		return s[0] - '0';
	for (int i = 0; i < 4; i++)
		if (strcasecmp(s, words[i]) == 0)
			return i + 1;
	return 0;
}

/* Check one row, the bytes from 'line' to 'end', and add it. */
static int
add_row(struct replay_history *h, char *line, char *end, int lineno,
        const char *file, struct diag_list *diags)
{
	char *f[4], *fend[4], why[200], *p = line;
	size_t n = 0, card;
	long long t;
	int rating;

	while (n < 4) {
		char *comma = memchr(p, ',', (size_t)(end - p));

		f[n] = p;
		fend[n++] = comma ? comma : end;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (n != 3) {
		diag_error(diags, file, lineno, 0,
		           "expected 3 fields (card,time,rating), found %s",
		           n > 3    ? "more"
		           : n == 2 ? "2"
		                    : "1");
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		trim(&f[i], &fend[i]);
	if (*f[0] == '\0') {
		diag_error(diags, file, lineno, 0, "the card is empty");
		return -1;
	}
	if (isotime_parse(f[1], &t, why, sizeof(why)) < 0) {
		diag_error(diags, file, lineno, 0, "%s", why);
		return -1;
	}
	rating = replay_rating(f[2]);
	if (rating == 0) {
		diag_error(diags, file, lineno, 0,
		           "the rating must be 1 to 4 (or again, hard, good, "
		           "easy), not '%s'",
		           f[2]);
		return -1;
	}
	card = card_index(h, f[0], (size_t)(fend[0] - f[0]));
	if (h->last[card] > t) {
		char a[32], b[32];

		isotime_format_utc(t, a, sizeof(a));
		isotime_format_utc(h->last[card], b, sizeof(b));
		diag_error(diags, file, lineno, 0,
		           "card '%s' is reviewed at %s, before its previous "
		           "review at %s",
		           f[0], a, b);
		return -1;
	}
	h->last[card] = t;
	h->rows =
	    xgrow(h->rows, &h->rows_alloc, h->nrows + 1, sizeof(*h->rows));
	h->rows[h->nrows++] = (struct replay_row){ card, rating, lineno, t };
	return 0;
}

int
replay_add_line(struct replay_history *h, char *line, size_t len, int lineno,
                const char *file, struct diag_list *diags)
{
	char *s = line, *end = line + len;

	if (memchr(line, '\0', len)) {
		diag_error(diags, file, lineno, 0, "the line holds a NUL byte");
		return -1;
	}
	if (lineno == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3; /* a byte order mark */
	trim(&s, &end);
	if (*s == '\0' || *s == '#')
		return 0;
	if (!h->seen) {
		h->seen = 1;
		if (strncasecmp(s, "card", 4) == 0 && strchr(s, ',') &&
		    !strchr(s, ':'))
			return 0; /* the header */
	}
	return add_row(h, s, end, lineno, file, diags);
}

size_t
replay_format_number(double v, char *buf)
{
	long long k, whole, frac;
	char *p = buf;
	int n;

	/*
	 * When v is the double nearest k / 10^8 and k has at most 15
	 * digits, "%.15g" prints k / 10^8 itself: v is within 1.2e-16 of it
	 * relatively, closer than half a unit of the 15th digit (5e-16).
	 * From 0.0001 to below 10^7 "%g" writes no exponent, and trims
	 * trailing zeros and a bare decimal point.
	 */
	if (v >= 1e-4 && v < 1e7) {
		k = (long long)(v * 1e8 + 0.5);
		if ((double)k / 1e8 == v) {
			whole = k / 100000000;
			frac = k % 100000000;
			n = 0;
			for (long long w = whole; n == 0 || w; w /= 10)
				n++;
			for (int i = n - 1; i >= 0; i--, whole /= 10)
				p[i] = (char)('0' + whole % 10);
			p += n;
			if (frac) {
				n = 8;
				for (; frac % 10 == 0; frac /= 10)
					n--;
				*p++ = '.';
				for (int i = n - 1; i >= 0; i--, frac /= 10)
					p[i] = (char)('0' + frac % 10);
				p += n;
			}
			*p = '\0';
			return (size_t)(p - buf);
		}
	}
	n = snprintf(buf, REPLAY_NUMBER_MAX, "%.15g", v);
	return n < 0 ? 0 : (size_t)n;
}
