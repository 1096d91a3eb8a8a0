/*
 * queue.h - which card a session asks next: the review, quiz and drill
 * queues, learning steps, siblings, requeueing and the undo stack.
 *
 * Pure: no I/O, no clock, no store.  The session loads the candidates
 * from the store (store_cards) and hands them over with the time and
 * the local day; it tells the queue each answer kept, and does what the
 * queue says the store must hear (the siblings it buried, or unburied on
 * an undo).
 *
 * A review asks the due cards first (least likely remembered first),
 * then new cards up to the day's limit, the decks taken in turns; a card
 * in its learning steps waits until its step falls due, or comes early
 * (up to 'learn_ahead') when nothing else is left.  Once a card is
 * answered its siblings that are new or due are buried until the next
 * day.  A quiz asks 'count' random cards once; a drill asks every card
 * until each was answered right once, a card answered wrong coming back
 * a few cards later.  In both, siblings are kept apart.
 */
#ifndef TRAINER_QUEUE_H
#define TRAINER_QUEUE_H

#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "store.h"

enum session_mode {
	SESSION_REVIEW,
	SESSION_QUIZ,
	SESSION_DRILL,
};

/* Where the card being asked came from. */
enum queue_from {
	FROM_NONE,     /* no card is being asked */
	FROM_QUEUE,    /* due (review), or the quiz's or drill's line */
	FROM_FRESH,    /* review: a new card */
	FROM_LEARNING, /* review: a card in its learning steps */
};

struct queue_opts {
	enum session_mode mode;
	struct fsrs_when when; /* the start, and its local day */
	long long day_end;     /* the start of the next local day */
	const struct fsrs_params *params;
	int new_left;          /* review: new cards still allowed today */
	int limit;             /* review: at most this many answers; 0 */
	int count;             /* quiz: questions */
	long long learn_ahead; /* review: how early (seconds) a learning card
	                          may come when nothing else is left */
	uint64_t seed;         /* the order of the quiz and drill */
	int new_random;        /* review: new cards shuffled (seed and day) */
	int keep_siblings;     /* review: do not bury siblings */
};

/* A sibling buried by an answer, to unbury when it is taken back. */
struct queue_buried {
	size_t card;
	long long before; /* its buried_until before */
	int list;         /* FROM_QUEUE or FROM_FRESH */
	size_t at;        /* its place in that list */
};

/* An answer kept, as the undo stack holds it. */
struct queue_answer {
	long long review; /* the store's row of the answer */
	size_t card;
	struct fsrs_card before; /* the card's state before */
	int right;
	long long ms; /* the time spent answering */
	enum queue_from from;
	int to_learning;  /* review: it went to the learning list */
	long requeued_at; /* drill: where the copy went back in; -1 */
	struct queue_buried *buried; /* of the cards loaded */
	size_t nburied;
	struct store_burial *stored; /* the siblings the store buried (given
	                                by the caller, kept with the answer) */
	size_t nstored;
};

#define QUEUE_MAX_UNDO 64

/* Due cards beyond this many are counted as "more than" (1000+): counting
 * them all would cost as much as reading them. */
#define QUEUE_COUNT_CAP 1000

struct queue {
	struct store_card *cards;
	size_t ncards;
	struct queue_opts o;
	uint64_t rng;
	size_t *line; /* due cards (review), the quiz's or drill's line */
	size_t nline, head, alloc;
	size_t *fresh; /* review: new cards in order */
	size_t nfresh, fhead;
	size_t *learning; /* review: cards waiting for their step */
	size_t nlearning;
	int new_left;
	int answered;
	int due_more;           /* review: due cards wait in the store */
	long long due_unloaded; /* review: how many */
	enum queue_from from;   /* where the card being asked came from */
	struct queue_answer undo[QUEUE_MAX_UNDO];
	int nundo;
};

/* What is left, the card being asked included. */
struct queue_left {
	size_t due;       /* review: due cards; quiz, drill: the line's rest */
	size_t learning;  /* review: cards in their learning steps */
	size_t fresh;     /* review: new cards within the day's limit */
	size_t fresh_all; /* review: new cards, past the limit too */
	int due_many;     /* review: 'due' is QUEUE_COUNT_CAP, and more */
	size_t line;      /* quiz and drill: the cards in the whole line */
};

/*
 * Build the queue of 'cards' (kept, not copied: the queue updates their
 * state and burial as answers come).  The quiz and drill lines are
 * shuffled from the seed; queue_rand continues that sequence.
 */
void queue_init(struct queue *q, struct store_card *cards, size_t ncards,
                const struct queue_opts *o);
void queue_release(struct queue *q);

/* Is there nothing to ask at all? */
int queue_empty(const struct queue *q);

#define QUEUE_MORE (-2)

/* Take the next card to ask at 'now' (its index in 'cards'), setting
 * q->from; -1 when the session is done; QUEUE_MORE when the due cards
 * loaded are done with and more wait in the store (queue_more_due). */
long queue_next(struct queue *q, long long now);

/*
 * Review: more due cards loaded, appended to the array: 'cards' (perhaps
 * moved) now holds 'ncards', the new ones after the old.  'unloaded' due
 * cards are still in the store (0: none; also when 'more' is 0).
 */
void queue_more_due(struct queue *q, struct store_card *cards, size_t ncards,
                    int more, long long unloaded);

/* Review: the due cards in the store, not loaded, are 'unloaded'. */
void queue_set_unloaded(struct queue *q, int more, long long unloaded);

/* Put card 'card', taken by queue_next and not answered, back where it
 * came from. */
void queue_put_back(struct queue *q, size_t card);

/* The card being asked is done with, unanswered (skipped, suspended). */
void queue_drop(struct queue *q);

/*
 * Card 'a->card' was answered and the answer kept: 'after' is its state
 * after (review), NULL when the schedule is left alone.  Pushes 'a' on
 * the undo stack, requeues the card (a learning step; a drill's wrong
 * answer), and in a review buries its new or due siblings until
 * 'bury_until'.  Returns the answer as kept: its 'buried' list names the
 * siblings the store must bury.
 */
const struct queue_answer *queue_answered(struct queue *q,
                                          const struct queue_answer *a,
                                          const struct fsrs_card *after,
                                          long long now, long long bury_until);

/* The last answer kept, or NULL. */
const struct queue_answer *queue_last(const struct queue *q);

/*
 * Take back the last answer: the card's state as it was, out of the
 * learning list or the drill's line, its siblings back in place.  The
 * card is asked again next (q->from as it was).  Returns the answer taken
 * back (valid until the next call that changes the queue; its 'buried'
 * list names the siblings the store must unbury), or NULL when there is
 * none.
 */
const struct queue_answer *queue_undo(struct queue *q);

/* What is left to ask. */
void queue_left(const struct queue *q, struct queue_left *out);

/* Is the card being asked a learning card shown before its step is due? */
int queue_early(const struct queue *q, size_t card, long long now);

/* A random number, continuing the queue's sequence from the seed. */
uint64_t queue_rand(struct queue *q);

/* Are cards 'a' and 'b' siblings: one note's cloze gaps (ID.1, ID.2) or
 * the two directions of a reversed card (ID, ID.reverse)? */
int queue_siblings(const struct store_card *a, const struct store_card *b);

#endif
