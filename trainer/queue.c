/*
 * queue.c - which card a session asks next (see queue.h).
 */
#include "queue.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

uint64_t
queue_rand(struct queue *q)
{
	uint64_t x = (q->rng += 0x9E3779B97F4A7C15ull);

	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

static void
shuffle(struct queue *q, size_t *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = queue_rand(q) % i, t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* A due card and what orders it: least likely remembered first, then
 * the longest overdue. */
struct due_key {
	double r;
	long long due;
	size_t card;
};

static int
due_key_cmp(const void *a, const void *b)
{
	const struct due_key *x = a, *y = b;

	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->card < y->card ? -1 : x->card > y->card;
}

/* Order the due cards in 'v' by their recall at the start. */
static void
sort_due(struct queue *q, size_t *v, size_t n)
{
	struct due_key *k = xcalloc(n + 1, sizeof(*k));

	for (size_t i = 0; i < n; i++) {
		const struct store_card *c = &q->cards[v[i]];

		k[i].r = fsrs_retrievability(q->o.params, &c->mem, q->o.when);
		k[i].due = c->mem.due;
		k[i].card = v[i];
	}
	xqsort(k, n, sizeof(*k), due_key_cmp);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].card;
	free(k);
}

static int
available(const struct store_card *c, long long t)
{
	return !c->suspended && (c->buried_until == 0 || c->buried_until <= t);
}

/*
 * Ids are letters, digits and dashes, so a '.' only starts a sibling's
 * suffix (ID.1, ID.reverse): the note is the id up to it.
 */
static size_t
note_len(const struct store_card *c)
{
	return strcspn(c->card.id, ".");
}

int
queue_siblings(const struct store_card *a, const struct store_card *b)
{
	size_t la = note_len(a), lb = note_len(b);

	return a != b && la == lb && strncmp(a->card.id, b->card.id, la) == 0 &&
	       strcmp(a->deck, b->deck) == 0;
}

/* Does the card at 'at' in 'v' (of 'n') follow its sibling? */
static int
clash(const struct queue *q, const size_t *v, size_t n, size_t at)
{
	return at > 0 && at < n &&
	       queue_siblings(&q->cards[v[at - 1]], &q->cards[v[at]]);
}

/* Swap places 'i' and 'j' when neither then follows or precedes a
 * sibling; 1 when done. */
static int
try_swap(const struct queue *q, size_t *v, size_t n, size_t i, size_t j)
{
	size_t t = v[i];

	v[i] = v[j];
	v[j] = t;
	if (!clash(q, v, n, i) && !clash(q, v, n, i + 1) &&
	    !clash(q, v, n, j) && !clash(q, v, n, j + 1))
		return 1;
	v[j] = v[i];
	v[i] = t;
	return 0;
}

/* A card in line, for spreading siblings out. */
struct spread {
	size_t card;
	size_t group;   /* the first place its note took in the line */
	size_t members; /* the cards of its note in the line */
	size_t pos;     /* its place in the line */
};

static int
spread_cmp(const void *a, const void *b)
{
	const struct spread *x = a, *y = b;

	if (x->members != y->members)
		return x->members > y->members ? -1 : 1;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * Spread the siblings in 'v' out: the cards by note, the largest notes
 * first, dealt to every other place (0, 2, 4..., then 1, 3...).  No two
 * siblings are then next to each other unless one note has more than
 * half the cards.
 */
static void
spread_out(const struct queue *q, size_t *v, size_t n)
{
	struct spread *sp = xcalloc(n + 1, sizeof(*sp));
	struct strmap first = { 0 };
	struct strlist keys = { 0 };
	size_t at = 0;

	for (size_t i = 0; i < n; i++) {
		const struct store_card *c = &q->cards[v[i]];
		char *key =
		    xasprintf("%s/%.*s", c->deck, (int)note_len(c), c->card.id);
		struct spread *g;

		strlist_push(&keys, key);
		free(key);
		g = strmap_put(&first, keys.v[keys.n - 1], &sp[i]);
		sp[i] = (struct spread){ v[i], g ? g->group : i, 0, i };
		sp[g ? g->group : i].members++;
	}
	for (size_t i = 0; i < n; i++)
		sp[i].members = sp[sp[i].group].members;
	xqsort(sp, n, sizeof(*sp), spread_cmp);
	for (size_t i = 0; i < n; i++) {
		v[at] = sp[i].card;
		at += 2;
		if (at >= n)
			at = 1;
	}
	strmap_release(&first);
	strlist_release(&keys);
	free(sp);
}

/*
 * Quiz and drill: no two siblings one after the other while other cards
 * are left (the one would give the other away).  A card that follows its
 * sibling changes places with another card where both then fit; when
 * that is not enough, the siblings are spread out.
 */
static void
keep_siblings_apart(const struct queue *q, size_t *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int done = !clash(q, v, n, i);

		for (size_t j = i + 1; !done && j < n; j++)
			done = try_swap(q, v, n, i, j);
		for (size_t j = 0; !done && j + 1 < i; j++)
			done = try_swap(q, v, n, i, j);
		if (!done) {
			spread_out(q, v, n);
			return;
		}
	}
}

/* A new card's place in the order: its place in its deck, then its deck. */
struct fresh_key {
	size_t card;
	size_t rank; /* its place among its deck's new cards */
	size_t deck; /* its deck's place among the decks */
};

static int
fresh_key_cmp(const void *a, const void *b)
{
	const struct fresh_key *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return (x->deck > y->deck) - (x->deck < y->deck);
}

/*
 * The new cards' order: in deck order, the decks taken in turns (the
 * first card of each deck, then the second...), not one deck after the
 * other; or, with new_random, shuffled from the seed and the day, so a
 * session started again the same day keeps the order.
 */
static void
order_fresh(struct queue *q)
{
	struct fresh_key *k;
	size_t deck = 0, rank = 0;

	if (q->o.new_random) {
		uint64_t saved = q->rng;

		q->rng = q->o.seed ^
		         ((uint64_t)q->o.when.day * 0x9E3779B97F4A7C15ull);
		shuffle(q, q->fresh, q->nfresh);
		q->rng = saved;
		return;
	}
	k = xcalloc(q->nfresh + 1, sizeof(*k));
	/* the cards come in deck order: count the places as they come */
	for (size_t i = 0; i < q->nfresh; i++) {
		if (i > 0 && strcmp(q->cards[q->fresh[i]].deck,
		                    q->cards[q->fresh[i - 1]].deck) != 0) {
			deck++;
			rank = 0;
		}
		k[i] = (struct fresh_key){ q->fresh[i], rank++, deck };
	}
	xqsort(k, q->nfresh, sizeof(*k), fresh_key_cmp);
	for (size_t i = 0; i < q->nfresh; i++)
		q->fresh[i] = k[i].card;
	free(k);
}

/* Sort the cards from 'from' on into the due line, the new cards and the
 * learning list; the due ones added are ordered among themselves. */
static void
classify(struct queue *q, size_t from)
{
	long long t = q->o.when.time;
	size_t line_from = q->nline;

	for (size_t i = from; i < q->ncards; i++) {
		const struct store_card *c = &q->cards[i];

		if (!available(c, t))
			continue;
		if (c->mem.state == FSRS_NEW)
			q->fresh[q->nfresh++] = i;
		else if (fsrs_is_due(&c->mem, t, q->o.day_end) || c->planned)
			q->line[q->nline++] = i;
		else if (c->mem.state != FSRS_REVIEW &&
		         c->mem.due <= t + q->o.learn_ahead)
			q->learning[q->nlearning++] = i;
	}
	sort_due(q, q->line + line_from, q->nline - line_from);
}

static void
build_review(struct queue *q)
{
	classify(q, 0);
	order_fresh(q);
}

void
queue_more_due(struct queue *q, struct store_card *cards, size_t ncards,
               int more, long long unloaded)
{
	size_t from = q->ncards, grow = ncards - q->ncards;

	q->cards = cards;
	q->ncards = ncards;
	q->line =
	    xgrow(q->line, &q->alloc, q->nline + grow + 1, sizeof(*q->line));
	q->learning = xrealloc(q->learning, (ncards + 1) * sizeof(size_t));
	q->fresh = xrealloc(q->fresh, (ncards + 1) * sizeof(size_t));
	classify(q, from);
	queue_set_unloaded(q, more, unloaded);
}

void
queue_set_unloaded(struct queue *q, int more, long long unloaded)
{
	q->due_more = more;
	q->due_unloaded = more ? unloaded : 0;
}

static void
build_line(struct queue *q)
{
	for (size_t i = 0; i < q->ncards; i++)
		if (!q->cards[i].suspended)
			q->line[q->nline++] = i;
	shuffle(q, q->line, q->nline);
	/* a quiz keeps the whole line: a card skipped makes room for the
	 * next, and the quiz ends after 'count' answers */
	keep_siblings_apart(q, q->line, q->nline);
}

void
queue_init(struct queue *q, struct store_card *cards, size_t ncards,
           const struct queue_opts *o)
{
	memset(q, 0, sizeof(*q));
	q->cards = cards;
	q->ncards = ncards;
	q->o = *o;
	q->rng = o->seed;
	q->new_left = o->new_left > 0 ? o->new_left : 0;
	/* a drill can put a card back many times: room to grow */
	q->alloc = ncards + 1;
	q->line = xcalloc(q->alloc, sizeof(size_t));
	q->fresh = xcalloc(ncards + 1, sizeof(size_t));
	q->learning = xcalloc(ncards + 1, sizeof(size_t));
	if (o->mode == SESSION_REVIEW)
		build_review(q);
	else
		build_line(q);
}

void
queue_release(struct queue *q)
{
	for (size_t i = 0; i < QUEUE_MAX_UNDO; i++) {
		free(q->undo[i].buried);
		free(q->undo[i].stored);
	}
	free(q->line);
	free(q->fresh);
	free(q->learning);
	memset(q, 0, sizeof(*q));
}

int
queue_empty(const struct queue *q)
{
	return q->nline == 0 && q->nlearning == 0 &&
	       (q->nfresh == 0 || q->new_left == 0);
}

/* The index in 'learning' of the card due first, or -1. */
static long
first_learning(const struct queue *q)
{
	long best = -1;

	for (size_t i = 0; i < q->nlearning; i++)
		if (best < 0 || q->cards[q->learning[i]].mem.due <
		                    q->cards[q->learning[best]].mem.due)
			best = (long)i;
	return best;
}

static long
take_learning(struct queue *q, long i)
{
	size_t card = q->learning[i];

	q->learning[i] = q->learning[--q->nlearning];
	q->from = FROM_LEARNING;
	return (long)card;
}

long
queue_next(struct queue *q, long long now)
{
	long l;

	q->from = FROM_NONE;
	if (q->o.mode == SESSION_REVIEW && q->o.limit > 0 &&
	    q->answered >= q->o.limit)
		return -1;
	if (q->o.mode == SESSION_QUIZ && q->answered >= q->o.count)
		return -1;
	l = q->o.mode == SESSION_REVIEW ? first_learning(q) : -1;
	if (l >= 0 && q->cards[q->learning[l]].mem.due <= now)
		return take_learning(q, l);
	if (q->head < q->nline) {
		q->from = FROM_QUEUE;
		return (long)q->line[q->head++];
	}
	if (q->due_more)
		return QUEUE_MORE;
	if (q->fhead < q->nfresh && q->new_left > 0) {
		q->new_left--;
		q->from = FROM_FRESH;
		return (long)q->fresh[q->fhead++];
	}
	if (l >= 0 &&
	    q->cards[q->learning[l]].mem.due <= now + q->o.learn_ahead)
		return take_learning(q, l);
	return -1;
}

void
queue_put_back(struct queue *q, size_t card)
{
	if (q->from == FROM_FRESH) {
		q->fhead--;
		q->new_left++;
	} else if (q->from == FROM_LEARNING) {
		q->learning[q->nlearning++] = card;
	} else if (q->from == FROM_QUEUE) {
		q->head--;
	}
	q->from = FROM_NONE;
}

void
queue_drop(struct queue *q)
{
	q->from = FROM_NONE;
}

/* Insert 'card' at place 'at' of the line. */
static void
line_insert(struct queue *q, size_t at, size_t card)
{
	q->line = xgrow(q->line, &q->alloc, q->nline + 1, sizeof(*q->line));
	memmove(q->line + at + 1, q->line + at,
	        (q->nline - at) * sizeof(*q->line));
	q->line[at] = card;
	q->nline++;
}

/* Would 'card' at place 'at' of the line come next to a sibling? */
static int
beside_sibling(const struct queue *q, size_t at, size_t card)
{
	return (at > q->head &&
	        queue_siblings(&q->cards[q->line[at - 1]], &q->cards[card])) ||
	       (at < q->nline &&
	        queue_siblings(&q->cards[q->line[at]], &q->cards[card]));
}

/*
 * Drill: a wrong answer's card goes back into the line three cards on
 * (or at the end), at the first place from there, else before it, where
 * it comes next to no sibling.
 */
static size_t
requeue(struct queue *q, size_t card)
{
	size_t left = q->nline - q->head, at = q->head + (left < 3 ? left : 3);

	size_t p = at;

	while (p <= q->nline && beside_sibling(q, p, card))
		p++;
	if (p > q->nline) { /* none after: before, else where it was due */
		for (p = at; p > q->head && beside_sibling(q, p, card); p--)
			;
		if (beside_sibling(q, p, card))
			p = at;
	}
	line_insert(q, p, card);
	return p;
}

/* Review: bury the siblings of 'card' in 'v[from..*n)' (list 'list'),
 * noting each in 'a'. */
static void
bury_from(struct queue *q, size_t *v, size_t from, size_t *n, int list,
          size_t card, long long until, struct queue_answer *a)
{
	size_t kept = from;

	for (size_t i = from; i < *n; i++) {
		struct store_card *c = &q->cards[v[i]];

		/* as the store buries: new cards and cards due by day, not
		 * cards in their learning steps */
		if (!queue_siblings(c, &q->cards[card]) ||
		    (c->mem.state != FSRS_NEW && c->mem.scheduled_days < 1)) {
			v[kept++] = v[i];
			continue;
		}
		a->buried =
		    xrealloc(a->buried, (a->nburied + 1) * sizeof(*a->buried));
		a->buried[a->nburied++] =
		    (struct queue_buried){ v[i], c->buried_until, list, i };
		c->buried_until = until;
	}
	*n = kept;
}

const struct queue_answer *
queue_answered(struct queue *q, const struct queue_answer *a,
               const struct fsrs_card *after, long long now,
               long long bury_until)
{
	struct queue_answer *u;

	if (q->nundo == QUEUE_MAX_UNDO) { /* forget the oldest */
		free(q->undo[0].buried);
		free(q->undo[0].stored);
		memmove(q->undo, q->undo + 1,
		        (QUEUE_MAX_UNDO - 1) * sizeof(*q->undo));
		q->undo[QUEUE_MAX_UNDO - 1] = (struct queue_answer){ 0 };
		q->nundo--;
	}
	u = &q->undo[q->nundo++];
	free(u->buried); /* of an answer taken back */
	free(u->stored);
	*u = *a;
	u->from = q->from;
	q->from = FROM_NONE;
	u->to_learning = 0;
	u->requeued_at = -1;
	u->buried = NULL;
	u->nburied = 0;
	q->answered++;
	if (after)
		q->cards[a->card].mem = *after;
	if (q->o.mode == SESSION_REVIEW && after &&
	    (after->state == FSRS_LEARNING || after->state == FSRS_RELEARNING ||
	     after->due <= now + q->o.learn_ahead)) {
		q->learning[q->nlearning++] = a->card;
		u->to_learning = 1;
	}
	if (q->o.mode == SESSION_DRILL && !a->right)
		u->requeued_at = (long)requeue(q, a->card);
	if (q->o.mode == SESSION_REVIEW && !q->o.keep_siblings) {
		bury_from(q, q->line, q->head, &q->nline, FROM_QUEUE, a->card,
		          bury_until, u);
		bury_from(q, q->fresh, q->fhead, &q->nfresh, FROM_FRESH,
		          a->card, bury_until, u);
	}
	return u;
}

const struct queue_answer *
queue_last(const struct queue *q)
{
	return q->nundo > 0 ? &q->undo[q->nundo - 1] : NULL;
}

/* Take 'card' out of the list 'v' of 'n'. */
static void
list_remove(size_t *v, size_t *n, size_t card)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == card) {
			memmove(v + i, v + i + 1, (*n - i - 1) * sizeof(*v));
			(*n)--;
			return;
		}
}

const struct queue_answer *
queue_undo(struct queue *q)
{
	struct queue_answer *u;

	if (q->nundo == 0)
		return NULL;
	u = &q->undo[--q->nundo];
	q->answered--;
	q->cards[u->card].mem = u->before;
	if (u->to_learning)
		list_remove(q->learning, &q->nlearning, u->card);
	if (u->requeued_at >= 0 && (size_t)u->requeued_at < q->nline &&
	    q->line[u->requeued_at] == u->card) {
		memmove(q->line + u->requeued_at, q->line + u->requeued_at + 1,
		        (q->nline - (size_t)u->requeued_at - 1) *
		            sizeof(*q->line));
		q->nline--;
	}
	/* in the order they were buried: each goes back to its place */
	for (size_t i = 0; i < u->nburied; i++) {
		const struct queue_buried *b = &u->buried[i];
		size_t *v = b->list == FROM_FRESH ? q->fresh : q->line;
		size_t *n = b->list == FROM_FRESH ? &q->nfresh : &q->nline;
		size_t at = b->at < *n ? b->at : *n;

		memmove(v + at + 1, v + at, (*n - at) * sizeof(*v));
		v[at] = b->card;
		(*n)++;
		q->cards[b->card].buried_until = b->before;
	}
	/* the card is asked again at once, as it came: a new card keeps
	 * the slot it took from the day's limit */
	q->from = u->from;
	return u;
}

void
queue_left(const struct queue *q, struct queue_left *out)
{
	size_t fresh = q->nfresh - q->fhead;

	out->due = q->nline - q->head + (q->from == FROM_QUEUE) +
	           (size_t)q->due_unloaded;
	out->due_many = out->due > QUEUE_COUNT_CAP;
	if (out->due_many)
		out->due = QUEUE_COUNT_CAP;
	out->learning = q->nlearning + (q->from == FROM_LEARNING);
	out->fresh =
	    ((size_t)q->new_left < fresh ? (size_t)q->new_left : fresh) +
	    (q->from == FROM_FRESH);
	out->fresh_all = fresh;
	out->line = q->nline;
}

int
queue_early(const struct queue *q, size_t card, long long now)
{
	return q->o.mode == SESSION_REVIEW && q->from == FROM_LEARNING &&
	       q->cards[card].mem.due > now;
}
