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
	int status; /* the store's error, negative; 0 */
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

/* Act on the ':' command in 'line' for the card being asked. */
enum step session_command(struct session *s, struct asking *k,
                          const char *line);

/* Tell the store the burial of the siblings of answer 'a': as the queue
 * buried them ('undo' 0), or as they were before (1). */
enum step session_bury(struct session *s, const struct queue_answer *a,
                       int undo);

#endif
