/*
 * test_queue.c - the session's queue, driven by tables: the cards (their
 * deck, id, state and due time), then each step: the time, the card the
 * queue must give (NULL: the session ends), what is left as the header
 * shows it, and what the learner does with the card.  Time runs in UTC,
 * the day starting at 4:00; T0 is 2026-03-01 10:00, so the day ends at
 * T0 + 18h.  Then the properties a table cannot show: siblings kept
 * apart in any shuffled line, the new-card order from the seed and day.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"

#define T0      1772359200LL /* 2026-03-01 10:00 UTC */
#define MINUTE  60LL
#define HOUR    3600LL
#define DAY     86400LL
#define DAY_END (T0 + 18 * HOUR)

struct qcard {
	const char *deck, *id;
	enum fsrs_state state;
	long long due;    /* after T0 */
	double stability; /* review cards: days */
	long long last;   /* review cards: last review, after T0 */
	int suspended;
};

/* What the learner does with the card given. */
enum act {
	RIGHT = 1, /* answered right; 'next' its next due (review) */
	WRONG,     /* answered wrong; 'next' its next due (review) */
	UNDO,      /* :undo, the card on screen put back; 'expect' is the
	              card taken back, asked next */
	SKIP,      /* :skip or :suspend: done with, unanswered */
};

struct qstep {
	long long at; /* after T0 */
	const char *expect;
	const char *left; /* "due/learning/new" (review), NULL: not checked */
	enum act act;
	long long next; /* review: when it is due after the answer, from now;
	                   under a day it is in its learning steps */
};

#define NEWCARD(deck, id)                                                      \
	{                                                                      \
		deck, id, FSRS_NEW, 0, 0, 0, 0                                 \
	}
#define SUSPENDED(deck, id)                                                    \
	{                                                                      \
		deck, id, FSRS_NEW, 0, 0, 0, 1                                 \
	}
#define DUE(deck, id, due, stability, last)                                    \
	{                                                                      \
		deck, id, FSRS_REVIEW, due, stability, last, 0                 \
	}

struct scenario {
	const char *name;
	struct queue_opts o; /* mode, new_left, limit, count, learn_ahead,
	                        keep_siblings; the times are filled in */
	struct qcard cards[12];
	struct qstep steps[24];
};

static const struct scenario scenarios[] = {
	{
	    "review: due cards least remembered first, then new ones, the "
	    "decks in turns, up to the day's limit",
	    { .mode = SESSION_REVIEW, .new_left = 3 },
	    {
	        DUE("a", "strong", -HOUR, 30, -10 * DAY),
	        DUE("a", "weak", -HOUR, 2, -10 * DAY),
	        NEWCARD("a", "a1"),
	        NEWCARD("a", "a2"),
	        NEWCARD("a", "a3"),
	        NEWCARD("b", "b1"),
	        NEWCARD("b", "b2"),
	    },
	    {
	        { 0, "a/weak", "2/0/3", RIGHT, 5 * DAY },
	        { 10, "a/strong", "1/0/3", RIGHT, 40 * DAY },
	        { 20, "a/a1", "0/0/3", RIGHT, 2 * DAY },
	        { 30, "b/b1", "0/0/2", RIGHT, 2 * DAY },
	        { 40, "a/a2", "0/0/1", RIGHT, 2 * DAY },
	        { 50, NULL, NULL, 0, 0 },
	    },
	},
	{
	    "review: due by day: a card due later today is due now, one due "
	    "after the rollover is not",
	    { .mode = SESSION_REVIEW },
	    {
	        DUE("a", "tonight", 17 * HOUR, 3, -2 * DAY),
	        DUE("a", "tomorrow", 18 * HOUR + 1, 3, -2 * DAY),
	        DUE("a", "yesterday", -20 * HOUR, 3, -3 * DAY),
	    },
	    {
	        { 0, "a/yesterday", "2/0/0", RIGHT, 4 * DAY },
	        { 5, "a/tonight", "1/0/0", RIGHT, 4 * DAY },
	        { 9, NULL, NULL, 0, 0 },
	    },
	},
	{
	    "review: a learning step comes when it is due, other cards fill "
	    "the wait, and it comes early only when nothing else is left",
	    { .mode = SESSION_REVIEW,
	      .new_left = 5,
	      .learn_ahead = 20 * MINUTE },
	    {
	        NEWCARD("a", "n1"),
	        NEWCARD("a", "n2"),
	        NEWCARD("a", "n3"),
	    },
	    {
	        { 0, "a/n1", "0/0/3", WRONG, MINUTE },
	        { 10, "a/n2", "0/1/2", RIGHT, 10 * MINUTE },
	        /* n1's step is due at 60 s: it comes before n3 */
	        { 61, "a/n1", "0/2/1", RIGHT, 10 * MINUTE },
	        { 70, "a/n3", "0/2/1", WRONG, 30 * MINUTE },
	        /* nothing else: n2 (due at 610 s) comes early, then n1
	         * (at 661 s); n3 (at 1870 s) is past the learn-ahead */
	        { 80, "a/n2", "0/3/0", RIGHT, 3 * DAY },
	        { 90, "a/n1", "0/2/0", RIGHT, 3 * DAY },
	        { 100, NULL, NULL, 0, 0 },
	    },
	},
	{
	    "review: once a card is answered its new and due siblings wait "
	    "for tomorrow; :undo brings them back",
	    { .mode = SESSION_REVIEW, .new_left = 10 },
	    {
	        DUE("a", "gap.1", -HOUR, 3, -3 * DAY),
	        DUE("a", "gap.2", -HOUR, 9, -3 * DAY), NEWCARD("a", "pair"),
	        NEWCARD("a", "pair.reverse"), NEWCARD("a", "other"),
	        NEWCARD("b", "pair"), /* another deck's */
	    },
	    {
	        { 0, "a/gap.1", "2/0/4", RIGHT, 4 * DAY },
	        { 10, "a/pair", "0/0/4", RIGHT, 2 * DAY },
	        { 20, "b/pair", "0/0/2", UNDO, 0 },
	        /* a/pair is asked again: a/pair.reverse is back */
	        { 20, "a/pair", "0/0/4", RIGHT, 2 * DAY },
	        { 30, "b/pair", "0/0/2", RIGHT, 2 * DAY },
	        { 40, "a/other", "0/0/1", RIGHT, 2 * DAY },
	        { 50, NULL, NULL, 0, 0 },
	    },
	},
	{
	    "review: with keep_siblings nothing is buried",
	    { .mode = SESSION_REVIEW, .new_left = 10, .keep_siblings = 1 },
	    {
	        NEWCARD("a", "pair"),
	        NEWCARD("a", "pair.reverse"),
	    },
	    {
	        { 0, "a/pair", "0/0/2", RIGHT, 2 * DAY },
	        { 10, "a/pair.reverse", "0/0/1", RIGHT, 2 * DAY },
	        { 20, NULL, NULL, 0, 0 },
	    },
	},
	{
	    "review: suspended and skipped cards are not asked; the limit of "
	    "answers ends it, and an undo gives one back",
	    { .mode = SESSION_REVIEW, .new_left = 10, .limit = 2 },
	    {
	        SUSPENDED("a", "s"),
	        NEWCARD("a", "x"),
	        NEWCARD("a", "y"),
	        NEWCARD("a", "z"),
	        NEWCARD("a", "w"),
	    },
	    {
	        { 0, "a/x", "0/0/4", SKIP, 0 },
	        { 5, "a/y", "0/0/3", RIGHT, 2 * DAY },
	        { 10, "a/z", "0/0/2", UNDO, 0 },
	        { 10, "a/y", "0/0/3", RIGHT, 2 * DAY },
	        { 20, "a/z", "0/0/2", RIGHT, 2 * DAY },
	        { 30, NULL, NULL, 0, 0 },
	    },
	},
};

struct run {
	struct store_card *cards;
	size_t n;
	struct queue q;
};

/* Build the queue of 'sc' at 'built' (T0 for the tables). */
static void
start_at(struct run *r, const struct scenario *sc, long long built)
{
	struct queue_opts o = sc->o;
	static struct fsrs_params params;

	fsrs_params_default(&params);
	for (r->n = 0; r->n < 12 && sc->cards[r->n].id; r->n++)
		;
	r->cards = calloc(r->n + 1, sizeof(*r->cards));
	for (size_t i = 0; i < r->n; i++) {
		const struct qcard *c = &sc->cards[i];
		struct store_card *s = &r->cards[i];

		s->id = (long long)i + 1;
		s->deck = (char *)c->deck;
		s->card.id = (char *)c->id;
		s->card.q = (char *)c->id;
		s->mem.state = c->state;
		s->mem.due = c->state == FSRS_NEW ? 0 : T0 + c->due;
		s->mem.stability = c->stability;
		if (c->state == FSRS_REVIEW) /* an interval of days */
			s->mem.scheduled_days = (int)((c->due - c->last) / DAY);
		s->mem.difficulty = c->state == FSRS_NEW ? 0 : 5;
		s->mem.last_review = T0 + c->last;
		s->mem.last_day = fsrs_day(T0 + c->last, 0, 4);
		s->suspended = c->suspended;
	}
	o.when.time = built;
	o.when.day = fsrs_day(built, 0, 4);
	o.day_end = DAY_END + (built - T0);
	o.params = &params;
	queue_init(&r->q, r->cards, r->n, &o);
}

static void
start(struct run *r, const struct scenario *sc)
{
	start_at(r, sc, T0);
}

static void
stop(struct run *r)
{
	queue_release(&r->q);
	free(r->cards);
}

static const char *
name(const struct run *r, long card, char *buf, size_t size)
{
	if (card < 0)
		snprintf(buf, size, "(the end)");
	else
		snprintf(buf, size, "%s/%s", r->cards[card].deck,
		         r->cards[card].card.id);
	return buf;
}

/* Play the steps of 'sc'; every failure names the scenario and step. */
static void
play(const struct scenario *sc)
{
	struct run r;
	long pending = -1; /* the card taken back, asked next */

	start(&r, sc);
	for (size_t i = 0; sc->steps[i].expect || sc->steps[i].at ||
	                   sc->steps[i].act || i == 0;
	     i++) {
		const struct qstep *st = &sc->steps[i];
		long long now = T0 + st->at;
		long card = pending >= 0 ? pending : queue_next(&r.q, now);
		char got[64], left[32];
		struct queue_left l;

		pending = -1;
		name(&r, card, got, sizeof(got));
		if (getenv("QUEUE_TRACE"))
			print_message("%s: step %zu: %s\n", sc->name, i + 1,
			              got);
		if (strcmp(got, st->expect ? st->expect : "(the end)") != 0)
			fail_msg("%s: step %zu: got %s, want %s", sc->name,
			         i + 1, got,
			         st->expect ? st->expect : "the end");
		if (card < 0)
			break;
		queue_left(&r.q, &l);
		snprintf(left, sizeof(left), "%zu/%zu/%zu", l.due, l.learning,
		         l.fresh);
		if (st->left && strcmp(left, st->left) != 0)
			fail_msg("%s: step %zu (%s): left %s, want %s",
			         sc->name, i + 1, got, left, st->left);
		if (st->act == RIGHT || st->act == WRONG) {
			struct queue_answer a = { 0 };
			struct fsrs_card after = r.cards[card].mem;

			a.review = (long long)i + 1;
			a.card = (size_t)card;
			a.before = r.cards[card].mem;
			a.right = st->act == RIGHT;
			after.state =
			    st->next < DAY ? FSRS_LEARNING : FSRS_REVIEW;
			after.due = now + st->next;
			after.scheduled_days = (int)(st->next / DAY);
			queue_answered(&r.q, &a,
			               sc->o.mode == SESSION_REVIEW ? &after
			                                            : NULL,
			               now, DAY_END);
		} else if (st->act == UNDO) {
			const struct queue_answer *u;

			queue_put_back(&r.q, (size_t)card);
			u = queue_undo(&r.q);
			assert_non_null(u);
			pending = (long)u->card;
		} else if (st->act == SKIP) {
			queue_drop(&r.q);
		}
	}
	stop(&r);
}

static void
test_tables(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (scenarios[i].steps[0].expect)
			play(&scenarios[i]);
}

/* The card taken back is asked again with its state as it was, and a
 * sibling it buried is not buried any more. */
static void
test_undo_restores(void **state)
{
	const struct scenario *sc = &scenarios[3];
	struct run r;
	struct queue_answer a = { 0 };
	struct fsrs_card after;
	const struct queue_answer *kept, *u;
	long card;

	(void)state;
	start(&r, sc);
	card = queue_next(&r.q, T0); /* a/gap.1 */
	after = r.cards[card].mem;
	after.due = T0 + 4 * DAY;
	after.stability = 7;
	a.card = (size_t)card;
	a.before = r.cards[card].mem;
	a.right = 1;
	kept = queue_answered(&r.q, &a, &after, T0, DAY_END);
	assert_int_equal(kept->nburied, 1);
	assert_string_equal(r.cards[kept->buried[0].card].card.id, "gap.2");
	assert_int_equal(r.cards[kept->buried[0].card].buried_until, DAY_END);
	assert_true(r.cards[card].mem.stability == 7);
	card = queue_next(&r.q, T0 + 10); /* a/pair, new */
	assert_string_equal(r.cards[card].card.id, "pair");
	queue_put_back(&r.q, (size_t)card);
	u = queue_undo(&r.q);
	assert_string_equal(r.cards[u->card].card.id, "gap.1");
	assert_true(r.cards[u->card].mem.stability == 3);
	assert_int_equal(u->nburied, 1);
	assert_int_equal(r.cards[u->buried[0].card].buried_until, 0);
	assert_null(queue_undo(&r.q));
	stop(&r);
}

/* Drill: the wrong card comes back three cards on unless a sibling
 * would be beside it; right once and it is done; an undo of the wrong
 * answer takes its copy out of the line. */
static void
test_drill_requeue(void **state)
{
	static const struct scenario sc = {
		"drill",
		{ .mode = SESSION_DRILL, .seed = 3 },
		{
		    NEWCARD("a", "w"),
		    NEWCARD("a", "c1"),
		    NEWCARD("a", "c2"),
		    NEWCARD("a", "c3"),
		    NEWCARD("a", "w.reverse"),
		    NEWCARD("a", "c4"),
		},
		{ { 0 } },
	};
	struct run r;
	size_t line[6], order[16], n = 0;
	struct queue_answer a = { 0 };
	long card;

	(void)state;
	start(&r, &sc);
	memcpy(line, r.q.line, sizeof(line));
	/* put w first and w.reverse fourth: three on from w is beside it */
	for (size_t i = 0; i < 6; i++) {
		const char *id = r.cards[line[i]].card.id;

		r.q.line[strcmp(id, "w") == 0           ? 0
		         : strcmp(id, "w.reverse") == 0 ? 4
		         : strcmp(id, "c1") == 0        ? 1
		         : strcmp(id, "c2") == 0        ? 2
		         : strcmp(id, "c3") == 0        ? 3
		                                        : 5] = line[i];
	}
	while ((card = queue_next(&r.q, T0)) >= 0 && n < 16) {
		a.card = (size_t)card;
		a.right = !(n == 0); /* only the first answer is wrong */
		order[n++] = (size_t)card;
		queue_answered(&r.q, &a, NULL, T0, DAY_END);
	}
	/* w c1 c2 c3 w.reverse c4: w would come back after c3, beside
	 * w.reverse, so it goes one further: after w.reverse?  That is
	 * beside it too: after c4, at the end */
	assert_int_equal(n, 7);
	assert_string_equal(r.cards[order[0]].card.id, "w");
	assert_string_equal(r.cards[order[4]].card.id, "w.reverse");
	assert_string_equal(r.cards[order[5]].card.id, "c4");
	assert_string_equal(r.cards[order[6]].card.id, "w");
	for (size_t i = 1; i < n; i++)
		assert_false(
		    queue_siblings(&r.cards[order[i - 1]], &r.cards[order[i]]));
	stop(&r);

	/* the last card wrong: it comes back at once; an undo while its
	 * copy is on screen takes the copy out, so one right answer ends
	 * the drill */
	start(&r, &sc);
	n = 0;
	while ((card = queue_next(&r.q, T0)) >= 0 && n < 5) {
		a.card = (size_t)card;
		a.right = 1;
		queue_answered(&r.q, &a, NULL, T0, DAY_END);
		n++;
	}
	assert_true(card >= 0); /* the sixth and last */
	a.card = (size_t)card;
	a.right = 0;
	queue_answered(&r.q, &a, NULL, T0, DAY_END);
	assert_int_equal(queue_next(&r.q, T0), card); /* its copy */
	queue_put_back(&r.q, (size_t)card);
	assert_int_equal(queue_undo(&r.q)->card, (size_t)card);
	a.right = 1;
	queue_answered(&r.q, &a, NULL, T0, DAY_END);
	assert_int_equal(queue_next(&r.q, T0), -1);
	stop(&r);
}

/* Quiz and drill: in a shuffled line no card follows its sibling while
 * other cards are left, for any seed. */
static void
test_siblings_apart(void **state)
{
	static const struct scenario sc = {
		"quiz",
		{ .mode = SESSION_QUIZ, .count = 20 },
		{
		    NEWCARD("a", "n.1"),
		    NEWCARD("a", "n.2"),
		    NEWCARD("a", "n.3"),
		    NEWCARD("a", "m"),
		    NEWCARD("a", "m.reverse"),
		    NEWCARD("a", "x"),
		    NEWCARD("a", "y"),
		    NEWCARD("b", "n.1"),
		},
		{ { 0 } },
	};

	(void)state;
	for (uint64_t seed = 0; seed < 200; seed++) {
		struct scenario s = sc;
		struct run r;

		s.o.seed = seed;
		start(&r, &s);
		assert_int_equal(r.q.nline, 8);
		for (size_t i = 1; i < r.q.nline; i++)
			if (queue_siblings(&r.cards[r.q.line[i - 1]],
			                   &r.cards[r.q.line[i]]))
				fail_msg("seed %llu: %s then %s",
				         (unsigned long long)seed,
				         r.cards[r.q.line[i - 1]].card.id,
				         r.cards[r.q.line[i]].card.id);
		stop(&r);
	}
}

/* A quiz ends after 'count' answers; a card skipped makes room for the
 * next. */
static void
test_quiz_count(void **state)
{
	static const struct scenario sc = {
		"quiz",
		{ .mode = SESSION_QUIZ, .count = 3, .seed = 1 },
		{
		    NEWCARD("a", "p"),
		    NEWCARD("a", "q"),
		    NEWCARD("a", "r"),
		    NEWCARD("a", "s"),
		    SUSPENDED("a", "t"),
		},
		{ { 0 } },
	};
	struct run r;
	struct queue_answer a = { 0 };
	long card;
	int asked = 0, skipped = 0;

	(void)state;
	start(&r, &sc);
	assert_int_equal(r.q.nline, 4); /* not the suspended one */
	while ((card = queue_next(&r.q, T0)) >= 0) {
		if (skipped++ == 0) {
			queue_drop(&r.q);
			continue;
		}
		a.card = (size_t)card;
		queue_answered(&r.q, &a, NULL, T0, DAY_END);
		asked++;
	}
	assert_int_equal(asked, 3);
	stop(&r);
}

/* New cards in random order: the same for a seed and a day, another on
 * another day. */
static void
test_new_random(void **state)
{
	struct scenario sc = {
		"random",
		{ .mode = SESSION_REVIEW,
		  .new_left = 20,
		  .new_random = 1,
		  .seed = 5 },
		{ { 0 } },
		{ { 0 } },
	};
	static const char *const ids[] = { "a", "b", "c", "d", "e",
		                           "f", "g", "h", "i", "j" };
	char order[3][16] = { "", "", "" };

	(void)state;
	for (size_t i = 0; i < 10; i++)
		sc.cards[i] = (struct qcard)NEWCARD("d", ids[i]);
	for (int run = 0; run < 3; run++) {
		struct run r;

		/* twice today, then a day later */
		start_at(&r, &sc, run < 2 ? T0 + run * HOUR : T0 + DAY);
		for (size_t i = 0; i < r.q.nfresh; i++)
			strncat(order[run], r.cards[r.q.fresh[i]].card.id, 1);
		stop(&r);
	}
	assert_string_equal(order[0], order[1]);
	assert_string_not_equal(order[0], "abcdefghij");
	assert_string_not_equal(order[0], order[2]);
	/* another seed, another order */
	sc.o.seed = 6;
	{
		struct run r;
		char other[16] = "";

		start(&r, &sc);
		for (size_t i = 0; i < r.q.nfresh; i++)
			strncat(other, r.cards[r.q.fresh[i]].card.id, 1);
		stop(&r);
		assert_string_not_equal(order[0], other);
	}
	/* in deck order without new_random */
	sc.o.new_random = 0;
	{
		struct run r;
		char plain[16] = "";

		start(&r, &sc);
		for (size_t i = 0; i < r.q.nfresh; i++)
			strncat(plain, r.cards[r.q.fresh[i]].card.id, 1);
		stop(&r);
		assert_string_equal(plain, "abcdefghij");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_undo_restores),
		cmocka_unit_test(test_drill_requeue),
		cmocka_unit_test(test_siblings_apart),
		cmocka_unit_test(test_quiz_count),
		cmocka_unit_test(test_new_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
