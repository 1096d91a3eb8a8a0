/*
 * session-load.c - what a session reads from the store.  A quiz or drill
 * reads the ids and states of every card that matches; a review only its
 * candidates, a batch of due cards at a time (the next batch when the
 * queue has asked the last), the learning cards within learn-ahead and
 * each deck's first new cards, so that its start does not grow with the
 * collection.  A card's content is read when it is asked.
 */
#include "session-impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* How many due cards a review reads at a time. */
#define DUE_BATCH 200

static int
id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* Is the card with the store's id 'id' among the session's cards? */
static int
session_loaded(const struct session *s, long long id)
{
	return s->nids > 0 &&
	       bsearch(&id, s->ids, s->nids, sizeof(*s->ids), id_cmp) != NULL;
}

/* Index the session's cards by the store's id. */
static void
session_index(struct session *s)
{
	s->ids = xrealloc(s->ids, (s->ncards + 1) * sizeof(*s->ids));
	for (size_t i = 0; i < s->ncards; i++)
		s->ids[i] = s->cards[i].id;
	s->nids = s->ncards;
	xqsort(s->ids, s->nids, sizeof(*s->ids), id_cmp);
}

enum step
session_recount(struct session *s)
{
	int rc = 0;

	s->due_unloaded = 0;
	if (s->due_more)
		rc = store_due_count(s->st, &s->rq, s->cursor_due, s->cursor_id,
		                     QUEUE_COUNT_CAP + 1, &s->due_unloaded,
		                     s->diags);
	queue_set_unloaded(&s->q, s->due_more, s->due_unloaded);
	return rc < 0 ? session_failed(s, rc) : STEP_DONE;
}

int
session_end_figures(struct session *s, struct session_end *e, int counts)
{
	int rc = store_next_due(s->st, &s->rq, &e->next_due, s->diags);

	if (rc == 0 && counts)
		rc = store_count_cards(s->st, &s->rq, &e->matching,
		                       &e->suspended, s->diags);
	return rc;
}

/* Add the cards 'v' (of 'n', moved from) to the session's, skipping
 * those it has (their strings freed). */
static void
take_cards(struct session *s, struct store_card *v, size_t n)
{
	s->cards = xrealloc(s->cards, (s->ncards + n + 1) * sizeof(*s->cards));
	for (size_t i = 0; i < n; i++) {
		if (session_loaded(s, v[i].id)) {
			free(v[i].deck);
			card_release(&v[i].card);
			continue;
		}
		s->cards[s->ncards++] = v[i];
	}
	free(v);
	session_index(s);
}

/*
 * Review: read the next due cards after the last read (at most
 * DUE_BATCH), and count (up to a cap) how many more wait in the store.  The
 * queue learns of them with 'queue_more_due' (or, at the start, queue_init).
 */
static int
load_due(struct session *s)
{
	struct store_card *v;
	size_t n;
	int rc;

	s->rq.now = session_now(s);
	if ((rc = store_due_cards(s->st, &s->rq, s->cursor_due, s->cursor_id,
	                          DUE_BATCH, &v, &n, s->diags)) < 0)
		return rc;
	if (n > 0) {
		s->cursor_due = v[n - 1].mem.due;
		s->cursor_id = v[n - 1].id;
	}
	s->due_more = n == DUE_BATCH;
	take_cards(s, v, n);
	s->due_unloaded = 0;
	if (s->due_more &&
	    (rc = store_due_count(s->st, &s->rq, s->cursor_due, s->cursor_id,
	                          QUEUE_COUNT_CAP + 1, &s->due_unloaded,
	                          s->diags)) < 0)
		return rc;
	return 0;
}

int
session_load(struct session *s, int new_left)
{
	struct store_card *v;
	size_t n;
	int rc;

	if (s->o->mode != SESSION_REVIEW) {
		struct store_filter f = { 0 };

		f.deck = s->o->deck;
		f.tags = s->o->tags;
		f.light = 1;
		if ((rc = store_cards(s->st, &f, &s->cards, &s->ncards,
		                      s->diags)) == 0)
			session_index(s);
		return rc;
	}
	s->cursor_due = LLONG_MIN;
	if ((rc = load_due(s)) < 0 ||
	    (rc = store_learning_cards(s->st, &s->rq, &v, &n, s->diags)) < 0)
		return rc;
	take_cards(s, v, n);
	/* with new-order random the shuffle takes them all */
	if ((rc = store_new_cards(s->st, &s->rq,
	                          s->o->new_random ? -1 : new_left + 1, &v, &n,
	                          s->diags)) < 0)
		return rc;
	take_cards(s, v, n);
	/* the cards the exam plan brings forward to today */
	if (s->o->nplanned > 0) {
		v = xcalloc(s->o->nplanned, sizeof(*v));
		for (size_t i = 0; i < s->o->nplanned; i++) {
			v[i] = s->o->planned[i];
			v[i].deck = xstrdup(v[i].deck);
			memset(&v[i].card, 0, sizeof(v[i].card));
			v[i].card.id = xstrdup(s->o->planned[i].card.id);
			v[i].card.type = s->o->planned[i].card.type;
			v[i].has_content = 0;
			v[i].planned = 1;
		}
		take_cards(s, v, s->o->nplanned);
	}
	return 0;
}

int
session_top_up(struct session *s)
{
	int rc = load_due(s);

	if (rc == 0)
		queue_more_due(&s->q, s->cards, s->ncards, s->due_more,
		               s->due_unloaded);
	return rc;
}
