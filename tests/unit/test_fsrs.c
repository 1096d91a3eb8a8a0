/*
 * test_fsrs.c - the FSRS-6 engine against vectors made with ts-fsrs 5.4.2
 * (tests/fsrs/, made by tests/fsrs/gen-vectors.mjs): every model function
 * over a grid, and whole review histories.  Stability and difficulty must
 * agree to 1e-6 relative; states, steps, intervals and due times exactly.
 * Then the parts the references cannot check: fuzz, days, parameters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "isotime.h"

#ifndef VECTORS
#define VECTORS "tests/fsrs"
#endif

static int
close_enough(double got, double want)
{
	if (got == want)
		return 1;
	return fabs(got - want) <= 1e-6 * fmax(fabs(want), 1e-12);
}

static json_t *
load(const char *name)
{
	char path[256];
	json_error_t e;
	json_t *j;

	snprintf(path, sizeof(path), "%s/%s", VECTORS, name);
	j = json_load_file(path, 0, &e);
	if (j == NULL)
		print_error("%s:%d: %s\n", path, e.line, e.text);
	assert_non_null(j);
	return j;
}

static double
arg(json_t *v, size_t i)
{
	return json_number_value(json_array_get(json_object_get(v, "args"), i));
}

static void
test_model_vectors(void **state)
{
	json_t *all = load("model.json");
	struct fsrs_params p;
	size_t i, bad = 0, n = json_array_size(all);
	json_t *v;

	(void)state;
	fsrs_params_default(&p);
	p.fuzz = 0;
	assert_true(n > 500);
	json_array_foreach(all, i, v)
	{
		const char *fn = json_string_value(json_object_get(v, "fn"));
		double want = json_number_value(json_object_get(v, "want"));
		double got = NAN, got2 = NAN;

		if (strcmp(fn, "init_stability") == 0) {
			got = fsrs_init_stability(&p, (int)arg(v, 0));
		} else if (strcmp(fn, "init_difficulty") == 0) {
			got = fsrs_init_difficulty(&p, (int)arg(v, 0));
		} else if (strcmp(fn, "next_difficulty") == 0) {
			got =
			    fsrs_next_difficulty(&p, arg(v, 0), (int)arg(v, 1));
		} else if (strcmp(fn, "next_recall_stability") == 0) {
			got = fsrs_next_recall_stability(&p, arg(v, 0),
			                                 arg(v, 1), arg(v, 2),
			                                 (int)arg(v, 3));
		} else if (strcmp(fn, "next_forget_stability") == 0) {
			got = fsrs_next_forget_stability(&p, arg(v, 0),
			                                 arg(v, 1), arg(v, 2));
		} else if (strcmp(fn, "next_short_term_stability") == 0) {
			got = fsrs_next_short_term_stability(&p, arg(v, 0),
			                                     (int)arg(v, 1));
		} else if (strcmp(fn, "forgetting_curve") == 0) {
			got = fsrs_forgetting_curve(&p, arg(v, 0), arg(v, 1));
		} else if (strcmp(fn, "next_interval") == 0) {
			struct fsrs_params q = p;

			q.retention = arg(v, 1);
			assert_int_equal(fsrs_params_finish(&q, NULL, NULL, 0),
			                 0);
			got = fsrs_next_interval(&q, arg(v, 0));
		} else if (strcmp(fn, "interval_modifier") == 0) {
			struct fsrs_params q = p;

			q.retention = arg(v, 0);
			assert_int_equal(fsrs_params_finish(&q, NULL, NULL, 0),
			                 0);
			got = q.interval_modifier;
		} else if (strcmp(fn, "next_state") == 0) {
			json_t *w = json_object_get(v, "want");

			fsrs_next_state(&p, arg(v, 0), arg(v, 1),
			                (long long)arg(v, 2), (int)arg(v, 3),
			                &got, &got2);
			/* want: [difficulty, stability] */
			want = json_number_value(json_array_get(w, 0));
			if (!close_enough(got2, json_number_value(
			                            json_array_get(w, 1)))) {
				print_error("next_state %zu: stability %.17g\n",
				            i, got2);
				bad++;
			}
		} else {
			print_error("unknown function '%s'\n", fn);
			bad++;
			continue;
		}
		if (!close_enough(got, want)) {
			print_error("%s #%zu: got %.17g, want %.17g\n", fn, i,
			            got, want);
			bad++;
		}
	}
	json_decref(all);
	assert_int_equal(bad, 0);
}

static enum fsrs_state
state_of(const char *s)
{
	static const char *const names[] = { "new", "learning", "review",
		                             "relearning" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum fsrs_state)i;
	fail_msg("unknown state '%s'", s);
	return FSRS_NEW;
}

static long long
time_of(json_t *v, const char *key)
{
	long long t;
	char why[128];
	const char *s = json_string_value(json_object_get(v, key));

	assert_non_null(s);
	assert_int_equal(isotime_parse(s, &t, why, sizeof(why)), 0);
	return t;
}

static void
read_steps(json_t *a, int *steps, int *n)
{
	size_t i;
	json_t *s;

	*n = 0;
	json_array_foreach(a, i, s)
	{
		const char *t = json_string_value(s);
		int v = atoi(t);
		char unit = t[strlen(t) - 1];

		steps[(*n)++] = unit == 'h'   ? v * 60
		                : unit == 'd' ? v * 1440
		                              : v;
	}
}

struct slot {
	char id[32];
	struct fsrs_card card;
};

static void
test_history_vectors(void **state)
{
	json_t *all = load("histories.json"), *c;
	size_t i, total = 0, bad = 0;

	(void)state;
	assert_true(json_array_size(all) >= 30);
	json_array_foreach(all, i, c)
	{
		struct fsrs_params p;
		struct slot slots[64];
		size_t nslots = 0, j;
		json_t *r;
		const char *name =
		    json_string_value(json_object_get(c, "name"));

		fsrs_params_default(&p);
		p.fuzz = 0;
		p.retention =
		    json_number_value(json_object_get(c, "retention"));
		p.max_interval = (int)json_integer_value(
		    json_object_get(c, "maximum_interval"));
		read_steps(json_object_get(c, "learning_steps"), p.learning,
		           &p.nlearning);
		read_steps(json_object_get(c, "relearning_steps"), p.relearning,
		           &p.nrelearning);
		assert_int_equal(fsrs_params_finish(&p, NULL, NULL, 0), 0);

		json_array_foreach(json_object_get(c, "reviews"), j, r)
		{
			const char *id =
			    json_string_value(json_object_get(r, "card"));
			long long t = time_of(r, "time");
			struct fsrs_when when = { t, fsrs_day(t, 0, 0) };
			struct fsrs_card *card = NULL;
			double s, d;

			for (size_t k = 0; k < nslots; k++)
				if (strcmp(slots[k].id, id) == 0)
					card = &slots[k].card;
			if (card == NULL) {
				assert_true(nslots < 64);
				snprintf(slots[nslots].id, sizeof(slots[0].id),
				         "%s", id);
				card = &slots[nslots++].card;
				fsrs_card_new(card, t, fsrs_seed(id));
			}
			fsrs_next(&p, card, when,
			          (enum fsrs_rating)json_integer_value(
			              json_object_get(r, "rating")),
			          card);
			total++;
			s = json_number_value(json_object_get(r, "stability"));
			d = json_number_value(json_object_get(r, "difficulty"));
			if (card->state != state_of(json_string_value(
			                       json_object_get(r, "state"))) ||
			    !close_enough(card->stability, s) ||
			    !close_enough(card->difficulty, d) ||
			    card->due != time_of(r, "due") ||
			    card->scheduled_days !=
			        json_integer_value(
			            json_object_get(r, "scheduled_days")) ||
			    card->step != json_integer_value(
			                      json_object_get(r, "step")) ||
			    card->reps != json_integer_value(
			                      json_object_get(r, "reps")) ||
			    card->lapses != json_integer_value(
			                        json_object_get(r, "lapses"))) {
				char due[32];

				isotime_format_utc(card->due, due, sizeof(due));
				print_error(
				    "%s review %zu (%s): got %s s=%.10g "
				    "d=%.10g ivl=%d step=%d due=%s "
				    "reps=%d lapses=%d\n",
				    name, j, id, fsrs_state_name(card->state),
				    card->stability, card->difficulty,
				    card->scheduled_days, card->step, due,
				    card->reps, card->lapses);
				bad++;
				break; /* the rest of this case follows */
			}
		}
	}
	print_message("%zu reviews checked\n", total);
	json_decref(all);
	assert_true(total >= 2000);
	assert_int_equal(bad, 0);
}

static void
test_fuzz_range_and_reproducible(void **state)
{
	struct fsrs_params p;

	(void)state;
	fsrs_params_default(&p);
	for (int ivl = 1; ivl <= 36500; ivl++) {
		int lo, hi, seen_lo = 1 << 30, seen_hi = 0;

		fsrs_fuzz_range(&p, ivl, 0, &lo, &hi);
		assert_true(lo <= hi);
		assert_true(hi <= p.max_interval);
		for (int k = 0; k < 40; k++) {
			double f = fsrs_fuzz_factor(fsrs_seed("card"), k + ivl);
			int got = fsrs_apply_fuzz(&p, ivl, 0, f);

			assert_true(f >= 0 && f < 1);
			if (ivl < 3) {
				assert_int_equal(got, ivl);
				continue;
			}
			assert_true(got >= lo && got <= hi);
			seen_lo = got < seen_lo ? got : seen_lo;
			seen_hi = got > seen_hi ? got : seen_hi;
			/* the same card and review count: the same draw */
			assert_int_equal(
			    got,
			    fsrs_apply_fuzz(
			        &p, ivl, 0,
			        fsrs_fuzz_factor(fsrs_seed("card"), k + ivl)));
		}
		if (ivl >= 10) /* the draws spread over the range */
			assert_true(seen_hi > seen_lo);
	}
	/* FSRS's published ranges at a few points */
	{
		int lo, hi;

		fsrs_fuzz_range(&p, 3, 0, &lo, &hi);
		assert_int_equal(lo, 2);
		assert_int_equal(hi, 4);
		fsrs_fuzz_range(&p, 100, 0, &lo, &hi);
		assert_int_equal(lo, 93);
		assert_int_equal(hi, 107);
		fsrs_fuzz_range(&p, 36500, 0, &lo, &hi);
		assert_int_equal(hi, 36500);
		assert_int_equal(lo, 34673);
		/* never before the day after the elapsed days */
		fsrs_fuzz_range(&p, 10, 9, &lo, &hi);
		assert_int_equal(lo, 10);
	}
}

static void
test_fuzz_in_scheduler(void **state)
{
	struct fsrs_params p, off;
	struct fsrs_card c, a, b, exact;
	struct fsrs_when t0 = { 1767225600, fsrs_day(1767225600, 0, 0) };
	struct fsrs_when t1 = { t0.time + 30 * 86400, t0.day + 30 };

	(void)state;
	fsrs_params_default(&p);
	off = p;
	off.fuzz = 0;
	fsrs_card_new(&c, t0.time, fsrs_seed("deck/card-1"));
	fsrs_next(&p, &c, t0, FSRS_EASY, &c);
	fsrs_next(&p, &c, t1, FSRS_GOOD, &a);
	fsrs_next(&p, &c, t1, FSRS_GOOD, &b);
	fsrs_next(&off, &c, t1, FSRS_GOOD, &exact);
	assert_int_equal(a.scheduled_days, b.scheduled_days);
	assert_true(a.stability == exact.stability);
	{
		int lo, hi;

		fsrs_fuzz_range(&p, exact.scheduled_days, 30, &lo, &hi);
		assert_true(a.scheduled_days >= lo && a.scheduled_days <= hi);
	}
	/* another card gets its own draw somewhere in 50 tries */
	{
		int differs = 0;

		for (int i = 0; i < 50 && !differs; i++) {
			char id[16];
			struct fsrs_card o;

			snprintf(id, sizeof(id), "other-%d", i);
			o = c;
			o.seed = fsrs_seed(id);
			fsrs_next(&p, &o, t1, FSRS_GOOD, &o);
			differs = o.scheduled_days != a.scheduled_days;
		}
		assert_true(differs);
	}
}

/* A history gives the same schedule whenever it happens: at the epoch,
 * before 1970 or in 2026 (a review at time 0 is a review, not "never"). */
static void
test_any_epoch(void **state)
{
	static const long long starts[] = { 1767225600LL, 0, -2208988800LL,
		                            -62135596800LL + 86400 };
	static const int ratings[] = { 3, 3, 1, 3, 4, 2 };
	static const long long gaps[] = { 0,   2 * 86400, 3 * 86400,
		                          600, 86400,     20 * 86400 };
	struct fsrs_params p;
	struct fsrs_card want[6];

	(void)state;
	fsrs_params_default(&p);
	p.fuzz = 0;
	for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++) {
		struct fsrs_card c;
		long long t = starts[k];

		fsrs_card_new(&c, t, 7);
		for (int i = 0; i < 6; i++) {
			t += gaps[i];
			fsrs_next(&p, &c,
			          (struct fsrs_when){ t, fsrs_day(t, 0, 4) },
			          (enum fsrs_rating)ratings[i], &c);
			if (k == 0) {
				want[i] = c;
				continue;
			}
			assert_int_equal(c.state, want[i].state);
			assert_true(c.stability == want[i].stability);
			assert_true(c.difficulty == want[i].difficulty);
			assert_int_equal(c.scheduled_days,
			                 want[i].scheduled_days);
			assert_int_equal(c.due - t,
			                 want[i].due - (want[i].last_review));
		}
	}
}

static void
test_days_and_rollover(void **state)
{
	(void)state;
	/* UTC, rollover at midnight */
	assert_int_equal(fsrs_day(0, 0, 0), 0);
	assert_int_equal(fsrs_day(86399, 0, 0), 0);
	assert_int_equal(fsrs_day(86400, 0, 0), 1);
	assert_int_equal(fsrs_day(-1, 0, 0), -1);
	/* rollover at 4: 03:59 belongs to the day before */
	assert_int_equal(fsrs_day(86400 + 4 * 3600 - 1, 0, 4), 0);
	assert_int_equal(fsrs_day(86400 + 4 * 3600, 0, 4), 1);
	/* Seoul (UTC+9): 16:00 UTC is already 01:00 the next day */
	assert_int_equal(fsrs_day(16 * 3600, 9 * 3600, 0), 1);
	assert_int_equal(fsrs_day(16 * 3600, 9 * 3600, 4), 0);
	assert_int_equal(fsrs_day(19 * 3600, 9 * 3600, 4), 1);
	/* Honolulu (UTC-10) */
	assert_int_equal(fsrs_day(9 * 3600, -10 * 3600, 0), -1);
}

static void
test_elapsed_days_follow_local_days(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c, seoul, utc, late, next_day;
	/* 2026-03-02 23:30 and 2026-03-03 00:30 UTC: two days in UTC, but
	 * one (2026-03-03, 08:30 and 09:30) in Seoul, UTC+9 */
	long long t0 = 1772494200, t1 = t0 + 3600;

	(void)state;
	fsrs_params_default(&p);
	p.fuzz = 0;
	fsrs_card_new(&c, t0, 1);
	fsrs_next(&p, &c, (struct fsrs_when){ t0, fsrs_day(t0, 9 * 3600, 4) },
	          FSRS_EASY, &seoul);
	fsrs_next(&p, &c, (struct fsrs_when){ t0, fsrs_day(t0, 0, 0) },
	          FSRS_EASY, &utc);
	assert_int_equal(seoul.state, FSRS_REVIEW);
	assert_true(seoul.stability == utc.stability);
	c = seoul;
	/* same local day in Seoul: short-term stability (no elapsed days) */
	fsrs_next(&p, &seoul,
	          (struct fsrs_when){ t1, fsrs_day(t1, 9 * 3600, 4) },
	          FSRS_GOOD, &late);
	/* a new day in UTC: one elapsed day, the long-term formula */
	fsrs_next(&p, &utc, (struct fsrs_when){ t1, fsrs_day(t1, 0, 0) },
	          FSRS_GOOD, &next_day);
	assert_true(late.stability ==
	            fsrs_next_short_term_stability(&p, c.stability, FSRS_GOOD));
	assert_true(next_day.stability != late.stability);
	assert_true(next_day.stability ==
	            fsrs_next_recall_stability(
	                &p, c.difficulty, c.stability,
	                fsrs_forgetting_curve(&p, 1, c.stability), FSRS_GOOD));
}

static void
test_preview_matches_next(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c, all[4], one;
	struct fsrs_when t = { 1767225600, 20454 };

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_new(&c, t.time, 7);
	for (int round = 0; round < 6; round++) {
		fsrs_preview(&p, &c, t, all);
		for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
			fsrs_next(&p, &c, t, (enum fsrs_rating)g, &one);
			assert_int_equal(one.state, all[g - 1].state);
			assert_true(one.stability == all[g - 1].stability);
			assert_true(one.difficulty == all[g - 1].difficulty);
			assert_int_equal(one.step, all[g - 1].step);
			assert_int_equal(one.scheduled_days,
			                 all[g - 1].scheduled_days);
			assert_int_equal(one.reps, all[g - 1].reps);
			assert_int_equal(one.lapses, all[g - 1].lapses);
			assert_int_equal(one.due, all[g - 1].due);
			assert_int_equal(one.last_review,
			                 all[g - 1].last_review);
		}
		if (c.state == FSRS_REVIEW) {
			/* interval order: hard <= good < easy */
			assert_true(all[1].scheduled_days <=
			            all[2].scheduled_days);
			assert_true(all[2].scheduled_days <
			            all[3].scheduled_days);
			assert_int_equal(all[0].state, FSRS_RELEARNING);
			assert_int_equal(all[0].lapses, c.lapses + 1);
		}
		c = all[2];
		t.time = c.due;
		t.day = fsrs_day(t.time, 0, 0);
	}
}

/* A small seeded generator for the walks below: [0, 1). */
static double
walk_random(uint64_t *x)
{
	*x = *x * 6364136223846793005ull + 1442695040888963407ull;
	return (double)(*x >> 11) * 0x1.0p-53;
}

static void
assert_same_card(const struct fsrs_card *a, const struct fsrs_card *b)
{
	assert_int_equal(a->state, b->state);
	assert_memory_equal(&a->stability, &b->stability, sizeof(double));
	assert_memory_equal(&a->difficulty, &b->difficulty, sizeof(double));
	assert_int_equal(a->step, b->step);
	assert_int_equal(a->scheduled_days, b->scheduled_days);
	assert_int_equal(a->reps, b->reps);
	assert_int_equal(a->lapses, b->lapses);
	assert_int_equal(a->due, b->due);
	assert_int_equal(a->last_review, b->last_review);
	assert_int_equal(a->last_day, b->last_day);
	assert_int_equal(a->seed, b->seed);
}

/*
 * fsrs_next computes only the rating asked for; fsrs_preview computes all
 * four together as ts-fsrs does.  On random walks over random weights,
 * retentions, steps, maximum intervals and fuzz, with reviews the same day,
 * early, on time and late, the two give the same card to the bit for every
 * rating.
 */
static void
test_next_is_preview_bit_for_bit(void **state)
{
	static const int steps[][3] = {
		{ 0 }, { 1, 10 }, { 1, 10, 60 }, { 10, 1440 }, { 1440, 4320 },
	};
	static const int nsteps[] = { 0, 2, 3, 2, 2 };
	uint64_t x = 2026;
	long checked = 0;

	(void)state;
	for (int set = 0; set < 200; set++) {
		struct fsrs_params p;
		struct fsrs_card c, all[4], one;
		struct fsrs_when t = { -2000000000LL + set * 77777777LL, 0 };
		int ls = set % 5, rs = (set / 5) % 5;

		fsrs_params_default(&p);
		for (int i = 0; set > 0 && i < FSRS_NWEIGHTS; i++) {
			double lo, hi;

			fsrs_weight_bounds(&p, i, &lo, &hi);
			p.w[i] = lo + (hi - lo) * walk_random(&x);
		}
		p.retention = 0.7 + 0.29 * walk_random(&x);
		p.fuzz = set % 2;
		if (set % 4 == 1) /* intervals held at the maximum */
			p.max_interval = 1 + (int)(walk_random(&x) * 30);
		p.nlearning = nsteps[ls];
		memcpy(p.learning, steps[ls], sizeof(steps[ls]));
		p.nrelearning = nsteps[rs];
		memcpy(p.relearning, steps[rs], sizeof(steps[rs]));
		assert_int_equal(fsrs_params_finish(&p, NULL, NULL, 0), 0);
		fsrs_card_new(&c, t.time, (uint64_t)set * 2654435761u);
		for (int round = 0; round < 60; round++) {
			double u = walk_random(&x);
			int g = 1 + (int)(walk_random(&x) * 4);

			t.day = fsrs_day(t.time, 3600 * (set % 3), set % 24);
			fsrs_preview(&p, &c, t, all);
			for (int k = FSRS_AGAIN; k <= FSRS_EASY; k++) {
				fsrs_next(&p, &c, t, (enum fsrs_rating)k, &one);
				assert_same_card(&one, &all[k - 1]);
				checked++;
			}
			c = all[g - 1];
			/* next: the same moment, the same day, early, on
			 * time or late */
			t.time = u < 0.1   ? t.time
			         : u < 0.3 ? t.time + 600
			         : u < 0.5 ? t.time + (c.due - t.time) / 2
			         : u < 0.8 ? c.due
			                   : c.due + (long long)(u * 1e8);
			if (t.time > 200000000000LL)
				break;
		}
	}
	print_message("%ld outcomes checked\n", checked);
	assert_true(checked > 20000);
}

static void
test_params(void **state)
{
	struct fsrs_params p;
	char why[128];
	int clamped;

	(void)state;
	fsrs_params_default(&p);
	assert_true(fabs(p.interval_modifier - 1) < 1e-6); /* R 0.9: 1 */
	p.retention = 0.69;
	assert_int_equal(fsrs_params_finish(&p, NULL, why, sizeof(why)), -1);
	assert_string_equal(why, "desired retention must be from 0.70 to 0.99");
	p.retention = 0.995;
	assert_int_equal(fsrs_params_finish(&p, NULL, why, sizeof(why)), -1);
	p.retention = 0.8;
	assert_int_equal(fsrs_params_finish(&p, &clamped, why, sizeof(why)), 0);
	assert_int_equal(clamped, 0);
	assert_true(p.interval_modifier > 1);

	p.w[0] = 500;  /* above 100 */
	p.w[7] = -1;   /* below 0.001 */
	p.w[20] = 0.9; /* above 0.8 */
	assert_int_equal(fsrs_params_finish(&p, &clamped, why, sizeof(why)), 0);
	assert_int_equal(clamped, 3);
	assert_true(p.w[0] == 100);
	assert_true(p.w[7] == 0.001);
	assert_true(p.w[20] == 0.8);
	assert_true(p.decay == -0.8);

	p.w[3] = NAN;
	assert_int_equal(fsrs_params_finish(&p, NULL, why, sizeof(why)), -1);
	assert_string_equal(why, "w3 is not a number");

	fsrs_params_default(&p);
	p.learning[0] = 0;
	assert_int_equal(fsrs_params_finish(&p, NULL, why, sizeof(why)), -1);
	assert_string_equal(why,
	                    "learning steps must be from 1 minute to 30 days");

	/* two relearning steps lower the ceiling of w17 and w18 */
	fsrs_params_default(&p);
	p.nrelearning = 2;
	p.relearning[1] = 60;
	{
		double lo, hi;

		fsrs_weight_bounds(&p, 17, &lo, &hi);
		assert_true(hi < 2 && hi > 0.01);
	}
}

static void
test_retrievability(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c;
	struct fsrs_when t = { 1767225600, 20454 };

	(void)state;
	fsrs_params_default(&p);
	fsrs_card_new(&c, t.time, 1);
	assert_true(fsrs_retrievability(&p, &c, t) == 1);
	c.state = FSRS_REVIEW;
	c.stability = 10;
	c.last_day = t.day - 10;
	/* after 'stability' days, recall is 90% by definition */
	assert_true(fabs(fsrs_retrievability(&p, &c, t) - 0.9) < 1e-6);
	c.last_day = t.day - 100;
	assert_true(fsrs_retrievability(&p, &c, t) < 0.9);
}

/* Due by day for intervals of days, exactly for steps of minutes. */
static void
test_is_due(void **state)
{
	static const struct {
		enum fsrs_state st;
		int days;
		long long due;
		int want;
	} cases[] = {
		/* now 1000, the next day starts at 5000 */
		{ FSRS_REVIEW, 2, 4999, 1 },    { FSRS_REVIEW, 2, 5000, 0 },
		{ FSRS_REVIEW, 1, 1000, 1 },    { FSRS_REVIEW, 30, -99, 1 },
		{ FSRS_LEARNING, 0, 1000, 1 },  { FSRS_LEARNING, 0, 1001, 0 },
		{ FSRS_RELEARNING, 0, 999, 1 }, { FSRS_RELEARNING, 0, 4000, 0 },
		{ FSRS_LEARNING, 1, 4000, 1 },  { FSRS_NEW, 0, 0, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fsrs_card c = { .state = cases[i].st,
			               .scheduled_days = cases[i].days,
			               .due = cases[i].due };

		assert_int_equal(fsrs_is_due(&c, 1000, 5000), cases[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_vectors),
		cmocka_unit_test(test_history_vectors),
		cmocka_unit_test(test_fuzz_range_and_reproducible),
		cmocka_unit_test(test_fuzz_in_scheduler),
		cmocka_unit_test(test_any_epoch),
		cmocka_unit_test(test_is_due),
		cmocka_unit_test(test_days_and_rollover),
		cmocka_unit_test(test_elapsed_days_follow_local_days),
		cmocka_unit_test(test_preview_matches_next),
		cmocka_unit_test(test_next_is_preview_bit_for_bit),
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_retrievability),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
