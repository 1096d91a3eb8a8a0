/*
 * fuzz_replay.c - libFuzzer target for the replay reader and the
 * scheduler: any bytes, read as a history line by line, give rows or
 * diagnostics, never a crash; every row scheduled keeps FSRS's
 * invariants: a valid state, stability and difficulty finite and in
 * range, an interval within the maximum and a due time after the review.
 *
 * The first byte picks the parameters: fuzz on or off, no learning or
 * relearning steps, and the desired retention.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "isotime.h"
#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
schedule(const struct replay_history *h, const struct fsrs_params *p)
{
	struct fsrs_card *cards = calloc(h->ncards + 1, sizeof(*cards));

	for (size_t i = 0; i < h->ncards; i++)
		fsrs_card_new(&cards[i], 0, fsrs_seed(h->ids[i]));
	for (size_t i = 0; i < h->nrows; i++) {
		const struct replay_row *r = &h->rows[i];
		struct fsrs_card *c = &cards[r->card], before = *c;
		struct fsrs_when now = { r->time, fsrs_day(r->time, 0, 4) };

		if (r->rating < 1 || r->rating > 4 || r->time < ISOTIME_MIN ||
		    r->time > ISOTIME_MAX)
			abort();
		fsrs_next(p, c, now, (enum fsrs_rating)r->rating, c);
		if (c->state != FSRS_LEARNING && c->state != FSRS_REVIEW &&
		    c->state != FSRS_RELEARNING)
			abort();
		if (!isfinite(c->stability) || c->stability < FSRS_S_MIN ||
		    c->stability > FSRS_S_MAX)
			abort();
		if (!isfinite(c->difficulty) || c->difficulty < 1 ||
		    c->difficulty > 10)
			abort();
		/* as in ts-fsrs, the ratings are kept apart after the cap
		 * (hard > again, good > hard, easy > good): at the cap an
		 * interval may pass it by up to 3 days */
		if (c->scheduled_days < 0 ||
		    c->scheduled_days > p->max_interval + 3)
			abort();
		if (c->due <= r->time || c->last_review != r->time ||
		    c->reps != before.reps + 1 || c->lapses < before.lapses)
			abort();
		if (c->state == FSRS_REVIEW &&
		    c->due != r->time + (long long)c->scheduled_days * 86400)
			abort();
	}
	free(cards);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const double retention[4] = { 0.9, 0.7, 0.99, 0.85 };
	struct replay_history h = { 0 };
	struct diag_list diags = { 0 };
	struct fsrs_params p;
	int lineno = 0;

	if (size == 0)
		return 0;
	setenv("TZ", "UTC", 0);
	fsrs_params_default(&p);
	p.fuzz = data[0] & 1;
	if (data[0] & 2)
		p.nlearning = 0;
	if (data[0] & 4)
		p.nrelearning = 0;
	p.retention = retention[(data[0] >> 3) & 3];
	if (fsrs_params_finish(&p, NULL, NULL, 0) < 0)
		abort();
	/* lines as getline gives them: the newline and any NUL bytes kept */
	for (size_t at = 1; at < size;) {
		const uint8_t *nl = memchr(data + at, '\n', size - at);
		size_t len = nl ? (size_t)(nl - (data + at)) + 1 : size - at;
		char *line = malloc(len + 1);

		memcpy(line, data + at, len);
		line[len] = '\0';
		replay_add_line(&h, line, len, ++lineno, "<fuzz>", &diags);
		free(line);
		at += len;
	}
	if (diags.nerrors == 0)
		schedule(&h, &p);
	diag_list_release(&diags);
	replay_history_release(&h);
	return 0;
}
