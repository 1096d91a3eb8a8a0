/*
 * answer-commit.c - how long one answer takes to commit: answers COUNT
 * due cards of the database DB through the real store (each answer one
 * fsync'ed WAL transaction, with its daily sums), timing each
 * store_answer, and prints the median and the 95th percentile.
 *
 *   answer-commit DB COUNT NOW    NOW in seconds since the epoch
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "fsrs.h"
#include "store.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct store_card *cards = NULL;
	struct fsrs_params params;
	struct store_review_query q = { 0 };
	double *ms;
	size_t n = 0, done = 0;
	long count;
	int rc;

	if (argc != 4) {
		fprintf(stderr, "usage: answer-commit DB COUNT NOW\n");
		return 64;
	}
	count = strtol(argv[2], NULL, 10);
	q.now = strtoll(argv[3], NULL, 10);
	q.day_end = q.now + 86400;
	fsrs_params_default(&params);
	if ((rc = store_open(argv[1], &st, &diags)) < 0 ||
	    (rc = store_due_cards(st, &q, 0, 0, (size_t)count, &cards, &n,
	                          &diags)) < 0 ||
	    n == 0) {
		diag_print(&diags, stderr);
		fprintf(stderr, "answer-commit: no due cards\n");
		return rc < 0 ? -rc : 70;
	}
	ms = calloc(n, sizeof(*ms));
	for (size_t i = 0; i < n; i++) {
		struct fsrs_when when = clock_when(q.now + (long long)i, 4);
		struct fsrs_card after;
		struct store_answer a = { 0 };
		long long review;
		double start;

		fsrs_next(&params, &cards[i].mem, when, FSRS_GOOD, &after);
		a.card = cards[i].id;
		a.when = when;
		a.rating = FSRS_GOOD;
		a.answer = "typed";
		a.verdict = "right";
		a.duration_ms = 3000;
		a.before = &cards[i].mem;
		a.after = &after;
		start = now_ms();
		if ((rc = store_answer(st, &a, &review, &diags)) < 0)
			break;
		ms[done++] = now_ms() - start;
	}
	diag_print(&diags, stderr);
	if (done > 0) {
		qsort(ms, done, sizeof(*ms), cmp_double);
		printf("one answer committed, %zu answers: median %.2f ms, "
		       "95th percentile %.2f ms\n",
		       done, ms[done / 2], ms[done * 95 / 100]);
	}
	free(ms);
	store_cards_free(cards, n);
	store_close(st);
	return rc < 0 ? -rc : 0;
}
