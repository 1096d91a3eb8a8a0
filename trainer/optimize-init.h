/*
 * optimize-init.h - the start of a fit (optimize-init.c): fsrs-rs's
 * outlier filter and its first stabilities.  Private to optimize.c.
 */
#ifndef TRAINER_OPTIMIZE_INIT_H
#define TRAINER_OPTIMIZE_INIT_H

#include "optimize.h"

/* The reviews with a gap of days in item 'it' (its first has none). */
int optimize_long_term_count(const struct optimize_set *set,
                             const struct optimize_item *it);
/* The gap before the first review of 'it' after a gap of days. */
int optimize_first_long_term_delta(const struct optimize_set *set,
                                   const struct optimize_item *it);

/* The items whose only gap of days is their last (first long-term
 * reviews) of one first rating and gap. */
struct optimize_group {
	int rating, delta; /* first rating, first gap of days */
	size_t n;          /* first long-term reviews */
	size_t pass;       /* of which recalled */
	int removed;       /* left out by the outlier filter */
};

/*
 * The groups of items [begin, end) of 'set', sorted by rating and gap
 * (free the array), each marked removed as fsrs-rs's filter removes it:
 * of each rating's groups the smallest (5% of its reviews, at least 20),
 * and any of fewer than 6 or with a gap over 100 days (365 after Easy).
 */
struct optimize_group *optimize_outlier_groups(const struct optimize_set *set,
                                               size_t begin, size_t end,
                                               size_t *ngroups);
/* The group of 'rating' and 'delta' in 'g', or NULL. */
struct optimize_group *optimize_group_find(struct optimize_group *g, size_t n,
                                           int rating, int delta);

/*
 * The first stabilities fitted by ternary search to each first rating's
 * kept groups, with 'avg' the average recall of the training items:
 * s0[r - 1] set and have[r - 1] 1 for each rating with data, count[r - 1]
 * its reviews.
 */
void optimize_search_init(const struct optimize_group *g, size_t n, double avg,
                          const double def[4], double s0[4], int have[4],
                          size_t count[4]);
/*
 * The first stabilities of ratings with no data filled from the others
 * and made to rise with the rating, as fsrs-rs's smooth_and_fill does;
 * all four 'have' after.  Returns -1 when no rating has data.
 */
int optimize_smooth_and_fill(double s0[4], int have[4], const size_t count[4],
                             const double def[4]);

#endif
