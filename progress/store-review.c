/*
 * store-review.c - what a session starts from, read so that the start
 * does not grow with the collection: only the scheduling columns of the
 * candidates, through the indexes cards_queue (by due time, covering
 * them: schema version 9) and cards_fresh (by deck and place), each query
 * bounded; a card's content is read when it is asked.
 */
#include "store-impl.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"

/* The columns of a light card, read through the index named by the
 * first '%s' (cards_queue for cards in review or learning, cards_fresh
 * for new cards: a plain due-time index would walk the new cards too). */
#define LIGHT_COLUMNS                                                          \
	"SELECT c.id, d.name, c.key, c.state, c.stability, c.difficulty,"      \
	" c.step, c.scheduled_days, c.reps, c.lapses, c.due, c.last_review,"   \
	" c.last_day, c.suspended, c.buried_until"                             \
	" FROM cards c INDEXED BY %s JOIN decks d ON d.id = c.deck_id"
/* Available at ?3 (now): live, not suspended, not buried */
#define AVAILABLE                                                              \
	" c.retired = 0 AND c.suspended = 0"                                   \
	" AND (c.buried_until = 0 OR c.buried_until <= ?3)"
/* Due at ?3, the day ending at ?4 (fsrs_is_due) */
#define DUE                                                                    \
	" c.state != 0 AND c.due < max(?4, ?3 + 1)"                            \
	" AND ((c.scheduled_days >= 1 AND c.due < ?4)"                         \
	"  OR (c.scheduled_days < 1 AND c.due <= ?3))"

/*
 * The query 'format' with its '%s' replaced by 'index' (if not NULL),
 * then the filter's terms (each
 * starting with AND): the deck's name in ?1, the tags as JSON in ?2.  A
 * filter not given is left out of the SQL, so it costs nothing per row.
 */
static sqlite3_stmt *
prepare_filtered(struct store *st, const char *format, const char *index,
                 const struct store_review_query *q, char **tags,
                 struct diag_list *diags)
{
	const char *deck =
	    q->deck ? " AND c.deck_id = (SELECT id FROM decks WHERE name = ?1)"
	            : "";
	const char *tagged =
	    q->tags && q->tags->n > 0
	        ? " AND EXISTS (SELECT 1 FROM card_tags t WHERE t.card_id ="
	          " c.id AND t.tag IN (SELECT value FROM json_each(?2)))"
	        : "";
	char *sql =
	    index ? xasprintf(format, index, deck, tagged)
	          : xasprintf(format, deck, tagged, deck, tagged, deck, tagged);
	sqlite3_stmt *s = store_prepare(st, sql, diags);

	free(sql);
	*tags = store_tags_json(q->tags);
	if (s) {
		sqlite3_bind_text(s, 1, q->deck, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, *tags, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, q->now);
	}
	return s;
}

static const char due_sql[] =
    LIGHT_COLUMNS " WHERE" AVAILABLE " AND" DUE "%s%s"
                  " AND (c.due, c.id) > (?5, ?6) ORDER BY c.due, c.id"
                  " LIMIT ?7";
/* The due cards after the cursor, counted up to a cap (?7), from the
 * covering index alone: the count costs the same however many are due. */
static const char due_count_sql[] =
    "SELECT count(*), 0 FROM (SELECT 1 FROM cards c INDEXED BY cards_queue"
    " WHERE" AVAILABLE " AND" DUE "%s%s AND (c.due, c.id) > (?5, ?6)"
    " LIMIT ?7)";
static const char learning_sql[] =
    LIGHT_COLUMNS " WHERE" AVAILABLE " AND c.state != 0 AND c.state != 2"
                  " AND c.scheduled_days < 1 AND c.due > ?3 AND c.due <= ?4"
                  "%s%s ORDER BY c.due, c.id";
static const char decks_sql[] =
    "SELECT id FROM decks WHERE retired = 0 AND (?1 IS NULL OR name = ?1)"
    " ORDER BY name";
static const char fresh_sql[] =
    LIGHT_COLUMNS " WHERE c.deck_id = ?4 AND c.state = 0 AND" AVAILABLE
                  "%s%s ORDER BY c.position LIMIT ?5";

/* Append the light cards of the rows of 's' to '*v'; 0 or -EX_IOERR. */
static int
read_light(struct store *st, sqlite3_stmt *s, struct store_card **v, size_t *n,
           size_t *alloc, struct diag_list *diags)
{
	char why[160];
	int err;

	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_card *c;
		const char *key = (const char *)sqlite3_column_text(s, 2);

		*v = xgrow(*v, alloc, *n + 1, sizeof(**v));
		c = &(*v)[*n];
		memset(c, 0, sizeof(*c));
		if (key == NULL ||
		    store_read_mem(s, 3, &c->mem, why, sizeof(why)) < 0) {
			const char *deck =
			    (const char *)sqlite3_column_text(s, 1);

			diag_add(diags, DIAG_WARNING, st->path, 0, 0,
			         "card '%s/%s' was left out: %s; run 'trainer "
			         "db check'",
			         deck ? deck : "?", key ? key : "?",
			         key ? why : "it has no id");
			continue;
		}
		c->id = sqlite3_column_int64(s, 0);
		c->deck = xstrdup((const char *)sqlite3_column_text(s, 1));
		c->card.id = xstrdup(key);
		c->mem.seed = fsrs_seed(c->card.id) ^ fsrs_seed(c->deck);
		c->suspended = sqlite3_column_int(s, 13);
		c->buried_until = sqlite3_column_int64(s, 14);
		(*n)++;
	}
	return err == SQLITE_DONE
	           ? 0
	           : store_fail(st, diags, "cannot read the cards");
}

/* The light cards 'sql' reads through 'index', the values 'v' (of 'nv')
 * bound from ?4 on. */
static int
light_rows(struct store *st, const char *sql, const char *index,
           const struct store_review_query *q, const long long *v, int nv,
           struct store_card **cards, size_t *n, struct diag_list *diags)
{
	char *tags;
	sqlite3_stmt *s = prepare_filtered(st, sql, index, q, &tags, diags);
	size_t alloc = 0;
	int rc;

	*cards = NULL;
	*n = 0;
	if (s == NULL) {
		free(tags);
		return -EX_IOERR;
	}
	for (int k = 0; k < nv; k++)
		sqlite3_bind_int64(s, 4 + k, v[k]);
	rc = read_light(st, s, cards, n, &alloc, diags);
	sqlite3_finalize(s);
	free(tags);
	if (rc < 0) { /* nothing half read */
		store_cards_free(*cards, *n);
		*cards = NULL;
		*n = 0;
	}
	return rc;
}

int
store_due_cards(struct store *st, const struct store_review_query *q,
                long long after_due, long long after_id, size_t limit,
                struct store_card **cards, size_t *n, struct diag_list *diags)
{
	const long long v[] = { q->day_end, after_due, after_id,
		                (long long)limit };

	return light_rows(st, due_sql, "cards_queue", q, v, 4, cards, n, diags);
}

/* The two numbers of the one row 'format' (see prepare_filtered) gives,
 * ?4 the day's end, into 'v'; or store_fail with 'what'. */
static int
query_row(struct store *st, const char *format,
          const struct store_review_query *q, long long v[2], const char *what,
          struct diag_list *diags)
{
	char *tags;
	sqlite3_stmt *s = prepare_filtered(st, format, NULL, q, &tags, diags);
	int rc = 0;

	v[0] = v[1] = 0;
	if (s == NULL) {
		free(tags);
		return -EX_IOERR;
	}
	sqlite3_bind_int64(s, 4, q->day_end);
	if (sqlite3_step(s) == SQLITE_ROW) {
		v[0] = sqlite3_column_int64(s, 0);
		v[1] = sqlite3_column_int64(s, 1);
	} else {
		rc = store_fail(st, diags, what);
	}
	sqlite3_finalize(s);
	free(tags);
	return rc;
}

int
store_due_count(struct store *st, const struct store_review_query *q,
                long long after_due, long long after_id, long long cap,
                long long *count, struct diag_list *diags)
{
	char *tags;
	sqlite3_stmt *s =
	    prepare_filtered(st, due_count_sql, NULL, q, &tags, diags);
	int rc = 0;

	*count = 0;
	if (s == NULL) {
		free(tags);
		return -EX_IOERR;
	}
	sqlite3_bind_int64(s, 4, q->day_end);
	sqlite3_bind_int64(s, 5, after_due);
	sqlite3_bind_int64(s, 6, after_id);
	sqlite3_bind_int64(s, 7, cap);
	if (sqlite3_step(s) == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	else
		rc = store_fail(st, diags, "cannot count the due cards");
	sqlite3_finalize(s);
	free(tags);
	return rc;
}

int
store_learning_cards(struct store *st, const struct store_review_query *q,
                     struct store_card **cards, size_t *n,
                     struct diag_list *diags)
{
	const long long v[] = { q->now + q->learn_ahead };

	return light_rows(st, learning_sql, "cards_queue", q, v, 1, cards, n,
	                  diags);
}

int
store_new_cards(struct store *st, const struct store_review_query *q,
                long long per_deck, struct store_card **cards, size_t *n,
                struct diag_list *diags)
{
	sqlite3_stmt *d = store_prepare(st, decks_sql, diags);
	char *tags = NULL;
	sqlite3_stmt *s =
	    d ? prepare_filtered(st, fresh_sql, "cards_fresh", q, &tags, diags)
	      : NULL;
	size_t alloc = 0;
	int rc = 0, err;

	*cards = NULL;
	*n = 0;
	if (s == NULL) {
		sqlite3_finalize(d);
		free(tags);
		return -EX_IOERR;
	}
	sqlite3_bind_text(d, 1, q->deck, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, per_deck);
	while (rc == 0 && (err = sqlite3_step(d)) == SQLITE_ROW) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 4, sqlite3_column_int64(d, 0));
		rc = read_light(st, s, cards, n, &alloc, diags);
	}
	if (rc == 0 && err != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot read the decks");
	sqlite3_finalize(s);
	sqlite3_finalize(d);
	free(tags);
	if (rc < 0) {
		store_cards_free(*cards, *n);
		*cards = NULL;
		*n = 0;
	}
	return rc;
}

int
store_card_content(struct store *st, struct store_card *c,
                   struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st, "SELECT key, type, content FROM cards WHERE id = ?", diags);
	char why[160];
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, c->id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = store_fail(st, diags, "cannot read a card");
	} else {
		struct card card;

		if (content_to_card((const char *)sqlite3_column_text(s, 0),
		                    (const char *)sqlite3_column_text(s, 1),
		                    (const char *)sqlite3_column_text(s, 2),
		                    &card, why, sizeof(why)) < 0) {
			diag_add(diags, DIAG_WARNING, st->path, 0, 0,
			         "card '%s/%s' was left out: %s; run 'trainer "
			         "db check'",
			         c->deck, c->card.id, why);
			rc = -EX_DATAERR;
		} else {
			card_release(&c->card);
			c->card = card;
			c->has_content = 1;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_bury_siblings(struct store *st, long long card, long long until,
                    long long now, long long day_end, struct store_burial **out,
                    size_t *n, struct diag_list *diags)
{
	/* the note is the key up to its first '.': the note itself and the
	 * keys NOTE.* ('/' is the character after '.') */
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT c.id, c.buried_until, c.state != 0"
	    " FROM cards me JOIN cards c"
	    " ON c.deck_id = me.deck_id AND c.id != me.id"
	    " AND (c.key = substr(me.key, 1, instr(me.key || '.', '.') - 1)"
	    "  OR (c.key > substr(me.key, 1, instr(me.key || '.', '.') - 1) ||"
	    " '.' AND c.key < substr(me.key, 1, instr(me.key || '.', '.') - 1)"
	    " || '/'))"
	    " WHERE me.id = ?1 AND c.retired = 0 AND c.suspended = 0"
	    " AND (c.buried_until = 0 OR c.buried_until <= ?2)"
	    " AND (c.state = 0 OR (c.scheduled_days >= 1 AND c.due < ?3))",
	    diags);
	size_t alloc = 0;
	int rc = 0, err;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	sqlite3_bind_int64(s, 2, now);
	sqlite3_bind_int64(s, 3, day_end);
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xgrow(*out, &alloc, *n + 1, sizeof(**out));
		(*out)[(*n)++] =
		    (struct store_burial){ sqlite3_column_int64(s, 0),
			                   sqlite3_column_int64(s, 1),
			                   sqlite3_column_int(s, 2) };
	}
	if (err != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot read a card's siblings");
	sqlite3_finalize(s);
	if (rc == 0 && *n > 0 &&
	    (rc = store_exec(st, "BEGIN IMMEDIATE", diags)) == 0) {
		for (size_t i = 0; rc == 0 && i < *n; i++)
			rc = store_bury(st, (*out)[i].card, until, diags);
		rc = rc == 0 ? store_exec(st, "COMMIT", diags) : rc;
		if (rc < 0 && !sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

static const char next_due_sql[] =
    "SELECT min(c.due), 0 FROM cards c WHERE c.state != 0 AND c.retired = 0"
    " AND c.suspended = 0%s%s";
static const char count_sql[] =
    "SELECT count(*), total(c.suspended != 0) FROM cards c WHERE"
    " c.retired = 0%s%s";

int
store_next_due(struct store *st, const struct store_review_query *q,
               long long *next, struct diag_list *diags)
{
	long long v[2];
	int rc =
	    query_row(st, next_due_sql, q, v, "cannot read the cards", diags);

	*next = rc == 0 ? v[0] : 0;
	return rc;
}

int
store_count_cards(struct store *st, const struct store_review_query *q,
                  long long *matching, long long *suspended,
                  struct diag_list *diags)
{
	long long v[2];
	int rc =
	    query_row(st, count_sql, q, v, "cannot count the cards", diags);

	*matching = rc == 0 ? v[0] : 0;
	*suspended = rc == 0 ? v[1] : 0;
	return rc;
}
