/*
 * answer-writer.c - answers cards through the real store as fast as it
 * can, for the kill and concurrency tests.  After each answer is
 * committed it prints "saved REVIEW CARD" and flushes, so a test knows
 * exactly which answers were acknowledged before it killed the process.
 *
 * usage: answer-writer DB DECKS COUNT SEED
 * Answers COUNT times, picking cards and ratings from SEED.  When another
 * process answered the same card first, it reads the card again and
 * answers from there, as a session does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "fsrs.h"
#include "store.h"

static unsigned long long rng;

static unsigned
next_rand(void)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)(rng >> 33);
}

int
main(int argc, char **argv)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct store_sync report;
	struct store_filter f = { 0 };
	struct store_card *cards = NULL;
	struct fsrs_params params;
	size_t n = 0;
	long count;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: answer-writer DB DECKS COUNT SEED\n");
		return 64;
	}
	count = strtol(argv[3], NULL, 10);
	rng = strtoull(argv[4], NULL, 10);
	fsrs_params_default(&params);
	if ((rc = store_open(argv[1], &st, &diags)) < 0 ||
	    ((rc = store_sync(st, argv[2], (long long)time(NULL), &report,
	                      &diags)) < 0) ||
	    (rc = store_cards(st, &f, &cards, &n, &diags)) < 0 || n == 0) {
		diag_print(&diags, stderr);
		return rc < 0 ? -rc : 70;
	}
	for (long i = 0; i < count; i++) {
		struct store_card *c = &cards[next_rand() % n];
		long long now = c->mem.last_review + 1 + next_rand() % 200000;
		struct fsrs_when when = clock_when(now, 4);
		struct fsrs_card after;
		struct store_answer a = { 0 };
		long long review;

		if (now < 1767225600)
			now = 1767225600 + i, when = clock_when(now, 4);
		fsrs_next(&params, &c->mem, when,
		          (enum fsrs_rating)(1 + next_rand() % 4), &after);
		a.card = c->id;
		a.when = when;
		a.rating = 3;
		a.answer = "typed";
		a.verdict = "right";
		a.duration_ms = 1000;
		a.before = &c->mem;
		a.after = &after;
		rc = store_answer(st, &a, &review, &diags);
		if (rc == -EX_TEMPFAIL) {
			/* answered elsewhere first: read it again, retry */
			diag_list_release(&diags);
			if (store_card_state(st, c->id, &c->mem, &diags) < 0)
				break;
			i--;
			continue;
		}
		if (rc < 0)
			break;
		c->mem = after;
		printf("saved %lld %lld\n", review, c->id);
		fflush(stdout);
	}
	diag_print(&diags, stderr);
	store_cards_free(cards, n);
	store_close(st);
	return rc < 0 ? -rc : 0;
}
