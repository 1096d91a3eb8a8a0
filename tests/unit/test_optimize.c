/*
 * test_optimize.c - the FSRS-6 optimizer: the items it builds from a log,
 * its model against fsrs.c's, its gradients against finite differences,
 * and fits of logs simulated from known weights (tests/bench/simulate.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bench/simulate.h"
#include "fsrs.h"
#include "optimize.h"

/* The simulated log as the optimizer takes it, on days from 04:00 UTC. */
static struct optimize_review *
sim_reviews(const struct sim_log *log)
{
	struct optimize_review *r = calloc(log->n, sizeof(*r));

	assert_non_null(r);
	for (size_t i = 0; i < log->n; i++)
		r[i] = (struct optimize_review){
			.card = log->v[i].card,
			.time = log->v[i].time,
			.day = fsrs_day(log->v[i].time, 0, 4),
			.rating = log->v[i].rating,
			.state = log->v[i].state,
		};
	return r;
}

static void
test_items(void **state)
{
	/* card 1: learnt, reviewed, forgotten and relearnt, reset and
	 * learnt again: only the last run counts */
	const struct optimize_review r[] = {
		{ 1, 100, 0, 3, 0 },
		{ 1, 200, 0, 3, 1 },
		{ 1, 300, 3, 3, 2 },
		{ 1, 400, 10, 1, 2 },
		{ 1, 500, 10, 3, 3 },
		{ 1, 600, 20, 2, 0 }, /* reset: new again */
		{ 1, 700, 20, 3, 1 },
		{ 1, 800, 25, 4, 2 },
		{ 1, 900, 40, 1, 2 },
		/* card 2, given out of order: sorted by time */
		{ 2, 350, 7, 3, 2 },
		{ 2, 150, 2, 1, 0 },
		{ 2, 250, 2, 3, 1 },
		/* card 3: never learnt in this log: left out */
		{ 3, 120, 1, 3, 2 },
		{ 3, 220, 4, 3, 2 },
	};
	struct optimize_set set;
	(void)state;

	assert_int_equal(optimize_set_build(&set, r, sizeof(r) / sizeof(r[0])),
	                 0);
	assert_int_equal(set.ncards, 2);
	assert_int_equal(set.nreviews, 4 + 3);
	/* items: card 2's third review (t 350); card 1's 800 and 900 */
	assert_int_equal(set.nitems, 3);
	assert_int_equal(set.items[0].time, 350);
	assert_int_equal(set.items[0].len, 3);
	assert_int_equal(set.items[1].time, 800);
	assert_int_equal(set.items[1].len, 3);
	assert_int_equal(set.items[2].time, 900);
	assert_int_equal(set.items[2].len, 4);
	/* card 1's kept reviews: 2 3 4 1 with gaps 0 0 5 15 */
	{
		const struct optimize_item *it = &set.items[2];
		const int want_r[] = { 2, 3, 4, 1 }, want_d[] = { 0, 0, 5, 15 };

		for (int k = 0; k < 4; k++) {
			assert_int_equal(set.rating[it->start + k], want_r[k]);
			assert_int_equal(set.delta[it->start + k], want_d[k]);
		}
	}
	optimize_set_release(&set);

	/* without states, a card's whole log */
	{
		struct optimize_review u[3] = { { 3, 1, 0, 3, -1 },
			                        { 3, 2, 3, 3, -1 },
			                        { 3, 3, 9, 1, -1 } };

		assert_int_equal(optimize_set_build(&set, u, 3), 0);
		assert_int_equal(set.nitems, 2);
		optimize_set_release(&set);
		u[1].rating = 5;
		assert_int_equal(optimize_set_build(&set, u, 3), -1);
		optimize_set_release(&set);
	}
}

/* Random histories: each card a first review, then reviews after 0 to 40
 * days with any rating. */
static struct optimize_review *
random_log(int ncards, int maxlen, uint64_t seed, size_t *n)
{
	struct optimize_review *r =
	    calloc((size_t)ncards * (size_t)maxlen, sizeof(*r));
	uint64_t rng = seed;

	*n = 0;
	for (int c = 0; c < ncards; c++) {
		int len = 2 + (int)(sim_next(&rng) % (uint64_t)(maxlen - 1));
		long long day = 0;

		for (int k = 0; k < len; k++) {
			uint64_t u = sim_next(&rng);

			if (k > 0)
				day += u % 3 == 0 ? 0 : (long long)(u % 40);
			r[(*n)++] = (struct optimize_review){
				.card = c,
				.time = day * 86400 + k,
				.day = day,
				.rating = 1 + (int)((u >> 20) % 4),
				.state = k == 0 ? 0 : 2,
			};
		}
	}
	return r;
}

static void
random_weights(double *w, uint64_t *rng)
{
	struct fsrs_params p;

	fsrs_params_default(&p);
	for (int i = 0; i < FSRS_NWEIGHTS; i++) {
		double lo, hi;

		fsrs_weight_bounds(&p, i, &lo, &hi);
		if (i < 4)
			lo = 0.2, hi = 20; /* above fsrs.c's floor of 0.1 */
		if (i == 17 || i == 18)
			hi = 0.6;
		/* inside the bounds, away from them */
		w[i] = lo + (hi - lo) * (0.1 + 0.8 * sim_uniform(rng));
	}
}

static void
test_model_is_fsrs_c(void **state)
{
	size_t n;
	struct optimize_review *r = random_log(300, 12, 7, &n);
	struct optimize_set set;
	uint64_t rng = 11;
	(void)state;

	assert_int_equal(optimize_set_build(&set, r, n), 0);
	for (int round = 0; round < 5; round++) {
		struct fsrs_params p;

		fsrs_params_default(&p);
		random_weights(p.w, &rng);
		if (round == 0)
			fsrs_params_default(&p);
		assert_int_equal(fsrs_params_finish(&p, NULL, NULL, 0), 0);
		for (size_t i = 0; i < set.nitems; i++) {
			const struct optimize_item *it = &set.items[i];
			double s = 0, d = 0, os, od, want, got;

			for (int k = 0; k < it->len - 1; k++)
				fsrs_next_state(
				    &p, d, s, set.delta[it->start + k],
				    set.rating[it->start + k], &d, &s);
			got = optimize_predict(&set, it, p.w, &os, &od);
			want = fsrs_forgetting_curve(
			    &p, set.delta[it->start + it->len - 1], s);
			/* fsrs.c rounds to 8 decimals as it goes (recall
			 * among them, which the growth of stability takes
			 * as 1 - R): 1e-5 relative over 11 reviews */
			if (fabs(os - s) > 1e-5 * s || fabs(od - d) > 1e-5 * d)
				fail_msg(
				    "round %d item %zu: s %.10g, fsrs.c %.10g; "
				    "d %.10g, fsrs.c %.10g",
				    round, i, os, s, od, d);
			assert_true(fabs(got - want) <= 1e-6);
		}
	}
	optimize_set_release(&set);
	free(r);
}

static void
test_gradient_is_exact(void **state)
{
	size_t n;
	struct optimize_review *r = random_log(40, 10, 3, &n);
	struct optimize_set set;
	uint64_t rng = 5;
	size_t *idx;
	(void)state;

	assert_int_equal(optimize_set_build(&set, r, n), 0);
	idx = calloc(set.nitems, sizeof(*idx));
	for (size_t i = 0; i < set.nitems; i++)
		idx[i] = i;
	for (int round = 0; round < 10; round++) {
		double w[FSRS_NWEIGHTS], g[FSRS_NWEIGHTS] = { 0 };

		random_weights(w, &rng);
		if (round == 0)
			optimize_default_weights(w);
		optimize_loss_grad(&set, idx, NULL, set.nitems, w, g);
		for (int i = 0; i < FSRS_NWEIGHTS; i++) {
			double h = 1e-6 * (fabs(w[i]) > 1 ? fabs(w[i]) : 1);
			double a[FSRS_NWEIGHTS], b[FSRS_NWEIGHTS], fd;

			memcpy(a, w, sizeof(a));
			memcpy(b, w, sizeof(b));
			a[i] += h;
			b[i] -= h;
			fd = (optimize_loss_grad(&set, idx, NULL, set.nitems, a,
			                         NULL) -
			      optimize_loss_grad(&set, idx, NULL, set.nitems, b,
			                         NULL)) /
			     (2 * h);
			if (fabs(fd - g[i]) >
			    1e-6 * (fabs(g[i]) > 1 ? fabs(g[i]) : 1))
				fail_msg(
				    "round %d: w%d: gradient %.12g, finite "
				    "difference %.12g",
				    round, i, g[i], fd);
		}
	}
	free(idx);
	optimize_set_release(&set);
	free(r);
}

/*
 * Fit a log simulated from sim_true_w on its first 80% of items and
 * compare on the rest.  Two years of reviews of cards met over the first
 * 300 days: with a year only, the fit's distance from the true weights'
 * log loss depends on the batches' shuffle (0.0007 to 0.0018 over eight
 * seeds); with two, 0.0001 to 0.0003.
 */
static void
fit_simulated(int ncards, double *fitted, double *truth, double *def,
              enum optimize_outcome *outcome)
{
	struct sim_log log = { 0 };
	struct optimize_review *r;
	struct optimize_set set;
	struct optimize_config cfg;
	struct optimize_fit fit;
	struct optimize_metrics m;
	double w[FSRS_NWEIGHTS];
	size_t split;

	sim_generate(&log, sim_true_w, ncards, ncards / 300 + 1, 730, 42);
	r = sim_reviews(&log);
	assert_int_equal(optimize_set_build(&set, r, log.n), 0);
	split = set.nitems * 4 / 5;
	optimize_config_default(&cfg);
	optimize_fit(&set, 0, split, &cfg, NULL, NULL, &fit);
	*outcome = fit.outcome;
	optimize_evaluate(&set, split, set.nitems, fit.w, &m);
	*fitted = m.log_loss;
	optimize_evaluate(&set, split, set.nitems, sim_true_w, &m);
	*truth = m.log_loss;
	optimize_default_weights(w);
	optimize_evaluate(&set, split, set.nitems, w, &m);
	*def = m.log_loss;
	optimize_set_release(&set);
	free(r);
	free(log.v);
}

static void
test_fit_5000_cards(void **state)
{
	double fitted, truth, def;
	enum optimize_outcome outcome;
	(void)state;

	fit_simulated(5000, &fitted, &truth, &def, &outcome);
	print_message("# 5000 cards: log loss fitted %.5f, true weights %.5f, "
	              "defaults %.5f\n",
	              fitted, truth, def);
	assert_int_equal(outcome, OPTIMIZE_TRAINED);
	assert_true(fitted < def);
	assert_true(fabs(fitted - truth) <= 0.001);
}

/*
 * The outlier filter and the first stabilities against fsrs-rs: its
 * optimizer (npm @open-spaced-repetition/binding 0.5.0) with no epochs
 * on the same simulated logs (sim-reviews 1000 and 5000, UTC days from
 * 04:00) gave these w0-w3, in single precision.
 */
static void
test_pretraining_is_fsrs_rs(void **state)
{
	static const struct {
		int cards;
		double w[4];
	} want[] = {
		{ 1000,
		  { 0.6428589224815369, 2.9616916179656982, 2.9616916179656982,
		    16.285518646240234 } },
		{ 5000,
		  { 0.4989929497241974, 2.0162360668182373, 3.2643134593963623,
		    12.89767837524414 } },
	};
	(void)state;

	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		struct sim_log sim = { 0 };
		struct optimize_review *r;
		struct optimize_set set;
		struct optimize_config cfg;
		struct optimize_fit fit;

		sim_generate(&sim, sim_true_w, want[k].cards,
		             want[k].cards / 300 + 1, 365, 42);
		r = sim_reviews(&sim);
		assert_int_equal(optimize_set_build(&set, r, sim.n), 0);
		optimize_config_default(&cfg);
		cfg.pretrain_only = 1;
		optimize_fit(&set, 0, set.nitems, &cfg, NULL, NULL, &fit);
		assert_int_equal(fit.outcome, OPTIMIZE_PRETRAINED);
		for (int i = 0; i < 4; i++)
			if (fabs(fit.w[i] - want[k].w[i]) > 1e-5 * want[k].w[i])
				fail_msg("%d cards: w%d %.9g, fsrs-rs %.9g",
				         want[k].cards, i, fit.w[i],
				         want[k].w[i]);
		optimize_set_release(&set);
		free(r);
		free(sim.v);
	}
}

/* With several relearning steps, w17 and w18 are held where the steps
 * cannot raise stability after a lapse (fsrs-rs's rule). */
static void
test_relearning_steps_bound_short_term(void **state)
{
	struct sim_log sim = { 0 };
	struct optimize_review *r;
	struct optimize_set set;
	struct optimize_config cfg;
	struct optimize_fit one, three;
	double v, ceiling;
	(void)state;

	sim_generate(&sim, sim_true_w, 1000, 4, 365, 9);
	r = sim_reviews(&sim);
	assert_int_equal(optimize_set_build(&set, r, sim.n), 0);
	optimize_config_default(&cfg);
	optimize_fit(&set, 0, set.nitems, &cfg, NULL, NULL, &one);
	cfg.nrelearning = 3;
	optimize_fit(&set, 0, set.nitems, &cfg, NULL, NULL, &three);
	assert_int_equal(three.outcome, OPTIMIZE_TRAINED);
	v = -(log(three.w[11]) + log(pow(2, three.w[13]) - 1) +
	      three.w[14] * 0.3) /
	    3;
	ceiling = sqrt(v > 0.01 ? v : 0.01);
	/* the bound bites: one step lets w17 go above it */
	assert_true(one.w[17] > ceiling + 0.01);
	assert_true(three.w[17] <= ceiling + 1e-3);
	assert_true(three.w[18] <= ceiling + 1e-3);
	optimize_set_release(&set);
	free(r);
	free(sim.v);
}

/* The batch's second half on a thread or not: the same weights, bit for
 * bit. */
static void
test_threads_change_nothing(void **state)
{
	struct sim_log sim = { 0 };
	struct optimize_review *r;
	struct optimize_set set;
	struct optimize_config cfg;
	struct optimize_fit one, two;
	(void)state;

	sim_generate(&sim, sim_true_w, 600, 2, 365, 3);
	r = sim_reviews(&sim);
	assert_int_equal(optimize_set_build(&set, r, sim.n), 0);
	optimize_config_default(&cfg);
	cfg.threads = 1;
	optimize_fit(&set, 0, set.nitems, &cfg, NULL, NULL, &one);
	cfg.threads = 2;
	optimize_fit(&set, 0, set.nitems, &cfg, NULL, NULL, &two);
	assert_int_equal(one.outcome, OPTIMIZE_TRAINED);
	assert_memory_equal(one.w, two.w, sizeof(one.w));
	optimize_set_release(&set);
	free(r);
	free(sim.v);
}

static void
test_few_reviews_keep_defaults(void **state)
{
	struct sim_log log = { 0 };
	struct optimize_review *r;
	struct optimize_set set;
	struct optimize_config cfg;
	struct optimize_fit fit;
	double def[FSRS_NWEIGHTS];
	(void)state;

	sim_generate(&log, sim_true_w, 200, 5, 60, 1);
	log.n = 50;
	r = sim_reviews(&log);
	assert_int_equal(optimize_set_build(&set, r, log.n), 0);
	optimize_config_default(&cfg);
	optimize_fit(&set, 0, set.nitems, &cfg, NULL, NULL, &fit);
	assert_int_equal(fit.outcome, OPTIMIZE_TOO_FEW);
	optimize_default_weights(def);
	assert_memory_equal(fit.w, def, sizeof(def));
	optimize_set_release(&set);
	free(r);
	free(log.v);
}

static void
test_metrics(void **state)
{
	/* four cards, one item each: first Good, then 1 to 4 days later */
	const struct optimize_review r[] = {
		{ 1, 0, 0, 3, 0 }, { 1, 1, 1, 1, 2 }, { 2, 0, 0, 3, 0 },
		{ 2, 1, 2, 3, 2 }, { 3, 0, 0, 3, 0 }, { 3, 1, 3, 3, 2 },
		{ 4, 0, 0, 3, 0 }, { 4, 1, 4, 1, 2 },
	};
	struct optimize_set set;
	struct optimize_metrics m;
	double w[FSRS_NWEIGHTS], p[4], loss = 0;
	(void)state;

	optimize_default_weights(w);
	assert_int_equal(optimize_set_build(&set, r, 8), 0);
	assert_int_equal(set.nitems, 4);
	for (int i = 0; i < 4; i++)
		p[i] = optimize_predict(&set, &set.items[i], w, NULL, NULL);
	/* recall falls with the gap */
	assert_true(p[0] > p[1] && p[1] > p[2] && p[2] > p[3]);
	loss = -(log(1 - p[0]) + log(p[1]) + log(p[2]) + log(1 - p[3])) / 4;
	optimize_evaluate(&set, 0, 4, w, &m);
	assert_int_equal(m.n, 4);
	assert_true(fabs(m.log_loss - loss) < 1e-12);
	/* positives ranked 2 and 3 of 4: AUC (2+3 - 3) / (2*2) = 0.5 */
	assert_true(fabs(m.auc - 0.5) < 1e-12);
	/* gaps 1, 2, 3 each their own bin (248 * 3.62^0 for 1 to 3), so
	 * 1-3 share one: bins {1,2,3} and {4} */
	{
		double a = (p[0] + p[1] + p[2] - 2) / 3, b = p[3] - 0;
		double want = sqrt((3 * a * a + b * b) / 4);

		assert_true(fabs(m.rmse_bins - want) < 1e-12);
	}
	optimize_set_release(&set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_model_is_fsrs_c),
		cmocka_unit_test(test_gradient_is_exact),
		cmocka_unit_test(test_metrics),
		cmocka_unit_test(test_few_reviews_keep_defaults),
		cmocka_unit_test(test_relearning_steps_bound_short_term),
		cmocka_unit_test(test_pretraining_is_fsrs_rs),
		cmocka_unit_test(test_threads_change_nothing),
		cmocka_unit_test(test_fit_5000_cards),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
