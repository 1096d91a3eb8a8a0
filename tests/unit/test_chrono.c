/*
 * test_chrono.c - events in time over a deck of known events: spans,
 * order, gaps, years between, and the questions the generator makes
 * (never two events it cannot order, so never two of one date; the gap
 * narrowing as the learner knows more; each of the five kinds judged by
 * answer_check; the same seed the same questions).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "chrono.h"

static struct date
d(const char *iso)
{
	struct date x;
	char why[80];

	assert_int_equal(date_parse_iso(iso, &x, why, sizeof(why)), 0);
	return x;
}

/* Known events, with two on one day and a year that holds others. */
static const struct {
	const char *date, *name;
} known[] = {
	{ "1882-05-22", "First Korea-US treaty" },
	{ "1905", "Taft-Katsura Agreement" },
	{ "1945", "US troops arrive" },
	{ "1950-06-25", "North invades South" },
	{ "1950-06-25", "Same-day event" },
	{ "1953", "Eisenhower becomes President" },
	{ "1953-07-27", "Armistice signed" },
	{ "1953-10-01", "Mutual Defense Treaty signed" },
	{ "1978-10", "CFC agreed" },
	{ "1978-11-07", "CFC activated" },
	{ "1994", "Peacetime control returned" },
	{ "2007", "Wartime transfer agreed" },
};
#define NKNOWN (sizeof(known) / sizeof(known[0]))

static void
events(struct chrono_event *v, double knowledge)
{
	for (size_t i = 0; i < NKNOWN; i++) {
		v[i].name = known[i].name;
		v[i].date = d(known[i].date);
		v[i].card = i;
		v[i].known = knowledge;
	}
	chrono_sort(v, NKNOWN);
}

static void
test_order_and_spans(void **state)
{
	struct date y = d("1953"), m = d("1953-07"), day = d("1953-07-27");
	struct chrono_event v[NKNOWN];

	(void)state;
	assert_int_equal(chrono_order(&y, &day), 0);
	assert_int_equal(chrono_order(&m, &day), 0);
	assert_int_equal(chrono_order(&day, &y), 0);
	assert_int_equal(chrono_order(&(struct date){ 1952, 0, 0 }, &day), -1);
	assert_int_equal(chrono_order(&day, &(struct date){ 1953, 8, 0 }), -1);
	assert_int_equal(chrono_order(&(struct date){ 1953, 8, 0 }, &day), 1);
	assert_true(chrono_same_date(&day, &(struct date){ 1953, 7, 27 }));
	assert_false(chrono_same_date(&y, &m));
	events(v, 0);
	/* by first day; a coarser date first on the same day */
	assert_string_equal(v[0].name, "First Korea-US treaty");
	assert_string_equal(v[3].name, "North invades South");
	assert_string_equal(v[4].name, "Same-day event");
	assert_string_equal(v[5].name, "Eisenhower becomes President");
	assert_string_equal(v[6].name, "Armistice signed");
	assert_string_equal(v[11].name, "Wartime transfer agreed");
}

static void
test_gaps(void **state)
{
	char buf[64];
	int tol;
	struct date a = d("1953-07-27"), b = d("1953-10-01");

	(void)state;
	chrono_gap_text(&a, &b, buf, sizeof(buf));
	assert_string_equal(buf, "2 months 4 days");
	chrono_gap_text(&b, &a, buf, sizeof(buf));
	assert_string_equal(buf, "2 months 4 days");
	a = d("1882-05-22");
	chrono_gap_text(&a, &b, buf, sizeof(buf));
	assert_string_equal(buf, "71 years 4 months");
	a = d("1978-10");
	b = d("1978-11-07");
	chrono_gap_text(&a, &b, buf, sizeof(buf));
	assert_string_equal(buf, "1 month");
	a = d("1953");
	b = d("1953-07-27");
	chrono_gap_text(&a, &b, buf, sizeof(buf));
	assert_string_equal(buf, "the same year");
	a = d("1950-06-25");
	chrono_gap_text(&a, &a, buf, sizeof(buf));
	assert_string_equal(buf, "the same day");
	b = d("1950-06-27");
	chrono_gap_text(&a, &b, buf, sizeof(buf));
	assert_string_equal(buf, "2 days");

	a = d("1950-06-25");
	b = d("1953-06-24");
	assert_int_equal(chrono_years_between(&a, &b, &tol), 2);
	assert_int_equal(tol, 0);
	b = d("1953-06-25");
	assert_int_equal(chrono_years_between(&b, &a, &tol), 3);
	b = d("1994");
	assert_int_equal(chrono_years_between(&a, &b, &tol), 44);
	assert_int_equal(tol, 1);
}

/* Every question of every kind, over many seeds: its events can all be
 * put in order (never the same date), the card judges the right answer
 * right and a wrong one wrong. */
static void
test_questions(void **state)
{
	struct chrono_event v[NKNOWN];

	(void)state;
	events(v, 0.5);
	for (uint64_t seed = 1; seed <= 300; seed++)
		for (int k = 0; k < CHRONO_NKINDS; k++) {
			struct chrono_question q;
			struct answer_result r = { 0 };
			uint64_t rng = seed;
			const struct card *c = &q.card;

			assert_int_equal(chrono_make(v, NKNOWN,
			                             (enum chrono_kind)k, &rng,
			                             NULL, &q),
			                 0);
			assert_int_equal(q.kind, k);
			for (size_t i = 0; i < q.nev; i++)
				for (size_t j = i + 1; j < q.nev; j++) {
					if (k == CHRONO_YEAR && i > 0)
						continue;
					assert_int_not_equal(
					    chrono_order(&v[q.ev[i]].date,
					                 &v[q.ev[j]].date),
					    0);
				}
			if (k != CHRONO_YEAR)
				for (size_t i = 1; i < q.nev; i++)
					assert_int_equal(
					    chrono_order(&v[q.ev[i - 1]].date,
					                 &v[q.ev[i]].date),
					    -1);
			assert_non_null(c->note);
			switch (k) {
			case CHRONO_FIRST:
				assert_int_equal(c->type, CARD_CHOICE);
				assert_int_equal(q.nev, 2);
				assert_int_equal(
				    answer_check(c, v[q.ev[0]].name, NULL, &r),
				    0);
				assert_int_equal(r.verdict, VERDICT_RIGHT);
				answer_result_release(&r);
				assert_int_equal(
				    answer_check(c, v[q.ev[1]].name, NULL, &r),
				    0);
				assert_int_equal(r.verdict, VERDICT_WRONG);
				break;
			case CHRONO_ORDER:
				assert_int_equal(c->type, CARD_ORDER);
				assert_in_range(q.nev, 3, 5);
				assert_int_equal(
				    answer_check(c,
				                 q.nev == 3   ? "1 2 3"
				                 : q.nev == 4 ? "1 2 3 4"
				                              : "1 2 3 4 5",
				                 NULL, &r),
				    0);
				assert_int_equal(r.verdict, VERDICT_RIGHT);
				answer_result_release(&r);
				assert_int_equal(
				    answer_check(c,
				                 q.nev == 3   ? "3 2 1"
				                 : q.nev == 4 ? "4 3 2 1"
				                              : "5 4 3 2 1",
				                 NULL, &r),
				    0);
				assert_int_equal(r.verdict, VERDICT_WRONG);
				break;
			case CHRONO_BETWEEN: {
				char typed[32];
				int tol;
				int y = chrono_years_between(
				    &v[q.ev[0]].date, &v[q.ev[1]].date, &tol);

				assert_int_equal(c->type, CARD_NUMBER);
				assert_true(y >= 1);
				snprintf(typed, sizeof(typed), "%d years",
				         y + tol);
				assert_int_equal(
				    answer_check(c, typed, NULL, &r), 0);
				assert_int_equal(r.verdict, VERDICT_RIGHT);
				answer_result_release(&r);
				snprintf(typed, sizeof(typed), "%d",
				         y + tol + 2);
				assert_int_equal(
				    answer_check(c, typed, NULL, &r), 0);
				assert_int_equal(r.verdict, VERDICT_WRONG);
				break;
			}
			case CHRONO_RELATIVE: {
				char want[64];
				int tol;
				int y = chrono_years_between(
				    &v[q.ev[0]].date, &v[q.ev[1]].date, &tol);

				assert_int_equal(c->type, CARD_CHOICE);
				assert_int_equal(c->choices.n, 4);
				snprintf(want, sizeof(want), "%d year%s %s", y,
				         y == 1 ? "" : "s",
				         q.later ? "after" : "before");
				assert_string_equal(c->a, want);
				assert_non_null(strstr(
				    c->q, v[q.ev[q.later ? 1 : 0]].name));
				assert_int_equal(
				    answer_check(c, want, NULL, &r), 0);
				assert_int_equal(r.verdict, VERDICT_RIGHT);
				answer_result_release(&r);
				assert_int_equal(
				    answer_check(c, c->choices.v[1], NULL, &r),
				    0);
				assert_int_equal(r.verdict, VERDICT_WRONG);
				break;
			}
			case CHRONO_YEAR:
				assert_int_equal(c->type, CARD_CHOICE);
				assert_in_range(q.nev, 3, 4);
				assert_int_equal(v[q.ev[0]].date.year, q.year);
				for (size_t i = 1; i < q.nev; i++)
					assert_int_not_equal(
					    v[q.ev[i]].date.year, q.year);
				assert_int_equal(
				    answer_check(c, v[q.ev[0]].name, NULL, &r),
				    0);
				assert_int_equal(r.verdict, VERDICT_RIGHT);
				break;
			}
			answer_result_release(&r);
			chrono_question_release(&q);
		}
}

/* The pair's gap narrows as the events are better known. */
static void
test_gap_narrows(void **state)
{
	struct chrono_event v[NKNOWN];
	double sum[2] = { 0, 0 };

	(void)state;
	for (int known_well = 0; known_well < 2; known_well++) {
		events(v, known_well ? 1.0 : 0.0);
		for (uint64_t seed = 1; seed <= 200; seed++) {
			struct chrono_question q;
			uint64_t rng = seed;
			long af, al, bf, bl;

			assert_int_equal(chrono_make(v, NKNOWN, CHRONO_FIRST,
			                             &rng, NULL, &q),
			                 0);
			chrono_span(&v[q.ev[0]].date, &af, &al);
			chrono_span(&v[q.ev[1]].date, &bf, &bl);
			sum[known_well] += (double)(bf - al) / 365.25;
			chrono_question_release(&q);
		}
	}
	print_message("mean gap: new %.1f years, known %.1f years\n",
	              sum[0] / 200, sum[1] / 200);
	assert_true(sum[0] / 200 > 15);
	assert_true(sum[1] / 200 < 3);
}

/* Events that cannot make a kind: none of it, and the others still. */
static void
test_too_few(void **state)
{
	struct chrono_event v[3] = {
		{ "A", { 1953, 0, 0 }, 0, 0 },
		{ "B", { 1953, 7, 27 }, 1, 0 },
		{ "C", { 1953, 10, 1 }, 2, 0 },
	};
	struct chrono_question q[8];
	uint64_t rng = 7;
	size_t n;

	(void)state;
	chrono_sort(v, 3);
	/* A spans B and C: only B and C can be ordered, within a year */
	assert_int_equal(chrono_make(v, 3, CHRONO_ORDER, &rng, NULL, &q[0]),
	                 -1);
	assert_int_equal(chrono_make(v, 3, CHRONO_BETWEEN, &rng, NULL, &q[0]),
	                 -1);
	assert_int_equal(chrono_make(v, 3, CHRONO_YEAR, &rng, NULL, &q[0]), -1);
	assert_int_equal(chrono_make(v, 3, CHRONO_RELATIVE, &rng, NULL, &q[0]),
	                 -1);
	assert_int_equal(chrono_make(v, 3, CHRONO_FIRST, &rng, NULL, &q[0]), 0);
	assert_string_equal(q[0].card.a, "B");
	assert_string_equal(q[0].card.note,
	                    "27 July 1953: B\n1 October 1953: C (2 months 4 "
	                    "days later)");
	chrono_question_release(&q[0]);
	n = chrono_quiz(v, 3, 8, 1, q);
	assert_int_equal(n, 8);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(q[i].kind, CHRONO_FIRST);
		chrono_question_release(&q[i]);
	}
	assert_int_equal(chrono_quiz(v, 1, 8, 1, q), 0);
}

/* The same seed gives the same quiz; kinds take turns. */
static void
test_quiz_seeded(void **state)
{
	struct chrono_event v[NKNOWN];
	struct chrono_question a[10], b[10];

	(void)state;
	events(v, 0.3);
	assert_int_equal(chrono_quiz(v, NKNOWN, 10, 42, a), 10);
	assert_int_equal(chrono_quiz(v, NKNOWN, 10, 42, b), 10);
	for (size_t i = 0; i < 10; i++) {
		assert_int_equal(a[i].kind, (int)(i % CHRONO_NKINDS));
		assert_string_equal(a[i].card.q, b[i].card.q);
		assert_int_equal(a[i].nev, b[i].nev);
		for (size_t k = 0; k < a[i].nev; k++)
			assert_int_equal(a[i].ev[k], b[i].ev[k]);
		chrono_question_release(&a[i]);
		chrono_question_release(&b[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_spans),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_gap_narrows),
		cmocka_unit_test(test_too_few),
		cmocka_unit_test(test_quiz_seeded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
