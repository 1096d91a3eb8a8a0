/*
 * chrono.h - events in time: the events of date cards ('event:'), their
 * order and the gaps between them, and chronology questions made from
 * them.
 *
 * A date is known to the precision written, so it stands for a span of
 * days: "1953" is all of 1953, "1953-07" all of July.  Two events can be
 * put in order only when their spans do not meet: "1953" and "27 July
 * 1953" cannot.  Every question asks only what the dates can tell.
 *
 * Chronology questions are made as cards (struct card) that answer.h
 * judges: which came first is a choice of two, put in order an order card
 * of 3 to 5 events, how many years between a number with a tolerance,
 * what happened in a year a choice among events of nearby years, when
 * relative to another a choice of "N years before/after".  They
 * are never deck cards and have no schedule.
 *
 * Pure: no I/O, no clock, no globals; randomness from a seed the caller
 * gives.
 */
#ifndef TRAINER_CHRONO_H
#define TRAINER_CHRONO_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "deck.h"

/* An event, as the caller has it. */
struct chrono_event {
	const char *name; /* the card's 'event' */
	struct date date; /* the card's answer, at its precision */
	size_t card;      /* the caller's: which card it is */
	double known;     /* 0 (new) to 1: how well the learner knows it */
};

/* The first and last day (date_day_number) of the span 'd' stands for. */
void chrono_span(const struct date *d, long *first, long *last);

/* -1 when 'a' is over before 'b' begins, 1 when after, 0 when their spans
 * meet (they cannot be put in order). */
int chrono_order(const struct date *a, const struct date *b);

/* Are 'a' and 'b' the same date, at the same precision? */
int chrono_same_date(const struct date *a, const struct date *b);

/* Sort 'v' by date: by the first day of its span, a coarser date first
 * on the same day ("1953" before "January 1953" before "1 January 1953"),
 * then by name. */
void chrono_sort(struct chrono_event *v, size_t n);

/*
 * The gap from 'a' to 'b' (either order), at the coarser precision of the
 * two: "3 years", "1 year 4 months", "2 months 9 days", "5 days"; "the
 * same year", "the same month" or "the same day" when there is none at
 * that precision.
 */
void chrono_gap_text(const struct date *a, const struct date *b, char *buf,
                     size_t size);

/*
 * Whole years from 'a' to 'b', either order: the difference of the years,
 * less one when both have a month (and a day) and the later date's comes
 * earlier in its year.  '*tolerance' (may be NULL) is 1 when either date
 * is only a year (its day could fall anywhere in it), else 0.
 */
int chrono_years_between(const struct date *a, const struct date *b,
                         int *tolerance);

enum chrono_kind {
	CHRONO_FIRST,    /* which came first: two events */
	CHRONO_ORDER,    /* put in order: 3 to 5 events */
	CHRONO_BETWEEN,  /* how many years between two events */
	CHRONO_YEAR,     /* what happened in YEAR: a choice of events */
	CHRONO_RELATIVE, /* when did B happen, relative to A: before or after,
	                    and by how many years (a choice of four) */
	CHRONO_NKINDS,
};

/* "first", "order", "between", "year", "relative": the names the store
 * logs. */
const char *chrono_kind_name(enum chrono_kind k);

#define CHRONO_MAX_EVENTS 5

struct chrono_question {
	enum chrono_kind kind;
	/* The events (indexes in the caller's array): FIRST and BETWEEN the
	 * pair, earlier first; ORDER the events in order; YEAR the right
	 * one first, then the others offered. */
	size_t ev[CHRONO_MAX_EVENTS];
	size_t nev;
	int year;  /* YEAR: the year asked */
	int later; /* RELATIVE: the later event (ev[1]) is asked about,
	              relative to the earlier; else the other way round */
	/* The question as a card for answer_check (id "chronology"): FIRST
	 * and YEAR a choice card, ORDER an order card, BETWEEN a number card
	 * in years with the tolerance of chrono_years_between. */
	struct card card;
};

/*
 * Make a question of kind 'kind' from the 'n' events 'v' (sorted by
 * chrono_sort), drawing from '*rng' (any value; it is advanced).
 * 'uses' (may be NULL), one count per event, makes events asked less
 * often come first; the events chosen are counted in it.
 *
 * Pairs are never two events whose dates cannot be ordered (chrono_order
 * 0, so never the same date) or two of one name.  The gap of a pair is
 * chosen by how well the learner knows the two: about 30 years apart for
 * new events, narrowing to a year or two for well known ones (the pairs
 * nearest that gap, one of the closest few drawn at random).
 *
 * Returns 0 and fills '*q' (release it with chrono_question_release), or
 * -1 when the events cannot make such a question (too few that can be
 * put in order), '*q' zeroed.
 */
int chrono_make(const struct chrono_event *v, size_t n, enum chrono_kind kind,
                uint64_t *rng, unsigned *uses, struct chrono_question *q);

/*
 * Make up to 'count' questions into 'out' (room for 'count'), the kinds
 * taking turns (FIRST, ORDER, BETWEEN, YEAR, RELATIVE, ...) and a kind the
 * events
 * cannot make left out, from seed 'seed'.  Returns how many were made.
 */
size_t chrono_quiz(const struct chrono_event *v, size_t n, size_t count,
                   uint64_t seed, struct chrono_question *out);

/* Free what 'q' holds and zero it; a zeroed question is fine. */
void chrono_question_release(struct chrono_question *q);

#endif
