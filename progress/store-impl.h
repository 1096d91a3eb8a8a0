/*
 * store-impl.h - what store.c and sync.c share inside the store.  Not for
 * use outside progress/.
 */
#ifndef PROGRESS_STORE_IMPL_H
#define PROGRESS_STORE_IMPL_H

#include <jansson.h>
#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3 *db;
	char *path;
	int created;    /* this open made the file */
	long long work; /* SQLite's virtual machine steps, in hundreds */
	/* kept prepared from their first use to store_close: what every
	 * answer runs */
	sqlite3_stmt *insert_review, *update_state;
	/* and what a start runs once per setting or deck file */
	sqlite3_stmt *get_setting, *unchanged_deck;
	char device[33]; /* this database's device id; "" until read */
	long long now;   /* what events made without a time are stamped
	                    with (store_set_now) */
};

/* The statement kept in '*slot' (one of the store's) for 'sql', prepared
 * on first use to last until store_close, reset and unbound; NULL after
 * store_fail.  Reset it after use: a statement left stepping holds its
 * read transaction open. */
sqlite3_stmt *store_kept(struct store *st, sqlite3_stmt **slot, const char *sql,
                         struct diag_list *diags);

/*
 * Record event 'kind' of this device at 'time_ms' (UTC milliseconds),
 * about card 'deck'/'card' (both may be NULL) or 'target' (NULL), its
 * other fields those of 'fields' (NULL: none; not taken over).  Call it
 * inside the transaction of the change it records.  Its local number
 * goes to '*n' (may be NULL).  Returns 0 or -EX_IOERR.
 */
int store_event_add(struct store *st, const char *kind, long long time_ms,
                    const char *deck, const char *card, const char *target,
                    json_t *fields, long long *n, struct diag_list *diags);

/* Event 'n' (a review) is the answer in log row 'review'. */
int store_event_review(struct store *st, long long n, long long review,
                       struct diag_list *diags);

/* The deck name and id of card 'card' (free both); -EX_DATAERR when
 * there is no such card. */
int store_card_name(struct store *st, long long card, char **deck, char **key,
                    struct diag_list *diags);

/* Report the connection's last error as "WHAT: sqlite's message";
 * returns -EX_IOERR. */
int store_fail(struct store *st, struct diag_list *diags, const char *what);

/* Run SQL without results; returns 0 or store_fail. */
int store_exec(struct store *st, const char *sql, struct diag_list *diags);

/* Prepare 'sql'; returns NULL after store_fail. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql,
                            struct diag_list *diags);

/*
 * Read the memory state in columns 'col'... of 's' (state, stability,
 * difficulty, step, scheduled_days, reps, lapses, due, last_review,
 * last_day).  The database is input too: a state out of the range the
 * scheduler works in (from a damaged file or another tool) is refused,
 * with why in 'why', rather than carried into arithmetic that would
 * overflow.  Returns 0 or -1.
 */
int store_read_mem(sqlite3_stmt *s, int col, struct fsrs_card *m, char *why,
                   size_t size);

/*
 * Read the card in the row of 's', whose columns are those of the cards
 * queries: c.id, d.name, c.key, c.type, c.content, then the memory state
 * (store_read_mem), c.suspended, c.buried_until, c.retired.  'light':
 * only the card's id, not its content.  Returns 0 and fills 'c' (release
 * its deck and card), or -1 with a warning naming the card when its
 * content or state cannot be used ('c' is left empty).
 */
int store_read_card(struct store *st, sqlite3_stmt *s, int light,
                    struct store_card *c, struct diag_list *diags);

/* The tags as a JSON array, for json_each() in a filter (free it). */
char *store_tags_json(const struct strlist *tags);

#endif
