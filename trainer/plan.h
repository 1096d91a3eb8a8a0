/*
 * plan.h - a study plan for an exam day: which reviews, on which days,
 * bring every card to a target recall on that day with the fewest
 * reviews.
 *
 * Each card's future is simulated with FSRS, every answer taken as Good:
 * it is reviewed when it falls due (as a review would ask it) up to the
 * day before the exam; when its predicted recall on the exam day (FSRS's
 * forgetting curve) is still below the target, one review is moved
 * earlier, to the first day from which a Good answer carries it to the
 * target without another review falling due before the exam (the day
 * before the exam when no day does).  New cards are started at the
 * new-card limit, today's remaining allowance first, and planned the
 * same way.  The plan says nothing is faked: real answers go through
 * FSRS with the real elapsed time, and a plan made again tomorrow starts
 * from the states they left.
 *
 * Days are day numbers (fsrs_day); a day is taken to be 86,400 seconds
 * from 'today_start'.  Pure: no I/O, no clock.
 */
#ifndef TRAINER_PLAN_H
#define TRAINER_PLAN_H

#include <stddef.h>

#include "fsrs.h"

struct plan_query {
	const struct fsrs_params *params;
	long long now;         /* Unix time */
	long long today;       /* the day of 'now' */
	long long today_start; /* when 'today' began */
	long long exam;     /* the exam's day: studied up to the day before */
	double target;      /* the recall wanted on the exam day */
	int new_per_day;    /* new cards started a day */
	int new_left_today; /* ... still allowed today */
};

/* What the plan does with one card. */
struct plan_card {
	double recall_untouched; /* on the exam day, never reviewed again (1 for
	                            a new card: see 'start_day') */
	double recall_scheduled; /* after the reviews that fall due before the
	                            exam, each Good */
	double recall_planned;   /* after the plan's reviews */
	int reviews;             /* the plan's reviews of it (all kinds) */
	long long moved_day;     /* the day of the review moved earlier for
	                            the exam; -1: none */
	long long start_day;     /* a new card: the day it is started; -1
	                            when it is not new or does not fit */
	int fresh;               /* it is new */
};

/* What the plan does on one day. */
struct plan_day {
	long long day;
	int due;   /* reviews of cards on the day they fall due */
	int moved; /* reviews moved earlier for the exam */
	int fresh; /* new cards started (their first answers not counted in
	              'due') */
	int fresh_reviews; /* the answers of their first day */
};

struct plan {
	struct plan_card *cards; /* one for each card given, in its order */
	size_t ncards;
	struct plan_day *days; /* today to the day before the exam */
	size_t ndays;
	size_t studied;         /* cards not new */
	size_t below_untouched; /* studied cards below target, untouched */
	size_t below_scheduled; /* ... under their current schedule */
	size_t below_planned;   /* cards below target after the plan */
	size_t fresh;           /* new cards */
	size_t fresh_fit;       /* ... started before the exam */
	long long reviews;      /* the plan's reviews, all days */
	long long every_day;    /* the answers of reviewing every card every
	                           day instead (each from its start) */
};

/*
 * Plan for the 'n' cards 'mem' (a new card in state FSRS_NEW) as 'q'
 * says.  'q->exam' must not be before 'q->today' (an exam today plans no
 * day).  Returns 0 and fills 'out' (free with plan_release), or -1 when
 * the exam is before today.
 */
int plan_make(const struct plan_query *q, const struct fsrs_card *mem, size_t n,
              struct plan *out);

void plan_release(struct plan *p);

#endif
