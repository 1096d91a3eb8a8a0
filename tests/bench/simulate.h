/*
 * simulate.h - review logs drawn from known FSRS-6 weights, for the
 * optimizer's tests and benchmark (included by each; all static).
 *
 * A learner meets 'new_per_day' new cards a day and reviews each when
 * trainer's scheduler (the default weights, fuzz on) says, sometimes a
 * day or two late; whether a card is recalled is drawn from the forgetting
 * curve of its memory state under the true weights 'w' (fsrs.c's model).
 * A recalled card is Hard, Good or Easy at 15%, 75%, 10%; a same-day step
 * is recalled 90% of the time.  Times are Unix seconds on UTC days
 * starting at 04:00 (fsrs_day(t, 0, 4)).
 */
#ifndef TESTS_SIMULATE_H
#define TESTS_SIMULATE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"

struct sim_review {
	long long card, time;
	int rating, state; /* the state before: 0 new ... 3 relearning */
};

struct sim_log {
	struct sim_review *v;
	size_t n, alloc;
};

static inline uint64_t
sim_next(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static inline double
sim_uniform(uint64_t *x)
{
	return (double)(sim_next(x) >> 11) * 0x1.0p-53;
}

static inline void
sim_push(struct sim_log *log, struct sim_review r)
{
	if (log->n == log->alloc) {
		log->alloc = log->alloc ? log->alloc * 2 : 4096;
		log->v = realloc(log->v, log->alloc * sizeof(*log->v));
		if (log->v == NULL)
			abort();
	}
	log->v[log->n++] = r;
}

static inline int
sim_pass_rating(uint64_t *rng)
{
	double u = sim_uniform(rng);

	return u < 0.15 ? FSRS_HARD : u < 0.9 ? FSRS_GOOD : FSRS_EASY;
}

/*
 * Append to 'log' the reviews of 'ncards' cards over 'days' days, in the
 * order of each card (card by card), drawn with seed 'seed'.
 */
static inline void
sim_generate(struct sim_log *log, const double *w, int ncards, int new_per_day,
             int days, uint64_t seed)
{
	struct fsrs_params sched, truth;
	long long start = 1767225600; /* 2026-01-01T00:00:00Z */

	fsrs_params_default(&sched);
	fsrs_params_default(&truth);
	memcpy(truth.w, w, sizeof(truth.w));
	fsrs_params_finish(&truth, NULL, NULL, 0);
	for (int c = 0; c < ncards; c++) {
		uint64_t rng = seed ^ ((uint64_t)c * 0x9E3779B97F4A7C15ull);
		struct fsrs_card card;
		double s = 0, d = 0;
		long long t = start + (long long)(c / new_per_day) * 86400 +
		              8 * 3600 + (c % new_per_day) * 60;
		long long end = start + (long long)days * 86400, prev_day = 0;

		fsrs_card_new(&card, t, (uint64_t)c + 1);
		while (t < end) {
			struct fsrs_when now = { t, fsrs_day(t, 0, 4) };
			struct fsrs_card next;
			long long elapsed = card.state == FSRS_NEW
			                        ? 0
			                        : now.day - prev_day;
			int rating;

			if (card.state == FSRS_NEW) {
				double u = sim_uniform(&rng);

				rating = u < 0.2    ? FSRS_AGAIN
				         : u < 0.35 ? FSRS_HARD
				         : u < 0.9  ? FSRS_GOOD
				                    : FSRS_EASY;
			} else {
				double p = elapsed == 0
				               ? 0.9
				               : fsrs_forgetting_curve(
				                     &truth, (double)elapsed, s);

				rating = sim_uniform(&rng) < p
				             ? sim_pass_rating(&rng)
				             : FSRS_AGAIN;
			}
			sim_push(log, (struct sim_review){ c + 1, t, rating,
			                                   card.state });
			fsrs_next_state(&truth, d, s, elapsed, rating, &d, &s);
			fsrs_next(&sched, &card, now, rating, &next);
			card = next;
			prev_day = now.day;
			t = card.due;
			if (card.scheduled_days >= 1) {
				double u = sim_uniform(&rng);

				/* sometimes late, by a day or two */
				t += u < 0.2 ? 86400 : u < 0.3 ? 2 * 86400 : 0;
			}
		}
	}
}

/* Weights unlike the defaults, for the logs to be fitted. */
static const double sim_true_w[FSRS_NWEIGHTS] = {
	0.4,  1.8,  3.5,  12.0, 6.8,  0.6,  2.2,  0.02, 1.6,  0.12, 1.0,
	1.9,  0.09, 0.35, 1.3,  0.45, 2.3,  0.45, 0.25, 0.12, 0.22,
};

#endif
