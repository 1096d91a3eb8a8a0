/*
 * exam.h - the exam the learner prepares for ('trainer config exam DATE',
 * 'trainer plan --exam DATE'): its day, and the plan (plan.h) for the
 * cards a command works on, read from the store.
 */
#ifndef TRAINER_EXAM_H
#define TRAINER_EXAM_H

#include "cli.h"
#include "plan.h"

struct exam {
	char date[16]; /* YYYY-MM-DD as set */
	long long day; /* its local day (fsrs_day numbering) */
	double target; /* the recall wanted that day */
};

/* The local day (fsrs_day numbering) of calendar date 'iso' (YYYY-MM-DD):
 * 0 and '*day', or -1 when it is not a whole date. */
int exam_day(const char *iso, long long *day);

/*
 * The exam set with 'trainer config exam' (and 'exam-target'), when it
 * is today or later: 1 and 'e' filled; 0 when none is set or its day
 * has passed (the setting expires by itself); -1 after a message naming
 * a stored value that is wrong.
 */
int exam_setting(struct store *st, long long today, struct exam *e);

/* A plan and the cards it is for. */
struct exam_plan {
	struct store_card *cards; /* the live cards not suspended */
	size_t n;
	struct plan plan; /* plan.cards[i] is for cards[i] */
	long long today;
};

/*
 * Plan for exam 'e' the cards of 'deck' (NULL: all) with any of 'tags'
 * (NULL or empty: all), as the settings in 'st' schedule them, from
 * 'now'.  Returns 0 (free with exam_plan_release) or a negative status
 * after diagnostics.
 */
int exam_plan_make(struct store *st, const struct exam *e, const char *deck,
                   const struct strlist *tags, long long now,
                   struct exam_plan *out, struct diag_list *diags);
void exam_plan_release(struct exam_plan *p);

#endif
