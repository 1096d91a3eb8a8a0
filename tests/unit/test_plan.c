/*
 * test_plan.c - the exam plan on cards of known states: every card at the
 * target on the exam day (by FSRS's curve), no review moved for a card
 * that is there already, new cards started at the limit, the exam today
 * and in the past.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

#define DAY    86400LL
#define TODAY  20500LL                  /* a day number */
#define T0     (TODAY * DAY + 4 * 3600) /* when it starts (UTC, rollover 4) */
#define NCARDS 6

static struct fsrs_params params;

/* A card in review, last answered 'ago' days before today, with
 * stability 's' and due 'due_in' days from today. */
static struct fsrs_card
review_card(double s, int ago, int due_in, uint64_t seed)
{
	struct fsrs_card c = { 0 };

	c.state = FSRS_REVIEW;
	c.stability = s;
	c.difficulty = 5;
	c.reps = 3;
	c.scheduled_days = ago + due_in;
	c.last_day = TODAY - ago;
	c.last_review = T0 + 5 * 3600 - ago * DAY;
	c.due = T0 + 5 * 3600 + due_in * DAY;
	c.seed = seed;
	return c;
}

static struct plan_query
query(long long exam, double target, int per_day)
{
	struct plan_query q = { 0 };

	q.params = &params;
	q.now = T0 + 5 * 3600;
	q.today = TODAY;
	q.today_start = T0;
	q.exam = exam;
	q.target = target;
	q.new_per_day = per_day;
	q.new_left_today = per_day;
	return q;
}

static void
test_every_card_at_target(void **state)
{
	struct fsrs_card c[NCARDS];
	struct plan_query q = query(TODAY + 20, 0.95, 2);
	struct plan p;
	long long sum = 0;

	(void)state;
	fsrs_params_default(&params);
	c[0] = review_card(400, 10, 300, 1); /* strong: nothing needed */
	c[1] = review_card(12, 6, 6, 2);     /* due before the exam */
	c[2] = review_card(30, 10, 22, 3);   /* due after, too weak then */
	c[3] = review_card(2, 3, -1, 4);     /* overdue */
	fsrs_card_new(&c[4], T0, 5);
	fsrs_card_new(&c[5], T0, 6);
	assert_int_equal(plan_make(&q, c, NCARDS, &p), 0);
	assert_int_equal(p.ndays, 20);
	assert_int_equal(p.studied, 4);
	assert_int_equal(p.fresh, 2);
	assert_int_equal(p.fresh_fit, 2);
	assert_int_equal(p.below_planned, 0);
	for (size_t i = 0; i < NCARDS; i++)
		assert_true(p.cards[i].recall_planned >= 0.95);
	/* the strong card is left alone; the weak one due after the exam
	 * gets a review moved earlier */
	assert_int_equal(p.cards[0].reviews, 0);
	assert_int_equal(p.cards[0].moved_day, -1);
	assert_true(p.cards[2].recall_scheduled < 0.95);
	assert_true(p.cards[2].moved_day >= TODAY &&
	            p.cards[2].moved_day < TODAY + 20);
	assert_int_equal(p.cards[4].start_day, TODAY);
	assert_int_equal(p.cards[5].start_day, TODAY);
	for (size_t i = 0; i < p.ndays; i++)
		sum +=
		    p.days[i].due + p.days[i].moved + p.days[i].fresh_reviews;
	assert_int_equal(sum, p.reviews);
	assert_true(p.reviews < p.every_day);
	/* the recall planned is FSRS's curve from the card's last answer */
	assert_true(p.cards[0].recall_planned ==
	            fsrs_forgetting_curve(&params, 30, 400));
	plan_release(&p);
}

static void
test_new_cards_at_the_limit(void **state)
{
	struct fsrs_card c[5];
	struct plan_query q = query(TODAY + 2, 0.9, 2);
	struct plan p;

	(void)state;
	fsrs_params_default(&params);
	for (int i = 0; i < 5; i++)
		fsrs_card_new(&c[i], T0, (uint64_t)i + 10);
	q.new_left_today = 1;
	assert_int_equal(plan_make(&q, c, 5, &p), 0);
	/* 1 today, 2 tomorrow, then the exam: 2 do not fit */
	assert_int_equal(p.fresh, 5);
	assert_int_equal(p.fresh_fit, 3);
	assert_int_equal(p.cards[0].start_day, TODAY);
	assert_int_equal(p.cards[1].start_day, TODAY + 1);
	assert_int_equal(p.cards[2].start_day, TODAY + 1);
	assert_int_equal(p.cards[3].start_day, -1);
	assert_int_equal(p.below_planned, 2);
	assert_int_equal(p.days[0].fresh, 1);
	assert_int_equal(p.days[1].fresh, 2);
	plan_release(&p);
}

static void
test_exam_today_and_past(void **state)
{
	struct fsrs_card c = review_card(5, 4, 1, 1);
	struct plan_query q = query(TODAY, 0.9, 20);
	struct plan p;

	(void)state;
	fsrs_params_default(&params);
	assert_int_equal(plan_make(&q, &c, 1, &p), 0);
	assert_int_equal(p.ndays, 0);
	assert_int_equal(p.reviews, 0);
	assert_true(p.cards[0].recall_planned ==
	            fsrs_forgetting_curve(&params, 4, 5));
	plan_release(&p);
	q.exam = TODAY - 1;
	assert_int_equal(plan_make(&q, &c, 1, &p), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_card_at_target),
		cmocka_unit_test(test_new_cards_at_the_limit),
		cmocka_unit_test(test_exam_today_and_past),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
