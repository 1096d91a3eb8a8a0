/*
 * session.h - review, quiz and drill sessions, run against an interface
 * for asking and telling so the same loop serves a terminal (tty.c, with
 * readline) and a pipe.
 *
 * The session builds its queue from the store, asks each card, checks the
 * answer, shows what was right and wrong, asks for (or takes) a rating,
 * and commits each answer to the store before the next question.  It
 * never touches the terminal itself and reads time only through 'io'.
 */
#ifndef TRAINER_SESSION_H
#define TRAINER_SESSION_H

#include <stdint.h>

#include "fsrs.h"
#include "queue.h"
#include "store.h"

/* How a piece of text should look; an io without colour ignores it. */
enum session_style {
	STYLE_PLAIN,
	STYLE_TITLE,    /* the card's header line */
	STYLE_QUESTION, /* the question itself */
	STYLE_RIGHT,
	STYLE_WRONG,
	STYLE_CLOSE,   /* close or partly right */
	STYLE_DIM,     /* notes, hints, the schedule */
	STYLE_MISSING, /* in a diff: expected, not typed */
	STYLE_EXTRA,   /* in a diff: typed, not expected */
};

struct session_io {
	void *ctx;
	int interactive; /* a person at a terminal: ratings are asked */
	/*
	 * The next line typed after 'prompt' (freed by the session), or NULL
	 * at the end of input or on Ctrl-D; on Ctrl-C NULL with
	 * '*interrupted' set.
	 */
	char *(*ask)(void *ctx, const char *prompt, int *interrupted);
	/*
	 * One key pressed after 'prompt', without Enter: the key, '\n' for
	 * Enter, or -1 at the end of input or on Ctrl-D; on Ctrl-C -1 with
	 * '*interrupted' set.  NULL when there is no keyboard (a pipe):
	 * then 'ask' reads a line.
	 */
	int (*ask_key)(void *ctx, const char *prompt, int *interrupted);
	/* Show 'text' in 'style'.  Deck text reaches the screen only through
	 * here: the io shows control characters escaped. */
	void (*say)(void *ctx, enum session_style style, const char *text);
	/* Milliseconds on a clock that only goes forward. */
	long long (*clock_ms)(void *ctx);
};

struct session_opts {
	enum session_mode mode;
	const char *deck;           /* NULL: every deck */
	const struct strlist *tags; /* cards with any of them; NULL: all */
	int new_per_day;            /* review: new cards a day */
	int limit;                  /* review: at most this many answers; 0 */
	int count;                  /* quiz: questions */
	long long start;            /* the time at the start */
	uint64_t seed;              /* the order of cards and choices */
	int rollover;               /* the hour a new day starts */
	int keep_siblings;          /* review: do not bury siblings (bury is the
	                               default, as in Anki) */
	int new_random; /* review: new cards in random order (from the seed
	                   and the day), not in deck order */
	long long learn_ahead; /* review: how early (seconds) a learning
	                          card may come when nothing else is left */
	const struct fsrs_params *params;
	const char *filters; /* as recorded with the session (JSON) */
	/* review: the cards the exam plan wants today though not due
	 * (light: ids and states), most at risk first, and the line that
	 * says so at the start; NULL: no exam */
	const struct store_card *planned;
	size_t nplanned;
	const char *exam_note;
	int chronology;          /* quiz, drill: chronology questions (chrono.h)
	                            instead of the cards; review: how many to ask
	                            after the cards (0: none) */
	const char *params_json; /* 'params' as recorded with each answer */
};

/*
 * Run one session.  Returns 0 (also when the learner quits early), or a
 * negative sysexits status after a store error, with diagnostics.
 */
int session_run(struct store *st, const struct session_opts *o,
                const struct session_io *io, struct diag_list *diags);

#endif
