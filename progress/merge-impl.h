/*
 * merge-impl.h - what the two halves of "trainer sync" share: the state
 * of one sync.  store-merge.c adds and applies events and replays cards;
 * store-sync-dir.c reads and writes the journals.  Not for use outside
 * progress/.
 */
#ifndef PROGRESS_MERGE_IMPL_H
#define PROGRESS_MERGE_IMPL_H

#include "store-impl.h"

struct merge {
	struct store *st;
	const struct store_sync_opts *o;
	struct store_sync_report *r;
	struct diag_list *diags;
	char *dir;  /* the sync folder, its real path: the events' origin */
	char *jdir; /* DIR/trainer */
	long long *cards; /* touched, to replay (may repeat) */
	size_t ncards, acards;
	struct strlist keys; /* settings touched */
	struct {
		const char *sql; /* a literal: known by its address */
		sqlite3_stmt *s;
	} cache[32]; /* the statements, prepared once for the sync */
	size_t ncache;
};

/* The statement for 'sql' (a string literal), prepared on first use and
 * kept until the end of the sync, reset and unbound; NULL after an error
 * reported.  Its user resets it after use. */
sqlite3_stmt *merge_prep(struct merge *m, const char *sql);

/* Run 'sql' (a literal) with the integer ?1 'a' and the text ?2 'b' (either
 * may be unused); 0 or -EX_IOERR. */
int merge_exec(struct merge *m, const char *sql, long long a, const char *b);

/* Card 'card' is to be replayed; setting 'key' to take its latest value. */
void merge_touch_card(struct merge *m, long long card);
void merge_touch_key(struct merge *m, const char *key);

/* Take event 'body', record 'rec' of journal 'file': add it unless it
 * was seen, and apply it.  A record that is not an event is skipped with
 * a warning.  0 or a negative status. */
int merge_import_event(struct merge *m, const char *body, const char *file,
                       long long rec);

/* Apply the events waiting for their card whose card is here now. */
int merge_apply_pending(struct merge *m);

/* Replay every card touched; give every setting touched its latest
 * value. */
int merge_replay_cards(struct merge *m);
int merge_apply_settings(struct merge *m);

#endif
