/*
 * optimize.c - fitting FSRS-6's weights to a review log.
 *
 * The steps and their constants are fsrs-rs's (training.rs, dataset.rs,
 * parameter_initialization.rs, parameter_clipper.rs, inference.rs),
 * written here from their description; the model is fsrs.c's.
 */
#include "optimize.h"

#include "optimize-init.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define S_MIN        0.001
#define S_MAX        36500.0
#define INIT_S_MAX   100.0
#define INIT_S_FLOOR 0.1 /* fsrs.c: a new card's stability */
#define R_MIN        1e-7
#define R_MAX        (1 - 1e-7)

/* fsrs-rs's spread of each weight over many learners: the L2 pull is
 * (w - w_start)^2 / sd^2. */
static const double params_sd[FSRS_NWEIGHTS] = {
	6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,  0.12, 0.39, 0.18, 0.33,
	0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

void
optimize_default_weights(double w[FSRS_NWEIGHTS])
{
	struct fsrs_params p;

	fsrs_params_default(&p);
	memcpy(w, p.w, sizeof(p.w));
}

void
optimize_config_default(struct optimize_config *c)
{
	memset(c, 0, sizeof(*c));
	c->epochs = 5;
	c->batch_size = 512;
	c->lr = 0.04;
	c->seed = 2023;
	c->max_seq_len = 256;
	c->gamma = 1;
	c->nrelearning = 1;
	c->threads = 2;
}

/* ---- the items ---- */

struct order {
	const struct optimize_review *r;
	size_t i;
};

static int
cmp_review(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->r->card != y->r->card)
		return x->r->card < y->r->card ? -1 : 1;
	if (x->r->time != y->r->time)
		return x->r->time < y->r->time ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
cmp_item_time(const void *a, const void *b)
{
	const struct optimize_item *x = a, *y = b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	/* the order they were made in: by card, then by length */
	return x->start + (size_t)x->len < y->start + (size_t)y->len
	           ? -1
	           : x->start + (size_t)x->len > y->start + (size_t)y->len;
}

static int
is_learning(int state)
{
	return state == FSRS_NEW || state == FSRS_LEARNING;
}

int
optimize_set_build(struct optimize_set *set, const struct optimize_review *r,
                   size_t n)
{
	struct order *o = xcalloc(n ? n : 1, sizeof(*o));

	memset(set, 0, sizeof(*set));
	set->nreviews_in = n;
	for (size_t i = 0; i < n; i++) {
		if (r[i].rating < 1 || r[i].rating > 4) {
			free(o);
			return -1;
		}
		o[i].r = &r[i];
		o[i].i = i;
	}
	qsort(o, n, sizeof(*o), cmp_review);
	for (size_t a = 0, b; a < n; a = b) {
		size_t from = a, known = 0;
		long long found = -1;

		for (b = a; b < n && o[b].r->card == o[a].r->card; b++)
			known += o[b].r->state >= 0;
		if (known) {
			/* from the first of the last run of learning reviews */
			for (size_t i = b; i-- > a;) {
				if (is_learning(o[i].r->state))
					found = (long long)i;
				else if (found >= 0)
					break;
			}
			if (found < 0)
				continue;
			from = (size_t)found;
		}
		set->rating = xgrow(set->rating, &set->alloc_reviews,
		                    set->nreviews + (b - from), 1);
		set->delta = xrealloc(set->delta,
		                      set->alloc_reviews * sizeof(*set->delta));
		for (size_t i = from; i < b; i++) {
			size_t k = set->nreviews + (i - from);
			long long gap =
			    i == from ? 0 : o[i].r->day - o[i - 1].r->day;

			set->rating[k] = (unsigned char)o[i].r->rating;
			set->delta[k] = gap < 0           ? 0
			                : gap > INT32_MAX ? INT32_MAX
			                                  : (int)gap;
			if (i > from && set->delta[k] > 0) {
				set->items =
				    xgrow(set->items, &set->alloc_items,
				          set->nitems + 1, sizeof(*set->items));
				set->items[set->nitems++] =
				    (struct optimize_item){
					    .start = set->nreviews,
					    .len = (int)(i - from + 1),
					    .time = o[i].r->time,
				    };
			}
		}
		set->nreviews += b - from;
		set->ncards++;
	}
	free(o);
	if (set->nitems)
		qsort(set->items, set->nitems, sizeof(*set->items),
		      cmp_item_time);
	return 0;
}

void
optimize_set_release(struct optimize_set *set)
{
	free(set->rating);
	free(set->delta);
	free(set->items);
	memset(set, 0, sizeof(*set));
}

/* ---- the model and its gradient ---- */

struct model {
	const double *w;
	double decay, factor, dfactor; /* dfactor: d factor / d decay */
	double exp_w8, floor_div, d_easy, exp_3w5, sinc[4];
};

static void
model_init(struct model *m, const double *w)
{
	double e;

	m->w = w;
	m->decay = -w[20];
	e = exp(log(0.9) / m->decay);
	m->factor = e - 1;
	m->dfactor = e * (-log(0.9) / (m->decay * m->decay));
	m->exp_w8 = exp(w[8]);
	m->floor_div = exp(w[17] * w[18]);
	m->exp_3w5 = exp(3 * w[5]);
	m->d_easy = w[4] - m->exp_3w5 + 1;
	for (int g = 1; g <= 4; g++)
		m->sinc[g - 1] = exp(w[17] * (g - 3 + w[18]));
}

enum kind {
	K_INIT,
	K_SHORT,       /* same day: s * sinc */
	K_SHORT_FLOOR, /* same day, sinc held at 1 */
	K_FAIL_RAW,    /* a lapse, the formula's stability */
	K_FAIL_FLOOR,  /* a lapse, held at s / exp(w17 w18) */
	K_SUCCESS,
};

/* One review as the forward pass went, for the backward pass. */
struct step {
	double s, d;   /* the state before */
	double r;      /* recall at the review (t > 0) */
	double ns_pre; /* stability before the clamp */
	double nd_pre; /* difficulty before the clamp */
	double aux;    /* K_FAIL_RAW: the raw value; K_SUCCESS: the growth
	                  before Hard's penalty and Easy's bonus */
	double spow;   /* K_SUCCESS: s^-w9; K_FAIL_*: (s + 1)^w13 */
	double logs;   /* log s (K_SHORT, K_SUCCESS) */
	double lb;     /* log of the curve's base 1 + factor t / s (t > 0) */
	double e;      /* K_SUCCESS: exp((1 - r) w10); K_FAIL_*: the raw
	                  value without its factor (s + 1)^w13 - 1 */
	int t, g;
	enum kind kind;
	int s_free; /* ns_pre within the clamp (the gradient passes) */
};

static double
clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int
inside(double v, double lo, double hi)
{
	return v >= lo && v <= hi;
}

/* Recall after 't' days at stability 's'; '*lb' the log of the base. */
static double
curve(const struct model *m, double t, double s, double *lb)
{
	*lb = log(1 + m->factor * t / s);
	return exp(m->decay * *lb);
}

/* The first review, rated 'g'. */
static void
step_init(const struct model *m, int g, struct step *c, double *s, double *d)
{
	const double *w = m->w;
	double d0 = w[4] - exp((g - 1) * w[5]) + 1;

	c->kind = K_INIT;
	c->g = g;
	c->t = 0;
	c->nd_pre = d0;
	*s = w[g - 1] > INIT_S_FLOOR ? w[g - 1] : INIT_S_FLOOR;
	*d = clampd(d0, 1, 10);
}

/* A later review: from (*s, *d) after 't' days, rated 'g'. */
static void
step_next(const struct model *m, int t, int g, struct step *c, double *s,
          double *d)
{
	const double *w = m->w;
	double ls = *s, ld = *d, ns, delta, next;

	c->s = ls;
	c->d = ld;
	c->t = t;
	c->g = g;
	c->r = 1;
	if (t == 0) {
		double sinc;

		c->logs = log(ls);
		sinc = exp(-w[19] * c->logs) * m->sinc[g - 1];

		c->kind = K_SHORT;
		if (g >= FSRS_HARD && sinc < 1) {
			sinc = 1;
			c->kind = K_SHORT_FLOOR;
		}
		c->ns_pre = ls * sinc;
		c->s_free = inside(c->ns_pre, S_MIN, S_MAX);
		ns = clampd(c->ns_pre, S_MIN, S_MAX);
	} else if (g == FSRS_AGAIN) {
		double r = curve(m, t, ls, &c->lb), raw, after, fl;

		c->r = r;
		c->spow = pow(ls + 1, w[13]);
		c->e = w[11] * pow(ld, -w[12]) * exp((1 - r) * w[14]);
		raw = c->e * (c->spow - 1);
		after = clampd(raw, S_MIN, S_MAX);
		fl = ls / m->floor_div;
		c->aux = raw;
		if ((fl > S_MIN ? fl : S_MIN) < after) {
			c->kind = K_FAIL_FLOOR;
			c->ns_pre = fl;
			c->s_free = fl > S_MIN;
			ns = fl > S_MIN ? fl : S_MIN;
		} else {
			c->kind = K_FAIL_RAW;
			c->ns_pre = raw;
			c->s_free = inside(raw, S_MIN, S_MAX);
			ns = after;
		}
	} else {
		double r = curve(m, t, ls, &c->lb), growth, inc;

		c->r = r;
		c->logs = log(ls);
		c->spow = exp(-w[9] * c->logs);
		c->e = exp((1 - r) * w[10]);
		growth = m->exp_w8 * (11 - ld) * c->spow * (c->e - 1);
		inc = growth * (g == FSRS_HARD   ? w[15]
		                : g == FSRS_EASY ? w[16]
		                                 : 1);
		c->kind = K_SUCCESS;
		c->aux = growth;
		c->ns_pre = ls * (1 + inc);
		c->s_free = inside(c->ns_pre, S_MIN, S_MAX);
		ns = clampd(c->ns_pre, S_MIN, S_MAX);
	}
	delta = -w[6] * (g - 3);
	next = ld + delta * (10 - ld) / 9;
	c->nd_pre = w[7] * m->d_easy + (1 - w[7]) * next;
	*s = ns;
	*d = clampd(c->nd_pre, 1, 10);
}

/* Add to 'gw' the gradient of recall R = curve(t, s) times 'gr' through
 * w20; return its part through s. */
static double
curve_back(const struct model *m, double t, double s, double r, double lb,
           double gr, double *gw)
{
	double inv_s = 1 / s, q = t * inv_s, inv_b = 1 / (1 + m->factor * q);
	double dr_ddecay = r * (lb + m->decay * inv_b * q * m->dfactor);

	gw[20] -= gr * dr_ddecay;
	return gr * r * m->decay * inv_b * (-m->factor * q * inv_s);
}

/* Back through one review: 'gs' and 'gd' are the gradients of its new
 * state; they become those of the state before it. */
static void
step_back(const struct model *m, const struct step *c, double *gs, double *gd,
          double *gw)
{
	const double *w = m->w;
	double g_ns = c->s_free ? *gs : 0, g_nd = *gd;
	double ps = 0, pd = 0, pr = 0, s = c->s, d = c->d, r = c->r;
	int g = c->g;

	if (c->kind == K_INIT) {
		if (w[g - 1] > INIT_S_FLOOR)
			gw[g - 1] += *gs;
		if (inside(c->nd_pre, 1, 10)) {
			gw[4] += g_nd;
			gw[5] += g_nd * -(g - 1) * exp((g - 1) * w[5]);
		}
		*gs = *gd = 0;
		return;
	}
	switch (c->kind) {
	case K_SHORT:
		ps += g_ns * (1 - w[19]) * c->ns_pre / s;
		gw[17] += g_ns * c->ns_pre * (g - 3 + w[18]);
		gw[18] += g_ns * c->ns_pre * w[17];
		gw[19] += g_ns * c->ns_pre * -c->logs;
		break;
	case K_SHORT_FLOOR:
		ps += g_ns;
		break;
	case K_FAIL_FLOOR:
		ps += g_ns / m->floor_div;
		gw[17] += g_ns * c->ns_pre * -w[18];
		gw[18] += g_ns * c->ns_pre * -w[17];
		break;
	case K_FAIL_RAW: {
		double raw = c->aux, pw = c->spow, base = c->e;

		gw[11] += g_ns * raw / w[11];
		gw[12] += g_ns * raw * -log(d);
		gw[13] += g_ns * base * pw * log(s + 1);
		gw[14] += g_ns * raw * (1 - r);
		ps += g_ns * base * w[13] * pw / (s + 1);
		pd += g_ns * raw * -w[12] / d;
		pr += g_ns * raw * -w[14];
		break;
	}
	case K_SUCCESS: {
		double hp = g == FSRS_HARD ? w[15] : 1;
		double eb = g == FSRS_EASY ? w[16] : 1;
		double inc = c->aux * hp * eb, e = c->e;
		/* the increase without its factor e - 1 */
		double core = m->exp_w8 * (11 - d) * c->spow * hp * eb;

		ps += g_ns * (1 + inc * (1 - w[9]));
		pd += g_ns * -s * inc / (11 - d);
		pr += g_ns * s * core * -w[10] * e;
		gw[8] += g_ns * s * inc;
		gw[9] += g_ns * s * inc * -c->logs;
		gw[10] += g_ns * s * core * (1 - r) * e;
		if (g == FSRS_HARD)
			gw[15] += g_ns * s * c->aux;
		else if (g == FSRS_EASY)
			gw[16] += g_ns * s * c->aux;
		break;
	}
	case K_INIT:
		break;
	}
	if (inside(c->nd_pre, 1, 10) && g_nd != 0) {
		double delta = -w[6] * (g - 3);
		double next = d + delta * (10 - d) * (1.0 / 9);
		double g_next = g_nd * (1 - w[7]);

		gw[7] += g_nd * (m->d_easy - next);
		gw[4] += g_nd * w[7];
		gw[5] += g_nd * w[7] * -3 * m->exp_3w5;
		gw[6] += g_next * (10 - d) * -(g - 3) * (1.0 / 9);
		pd += g_next * (1 - delta * (1.0 / 9));
	}
	if (c->t > 0 && pr != 0)
		ps += curve_back(m, c->t, s, r, c->lb, pr, gw);
	*gs = ps;
	*gd = pd;
}

/* The recall predicted for item 'it' (not clamped), the state after its
 * history in '*s' and '*d'; with 'steps', each review's record. */
static double
forward(const struct model *m, const struct optimize_set *set,
        const struct optimize_item *it, struct step *steps, double *s,
        double *d, double *lb)
{
	const unsigned char *rt = set->rating + it->start;
	const int *dt = set->delta + it->start;
	struct step scratch;
	double ls, ld;

	step_init(m, rt[0], steps ? &steps[0] : &scratch, &ls, &ld);
	for (int k = 1; k < it->len - 1; k++)
		step_next(m, dt[k], rt[k], steps ? &steps[k] : &scratch, &ls,
		          &ld);
	*s = ls;
	*d = ld;
	return curve(m, dt[it->len - 1], ls, lb);
}

double
optimize_predict(const struct optimize_set *set, const struct optimize_item *it,
                 const double *w, double *s, double *d)
{
	struct model m;
	double ls, ld, r, lb;

	model_init(&m, w);
	r = forward(&m, set, it, NULL, &ls, &ld, &lb);
	if (s)
		*s = ls;
	if (d)
		*d = ld;
	return clampd(r, R_MIN, R_MAX);
}

/* The weighted cross-entropy of one item; its gradient added to 'gw'
 * (NULL: none).  'steps' has room for the item's reviews. */
static double
item_loss_grad(const struct model *m, const struct optimize_set *set,
               const struct optimize_item *it, double weight,
               struct step *steps, double *gw)
{
	double s, d, r, rc, loss, gr, gs, gd, lb;
	int y = set->rating[it->start + it->len - 1] > FSRS_AGAIN;
	int t = set->delta[it->start + it->len - 1];

	r = forward(m, set, it, gw ? steps : NULL, &s, &d, &lb);
	rc = clampd(r, R_MIN, R_MAX);
	loss = -weight * (y ? log(rc) : log(1 - rc));
	if (gw == NULL)
		return loss;
	if (!inside(r, R_MIN, R_MAX))
		return loss;
	gr = -weight * (y ? 1 / rc : -1 / (1 - rc));
	gs = curve_back(m, t, s, r, lb, gr, gw);
	gd = 0;
	for (int k = it->len - 2; k >= 0; k--)
		step_back(m, &steps[k], &gs, &gd, gw);
	return loss;
}

double
optimize_loss_grad(const struct optimize_set *set, const size_t *idx,
                   const float *weight, size_t n, const double *w, double *grad)
{
	struct model m;
	struct step *steps = NULL;
	size_t alloc = 0;
	double loss = 0;

	model_init(&m, w);
	for (size_t k = 0; k < n; k++) {
		const struct optimize_item *it = &set->items[idx[k]];

		if (grad)
			steps = xgrow(steps, &alloc, (size_t)it->len,
			              sizeof(*steps));
		loss += item_loss_grad(&m, set, it, weight ? weight[k] : 1,
		                       steps, grad);
	}
	free(steps);
	return loss;
}

/* ---- training ---- */

/* FSRS-6's bounds as fsrs-rs clips them after each step. */
static void
clip(double *w, int nrelearning)
{
	struct fsrs_params p;
	double ceiling = 2;

	if (nrelearning > 1) {
		double w11 = clampd(w[11], 0.001, 5);
		double w13 = clampd(w[13], 0.001, 0.9);
		double w14 = clampd(w[14], 0, 4);
		double v = -(log(w11) + log(pow(2, w13) - 1) + w14 * 0.3) /
		           nrelearning;

		ceiling = sqrt(v > 0.01 ? v : 0.01);
		if (ceiling > 2)
			ceiling = 2;
	}
	memset(&p, 0, sizeof(p));
	p.nrelearning = 1; /* the fixed bounds; w17 w18's are above */
	for (int i = 0; i < FSRS_NWEIGHTS; i++) {
		double lo, hi;

		fsrs_weight_bounds(&p, i, &lo, &hi);
		if (i == 17 || i == 18)
			hi = ceiling;
		w[i] = clampd(w[i], lo, hi);
	}
}

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

struct train_item {
	size_t item; /* into set->items */
	float weight;
	int len;
};

static int
cmp_train_len(const void *a, const void *b)
{
	const struct train_item *x = a, *y = b;

	if (x->len != y->len)
		return x->len - y->len;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* One half of a batch: items [from, to) of 'packed', their loss, weight
 * and gradient. */
struct part {
	const struct model *m;
	const struct optimize_set *packed;
	const struct train_item *t;
	size_t from, to;
	struct step *steps;
	double grad[FSRS_NWEIGHTS], loss, weight;
};

static void *
part_run(void *arg)
{
	struct part *p = arg;

	memset(p->grad, 0, sizeof(p->grad));
	p->loss = p->weight = 0;
	for (size_t i = p->from; i < p->to; i++) {
		p->loss += item_loss_grad(p->m, p->packed, &p->packed->items[i],
		                          p->t[i].weight, p->steps, p->grad);
		p->weight += p->t[i].weight;
	}
	return NULL;
}

/*
 * The loss and gradient of items [from, to) into 'grad' (added), in two
 * halves of about as many reviews each, the second on a thread of its own
 * when 'threads' > 1: the halves are summed in the same order either way,
 * so the result does not depend on it.  Returns the loss; '*weight' the
 * items' weight.
 */
static double
batch_grad(const struct model *m, const struct optimize_set *packed,
           const struct train_item *t, const size_t *cum, size_t from,
           size_t to, struct step *steps[2], int threads, double *grad,
           double *weight)
{
	struct part p[2];
	size_t mid = from, half = (cum[to] - cum[from]) / 2;
	pthread_t th;
	int spawned = 0;

	while (mid < to && cum[mid] - cum[from] < half)
		mid++;
	for (int k = 0; k < 2; k++) {
		p[k].m = m;
		p[k].packed = packed;
		p[k].t = t;
		p[k].from = k ? mid : from;
		p[k].to = k ? to : mid;
		p[k].steps = steps[k];
	}
	if (threads > 1 && to - mid > 0)
		spawned = pthread_create(&th, NULL, part_run, &p[1]) == 0;
	part_run(&p[0]);
	if (spawned)
		pthread_join(th, NULL);
	else
		part_run(&p[1]);
	for (int i = 0; i < FSRS_NWEIGHTS; i++)
		grad[i] += p[0].grad[i] + p[1].grad[i];
	*weight = p[0].weight + p[1].weight;
	return p[0].loss + p[1].loss;
}

/* Adam over the batches of 't' ('n' items, sorted by length). */
static void
train(const struct optimize_set *set, const struct train_item *t, size_t n,
      const struct optimize_config *cfg, const double *start, double *w,
      optimize_progress_fn fn, void *arg, struct optimize_fit *out)
{
	size_t bs = (size_t)cfg->batch_size, nb = (n + bs - 1) / bs;
	double total_steps = (double)((n / bs + 1) * (size_t)cfg->epochs);
	double m1[FSRS_NWEIGHTS] = { 0 }, m2[FSRS_NWEIGHTS] = { 0 };
	size_t *order = xcalloc(nb ? nb : 1, sizeof(*order));
	struct step *steps[2];
	size_t k = 0, *cum = xcalloc(n + 1, sizeof(*cum));
	uint64_t rng = cfg->seed;
	int maxlen = 0;
	/* the items' reviews copied in batch order, each batch's together
	 * in memory (the cards' are all over it) */
	struct optimize_set packed = { 0 };
	size_t total = 0;

	for (size_t i = 0; i < n; i++) {
		if (t[i].len > maxlen)
			maxlen = t[i].len;
		total += (size_t)t[i].len;
		cum[i + 1] = total;
	}
	packed.rating = xcalloc(total ? total : 1, 1);
	packed.delta = xcalloc(total ? total : 1, sizeof(*packed.delta));
	packed.items = xcalloc(n ? n : 1, sizeof(*packed.items));
	packed.nitems = n;
	for (size_t i = 0; i < n; i++) {
		const struct optimize_item *it = &set->items[t[i].item];

		memcpy(packed.rating + packed.nreviews, set->rating + it->start,
		       (size_t)it->len);
		memcpy(packed.delta + packed.nreviews, set->delta + it->start,
		       (size_t)it->len * sizeof(*packed.delta));
		packed.items[i] = *it;
		packed.items[i].start = packed.nreviews;
		packed.nreviews += (size_t)it->len;
	}
	steps[0] = xcalloc((size_t)maxlen + 1, sizeof(*steps[0]));
	steps[1] = xcalloc((size_t)maxlen + 1, sizeof(*steps[1]));
	memcpy(w, start, sizeof(double) * FSRS_NWEIGHTS);
	for (int epoch = 1; epoch <= cfg->epochs; epoch++) {
		double eloss = 0, eweight = 0;
		size_t done = 0;

		for (size_t b = 0; b < nb; b++)
			order[b] = b;
		for (size_t b = nb; b > 1; b--) {
			size_t j = (size_t)(splitmix(&rng) % b);
			size_t x = order[b - 1];

			order[b - 1] = order[j];
			order[j] = x;
		}
		for (size_t ob = 0; ob < nb; ob++) {
			size_t from = order[ob] * bs;
			size_t to = from + bs < n ? from + bs : n;
			double grad[FSRS_NWEIGHTS] = { 0 }, loss = 0, bw = 0;
			double lr = cfg->lr *
			            (1 + cos(M_PI * (double)k / total_steps)) /
			            2;
			double scale =
			    cfg->gamma * (double)(to - from) / (double)n;
			double b1 = 1 - pow(0.9, (double)(k + 1));
			double b2 = 1 - pow(0.999, (double)(k + 1));
			struct model m;

			model_init(&m, w);
			loss = batch_grad(&m, &packed, t, cum, from, to, steps,
			                  cfg->threads, grad, &bw);
			for (int i = 0; i < FSRS_NWEIGHTS; i++)
				grad[i] += 2 * (w[i] - start[i]) /
				           (params_sd[i] * params_sd[i]) *
				           scale;
			for (int i = 0; i < FSRS_NWEIGHTS; i++) {
				m1[i] = 0.9 * m1[i] + 0.1 * grad[i];
				m2[i] =
				    0.999 * m2[i] + 0.001 * grad[i] * grad[i];
				w[i] -= lr * (m1[i] / b1) /
				        (sqrt(m2[i] / b2) + 1e-8);
			}
			clip(w, cfg->nrelearning);
			k++;
			eloss += loss;
			eweight += bw;
			done += to - from;
			out->loss = eweight > 0 ? eloss / eweight : 0;
			if (fn)
				fn(arg, epoch, cfg->epochs, done, n, out->loss);
		}
	}
	out->steps = k;
	optimize_set_release(&packed);
	free(steps[0]);
	free(steps[1]);
	free(cum);
	free(order);
}

void
optimize_fit(const struct optimize_set *set, size_t begin, size_t end,
             const struct optimize_config *cfg, optimize_progress_fn fn,
             void *arg, struct optimize_fit *out)
{
	double def[FSRS_NWEIGHTS], s0[4], start[FSRS_NWEIGHTS];
	size_t ngroups = 0, count[4], kept = 0, recalled = 0, init = 0, n = 0;
	struct optimize_group *g;
	struct train_item *t;
	int have[4];

	optimize_default_weights(def);
	memset(out, 0, sizeof(*out));
	memcpy(out->w, def, sizeof(def));
	out->outcome = OPTIMIZE_TOO_FEW;
	out->items = end - begin;
	g = optimize_outlier_groups(set, begin, end, &ngroups);
	t = xcalloc(end > begin ? end - begin : 1, sizeof(*t));
	for (size_t i = begin; i < end; i++) {
		const struct optimize_item *it = &set->items[i];
		struct optimize_group *gr = optimize_group_find(
		    g, ngroups, set->rating[it->start],
		    optimize_first_long_term_delta(set, it));

		if (gr && gr->removed)
			continue;
		t[kept].item = i;
		t[kept].len = it->len;
		kept++;
		recalled += set->rating[it->start + it->len - 1] > 1;
		if (optimize_long_term_count(set, it) == 1)
			init++;
	}
	out->kept = kept;
	out->init = init;
	if (kept < 8)
		goto out;
	optimize_search_init(g, ngroups, (double)recalled / (double)kept, def,
	                     s0, have, count);
	if (optimize_smooth_and_fill(s0, have, count, def) < 0)
		goto out;
	memcpy(start, def, sizeof(def));
	memcpy(start, s0, sizeof(s0));
	memcpy(out->w, start, sizeof(start));
	out->outcome = OPTIMIZE_PRETRAINED;
	if (kept == init || kept < 64 || cfg->pretrain_only)
		goto out;
	/* recency weights in time order, then the longest left out */
	for (size_t i = 0; i < kept; i++) {
		double x = (double)i / (double)(kept > 1 ? kept - 1 : 1);

		t[i].weight = (float)(0.25 + 0.75 * x * x * x);
	}
	for (size_t i = 0; i < kept; i++)
		if (t[i].len <= cfg->max_seq_len)
			t[n++] = t[i];
	qsort(t, n, sizeof(*t), cmp_train_len);
	train(set, t, n, cfg, start, out->w, fn, arg, out);
	out->outcome = OPTIMIZE_TRAINED;
	for (int i = 0; i < 4; i++) {
		s0[i] = out->w[i];
		have[i] = count[i] > 0;
	}
	if (optimize_smooth_and_fill(s0, have, count, def) == 0)
		memcpy(out->w, s0, sizeof(s0));
out:
	free(t);
	free(g);
}

/* ---- evaluation ---- */

struct pred {
	double p;
	int y;
	unsigned key[3]; /* fsrs-rs's bin */
};

static unsigned
bin(double x, double base, double mul)
{
	return (unsigned)llround(mul * pow(base, floor(log(x) / log(base))));
}

static int
cmp_pred_key(const void *a, const void *b)
{
	const struct pred *x = a, *y = b;

	for (int i = 0; i < 3; i++)
		if (x->key[i] != y->key[i])
			return x->key[i] < y->key[i] ? -1 : 1;
	return 0;
}

static int
cmp_pred_p(const void *a, const void *b)
{
	const struct pred *x = a, *y = b;

	return (x->p > y->p) - (x->p < y->p);
}

void
optimize_evaluate(const struct optimize_set *set, size_t begin, size_t end,
                  const double *w, struct optimize_metrics *m)
{
	size_t n = end > begin ? end - begin : 0, pos = 0;
	struct pred *p = xcalloc(n ? n : 1, sizeof(*p));
	double loss = 0, se = 0, ranks = 0;
	struct model md;

	memset(m, 0, sizeof(*m));
	m->n = n;
	model_init(&md, w);
	for (size_t i = 0; i < n; i++) {
		const struct optimize_item *it = &set->items[begin + i];
		const unsigned char *rt = set->rating + it->start;
		const int *dt = set->delta + it->start;
		double s, d, lb;
		int lapses = 0;

		p[i].p = clampd(forward(&md, set, it, NULL, &s, &d, &lb), R_MIN,
		                R_MAX);
		p[i].y = rt[it->len - 1] > FSRS_AGAIN;
		loss -= p[i].y ? log(p[i].p) : log(1 - p[i].p);
		for (int k = 0; k < it->len - 1; k++)
			lapses += rt[k] == FSRS_AGAIN && dt[k] > 0;
		p[i].key[0] = bin(dt[it->len - 1], 3.62, 248);
		p[i].key[1] =
		    bin(optimize_long_term_count(set, it) + 1, 1.89, 1.99);
		p[i].key[2] = lapses ? bin(lapses, 1.73, 1.65) : 0;
		pos += (size_t)p[i].y;
	}
	if (n == 0)
		goto out;
	m->log_loss = loss / (double)n;
	qsort(p, n, sizeof(*p), cmp_pred_key);
	for (size_t a = 0, b; a < n; a = b) {
		double sp = 0, sy = 0;

		for (b = a; b < n && cmp_pred_key(&p[a], &p[b]) == 0; b++) {
			sp += p[b].p;
			sy += p[b].y;
		}
		se += (double)(b - a) * pow((sp - sy) / (double)(b - a), 2);
	}
	m->rmse_bins = sqrt(se / (double)n);
	m->auc = 0.5;
	if (pos == 0 || pos == n)
		goto out;
	qsort(p, n, sizeof(*p), cmp_pred_p);
	for (size_t a = 0, b; a < n; a = b) {
		size_t ys = 0;

		for (b = a; b < n && p[b].p == p[a].p; b++)
			ys += (size_t)p[b].y;
		/* ties share the mean of their ranks (from 1) */
		ranks += (double)ys * ((double)(a + 1 + b) / 2);
	}
	m->auc = (ranks - (double)pos * (double)(pos + 1) / 2) /
	         ((double)pos * (double)(n - pos));
out:
	free(p);
}
