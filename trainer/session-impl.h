/*
 * session-impl.h - what the session loop (session.c) and its commands
 * (session-cmd.c) share.  Private to the two.
 */
#ifndef TRAINER_SESSION_IMPL_H
#define TRAINER_SESSION_IMPL_H

#include "answer.h"
#include "queue.h"
#include "session.h"
#include "wording.h"

struct session {
	struct store *st;
	const struct session_opts *o;
	const struct session_io *io;
	struct diag_list *diags;
	struct store_card *cards;
	size_t ncards;
	long long start_ms;
	long long id; /* the session's row, 0 until the first question */
	struct queue q;
	struct score score;
	long long last_card; /* index + 1 of the card answered last */
	int quit;
	int interrupted;
	int status;                   /* the store's error, negative; 0 */
	struct store_review_query rq; /* review: what the cards are read by */
	long long cursor_due, cursor_id; /* review: the last due card read */
	int due_more;           /* review: more due cards are in the store */
	long long due_unloaded; /* review: how many */
	long long *ids;         /* the store's ids of 'cards', sorted */
	size_t nids;
};

/* The card being asked: what was shown, and how it is going. */
struct asking {
	size_t card;
	int shown[CARD_MAX_OPTIONS]; /* the choices or items, as shown */
	size_t nshown;
	long long asked_ms;
	int hinted;
	size_t again; /* STEP_UNDO: the card to ask now */
};

/* What to do after a reply to a card. */
enum step {
	STEP_ASK,     /* read another reply to the same card */
	STEP_GIVE_UP, /* :dunno or ?: judged wrong */
	STEP_ANSWER,  /* an answer to record */
	STEP_DONE,    /* done with: go on with the next card */
	STEP_UNDO,    /* an answer was taken back: ask its card now */
	STEP_ERROR,   /* a store error, in s->status */
};

/* Keep the store's error 'rc' (negative) for the end; STEP_ERROR. */
static inline enum step
session_failed(struct session *s, int rc)
{
	s->status = rc;
	return STEP_ERROR;
}

/* The time now, as --now has it. */
static inline long long
session_now(struct session *s)
{
	return s->o->start + (s->io->clock_ms(s->io->ctx) - s->start_ms) / 1000;
}

/* Milliseconds since the session started. */
static inline long long
session_ms(struct session *s)
{
	return s->io->clock_ms(s->io->ctx) - s->start_ms;
}

/* The session's row, made at its first answer: 0 or the store's error. */
int session_ensure(struct session *s);

/* Ask 'count' chronology questions (see chrono.h) from the date cards
 * the session's filters match; in a drill each comes back until it was
 * answered right once.  Answers are logged (store_chrono_answer), no
 * schedule changes.  Returns 0 or the store's error (negative). */
int session_chrono(struct session *s, size_t count);

/* Act on the ':' command in 'line' for the card being asked. */
enum step session_command(struct session *s, struct asking *k,
                          const char *line);

/* Read the cards to start from (see session-load.c); 'new_left' new
 * cards may come today. */
int session_load(struct session *s, int new_left);

/* Review: read the next due cards, when the queue has asked those it
 * has, and tell the queue. */
int session_top_up(struct session *s);

/* The store's figures for the end; with 'counts' also how many cards
 * match and how many of them are suspended. */
int session_end_figures(struct session *s, struct session_end *e, int counts);

/* Review: count again (up to QUEUE_COUNT_CAP) the due cards that wait
 * in the store, after siblings were buried or unburied. */
enum step session_recount(struct session *s);

#endif
