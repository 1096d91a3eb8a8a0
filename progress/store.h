/*
 * store.h - the progress store: one SQLite file holding the decks' cards,
 * each card's memory state, every answer, every session.
 *
 * Invariants:
 * - The file is in WAL mode with synchronous=FULL; each answer is one
 *   transaction (the log row and the card's new state), so once
 *   store_answer returns 0 the answer survives a crash or a kill.
 * - The schema version is PRAGMA user_version; migrations only go
 *   forward, inside BEGIN IMMEDIATE.  A file from a newer program, a file
 *   that is not a trainer database (or has a version below 0), a corrupt
 *   one, or a path that is not a regular file is refused before anything
 *   is written to it or to its -wal; a file is judged with the commits
 *   still only in its -wal.
 * - Commands that only read open the file read-only (store_open_readonly):
 *   no sync, no write lock, nothing created.
 * - Cards are never deleted: a card gone from its deck is retired and
 *   keeps its history; an edited card keeps its history and the edit is
 *   recorded.
 *
 * Engine code: no terminal, no clock (times are parameters), no exit.
 * Errors are diagnostics naming the file, and -EX_IOERR or -EX_DATAERR.
 */
#ifndef PROGRESS_STORE_H
#define PROGRESS_STORE_H

#include <stddef.h>

#include "deck.h"
#include "diag.h"
#include "fsrs.h"

/* The schema this program writes: the number of migrations in schema.c
 * (a static assertion there keeps the two equal). */
#define STORE_VERSION 9

struct store;

/*
 * Open the database at 'path' to read and write it, creating it (and its
 * folders) when it does not exist, and bring its schema up to
 * STORE_VERSION.  Returns 0 and
 * sets '*out', or a negative sysexits status with a diagnostic.
 */
int store_open(const char *path, struct store **out, struct diag_list *diags);

/*
 * Open the existing database at 'path' only to read it: never creates
 * anything, never syncs, never takes the write lock, works on a file or
 * folder nobody may write (a file from an older trainer is migrated
 * first, the one write it may make).  Returns 0 and sets '*out'; or
 * -EX_NOINPUT when there is no database at 'path' yet, or another
 * negative status, with a diagnostic.  Writing through it fails.
 */
int store_open_readonly(const char *path, struct store **out,
                        struct diag_list *diags);

/* Did store_open make the file (it did not exist before)? */
int store_created(const struct store *st);

/* Close; NULL is fine. */
void store_close(struct store *st);

/* The work SQLite has done for this open database (writable only), in
 * hundreds of its virtual machine's steps: a measure of rows read that
 * the tests compare, not a time. */
long long store_work(const struct store *st);

/* The schema version of the open file (always STORE_VERSION). */
int store_version(struct store *st);

/* ---- decks ---- */

struct store_sync {
	size_t decks;    /* deck files seen */
	size_t parsed;   /* of which parsed (changed since the last sync) */
	size_t broken;   /* of which had errors: nothing changed for them */
	size_t added;    /* cards new to the store */
	size_t edited;   /* cards whose content changed */
	size_t retired;  /* cards gone from their deck */
	size_t returned; /* retired cards back in their deck */
};

/*
 * Bring the store in line with the deck file or folder at 'path', in one
 * transaction.  A deck file whose size and modification time are as at
 * the last sync is not read again.  A deck with errors changes nothing;
 * its problems go to 'diags' and the sync goes on with the others.
 * Returns 0, -EX_DATAERR when some deck had errors (the rest synced),
 * -EX_NOINPUT when 'path' cannot be read, or -EX_IOERR.
 */
int store_sync(struct store *st, const char *path, long long now,
               struct store_sync *report, struct diag_list *diags);

/*
 * Is the deck file 'file' unchanged since the last sync (its size,
 * modification time and loader version as recorded for a live deck)?
 * Then its cards are in the store as the file has them: returns 1 and
 * sets '*name' to its deck's name (free it).  Returns 0 (and NULL) when
 * it changed, was never synced or cannot be looked at.  Only looks at
 * the file (stat), never reads it.
 */
int store_deck_unchanged(struct store *st, const char *file, char **name);

/* ---- cards ---- */

struct store_card {
	long long id;         /* the store's id of the card */
	char *deck;           /* the deck's name */
	struct card card;     /* the content */
	struct fsrs_card mem; /* the memory state */
	int suspended;
	long long buried_until; /* 0 when not buried */
	int retired;            /* gone from its deck (only with_retired) */
	int planned;            /* review: the exam plan (plan.h) wants it
	                           today though it is not due */
	int has_content;        /* 'card' is whole, not only its id (see
	                           store_card_content) */
};

struct store_filter {
	const char *deck;           /* NULL: every deck */
	const struct strlist *tags; /* NULL or empty: any; else any of them */
	int due_only;               /* only cards due at 'now' */
	long long now;
	long long day_end;  /* the start of the local day after 'now' (see
	                       fsrs_is_due: the same rule) */
	int with_new;       /* include new cards when due_only */
	int with_retired;   /* include the cards gone from their deck */
	const char *key;    /* NULL: any; else only cards with this id */
	int suspended_only; /* only suspended cards */
	int light;          /* the cards' ids, not their content (see
	                       store_card_content) */
};

/*
 * The live (not retired; with with_retired, every) cards matching 'f',
 * in deck order.  Returns 0 and sets '*cards' and '*n' (free with
 * store_cards_free), or -EX_IOERR.  A card whose content or state this
 * program cannot use (a damaged or foreign file) is left out with a
 * warning naming it.
 */
int store_cards(struct store *st, const struct store_filter *f,
                struct store_card **cards, size_t *n, struct diag_list *diags);
void store_cards_free(struct store_card *cards, size_t n);

/* What store_cards_each reads: the retired cards too; only the cards'
 * ids and state, not their content. */
enum { STORE_EACH_RETIRED = 1, STORE_EACH_LIGHT = 2 };

/*
 * Call 'fn' with each card of the deck named 'deck' in deck order (the
 * live ones; with STORE_EACH_RETIRED, every one), read with its content
 * (with STORE_EACH_LIGHT, its id only); the card is valid only during
 * the call.  Nothing is held from one card to
 * the next.  A card whose content or state this program cannot use is
 * skipped with a warning naming it, as in store_cards.  Stops at the
 * first nonzero value 'fn' returns, and returns it; else 0 or -EX_IOERR.
 */
typedef int (*store_card_fn)(const struct store_card *c, void *arg);
int store_cards_each(struct store *st, const char *deck, int flags,
                     store_card_fn fn, void *arg, struct diag_list *diags);

/* One answer of the log, as store_reviews_each reads it. */
struct store_review {
	long long id;
	long long card;   /* the store's id of the card */
	const char *deck; /* its deck's name and its id in the deck */
	const char *key;
	long long time;   /* Unix time */
	int rating;       /* 1-4; 0 when not rated */
	int state_before; /* enum fsrs_state before the answer */
	int state_after;
	double stability_after, difficulty_after;
	long long due_after;
	long long duration_ms;
	const char *answer, *verdict;
	const char *mode; /* the session's: review, quiz, drill; or NULL */
	int scheduled;    /* 1 when it changed the schedule (a review) */
	int hinted;
};
typedef int (*store_review_fn)(const struct store_review *r, void *arg);

/*
 * Call 'fn' with each answer of the log in order: those that scheduled
 * the card (reviews), or with 'all' every one (quiz and drill too); only
 * those of card 'card' unless it is 0.  Stops at the first nonzero value
 * 'fn' returns and returns it; else 0 or -EX_IOERR.
 */
int store_reviews_each(struct store *st, int all, long long card,
                       store_review_fn fn, void *arg, struct diag_list *diags);

/* Each edit of card 'card' in order: when, and its content (JSON) before
 * and after. */
typedef int (*store_edit_fn)(long long time, const char *old_content,
                             const char *new_content, void *arg);
int store_card_edits(struct store *st, long long card, store_edit_fn fn,
                     void *arg, struct diag_list *diags);

/*
 * Append to 'decks' the names of the decks with a live card, and to
 * 'tags' (unless NULL) the tags of their live cards, each sorted and
 * once, leaving out the decks named in 'except' (NULL: none).  Returns 0 or
 * -EX_IOERR.
 */
int store_listed_names(struct store *st, const struct strlist *except,
                       struct strlist *decks, struct strlist *tags,
                       struct diag_list *diags);

/* The memory state of card 'card' as stored now. */
int store_card_state(struct store *st, long long card, struct fsrs_card *mem,
                     struct diag_list *diags);

/* How many new cards were first answered (with a schedule) on day
 * 'day', in any session: what counts against the daily limit. */
long long store_new_on_day(struct store *st, long long day);

/* Is there a live deck named 'name'? */
int store_has_deck(struct store *st, const char *name);
/* The title of the live deck named 'name' (free it), or NULL. */
char *store_deck_title(struct store *st, const char *name);

/* Has a card still in its deck the tag 'tag'? */
int store_has_tag(struct store *st, const char *tag);

enum store_names { STORE_DECKS, STORE_TAGS, STORE_CARD_NAMES };

/* Append to 'out' the names of the decks, the tags of the cards, or the
 * cards as "deck/id", that are not retired, sorted.  Returns 0 or
 * -EX_IOERR. */
int store_names(struct store *st, enum store_names what, struct strlist *out,
                struct diag_list *diags);

/* Suspend (1) or unsuspend (0) a card; bury it until 'until' (0: not). */
int store_suspend(struct store *st, long long card, int suspended,
                  struct diag_list *diags);
int store_bury(struct store *st, long long card, long long until,
               struct diag_list *diags);
/* ---- what a review starts from (store-review.c) ---- */

/*
 * The cards a review may ask, read without their content ('card' holds
 * only the id; store_card_content fills the rest when the card is asked)
 * through indexes, so the start does not grow with the collection.  Only
 * cards that are not retired, not suspended and not buried at 'now'.
 */
struct store_review_query {
	const char *deck;           /* NULL: every deck */
	const struct strlist *tags; /* any of them; NULL or empty: all */
	long long now;
	long long day_end;     /* the start of the next local day */
	long long learn_ahead; /* seconds */
};

/* The due cards (fsrs_is_due), in order of due time and id, after
 * ('after_due', 'after_id'), at most 'limit'. */
int store_due_cards(struct store *st, const struct store_review_query *q,
                    long long after_due, long long after_id, size_t limit,
                    struct store_card **cards, size_t *n,
                    struct diag_list *diags);
/* How many due cards come after ('after_due', 'after_id'), counted up
 * to 'cap' (the cost is that of 'cap' rows, not of every due card). */
int store_due_count(struct store *st, const struct store_review_query *q,
                    long long after_due, long long after_id, long long cap,
                    long long *count, struct diag_list *diags);
/* The cards in (re)learning steps not due yet but within learn-ahead. */
int store_learning_cards(struct store *st, const struct store_review_query *q,
                         struct store_card **cards, size_t *n,
                         struct diag_list *diags);
/* The first 'per_deck' new cards of each deck, in deck order (by name),
 * each deck's in its file's order. */
int store_new_cards(struct store *st, const struct store_review_query *q,
                    long long per_deck, struct store_card **cards, size_t *n,
                    struct diag_list *diags);
/* Read the content of card 'c' into c->card.  -EX_DATAERR, with a
 * warning, when the stored content is not a valid card. */
int store_card_content(struct store *st, struct store_card *c,
                       struct diag_list *diags);

/* A card buried and what it was before, to put it back. */
struct store_burial {
	long long card;
	long long before; /* its buried_until */
	int due;          /* it was due (not new) */
};
/*
 * Bury until 'until' the siblings of 'card' (the cards of its note, in
 * its deck: NOTE and NOTE.*) that are new or due by 'day_end' and not
 * suspended or buried at 'now'; '*out' (free it) says which, and what
 * each was before.
 */
int store_bury_siblings(struct store *st, long long card, long long until,
                        long long now, long long day_end,
                        struct store_burial **out, size_t *n,
                        struct diag_list *diags);
/* When the first card not new and not suspended is due; 0: none. */
int store_next_due(struct store *st, const struct store_review_query *q,
                   long long *next, struct diag_list *diags);
/* How many live cards match, and how many of them are suspended. */
int store_count_cards(struct store *st, const struct store_review_query *q,
                      long long *matching, long long *suspended,
                      struct diag_list *diags);

/* Put a card's burial back as it was, 'buried_until' as read (0: not
 * buried), as an undo does. */
int store_bury_restore(struct store *st, long long card, long long buried_until,
                       struct diag_list *diags);

/* Suspend (1) or unsuspend (0) the 'n' cards 'cards' in one transaction:
 * all of them or, on an error, none.  Returns 0, -EX_DATAERR for a card
 * that is not there, or -EX_IOERR. */
int store_suspend_cards(struct store *st, const long long *cards, size_t n,
                        int suspended, struct diag_list *diags);

/* ---- sessions and answers ---- */

/* Start a session; its id goes to '*id'. */
int store_session_begin(struct store *st, const char *mode, const char *filters,
                        long long now, long long *id, struct diag_list *diags);
/* End it: the end time and its counts (from its answers). */
int store_session_end(struct store *st, long long id, long long now,
                      struct diag_list *diags);

struct store_answer {
	long long card;    /* store id of the card */
	long long session; /* 0: none */
	struct fsrs_when when;
	int rating;          /* 1-4; 0 when not rated */
	const char *answer;  /* as typed */
	const char *verdict; /* right, close, partial, wrong, skipped */
	int hinted;
	long long duration_ms;
	const struct fsrs_card *before; /* the card before the answer */
	const struct fsrs_card *after;  /* after; NULL: schedule unchanged */
	const char *mode;   /* the session's: review, quiz, drill (NULL:
	                       review) */
	const char *params; /* the scheduler's parameters in force, as
	                       store_params_json gives them (NULL: none) */
};

/*
 * Log an answer and, when 'after' is given, store the card's new state,
 * in one committed transaction.  The new log row's id goes to '*review'.
 * Returns 0 only once the commit is done.  When another session has
 * answered the card since 'before' was read, nothing is written and the
 * result is -EX_TEMPFAIL: read the card again (store_card_state) and
 * schedule from there.
 */
int store_answer(struct store *st, const struct store_answer *a,
                 long long *review, struct diag_list *diags);

/*
 * Take back the answer 'review': delete its log row and restore the card
 * exactly as it was before.  -EX_DATAERR when the card has been answered
 * again since (only the latest answer can be taken back).
 */
int store_undo(struct store *st, long long review, struct diag_list *diags);

/* ---- chronology answers (store-chrono.c) ---- */

struct store_chrono_answer {
	long long session; /* 0: none */
	struct fsrs_when when;
	const char *kind;  /* chrono_kind_name */
	const char *cards; /* the cards involved: a JSON array of "deck/id" */
	const char *question; /* as asked */
	const char *expected; /* the right answer, as shown */
	const char *answer;   /* as typed */
	const char *verdict;  /* right, close, partial, wrong, skipped */
	long long duration_ms;
};

/* Log a chronology answer in one committed transaction; its row's id goes
 * to '*id'.  No card's state changes. */
int store_chrono_answer(struct store *st, const struct store_chrono_answer *a,
                        long long *id, struct diag_list *diags);

/* Take back the chronology answer 'id' (as :undo does). */
int store_chrono_undo(struct store *st, long long id, struct diag_list *diags);

/* How many chronology answers were given on days 'from' to 'to'
 * (inclusive), and how many of them were right (or close). */
int store_chrono_count(struct store *st, long long from, long long to,
                       long long *answers, long long *right,
                       struct diag_list *diags);

/* ---- settings ---- */

/* The value of setting 'key' (free it), or NULL when unset. */
char *store_setting(struct store *st, const char *key);
int store_set_setting(struct store *st, const char *key, const char *value,
                      struct diag_list *diags);
/* Remove setting 'key' (back to its default); unset already is fine. */
int store_unset_setting(struct store *st, const char *key,
                        struct diag_list *diags);

/* Skip card 'card' in a review: bury it until 'until', and record the
 * skip so that it travels (trainer sync). */
int store_skip(struct store *st, long long card, long long until,
               struct diag_list *diags);

/* ---- whole file ---- */

/* Write a consistent copy of the database to 'file' (which must not
 * exist). */
int store_backup(struct store *st, const char *file, struct diag_list *diags);

/*
 * Run SQLite's integrity check, the foreign key check and the store's own
 * consistency checks; each problem becomes an error.  Returns 0 when all
 * is well, -EX_DATAERR when something is wrong.
 */
int store_check(struct store *st, struct diag_list *diags);

/* ---- sync between machines (store-events.c) ---- */

/* The time (Unix seconds) that the changes made without one (undo,
 * suspend, skip, settings) are recorded at: the caller's "now". */
void store_set_now(struct store *st, long long now);

/* This database's device id, 32 hex digits (NULL on an error). */
const char *store_device(struct store *st);

/* The scheduler's parameters as JSON, exact to the last bit (free it);
 * and back, checked (fsrs_params_finish): 0 or -1. */
char *store_params_json(const struct fsrs_params *p);
int store_params_parse(const char *json, struct fsrs_params *p);

struct store_sync_opts {
	const char *dir;                  /* the sync folder */
	long long now;                    /* this machine's clock */
	const struct fsrs_params *params; /* for answers that carry none */
	long long (*day)(long long t, void *arg); /* local day of 't' */
	void *day_arg;
	/* NULL, or told of each step as it is done (for the tests that
	 * kill a sync between two steps) */
	void (*step)(const char *what, void *arg);
	void *step_arg;
};

struct store_sync_report {
	char journal[4096]; /* this machine's journal */
	size_t sent;        /* events appended to it */
	size_t journals;    /* other journals read */
	size_t received;    /* events new here */
	size_t reviews, undos, suspends, skips, settings;
	size_t waiting; /* answers and suspensions whose card is not here */
	size_t applied; /* waiting ones applied now that their card is */
	size_t cards;   /* cards whose state was replayed */
	size_t ahead;   /* answers more than a day ahead of this clock */
	size_t damaged; /* journal records skipped as damaged */
};

/*
 * Merge progress with the other machines through folder 'o->dir':
 * append this machine's new events to its journal there
 * (DIR/trainer/DEVICE.journal, created with the folder), read every
 * other journal from where the last sync stopped, and in one transaction
 * add the events not seen yet and replay the memory state of every card
 * that got one from its answers in time order (ties by event id).
 * Settings go to the latest change (ties by device id); a card's
 * suspension likewise.  Answers of cards not here wait until their card
 * arrives.  Damaged records are skipped with a warning naming the
 * journal and record; a journal from a newer format fails the sync
 * (-EX_DATAERR) before anything changes.  Returns 0 or a negative
 * status.
 */
int store_sync_dir(struct store *st, const struct store_sync_opts *o,
                   struct store_sync_report *r, struct diag_list *diags);

/* The underlying connection, for the reports in progress/stats. */
struct sqlite3 *store_db(struct store *st);

#endif
