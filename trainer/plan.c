/*
 * plan.c - a study plan for an exam day (see plan.h).
 */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define DAY 86400LL
/* A card answered more often than this in a simulation is left as it is
 * (only a learning step of minutes repeats within a day). */
#define MAX_ANSWERS 2000

/* The day Unix time 't' falls on. */
static long long
day_of(const struct plan_query *q, long long t)
{
	long long d = t - q->today_start;

	return q->today + (d >= 0 ? d / DAY : -((-d + DAY - 1) / DAY));
}

static long long
day_start(const struct plan_query *q, long long day)
{
	return q->today_start + (day - q->today) * DAY;
}

/* Recall on the exam day of a card in state 'm'. */
static double
recall_on_exam(const struct plan_query *q, const struct fsrs_card *m)
{
	struct fsrs_when w = { day_start(q, q->exam), q->exam };

	if (m->state == FSRS_NEW)
		return 0;
	return fsrs_retrievability(q->params, m, w);
}

/* Answer 'm' Good at moment 't' (on its day). */
static void
answer_good(const struct plan_query *q, struct fsrs_card *m, long long t)
{
	struct fsrs_when w = { t, day_of(q, t) };
	struct fsrs_card out;

	fsrs_next(q->params, m, w, FSRS_GOOD, &out);
	*m = out;
}

/* When a review of 'm' would come: its due time, or the start of 'from'
 * when it is overdue. */
static long long
review_time(const struct plan_query *q, const struct fsrs_card *m,
            long long from)
{
	long long t = m->due,
	          first = from == q->today ? q->now : day_start(q, from);

	return t < first ? first : t;
}

/*
 * Answer 'm' Good each time it falls due from day 'from' up to the day
 * before the exam; each answer counted in 'count' (one per day, or NULL)
 * and in '*answers'.
 */
static void
follow_schedule(const struct plan_query *q, struct fsrs_card *m, long long from,
                int *count, size_t ndays, int *answers)
{
	for (int i = 0; i < MAX_ANSWERS; i++) {
		long long t = review_time(q, m, from), d = day_of(q, t);

		if (d >= q->exam)
			break;
		answer_good(q, m, t);
		(*answers)++;
		if (count && d - q->today >= 0 &&
		    (size_t)(d - q->today) < ndays)
			count[d - q->today]++;
		from = d;
	}
}

/* One card through the plan; 'start' is the day a new card starts. */
static void
plan_card(const struct plan_query *q, const struct fsrs_card *card,
          long long start, struct plan *p, struct plan_card *pc)
{
	struct fsrs_card m = *card;
	int *due = xcalloc(p->ndays + 1, sizeof(*due)), answers = 0;
	long long from = q->today;

	if (card->state == FSRS_NEW) {
		m.due = day_start(q, start);
		if (start == q->today && m.due < q->now)
			m.due = q->now;
		from = start;
		/* the first day's answers, until it leaves the steps */
		for (int i = 0; i < MAX_ANSWERS && m.state != FSRS_REVIEW &&
		                day_of(q, review_time(q, &m, from)) == start;
		     i++) {
			answer_good(q, &m, review_time(q, &m, from));
			answers++;
			p->days[start - q->today].fresh_reviews++;
		}
		p->days[start - q->today].fresh++;
	}
	follow_schedule(q, &m, from, due, p->ndays, &answers);
	pc->recall_scheduled = recall_on_exam(q, &m);
	pc->moved_day = -1;
	if (pc->recall_scheduled < q->target && p->ndays > 0) {
		/* the last answer so far, or today */
		long long first = m.state == FSRS_NEW ? q->today : m.last_day;
		long long pick = q->exam - 1;

		if (first < q->today)
			first = q->today;
		if (first < start)
			first = start;
		for (long long d = first; d < q->exam; d++) {
			struct fsrs_card x = m;
			long long t = d == q->today ? q->now : day_start(q, d);

			answer_good(q, &x, t);
			if (recall_on_exam(q, &x) >= q->target &&
			    day_of(q, x.due) >= q->exam) {
				pick = d;
				break;
			}
		}
		answer_good(q, &m,
		            pick == q->today ? q->now : day_start(q, pick));
		answers++;
		p->days[pick - q->today].moved++;
		pc->moved_day = pick;
		follow_schedule(q, &m, pick, due, p->ndays, &answers);
	}
	pc->recall_planned = recall_on_exam(q, &m);
	pc->reviews = answers;
	for (size_t i = 0; i < p->ndays; i++)
		p->days[i].due += due[i];
	free(due);
}

int
plan_make(const struct plan_query *q, const struct fsrs_card *mem, size_t n,
          struct plan *out)
{
	long long next_new_day = q->today;
	int left = q->new_left_today;

	memset(out, 0, sizeof(*out));
	if (q->exam < q->today)
		return -1;
	out->ncards = n;
	out->cards = xcalloc(n ? n : 1, sizeof(*out->cards));
	out->ndays = (size_t)(q->exam - q->today);
	out->days = xcalloc(out->ndays + 1, sizeof(*out->days));
	for (size_t i = 0; i < out->ndays; i++)
		out->days[i].day = q->today + (long long)i;
	for (size_t i = 0; i < n; i++) {
		struct plan_card *pc = &out->cards[i];
		long long start = -1;

		pc->start_day = -1;
		if (mem[i].state == FSRS_NEW) {
			pc->fresh = 1;
			pc->recall_untouched = 0;
			out->fresh++;
			while (left <= 0 && next_new_day < q->exam &&
			       q->new_per_day > 0) {
				next_new_day++;
				left = q->new_per_day;
			}
			if (left > 0 && next_new_day < q->exam) {
				start = next_new_day;
				left--;
				out->fresh_fit++;
				pc->start_day = start;
			} else { /* does not fit before the exam */
				pc->recall_scheduled = pc->recall_planned = 0;
				out->below_planned++;
				continue;
			}
		} else {
			out->studied++;
			pc->recall_untouched = recall_on_exam(q, &mem[i]);
			if (pc->recall_untouched < q->target)
				out->below_untouched++;
		}
		plan_card(q, &mem[i], start, out, pc);
		if (!pc->fresh && pc->recall_scheduled < q->target)
			out->below_scheduled++;
		if (pc->recall_planned < q->target)
			out->below_planned++;
		out->reviews += pc->reviews;
		out->every_day += q->exam - (start >= 0 ? start : q->today);
	}
	return 0;
}

void
plan_release(struct plan *p)
{
	if (p == NULL)
		return;
	free(p->cards);
	free(p->days);
	memset(p, 0, sizeof(*p));
}
