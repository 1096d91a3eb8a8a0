/*
 * store-list.c - listing the stored cards a deck at a time, each read,
 * handed on and forgotten, so that a listing does not grow in memory
 * with the collection.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "store-impl.h"

int
store_cards_each(struct store *st, const char *deck, int flags,
                 store_card_fn fn, void *arg, struct diag_list *diags)
{
	/* the deck by its name's index, its cards by (deck_id, key): a
	 * deck's cards are read and sorted, not the collection's */
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT c.id, d.name, c.key, c.type, c.content, c.state,"
	    " c.stability, c.difficulty, c.step, c.scheduled_days, c.reps,"
	    " c.lapses, c.due, c.last_review, c.last_day, c.suspended,"
	    " c.buried_until, c.retired"
	    " FROM decks d JOIN cards c ON c.deck_id = d.id"
	    " WHERE d.name = ?1 AND (c.retired = 0 OR ?2)"
	    " ORDER BY c.position",
	    diags);
	int err = SQLITE_DONE, rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, deck, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, (flags & STORE_EACH_RETIRED) != 0);
	while (rc == 0 && (err = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_card c;

		if (store_read_card(st, s, flags & STORE_EACH_LIGHT, &c,
		                    diags) < 0)
			continue;
		rc = fn(&c, arg);
		free(c.deck);
		card_release(&c.card);
	}
	if (rc == 0 && err != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot read the cards");
	sqlite3_finalize(s);
	return rc;
}

/* Append column 0 of each row of 'sql' (?1: the JSON array 'except') to
 * 'out'. */
static int
names(struct store *st, const char *sql, const char *except,
      struct strlist *out, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(st, sql, diags);
	int err;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, except, -1, SQLITE_STATIC);
	while ((err = sqlite3_step(s)) == SQLITE_ROW)
		strlist_push(out, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the names");
	return 0;
}

int
store_listed_names(struct store *st, const struct strlist *except,
                   struct strlist *decks, struct strlist *tags,
                   struct diag_list *diags)
{
	char *json = store_tags_json(except);
	int rc = names(st,
	               "SELECT d.name FROM decks d WHERE d.name NOT IN"
	               " (SELECT value FROM json_each(?1)) AND EXISTS"
	               " (SELECT 1 FROM cards c WHERE c.deck_id = d.id AND"
	               " c.retired = 0) ORDER BY d.name",
	               json, decks, diags);

	if (rc == 0 && tags)
		rc = names(st,
		           "SELECT DISTINCT t.tag FROM card_tags t"
		           " JOIN cards c ON c.id = t.card_id"
		           " JOIN decks d ON d.id = c.deck_id"
		           " WHERE c.retired = 0 AND d.name NOT IN"
		           " (SELECT value FROM json_each(?1)) ORDER BY t.tag",
		           json, tags, diags);
	free(json);
	return rc;
}

int
store_reviews_each(struct store *st, int all, long long card,
                   store_review_fn fn, void *arg, struct diag_list *diags)
{
	/* in the log's order; one card's through the index by card */
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT r.id, r.card_id, d.name, c.key, r.time, r.rating,"
	    " r.b_state, r.duration_ms, r.answer, r.verdict, r.scheduled,"
	    " r.a_state, r.a_stability, r.a_difficulty, r.a_due,"
	    " coalesce(s.mode, (SELECT json_extract(e.body, '$.mode')"
	    "  FROM events e WHERE e.review = r.id)), r.hinted"
	    " FROM reviews r JOIN cards c ON c.id = r.card_id"
	    " JOIN decks d ON d.id = c.deck_id"
	    " LEFT JOIN sessions s ON s.id = r.session_id"
	    " WHERE (?1 OR r.scheduled = 1) AND (?2 = 0 OR r.card_id = ?2)"
	    " ORDER BY r.id",
	    diags);
	int err, rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int(s, 1, all);
	sqlite3_bind_int64(s, 2, card);
	while (rc == 0 && (err = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_review r = {
			.id = sqlite3_column_int64(s, 0),
			.card = sqlite3_column_int64(s, 1),
			.deck = (const char *)sqlite3_column_text(s, 2),
			.key = (const char *)sqlite3_column_text(s, 3),
			.time = sqlite3_column_int64(s, 4),
			.rating = sqlite3_column_int(s, 5),
			.state_before = sqlite3_column_int(s, 6),
			.duration_ms = sqlite3_column_int64(s, 7),
			.answer = (const char *)sqlite3_column_text(s, 8),
			.verdict = (const char *)sqlite3_column_text(s, 9),
			.scheduled = sqlite3_column_int(s, 10),
			.state_after = sqlite3_column_int(s, 11),
			.stability_after = sqlite3_column_double(s, 12),
			.difficulty_after = sqlite3_column_double(s, 13),
			.due_after = sqlite3_column_int64(s, 14),
			.mode = (const char *)sqlite3_column_text(s, 15),
			.hinted = sqlite3_column_int(s, 16),
		};

		rc = fn(&r, arg);
	}
	if (rc == 0 && err != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot read the answers");
	sqlite3_finalize(s);
	return rc;
}

int
store_card_edits(struct store *st, long long card, store_edit_fn fn, void *arg,
                 struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT time, old_content, new_content"
	                                " FROM card_edits WHERE card_id = ?1"
	                                " ORDER BY id",
	                                diags);
	int err, rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	while (rc == 0 && (err = sqlite3_step(s)) == SQLITE_ROW)
		rc = fn(sqlite3_column_int64(s, 0),
		        (const char *)sqlite3_column_text(s, 1),
		        (const char *)sqlite3_column_text(s, 2), arg);
	if (rc == 0 && err != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot read the card's edits");
	sqlite3_finalize(s);
	return rc;
}
