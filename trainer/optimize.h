/*
 * optimize.h - fitting FSRS-6's weights to a learner's review log, as
 * fsrs-rs's optimizer does it.
 *
 * The log becomes training items as fsrs-rs builds them: per card, the
 * reviews from the first learning review of its last run of learning
 * reviews; one item per review after the first, holding the reviews
 * before it, labelled 1 when its rating is above Again; an item whose
 * last gap is 0 days is never a label.  The fit minimises the binary
 * cross-entropy of the predicted recall with exact gradients (hand-written
 * back-propagation through each item's reviews), Adam with cosine
 * annealing, batches sorted by length and shuffled each epoch with a fixed
 * seed, FSRS-6's clamps after every step, recency weights and an L2 pull
 * toward the starting weights; the first-rating stabilities w0-w3 are
 * pre-trained from the recall curves first.
 *
 * The model is fsrs.c's (the same formulas: a new card's stability at
 * least 0.1, the short-term stability on a same-day review) without its
 * rounding to 8 decimals, so that it can be differentiated.
 *
 * Engine code: pure, no I/O, no clock (days come with the reviews), no
 * globals; progress goes to a callback.
 */
#ifndef TRAINER_OPTIMIZE_H
#define TRAINER_OPTIMIZE_H

#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"

/* One review of the log. */
struct optimize_review {
	long long card; /* any id: one card's reviews share it */
	long long time; /* orders the reviews (any unit) */
	long long day;  /* its local day (fsrs_day) */
	int rating;     /* 1-4 */
	int state;      /* before it: 0 new, 1 learning, 2 review, 3
	                   relearning; -1 unknown (the card's whole log) */
};

/* One training item: the first 'len' reviews of a card's sequence. */
struct optimize_item {
	size_t start; /* into optimize_set.rating and .delta */
	int len;      /* 2 or more */
	long long time;
};

/*
 * The items of a log, in time order of their last review.  Each card's
 * kept reviews are consecutive in 'rating' and 'delta' (days since the
 * card's previous review; 0 for its first).
 */
struct optimize_set {
	unsigned char *rating;
	int *delta;
	size_t nreviews;
	struct optimize_item *items;
	size_t nitems;
	size_t ncards; /* cards with at least one kept review */
	size_t nreviews_in;
	size_t alloc_reviews, alloc_items;
};

/*
 * Build the items of the 'n' reviews 'r' (in any order: sorted here by
 * card, then time, then their order in 'r').  Returns 0, or -1 when a
 * rating is not 1-4.  Release 'set' after (also after -1).
 */
int optimize_set_build(struct optimize_set *set,
                       const struct optimize_review *r, size_t n);
void optimize_set_release(struct optimize_set *set);

struct optimize_config {
	int epochs;        /* 5 */
	int batch_size;    /* 512 */
	double lr;         /* 0.04, annealed to 0 on a cosine */
	uint64_t seed;     /* 2023: the batches' order each epoch */
	int max_seq_len;   /* 256: longer items are left out */
	double gamma;      /* 1: the L2 pull's strength */
	int nrelearning;   /* relearning steps (the w17 w18 bounds) */
	int pretrain_only; /* stop after w0-w3 (for the tests) */
	int threads;       /* 2: each batch's second half on a thread of its
	                      own (1: none; the result is the same) */
};

void optimize_config_default(struct optimize_config *c);

/* What a fit could do with the data it had. */
enum optimize_outcome {
	OPTIMIZE_TOO_FEW,    /* under 8 items (or no first-review
	                        curve): the default weights */
	OPTIMIZE_PRETRAINED, /* under 64 items (or all of them first
	                        reviews): only w0-w3 fitted */
	OPTIMIZE_TRAINED,    /* every weight fitted */
};

struct optimize_fit {
	double w[FSRS_NWEIGHTS];
	enum optimize_outcome outcome;
	size_t items; /* the items given */
	size_t kept;  /* of which left after the outlier filter */
	size_t init;  /* of which first long-term reviews, for w0-w3 */
	size_t steps; /* Adam steps taken */
	double loss;  /* the last epoch's mean training loss (weighted) */
};

/*
 * Progress during a fit: after each batch, the epoch (from 1) of
 * 'epochs', the items done in it of 'total', the epoch's mean loss so
 * far.
 */
typedef void (*optimize_progress_fn)(void *arg, int epoch, int epochs,
                                     size_t done, size_t total, double loss);

/*
 * Fit the weights to the items [begin, end) of 'set' (in time order; the
 * recency weights follow it), starting from the defaults.  'fn' may be
 * NULL.  Always fills '*out'; out->outcome says how far it got.
 */
void optimize_fit(const struct optimize_set *set, size_t begin, size_t end,
                  const struct optimize_config *cfg, optimize_progress_fn fn,
                  void *arg, struct optimize_fit *out);

/* How well weights 'w' predict items [begin, end) of 'set' (each item
 * counted once). */
struct optimize_metrics {
	size_t n;
	double log_loss;
	double rmse_bins; /* over fsrs-rs's bins of gap, length and lapses */
	double auc;       /* 0.5 when only one label occurs */
};

void optimize_evaluate(const struct optimize_set *set, size_t begin, size_t end,
                       const double *w, struct optimize_metrics *m);

/*
 * The model, for the tests.  The recall predicted for item 'it' of 'set'
 * with weights 'w' (clamped to [1e-7, 1 - 1e-7]); the memory state after
 * its history in '*s' and '*d' (either may be NULL).
 */
double optimize_predict(const struct optimize_set *set,
                        const struct optimize_item *it, const double *w,
                        double *s, double *d);

/*
 * The summed cross-entropy of items 'idx' ('n' indexes into set->items),
 * item k weighted by 'weight[k]' (NULL: 1), with its gradient with
 * respect to the 21 weights added to 'grad' (may be NULL).
 */
double optimize_loss_grad(const struct optimize_set *set, const size_t *idx,
                          const float *weight, size_t n, const double *w,
                          double *grad);

/* The default weights. */
void optimize_default_weights(double w[FSRS_NWEIGHTS]);

#endif
