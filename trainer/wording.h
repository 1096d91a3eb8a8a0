/*
 * wording.h - what a session says: the question, the feedback on an
 * answer, hints, help, the rating prompt, the score and the end.
 *
 * Everything goes out through a session_io's 'say', so the same words
 * reach a terminal (wrapped, in colour) and a pipe (as they are).  The
 * loop that decides what to say when is session.c.
 */
#ifndef TRAINER_WORDING_H
#define TRAINER_WORDING_H

#include "answer.h"
#include "queue.h"
#include "session.h"

/* Show text through 'io' in 'style', printf-like. */
void say(const struct session_io *io, enum session_style style, const char *fmt,
         ...) __attribute__((format(printf, 3, 4)));

/* "10m", "1h", "3d", "2.5mo", "1.2y": how long 'seconds' is, briefly. */
void format_interval(long long seconds, char *buf, size_t size);

/* The card's header (what is left, its deck, the kind of answer, when it
 * comes early), its question, and its choices or items in the order
 * 'shown'. */
void say_question(const struct session_io *io, const struct queue *q,
                  size_t card, long long now, const int *shown, size_t nshown);

/* The hint for ':hint': the deck's, else one made from the answer. */
char *make_hint(const struct card *c, const int *shown, size_t nshown);

/* The verdict on 'typed', the right answer, what differs, the note. */
void say_feedback(const struct session_io *io, const struct card *c,
                  const struct answer_result *r, const char *typed,
                  const int *shown, size_t nshown);

/*
 * Review: what each rating would do at 'w', then the rating: 1-4, the
 * suggestion on Enter (and in a pipe), or 0 when the learner takes the
 * answer back ('u').  At the end of input the suggestion, with '*quit'
 * set ('*interrupted' too on Ctrl-C).  'out' gets the four outcomes.
 */
int ask_rating(const struct session_io *io, const struct fsrs_params *p,
               const struct fsrs_card *mem, struct fsrs_when w, int suggested,
               struct fsrs_card out[4], int *quit, int *interrupted);

/* "Again", "Hard", "Good", "Easy" for 1-4. */
const char *rating_name(int rating);

/*
 * The command ':word' names: a whole name or the start of one only
 * (":q", ":hi"); "?" is help.  NULL after saying why: unknown, or the
 * start of several (":h" could be :hint or :help).
 */
const char *command_name(const struct session_io *io, const char *word);

/* ':help'. */
void say_help(const struct session_io *io);

/* ':note': the note of the card answered last (NULL: none yet). */
void say_note(const struct session_io *io, const struct card *last);

/* A tag's tally in a session. */
struct tally {
	char *tag;
	int asked, right;
};

/* A quiz answer to go over at the end. */
struct missed {
	size_t card;
	char *typed;
	char *expected; /* as it was shown (choice numbers) */
};

/* How a session went. */
struct score {
	int asked, right;
	int hinted_right;    /* quiz: right after a hint, half a point */
	long long answer_ms; /* time spent answering */
	struct tally *tallies;
	size_t ntallies;
	struct missed *missed; /* quiz: answered wrong */
	size_t nmissed, missed_alloc;
};

/* Count an answer to card 'c' ('sign' 1), or take one back (-1). */
void score_count(struct score *sc, const struct card *c, int right,
                 long long ms, int sign);
/* Note a quiz answer to go over. */
void score_miss(struct score *sc, size_t card, const char *typed,
                const char *expected);
void score_release(struct score *sc);

/* ':stats': the answers so far and the time in the session. */
void say_stats(const struct session_io *io, const struct score *sc,
               long long session_ms);

/* What the store says at the end, for the words that end a session. */
struct session_end {
	long long next_due;  /* the first card not new or suspended; 0 */
	long long matching;  /* the live cards that match the filters */
	long long suspended; /* of those */
};

/* Nothing to ask at the start: say why, and what can be done instead. */
void say_nothing_to_ask(const struct session_io *io, const struct queue *q,
                        const struct session_end *e, long long now);

/* The end: the score, by tag, the quiz answers to go over, and in a
 * review when the next card is due. */
void say_summary(const struct session_io *io, const struct queue *q,
                 const struct score *sc, const struct session_end *e,
                 long long session_ms, int interrupted, long long now);

/* ---- chronology questions (session-chrono.c) ---- */

/* The header ("[chronology 2/10] which came first? · choose 1-2"), the
 * question, and its choices or items in the order 'shown'. */
void say_chrono_question(const struct session_io *io, const char *pos,
                         const char *kind_words, const struct card *c,
                         const int *shown, size_t nshown);

/* After an answer that was not right: each event with its date and the
 * gap from the one before ('dates', one event a line). */
void say_chrono_dates(const struct session_io *io, const char *dates);

/* No chronology question can be made from the cards asked for. */
void say_no_chronology(const struct session_io *io, size_t events);

/* The end of the chronology questions: "chronology: 3/4 right". */
void say_chrono_summary(const struct session_io *io, int asked, int right);

#endif
