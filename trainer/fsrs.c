/*
 * fsrs.c - the FSRS-6 scheduler.
 *
 * Follows ts-fsrs 5.x (BasicScheduler with short-term stability on) step
 * by step, including where it rounds to 8 decimals and how JavaScript's
 * Math.round breaks ties (towards +infinity), so the two agree exactly.
 */
#include "fsrs.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

static const double default_w[FSRS_NWEIGHTS] = {
	0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
	0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
	1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* JavaScript's Math.round: ties go towards +infinity. */
static double
js_round(double x)
{
	double r = floor(x);

	return x - r >= 0.5 ? r + 1 : r;
}

/* ts-fsrs's roundTo(x, 8). */
static double
round8(double x)
{
	return js_round(x * 1e8) / 1e8;
}

/* fmax and fmin without a call to the library: a NaN loses, and of two
 * equal values the second is taken, as the x86-64 maxsd and minsd that
 * the C library uses do. */
static double
max_of(double a, double b)
{
	return a > b || isnan(b) ? a : b;
}

static double
min_of(double a, double b)
{
	return a < b || isnan(b) ? a : b;
}

/* ts-fsrs's clamp: Math.min(Math.max(v, lo), hi). */
static double
clamp(double v, double lo, double hi)
{
	return min_of(max_of(v, lo), hi);
}

long long
fsrs_day(long long t, long utc_offset, int rollover_hour)
{
	long long x = t + utc_offset - (long long)rollover_hour * 3600;

	return x >= 0 ? x / 86400 : -((-x + 86399) / 86400);
}

void
fsrs_params_default(struct fsrs_params *p)
{
	memset(p, 0, sizeof(*p));
	memcpy(p->w, default_w, sizeof(p->w));
	p->retention = 0.9;
	p->max_interval = 36500;
	p->learning[0] = 1;
	p->learning[1] = 10;
	p->nlearning = 2;
	p->relearning[0] = 10;
	p->nrelearning = 1;
	p->fuzz = 1;
	fsrs_params_finish(p, NULL, NULL, 0);
}

void
fsrs_weight_bounds(const struct fsrs_params *p, int i, double *lo, double *hi)
{
	static const double bounds[FSRS_NWEIGHTS][2] = {
		{ 0.001, 100 },  { 0.001, 100 },  { 0.001, 100 },
		{ 0.001, 100 },  { 1, 10 },       { 0.001, 4 },
		{ 0.001, 4 },    { 0.001, 0.75 }, { 0, 4.5 },
		{ 0, 0.8 },      { 0.001, 3.5 },  { 0.001, 5 },
		{ 0.001, 0.25 }, { 0.001, 0.9 },  { 0, 4 },
		{ 0, 1 },        { 1, 6 },        { 0, 2 },
		{ 0, 2 },        { 0.01, 0.8 },   { 0.1, 0.8 },
	};

	*lo = bounds[i][0];
	*hi = bounds[i][1];
	/* With several relearning steps, w17 and w18 are held low enough
	 * that the steps cannot raise stability after a lapse. */
	if ((i == 17 || i == 18) && p->nrelearning > 1) {
		double w11 = clamp(p->w[11], bounds[11][0], bounds[11][1]);
		double w13 = clamp(p->w[13], bounds[13][0], bounds[13][1]);
		double w14 = clamp(p->w[14], bounds[14][0], bounds[14][1]);
		double v = -(log(w11) + log(pow(2, w13) - 1) + w14 * 0.3) /
		           p->nrelearning;

		*hi = clamp(round8(sqrt(max_of(v, 0))), 0.01, 2);
	}
}

static int
check_steps(const int *steps, int n, const char *what, char *why, size_t size)
{
	for (int i = 0; i < n; i++)
		if (steps[i] < 1 || steps[i] > 30 * 1440) {
			if (why)
				snprintf(why, size,
				         "%s steps must be from 1 minute to 30 "
				         "days",
				         what);
			return -1;
		}
	return 0;
}

int
fsrs_params_finish(struct fsrs_params *p, int *clamped, char *why, size_t size)
{
	int n = 0;

	if (!(p->retention >= FSRS_MIN_RETENTION &&
	      p->retention <= FSRS_MAX_RETENTION)) {
		if (why)
			snprintf(why, size,
			         "desired retention must be from %.2f to %.2f",
			         FSRS_MIN_RETENTION, FSRS_MAX_RETENTION);
		return -1;
	}
	if (p->max_interval < 1 || p->max_interval > 36500) {
		if (why)
			snprintf(why, size,
			         "the maximum interval must be from 1 to 36500 "
			         "days");
		return -1;
	}
	if (p->nlearning < 0 || p->nlearning > FSRS_MAX_STEPS ||
	    p->nrelearning < 0 || p->nrelearning > FSRS_MAX_STEPS) {
		if (why)
			snprintf(why, size, "at most %d steps", FSRS_MAX_STEPS);
		return -1;
	}
	if (check_steps(p->learning, p->nlearning, "learning", why, size) < 0 ||
	    check_steps(p->relearning, p->nrelearning, "relearning", why,
	                size) < 0)
		return -1;
	for (int i = 0; i < FSRS_NWEIGHTS; i++) {
		double lo, hi, v;

		if (!isfinite(p->w[i])) {
			if (why)
				snprintf(why, size, "w%d is not a number", i);
			return -1;
		}
		fsrs_weight_bounds(p, i, &lo, &hi);
		v = clamp(p->w[i], lo, hi);
		if (v != p->w[i])
			n++;
		p->w[i] = v;
	}
	if (clamped)
		*clamped = n;
	p->decay = -p->w[20];
	p->factor = round8(exp(pow(p->decay, -1) * log(0.9)) - 1);
	p->interval_modifier =
	    round8((pow(p->retention, 1 / p->decay) - 1) / p->factor);
	p->exp_w8 = exp(p->w[8]);
	p->exp_w17_w18 = exp(p->w[17] * p->w[18]);
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		p->init_difficulty[g - 1] = fsrs_init_difficulty(p, g);
		p->short_term_sinc[g - 1] = exp(p->w[17] * (g - 3 + p->w[18]));
	}
	return 0;
}

/* ---- the model ---- */

double
fsrs_init_stability(const struct fsrs_params *p, int g)
{
	return max_of(p->w[g - 1], 0.1);
}

double
fsrs_init_difficulty(const struct fsrs_params *p, int g)
{
	return round8(p->w[4] - exp((g - 1) * p->w[5]) + 1);
}

double
fsrs_next_difficulty(const struct fsrs_params *p, double d, int g)
{
	double delta = -p->w[6] * (g - 3);
	double next = d + round8(delta * (10 - d) / 9);
	double reverted = round8(p->w[7] * p->init_difficulty[FSRS_EASY - 1] +
	                         (1 - p->w[7]) * next);

	return clamp(reverted, 1, 10);
}

/* The growth of stability after a success that Hard, Good and Easy
 * share: exp(w8) (11 - d) s^-w9 (e^((1 - r) w10) - 1). */
static double
recall_growth(const struct fsrs_params *p, double d, double s, double r)
{
	const double *w = p->w;

	return p->exp_w8 * (11 - d) * pow(s, -w[9]) *
	       (exp((1 - r) * w[10]) - 1);
}

/* The recall stability of rating 'g' from the shared growth: the same
 * operations in the same order as FSRS's formula, so the same bits. */
static double
recall_stability(const struct fsrs_params *p, double s, double growth, int g)
{
	double hard_penalty = g == FSRS_HARD ? p->w[15] : 1;
	double easy_bonus = g == FSRS_EASY ? p->w[16] : 1;

	return round8(clamp(s * (1 + growth * hard_penalty * easy_bonus),
	                    FSRS_S_MIN, FSRS_S_MAX));
}

double
fsrs_next_recall_stability(const struct fsrs_params *p, double d, double s,
                           double r, int g)
{
	return recall_stability(p, s, recall_growth(p, d, s, r), g);
}

double
fsrs_next_forget_stability(const struct fsrs_params *p, double d, double s,
                           double r)
{
	const double *w = p->w;

	return round8(clamp(w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) *
	                        exp((1 - r) * w[14]),
	                    FSRS_S_MIN, FSRS_S_MAX));
}

/* The short-term stability of rating 'g' with s_pow = s^-w19, which the
 * ratings share. */
static double
short_term_stability(const struct fsrs_params *p, double s, double s_pow, int g)
{
	double sinc = s_pow * p->short_term_sinc[g - 1];

	if (g >= FSRS_HARD)
		sinc = max_of(sinc, 1);
	return round8(clamp(s * sinc, FSRS_S_MIN, FSRS_S_MAX));
}

double
fsrs_next_short_term_stability(const struct fsrs_params *p, double s, int g)
{
	return short_term_stability(p, s, pow(s, -p->w[19]), g);
}

double
fsrs_forgetting_curve(const struct fsrs_params *p, double t, double s)
{
	return round8(pow(1 + p->factor * t / s, p->decay));
}

/* Next state with the retrievability 'r' already known ('r' is not used
 * when t is 0). */
static void
next_state_r(const struct fsrs_params *p, double d, double s, long long t,
             int g, double r, double *nd, double *ns)
{
	if (d == 0 && s == 0) {
		*nd = clamp(p->init_difficulty[g - 1], 1, 10);
		*ns = fsrs_init_stability(p, g);
		return;
	}
	if (t == 0) {
		*ns = fsrs_next_short_term_stability(p, s, g);
	} else if (g == FSRS_AGAIN) {
		double after_fail = fsrs_next_forget_stability(p, d, s, r);
		double floor_s = s / p->exp_w17_w18;

		*ns = clamp(round8(floor_s), FSRS_S_MIN, after_fail);
	} else {
		*ns = fsrs_next_recall_stability(p, d, s, r, g);
	}
	*nd = fsrs_next_difficulty(p, d, g);
}

void
fsrs_next_state(const struct fsrs_params *p, double d, double s, long long t,
                int g, double *nd, double *ns)
{
	double r = s > 0 ? fsrs_forgetting_curve(p, (double)t, s) : 1;

	next_state_r(p, d, s, t, g, r, nd, ns);
}

int
fsrs_next_interval(const struct fsrs_params *p, double s)
{
	double ivl = max_of(1, js_round(s * p->interval_modifier));

	return (int)min_of(ivl, p->max_interval);
}

/* ---- fuzz ---- */

void
fsrs_fuzz_range(const struct fsrs_params *p, double ivl, long long elapsed,
                int *min_ivl, int *max_ivl)
{
	static const struct {
		double start, end, factor;
	} ranges[] = {
		{ 2.5, 7, 0.15 },
		{ 7, 20, 0.1 },
		{ 20, INFINITY, 0.05 },
	};
	double delta = 1, lo, hi;

	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		delta +=
		    ranges[i].factor *
		    max_of(min_of(ivl, ranges[i].end) - ranges[i].start, 0);
	ivl = min_of(ivl, p->max_interval);
	lo = max_of(2, js_round(ivl - delta));
	hi = min_of(js_round(ivl + delta), p->max_interval);
	if (ivl > (double)elapsed)
		lo = max_of(lo, (double)elapsed + 1);
	lo = min_of(lo, hi);
	*min_ivl = (int)lo;
	*max_ivl = (int)hi;
}

int
fsrs_apply_fuzz(const struct fsrs_params *p, int ivl, long long elapsed,
                double factor)
{
	int lo, hi;

	if (!p->fuzz || ivl < 2.5)
		return ivl;
	fsrs_fuzz_range(p, ivl, elapsed, &lo, &hi);
	return (int)floor(factor * (hi - lo + 1) + lo);
}

static uint64_t
splitmix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

double
fsrs_fuzz_factor(uint64_t seed, int reps)
{
	uint64_t x = splitmix64(seed ^ splitmix64((uint64_t)reps));

	return (double)(x >> 11) * 0x1.0p-53;
}

uint64_t
fsrs_seed(const char *s)
{
	return str_hash(s);
}

/* ---- the scheduler ---- */

const char *
fsrs_state_name(enum fsrs_state s)
{
	switch (s) {
	case FSRS_NEW:
		return "new";
	case FSRS_LEARNING:
		return "learning";
	case FSRS_REVIEW:
		return "review";
	case FSRS_RELEARNING:
		return "relearning";
	}
	return "?";
}

int
fsrs_is_due(const struct fsrs_card *c, long long now, long long day_end)
{
	if (c->state == FSRS_NEW)
		return 0;
	return c->scheduled_days >= 1 ? c->due < day_end : c->due <= now;
}

void
fsrs_card_new(struct fsrs_card *c, long long now, uint64_t seed)
{
	memset(c, 0, sizeof(*c));
	c->state = FSRS_NEW;
	c->due = now;
	c->seed = seed;
}

/* What the (re)learning steps say for 'g' from state 'state' at step
 * 'step': minutes (0: none, graduate) and the next step. */
static void
step_for(const struct fsrs_params *p, enum fsrs_state state, int step, int g,
         int *minutes, int *next)
{
	int relearn = state == FSRS_RELEARNING || state == FSRS_REVIEW;
	const int *steps = relearn ? p->relearning : p->learning;
	int n = relearn ? p->nrelearning : p->nlearning;

	*minutes = 0;
	*next = 0;
	if (n == 0 || step >= n)
		return;
	if (state == FSRS_REVIEW) {
		if (g == FSRS_AGAIN)
			*minutes = steps[step < 0 ? 0 : step];
		return;
	}
	switch (g) {
	case FSRS_AGAIN:
		*minutes = steps[0];
		break;
	case FSRS_HARD:
		*minutes = n == 1 ? (int)js_round(steps[0] * 1.5)
		                  : (int)js_round((steps[0] + steps[1]) / 2.0);
		*next = step;
		break;
	case FSRS_GOOD:
		if (step + 1 < n) {
			*minutes = steps[step + 1];
			*next = step + 1;
		}
		break;
	default:
		break;
	}
}

/* Schedule 'next' by the steps, or graduate it to review. */
static void
apply_steps(const struct fsrs_params *p, const struct fsrs_card *cur,
            struct fsrs_card *next, int g, enum fsrs_state to,
            struct fsrs_when now, long long elapsed, double fuzz)
{
	int minutes, step;

	step_for(p, cur->state, cur->step, g, &minutes, &step);
	if (minutes > 0 && minutes < 1440) {
		next->step = step;
		next->scheduled_days = 0;
		next->state = to;
		next->due = now.time + (long long)minutes * 60;
	} else if (minutes >= 1440) {
		next->state = FSRS_REVIEW;
		next->step = step;
		next->due = now.time + (long long)minutes * 60;
		next->scheduled_days = minutes / 1440;
	} else {
		int ivl = fsrs_apply_fuzz(
		    p, fsrs_next_interval(p, next->stability), elapsed, fuzz);

		next->state = FSRS_REVIEW;
		next->step = 0;
		next->scheduled_days = ivl;
		next->due = now.time + (long long)ivl * 86400;
	}
}

/* The interval for stability 's' in review, fuzzed, before the ratings
 * are kept apart. */
static int
review_interval(const struct fsrs_params *p, double s, long long elapsed,
                double fuzz)
{
	return fsrs_apply_fuzz(p, fsrs_next_interval(p, s), elapsed, fuzz);
}

/* Review-state outcomes: all four, as ts-fsrs computes them together. */
static void
review_outcomes(const struct fsrs_params *p, const struct fsrs_card *cur,
                struct fsrs_when now, long long elapsed, double fuzz,
                struct fsrs_card out[4])
{
	double r = fsrs_forgetting_curve(p, (double)elapsed, cur->stability);
	int ivl[4];

	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		out[g - 1] = *cur;
		next_state_r(p, cur->difficulty, cur->stability, elapsed, g, r,
		             &out[g - 1].difficulty, &out[g - 1].stability);
	}
	for (int g = FSRS_HARD; g <= FSRS_EASY; g++)
		ivl[g - 1] =
		    review_interval(p, out[g - 1].stability, elapsed, fuzz);
	ivl[1] = ivl[1] < ivl[2] ? ivl[1] : ivl[2];
	ivl[2] = ivl[2] > ivl[1] + 1 ? ivl[2] : ivl[1] + 1;
	ivl[3] = ivl[3] > ivl[2] + 1 ? ivl[3] : ivl[2] + 1;
	for (int g = FSRS_HARD; g <= FSRS_EASY; g++) {
		out[g - 1].state = FSRS_REVIEW;
		out[g - 1].step = 0;
		out[g - 1].scheduled_days = ivl[g - 1];
		out[g - 1].due = now.time + (long long)ivl[g - 1] * 86400;
	}
	apply_steps(p, cur, &out[0], FSRS_AGAIN, FSRS_RELEARNING, now, elapsed,
	            fuzz);
	out[0].lapses++;
}

/*
 * The review-state outcome of 'g' alone, the same as review_outcomes
 * gives for it: the shared parts of the stabilities computed once, the
 * difficulty only for 'g', and the intervals only of the ratings that
 * 'g's depends on (Hard is kept at most Good, Good above Hard, Easy above
 * Good).
 */
static void
review_outcome(const struct fsrs_params *p, const struct fsrs_card *cur,
               struct fsrs_when now, long long elapsed, double fuzz, int g,
               struct fsrs_card *out)
{
	double s = cur->stability, d = cur->difficulty, r, shared, stab[4];
	int ivl_hard, ivl_good, ivl;

	if (d == 0 && s == 0) { /* never reviewed: not a review card */
		struct fsrs_card all[4];

		review_outcomes(p, cur, now, elapsed, fuzz, all);
		*out = all[g - 1];
		return;
	}
	r = elapsed > 0 ? fsrs_forgetting_curve(p, (double)elapsed, s) : 1;
	*out = *cur;
	if (g == FSRS_AGAIN) {
		next_state_r(p, d, s, elapsed, g, r, &out->difficulty,
		             &out->stability);
		apply_steps(p, cur, out, FSRS_AGAIN, FSRS_RELEARNING, now,
		            elapsed, fuzz);
		out->lapses++;
		return;
	}
	shared = elapsed == 0 ? pow(s, -p->w[19]) : recall_growth(p, d, s, r);
	for (int k = FSRS_HARD; k <= FSRS_EASY; k++)
		if (k <= FSRS_GOOD || k == g)
			stab[k - 1] =
			    elapsed == 0 ? short_term_stability(p, s, shared, k)
			                 : recall_stability(p, s, shared, k);
	ivl_hard = review_interval(p, stab[FSRS_HARD - 1], elapsed, fuzz);
	ivl_good = review_interval(p, stab[FSRS_GOOD - 1], elapsed, fuzz);
	ivl_hard = ivl_hard < ivl_good ? ivl_hard : ivl_good;
	ivl_good = ivl_good > ivl_hard + 1 ? ivl_good : ivl_hard + 1;
	ivl = g == FSRS_HARD ? ivl_hard : ivl_good;
	if (g == FSRS_EASY) {
		ivl = review_interval(p, stab[FSRS_EASY - 1], elapsed, fuzz);
		ivl = ivl > ivl_good + 1 ? ivl : ivl_good + 1;
	}
	out->difficulty = fsrs_next_difficulty(p, d, g);
	out->stability = stab[g - 1];
	out->state = FSRS_REVIEW;
	out->step = 0;
	out->scheduled_days = ivl;
	out->due = now.time + (long long)ivl * 86400;
}

/* The card as it stands at the review, before the rating: reps counted,
 * the review time set.  Returns the elapsed days. */
static long long
begin_review(const struct fsrs_card *c, struct fsrs_when now,
             struct fsrs_card *cur)
{
	long long elapsed = 0;

	*cur = *c;
	if (c->state != FSRS_NEW)
		elapsed = now.day - c->last_day;
	if (elapsed < 0)
		elapsed = 0; /* a clock set back: treat as the same day */
	cur->reps++;
	cur->last_review = now.time;
	cur->last_day = now.day;
	return elapsed;
}

/* The outcome of 'g' for a new or (re)learning card. */
static void
learning_outcome(const struct fsrs_params *p, const struct fsrs_card *cur,
                 enum fsrs_state was, struct fsrs_when now, long long elapsed,
                 double fuzz, int g, struct fsrs_card *out)
{
	double r =
	    cur->stability > 0 && elapsed > 0
	        ? fsrs_forgetting_curve(p, (double)elapsed, cur->stability)
	        : 1;

	*out = *cur;
	next_state_r(p, cur->difficulty, cur->stability, elapsed, g, r,
	             &out->difficulty, &out->stability);
	apply_steps(p, cur, out, g, was == FSRS_NEW ? FSRS_LEARNING : was, now,
	            elapsed, fuzz);
}

void
fsrs_preview(const struct fsrs_params *p, const struct fsrs_card *c,
             struct fsrs_when now, struct fsrs_card out[4])
{
	struct fsrs_card cur;
	long long elapsed = begin_review(c, now, &cur);
	double fuzz = fsrs_fuzz_factor(c->seed, cur.reps);

	if (c->state == FSRS_REVIEW) {
		review_outcomes(p, &cur, now, elapsed, fuzz, out);
		return;
	}
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++)
		learning_outcome(p, &cur, c->state, now, elapsed, fuzz, g,
		                 &out[g - 1]);
}

void
fsrs_next(const struct fsrs_params *p, const struct fsrs_card *c,
          struct fsrs_when now, enum fsrs_rating rating, struct fsrs_card *out)
{
	struct fsrs_card cur;
	long long elapsed = begin_review(c, now, &cur);
	double fuzz = fsrs_fuzz_factor(c->seed, cur.reps);

	if (c->state == FSRS_REVIEW)
		review_outcome(p, &cur, now, elapsed, fuzz, rating, out);
	else
		learning_outcome(p, &cur, c->state, now, elapsed, fuzz, rating,
		                 out);
}

double
fsrs_retrievability(const struct fsrs_params *p, const struct fsrs_card *c,
                    struct fsrs_when now)
{
	long long t;

	if (c->state == FSRS_NEW || c->stability <= 0)
		return 1;
	t = now.day - c->last_day;
	return fsrs_forgetting_curve(p, t > 0 ? (double)t : 0, c->stability);
}
