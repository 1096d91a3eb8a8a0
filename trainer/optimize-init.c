/*
 * optimize-init.c - where a fit starts, as fsrs-rs has it: the outlier
 * filter over the first long-term reviews, and the first stabilities
 * w0-w3 fitted to each first rating's recall curve.
 */
#include "optimize-init.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"

#define S_MIN      0.001
#define INIT_S_MAX 100.0

static double
clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The reviews after the first with a gap of days in item 'it'. */
int
optimize_long_term_count(const struct optimize_set *set,
                         const struct optimize_item *it)
{
	int n = 0;

	for (int k = 0; k < it->len; k++)
		n += set->delta[it->start + k] > 0;
	return n;
}

/* The gap before the first review of 'it' after a gap of days. */
int
optimize_first_long_term_delta(const struct optimize_set *set,
                               const struct optimize_item *it)
{
	for (int k = 1; k < it->len; k++)
		if (set->delta[it->start + k] > 0)
			return set->delta[it->start + k];
	return 0;
}

/* ---- the outlier filter and the first stabilities ---- */

static int
cmp_group_key(const void *a, const void *b)
{
	const struct optimize_group *x = a, *y = b;

	if (x->rating != y->rating)
		return x->rating - y->rating;
	return (x->delta > y->delta) - (x->delta < y->delta);
}

/* Within a rating: the smallest groups first, then the shortest gaps. */
static int
cmp_group_size(const void *a, const void *b)
{
	const struct optimize_group *x = a, *y = b;

	if (x->rating != y->rating)
		return x->rating - y->rating;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return (x->delta > y->delta) - (x->delta < y->delta);
}

struct optimize_group *
optimize_group_find(struct optimize_group *g, size_t n, int rating, int delta)
{
	struct optimize_group key = { .rating = rating, .delta = delta };

	return bsearch(&key, g, n, sizeof(*g), cmp_group_key);
}

/*
 * The first long-term reviews of items [begin, end) grouped by first
 * rating and gap, sorted by key; each group marked removed as fsrs-rs's
 * outlier filter removes it: of each rating's groups, the smallest (5%
 * of its reviews, at least 20), and any of fewer than 6 or a gap over 100
 * days (365 after Easy).
 */
struct optimize_group *
optimize_outlier_groups(const struct optimize_set *set, size_t begin,
                        size_t end, size_t *ngroups)
{
	struct optimize_group *g = NULL;
	size_t n = 0, alloc = 0, m = 0;

	for (size_t i = begin; i < end; i++) {
		const struct optimize_item *it = &set->items[i];

		if (optimize_long_term_count(set, it) != 1)
			continue;
		g = xgrow(g, &alloc, n + 1, sizeof(*g));
		g[n++] = (struct optimize_group){
			.rating = set->rating[it->start],
			.delta = set->delta[it->start + it->len - 1],
			.n = 1,
			.pass = set->rating[it->start + it->len - 1] > 1,
		};
	}
	if (n)
		qsort(g, n, sizeof(*g), cmp_group_key);
	for (size_t i = 0; i < n; i++) {
		if (m && cmp_group_key(&g[m - 1], &g[i]) == 0) {
			g[m - 1].n++;
			g[m - 1].pass += g[i].pass;
		} else {
			g[m++] = g[i];
		}
	}
	if (m)
		qsort(g, m, sizeof(*g), cmp_group_size);
	for (size_t a = 0, b; a < m; a = b) {
		size_t total = 0, removed = 0, need;

		for (b = a; b < m && g[b].rating == g[a].rating; b++)
			total += g[b].n;
		need = total / 20 > 20 ? total / 20 : 20;
		for (size_t i = a; i < b; i++) {
			int limit = g[i].rating != FSRS_EASY ? 100 : 365;

			if (removed + g[i].n >= need) {
				g[i].removed =
				    !(g[i].n >= 6 && g[i].delta <= limit);
			} else {
				removed += g[i].n;
				g[i].removed = 1;
			}
		}
	}
	if (m)
		qsort(g, m, sizeof(*g), cmp_group_key);
	*ngroups = m;
	return g;
}

/* fsrs-rs's loss of a first stability 's' over one rating's groups. */
static double
init_loss(const struct optimize_group *g, size_t n, double avg, double s,
          double def)
{
	double decay = -0.1542, factor = pow(0.9, 1 / decay) - 1, loss = 0;

	for (size_t i = 0; i < n; i++) {
		double cnt = (double)g[i].n;
		double recall = ((double)g[i].pass + avg) / (cnt + 1);
		double y = pow(g[i].delta / s * factor + 1, decay);

		loss -= (recall * log(y) + (1 - recall) * log(1 - y)) * cnt;
	}
	return loss + fabs(s - def) / 16;
}

/*
 * Fill the first stabilities of the ratings with no data ('have[r]' 0)
 * from those with, and make them rise with the rating, as fsrs-rs's
 * smooth_and_fill does.  'count' holds each rating's reviews.  Returns
 * -1 when no rating has any.
 */
int
optimize_smooth_and_fill(double s0[4], int have[4], const size_t count[4],
                         const double def[4])
{
	static const int pairs[6][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 },
		                         { 0, 2 }, { 1, 3 }, { 0, 3 } };
	const double w1 = 0.41, w2 = 0.54;
	double *r = s0;
	int n = 0;

	for (int i = 0; i < 4; i++)
		n += have[i];
	for (int k = 0; k < 6; k++) {
		int a = pairs[k][0], b = pairs[k][1];

		if (have[a] && have[b] && r[a] > r[b]) {
			if (count[a] > count[b])
				r[b] = r[a];
			else
				r[a] = r[b];
		}
	}
	if (n == 0)
		return -1;
	if (n == 1) {
		int k = have[0] ? 0 : have[1] ? 1 : have[2] ? 2 : 3;
		double f = r[k] / def[k];

		for (int i = 0; i < 4; i++)
			r[i] = def[i] * f;
	} else if (n == 2) {
		int h = have[0] | have[1] << 1 | have[2] << 2 | have[3] << 3;

		switch (h) {
		case 0xc: /* 3 and 4 */
			r[1] = pow(r[2], 1 / (1 - w2)) *
			       pow(r[3], 1 - 1 / (1 - w2));
			r[0] = pow(r[1], 1 / w1) * pow(r[2], 1 - 1 / w1);
			break;
		case 0xa: /* 2 and 4 */
			r[2] = pow(r[1], 1 - w2) * pow(r[3], w2);
			r[0] = pow(r[1], 1 / w1) * pow(r[2], 1 - 1 / w1);
			break;
		case 0x6: /* 2 and 3 */
			r[3] = pow(r[1], 1 - 1 / w2) * pow(r[2], 1 / w2);
			r[0] = pow(r[1], 1 / w1) * pow(r[2], 1 - 1 / w1);
			break;
		case 0x9: { /* 1 and 4 */
			double q = w1 + w2 - w1 * w2;

			r[1] = pow(r[0], w1 / q) * pow(r[3], 1 - w1 / q);
			r[2] = pow(r[0], 1 - w2 / q) * pow(r[3], w2 / q);
			break;
		}
		case 0x5: /* 1 and 3 */
			r[1] = pow(r[0], w1) * pow(r[2], 1 - w1);
			r[3] = pow(r[1], 1 - 1 / w2) * pow(r[2], 1 / w2);
			break;
		case 0x3: /* 1 and 2 */
			r[2] = pow(r[0], 1 - 1 / (1 - w1)) *
			       pow(r[1], 1 / (1 - w1));
			r[3] = pow(r[1], 1 - 1 / w2) * pow(r[2], 1 / w2);
			break;
		}
	} else if (n == 3) {
		if (!have[0])
			r[0] = pow(r[1], 1 / w1) * pow(r[2], 1 - 1 / w1);
		else if (!have[1])
			r[1] = pow(r[0], w1) * pow(r[2], 1 - w1);
		else if (!have[2])
			r[2] = pow(r[1], 1 - w2) * pow(r[3], w2);
		else
			r[3] = pow(r[1], 1 - 1 / w2) * pow(r[2], 1 / w2);
	}
	for (int i = 0; i < 4; i++) {
		r[i] = clampd(r[i], S_MIN, INIT_S_MAX);
		have[i] = 1;
	}
	return 0;
}

/* The first stabilities fitted to the kept groups 'g' by ternary search,
 * as fsrs-rs does; 'avg' is the average recall of the training items. */
void
optimize_search_init(const struct optimize_group *g, size_t n, double avg,
                     const double def[4], double s0[4], int have[4],
                     size_t count[4])
{
	for (int r = 1; r <= 4; r++) {
		struct optimize_group *kept = xcalloc(n ? n : 1, sizeof(*kept));
		size_t m = 0;
		double lo = S_MIN, hi = INIT_S_MAX, best = def[r - 1];

		count[r - 1] = 0;
		have[r - 1] = 0;
		for (size_t i = 0; i < n; i++)
			if (g[i].rating == r && !g[i].removed) {
				kept[m++] = g[i];
				count[r - 1] += g[i].n;
			}
		if (m) {
			for (int iter = 0;
			     hi - lo > 2.220446049250313e-16 && iter < 1000;
			     iter++) {
				double m1 = lo + (hi - lo) / 3;
				double m2 = hi - (hi - lo) / 3;

				if (init_loss(kept, m, avg, m1, def[r - 1]) <
				    init_loss(kept, m, avg, m2, def[r - 1]))
					hi = m2;
				else
					lo = m1;
				best = (hi + lo) / 2;
			}
			s0[r - 1] = best;
			have[r - 1] = 1;
		}
		free(kept);
	}
}
