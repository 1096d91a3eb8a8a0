/*
 * store-merge.c - "trainer sync", the database's half: the events read
 * from the journals added and applied (answers, undos, suspensions,
 * skips, settings; those of cards not here kept waiting), and the cards
 * they touched replayed.  The journals' half is store-sync-dir.c; the
 * properties are in store-events.c.
 */
#include "merge-impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

#define DAY_MS (86400LL * 1000)

/* The statement for 'sql' (a string literal), prepared on first use and
 * kept until the end of the sync, reset and unbound; NULL after an error
 * reported.  Its user resets it after use. */
sqlite3_stmt *
merge_prep(struct merge *m, const char *sql)
{
	sqlite3_stmt *s;

	for (size_t i = 0; i < m->ncache; i++)
		if (m->cache[i].sql == sql) {
			sqlite3_reset(m->cache[i].s);
			sqlite3_clear_bindings(m->cache[i].s);
			return m->cache[i].s;
		}
	s = store_prepare(m->st, sql, m->diags);
	if (s && m->ncache < sizeof(m->cache) / sizeof(m->cache[0])) {
		m->cache[m->ncache].sql = sql;
		m->cache[m->ncache++].s = s;
	} else if (s) {
		abort(); /* more statements than slots: a bug */
	}
	return s;
}

void
merge_touch_card(struct merge *m, long long card)
{
	m->cards =
	    xgrow(m->cards, &m->acards, m->ncards + 1, sizeof(long long));
	m->cards[m->ncards++] = card;
}

void
merge_touch_key(struct merge *m, const char *key)
{
	for (size_t i = 0; i < m->keys.n; i++)
		if (strcmp(m->keys.v[i], key) == 0)
			return;
	strlist_push(&m->keys, key);
}

/* The store's id of card 'deck'/'key' (retired ones too), 0 when it is
 * not here, or -EX_IOERR. */
static long long
find_card(struct merge *m, const char *deck, const char *key)
{
	sqlite3_stmt *s = merge_prep(
	    m, "SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id"
	       " WHERE d.name = ? AND c.key = ?");
	long long id = 0;
	int err;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, deck, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	err = sqlite3_step(s);
	if (err == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else if (err != SQLITE_DONE)
		id = store_fail(m->st, m->diags, "cannot read the cards");
	sqlite3_reset(s);
	return id;
}

/* Run 'sql' with the integer 'a' and text 'b' (either may be unused). */
int
merge_exec(struct merge *m, const char *sql, long long a, const char *b)
{
	sqlite3_stmt *s = merge_prep(m, sql);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	if (sqlite3_bind_parameter_count(s) >= 1)
		sqlite3_bind_int64(s, 1, a);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot merge the events");
	sqlite3_reset(s);
	return rc;
}

/* ---- applying one event ---- */

static const char *const verdicts[] = { "right", "close", "partial", "wrong",
	                                "skipped" };

/* Add the answer of event 'n' ('e') to card 'card', unless an undo took
 * it back; its state before and after come from the replay. */
static int
apply_review(struct merge *m, long long n, json_t *e, long long card)
{
	sqlite3_stmt *s = NULL;
	long long t = json_integer_value(json_object_get(e, "t"));
	long long secs = t >= 0 ? t / 1000 : -((-t + 999) / 1000);
	const char *id = json_string_value(json_object_get(e, "id"));
	int rc = 0, err;

	s = merge_prep(m, "SELECT 1 FROM events WHERE target = ? AND"
	                  " kind = 'undo'");
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	err = sqlite3_step(s);
	sqlite3_reset(s);
	if (err == SQLITE_ROW)
		return 0; /* taken back */
	s = merge_prep(
	    m,
	    "INSERT INTO reviews (card_id, time, day, rating, answer, verdict,"
	    " hinted, duration_ms, scheduled, b_state, b_stability,"
	    " b_difficulty, b_step, b_scheduled_days, b_reps, b_lapses, b_due,"
	    " b_last_review, b_last_day, a_state, a_stability, a_difficulty,"
	    " a_scheduled_days, a_due) SELECT ?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7, ?8, ?9, state, stability, difficulty, step, scheduled_days,"
	    " reps, lapses, due, last_review, last_day, state, stability,"
	    " difficulty, scheduled_days, due FROM cards WHERE id = ?1");
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	sqlite3_bind_int64(s, 2, secs);
	sqlite3_bind_int64(s, 3, m->o->day(secs, m->o->day_arg));
	sqlite3_bind_int64(s, 4,
	                   json_integer_value(json_object_get(e, "rating")));
	sqlite3_bind_text(s, 5, json_string_value(json_object_get(e, "answer")),
	                  -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6,
	                  json_string_value(json_object_get(e, "verdict")), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int(s, 7,
	                 json_integer_value(json_object_get(e, "hinted")) != 0);
	sqlite3_bind_int64(s, 8, json_integer_value(json_object_get(e, "ms")));
	sqlite3_bind_int(s, 9,
	                 json_integer_value(json_object_get(e, "sched")) != 0);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot add the answer");
	sqlite3_reset(s);
	if (rc == 0) {
		long long review = sqlite3_last_insert_rowid(m->st->db);

		s = merge_prep(m, "UPDATE events SET review = ?2 WHERE n = ?1");
		if (s == NULL)
			return -EX_IOERR;
		sqlite3_bind_int64(s, 1, n);
		sqlite3_bind_int64(s, 2, review);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_fail(m->st, m->diags,
			                "cannot add the answer");
		sqlite3_reset(s);
	}
	if (rc == 0)
		merge_touch_card(m, card);
	return rc;
}

/* Take back the answer of event 'target' ("device:seq"), if it is here. */
static int
apply_undo(struct merge *m, const char *target)
{
	sqlite3_stmt *s = merge_prep(
	    m, "SELECT r.id, r.card_id FROM events e JOIN reviews r"
	       " ON r.id = e.review WHERE e.device = substr(?1, 1, 32) AND"
	       " e.seq = CAST(substr(?1, 34) AS INTEGER)"
	       " AND e.kind = 'review'");
	long long review = 0, card = 0;
	int rc;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, target, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		review = sqlite3_column_int64(s, 0);
		card = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (review == 0)
		return 0; /* not here yet: the tombstone keeps it out */
	if ((rc = merge_exec(m, "DELETE FROM reviews WHERE id = ?", review,
	                     NULL)) < 0)
		return rc;
	merge_touch_card(m, card);
	return 0;
}

/*
 * Apply event 'n' ('e', of kind 'kind') about a card: an answer, a
 * suspension or a skip.  When the card is not here it waits (pending).
 */
static int
apply_card_event(struct merge *m, long long n, const char *kind, json_t *e)
{
	const char *deck = json_string_value(json_object_get(e, "deck"));
	const char *key = json_string_value(json_object_get(e, "card"));
	long long card = find_card(m, deck, key);

	if (card < 0)
		return (int)card;
	if (card == 0)
		return merge_exec(
		    m, "UPDATE events SET pending = 1 WHERE n = ?", n, NULL);
	if (strcmp(kind, "review") == 0)
		return apply_review(m, n, e, card);
	if (strcmp(kind, "suspend") == 0) {
		merge_touch_card(m,
		                 card); /* the latest suspension wins there */
		return 0;
	}
	if (strcmp(kind, "skip") == 0) {
		long long until =
		    json_integer_value(json_object_get(e, "until"));

		char id[24];

		if (until <= m->o->now)
			return 0;
		snprintf(id, sizeof(id), "%lld", card);
		return merge_exec(m,
		                  "UPDATE cards SET buried_until = ?1"
		                  " WHERE id = CAST(?2 AS INTEGER) AND"
		                  " buried_until < ?1",
		                  until, id);
	}
	return 0;
}

/* Is 'e' an event this program can apply?  Fills the id's parts. */
static const char *
check_event(json_t *e, char *dev, long long *seq)
{
	const char *id = json_string_value(json_object_get(e, "id"));
	const char *kind = json_string_value(json_object_get(e, "k"));
	const char *colon;
	char *end;

	if (!json_is_object(e))
		return "it is not a JSON object";
	if (id == NULL || (colon = strchr(id, ':')) == NULL ||
	    colon - id != JOURNAL_DEVICE)
		return "it has no event id";
	memcpy(dev, id, JOURNAL_DEVICE);
	dev[JOURNAL_DEVICE] = '\0';
	errno = 0;
	*seq = strtoll(colon + 1, &end, 10);
	if (!journal_is_device(dev) || *end || *seq < 1 || errno)
		return "its event id is not one";
	if (!json_is_integer(json_object_get(e, "t")))
		return "it has no time";
	if (kind == NULL)
		return "it has no kind";
	if (strcmp(kind, "review") == 0 || strcmp(kind, "suspend") == 0 ||
	    strcmp(kind, "skip") == 0 || strcmp(kind, "undo") == 0) {
		if (!json_is_string(json_object_get(e, "deck")) ||
		    !json_is_string(json_object_get(e, "card")))
			return "it names no card";
	}
	if (strcmp(kind, "review") == 0) {
		const char *v =
		    json_string_value(json_object_get(e, "verdict"));
		json_int_t rating =
		    json_integer_value(json_object_get(e, "rating"));
		int ok = 0;

		for (size_t i = 0; v && i < 5; i++)
			ok |= strcmp(v, verdicts[i]) == 0;
		if (!ok || !json_is_integer(json_object_get(e, "rating")) ||
		    rating < 0 || rating > 4 ||
		    !json_is_string(json_object_get(e, "answer")) ||
		    !json_is_integer(json_object_get(e, "ms")))
			return "its answer is not one";
		return NULL;
	}
	if (strcmp(kind, "undo") == 0)
		return json_is_string(json_object_get(e, "of"))
		           ? NULL
		           : "it names no answer";
	if (strcmp(kind, "suspend") == 0 || strcmp(kind, "skip") == 0)
		return json_is_integer(json_object_get(
		           e, strcmp(kind, "skip") == 0 ? "until" : "on"))
		           ? NULL
		           : "it has no value";
	if (strcmp(kind, "setting") == 0) {
		json_t *v = json_object_get(e, "value");

		return json_is_string(json_object_get(e, "key")) &&
		               (json_is_string(v) || json_is_null(v))
		           ? NULL
		           : "it is not a setting";
	}
	return "its kind is not one this trainer knows";
}

/* Take event 'body', record 'rec' of journal 'file': add it unless it
 * was seen, and apply it.  A record that is not an event is skipped
 * with a warning. */
int
merge_import_event(struct merge *m, const char *body, const char *file,
                   long long rec)
{
	json_t *e = json_loads(body, 0, NULL);
	sqlite3_stmt *s = NULL;
	char dev[JOURNAL_DEVICE + 1];
	const char *why, *kind, *target = NULL;
	long long seq, n, t;
	int rc = 0;

	why = e ? check_event(e, dev, &seq) : "it is not JSON";
	if (why) {
		diag_add(m->diags, DIAG_WARNING, file, 0, 0,
		         "record %lld is not an event (%s); skipped", rec, why);
		m->r->damaged++;
		goto out;
	}
	kind = json_string_value(json_object_get(e, "k"));
	t = json_integer_value(json_object_get(e, "t"));
	if (strcmp(kind, "undo") == 0)
		target = json_string_value(json_object_get(e, "of"));
	else if (strcmp(kind, "setting") == 0)
		target = json_string_value(json_object_get(e, "key"));
	s = merge_prep(m, "INSERT OR IGNORE INTO events (device, seq, time,"
	                  " kind, deck, card, target, body, origin) VALUES"
	                  " (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, dev, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, seq);
	sqlite3_bind_int64(s, 3, t);
	sqlite3_bind_text(s, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, json_string_value(json_object_get(e, "deck")),
	                  -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, json_string_value(json_object_get(e, "card")),
	                  -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, m->dir, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(m->st, m->diags, "cannot add the event");
		goto out;
	}
	if (sqlite3_changes(m->st->db) == 0)
		goto out; /* seen already */
	n = sqlite3_last_insert_rowid(m->st->db);
	m->r->received++;
	if (strcmp(kind, "review") == 0) {
		m->r->reviews++;
		if (t > (m->o->now * 1000) + DAY_MS)
			m->r->ahead++;
		rc = apply_card_event(m, n, kind, e);
	} else if (strcmp(kind, "undo") == 0) {
		m->r->undos++;
		rc = apply_undo(m, target);
	} else if (strcmp(kind, "suspend") == 0) {
		m->r->suspends++;
		rc = apply_card_event(m, n, kind, e);
	} else if (strcmp(kind, "skip") == 0) {
		m->r->skips++;
		rc = apply_card_event(m, n, kind, e);
	} else {
		m->r->settings++;
		merge_touch_key(m, target);
	}
out:
	sqlite3_reset(s);
	json_decref(e);
	return rc;
}

/* The events waiting for their card: those whose card is here now. */
int
merge_apply_pending(struct merge *m)
{
	sqlite3_stmt *s =
	    merge_prep(m, "SELECT n, kind, body FROM events WHERE pending = 1");
	long long *ns = NULL;
	char **bodies = NULL;
	size_t count = 0, an = 0, ab = 0;
	int rc = 0, err;

	if (s == NULL)
		return -EX_IOERR;
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		ns = xgrow(ns, &an, count + 1, sizeof(*ns));
		bodies = xgrow(bodies, &ab, count + 1, sizeof(*bodies));
		ns[count] = sqlite3_column_int64(s, 0);
		bodies[count++] =
		    xstrdup((const char *)sqlite3_column_text(s, 2));
	}
	if (err != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot read the events");
	sqlite3_reset(s);
	for (size_t i = 0; i < count && rc == 0; i++) {
		json_t *e = json_loads(bodies[i], 0, NULL);
		const char *kind = json_string_value(json_object_get(e, "k"));
		long long card =
		    find_card(m, json_string_value(json_object_get(e, "deck")),
		              json_string_value(json_object_get(e, "card")));

		if (card < 0)
			rc = (int)card;
		else if (card > 0 && kind &&
		         (rc = merge_exec(m,
		                          "UPDATE events SET pending = 0 WHERE"
		                          " n = ?",
		                          ns[i], NULL)) == 0) {
			m->r->applied++;
			rc = apply_card_event(m, ns[i], kind, e);
		}
		json_decref(e);
	}
	for (size_t i = 0; i < count; i++)
		free(bodies[i]);
	free(bodies);
	free(ns);
	return rc;
}

/* ---- replaying a card ---- */

struct replayed {
	long long id;
	struct fsrs_card b, a;
};

/*
 * The memory state of card 'card' from its answers in time order (ties
 * by event id), each scheduled one through FSRS with the parameters it
 * was given with (or, for one made before they were recorded, this
 * machine's): each answer's state before and after, and the card's.  The
 * card's suspension is its latest suspension event's.
 */
static int
replay_card(struct merge *m, long long card)
{
	sqlite3_stmt *s = merge_prep(
	    m, "SELECT d.name, c.key, c.added_at FROM cards c JOIN decks d"
	       " ON d.id = c.deck_id WHERE c.id = ?");
	struct fsrs_params params = *m->o->params;
	struct replayed *rows = NULL;
	struct fsrs_card c;
	char *last_p = NULL;
	size_t n = 0, alloc = 0;
	int rc = 0, err;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return 0;
	}
	fsrs_card_new(&c, sqlite3_column_int64(s, 2),
	              fsrs_seed((const char *)sqlite3_column_text(s, 1)) ^
	                  fsrs_seed((const char *)sqlite3_column_text(s, 0)));
	sqlite3_reset(s);
	s = merge_prep(
	    m, "SELECT r.id, r.scheduled, r.rating, r.time, r.day,"
	       " json_extract(e.body, '$.p') FROM reviews r JOIN events e"
	       " ON e.review = r.id WHERE r.card_id = ?"
	       " ORDER BY e.time, e.device, e.seq");
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		int rating = sqlite3_column_int(s, 2);
		const char *p = (const char *)sqlite3_column_text(s, 5);
		struct fsrs_when when = { sqlite3_column_int64(s, 3),
			                  sqlite3_column_int64(s, 4) };

		rows = xgrow(rows, &alloc, n + 1, sizeof(*rows));
		rows[n].id = sqlite3_column_int64(s, 0);
		rows[n].b = c;
		if (sqlite3_column_int(s, 1) && rating >= 1 && rating <= 4) {
			if (p == NULL) {
				params = *m->o->params;
				free(last_p);
				last_p = NULL;
			} else if (last_p == NULL || strcmp(p, last_p) != 0) {
				if (store_params_parse(p, &params) < 0)
					params = *m->o->params;
				free(last_p);
				last_p = xstrdup(p);
			}
			fsrs_next(&params, &c, when, (enum fsrs_rating)rating,
			          &c);
		}
		rows[n++].a = c;
	}
	if (err != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot read the answers");
	sqlite3_reset(s);
	free(last_p);
	s = NULL;
	if (rc < 0)
		goto out;
	s = merge_prep(
	    m, "UPDATE reviews SET b_state = ?2, b_stability = ?3,"
	       " b_difficulty = ?4, b_step = ?5, b_scheduled_days = ?6,"
	       " b_reps = ?7, b_lapses = ?8, b_due = ?9, b_last_review = ?10,"
	       " b_last_day = ?11, a_state = ?12, a_stability = ?13,"
	       " a_difficulty = ?14, a_scheduled_days = ?15, a_due = ?16"
	       " WHERE id = ?1");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct fsrs_card *b = &rows[i].b, *a = &rows[i].a;

		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, rows[i].id);
		sqlite3_bind_int(s, 2, (int)b->state);
		sqlite3_bind_double(s, 3, b->stability);
		sqlite3_bind_double(s, 4, b->difficulty);
		sqlite3_bind_int(s, 5, b->step);
		sqlite3_bind_int(s, 6, b->scheduled_days);
		sqlite3_bind_int(s, 7, b->reps);
		sqlite3_bind_int(s, 8, b->lapses);
		sqlite3_bind_int64(s, 9, b->due);
		sqlite3_bind_int64(s, 10, b->last_review);
		sqlite3_bind_int64(s, 11, b->last_day);
		sqlite3_bind_int(s, 12, (int)a->state);
		sqlite3_bind_double(s, 13, a->stability);
		sqlite3_bind_double(s, 14, a->difficulty);
		sqlite3_bind_int(s, 15, a->scheduled_days);
		sqlite3_bind_int64(s, 16, a->due);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_fail(m->st, m->diags, "cannot replay");
	}
	sqlite3_reset(s);
	s = NULL;
	if (rc < 0)
		goto out;
	s = merge_prep(
	    m, "UPDATE cards SET state = ?2, stability = ?3, difficulty = ?4,"
	       " step = ?5, scheduled_days = ?6, reps = ?7, lapses = ?8,"
	       " due = ?9, last_review = ?10, last_day = ?11,"
	       " suspended = coalesce((SELECT json_extract(e.body, '$.on') != 0"
	       "  FROM events e, cards k JOIN decks d ON d.id = k.deck_id"
	       "  WHERE k.id = ?1 AND e.deck = d.name AND e.card = k.key"
	       "  AND e.kind = 'suspend'"
	       "  ORDER BY e.time DESC, e.device DESC, e.seq DESC LIMIT 1),"
	       "  suspended) WHERE id = ?1");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, card);
	sqlite3_bind_int(s, 2, (int)c.state);
	sqlite3_bind_double(s, 3, c.stability);
	sqlite3_bind_double(s, 4, c.difficulty);
	sqlite3_bind_int(s, 5, c.step);
	sqlite3_bind_int(s, 6, c.scheduled_days);
	sqlite3_bind_int(s, 7, c.reps);
	sqlite3_bind_int(s, 8, c.lapses);
	sqlite3_bind_int64(s, 9, c.due);
	sqlite3_bind_int64(s, 10, c.last_review);
	sqlite3_bind_int64(s, 11, c.last_day);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot replay");
	m->r->cards++;
out:
	sqlite3_reset(s);
	free(rows);
	return rc;
}

static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

int
merge_replay_cards(struct merge *m)
{
	int rc = 0;

	if (m->ncards > 1)
		qsort(m->cards, m->ncards, sizeof(*m->cards), cmp_ll);
	for (size_t i = 0; i < m->ncards && rc == 0; i++)
		if (i == 0 || m->cards[i] != m->cards[i - 1])
			rc = replay_card(m, m->cards[i]);
	return rc;
}

/* Each setting touched takes its latest change (ties by device id). */
int
merge_apply_settings(struct merge *m)
{
	int rc = 0;

	for (size_t i = 0; i < m->keys.n && rc == 0; i++) {
		rc = merge_exec(
		    m, "DELETE FROM settings WHERE key = ?2 AND ?1 = ?1", 0,
		    m->keys.v[i]);
		if (rc == 0)
			rc = merge_exec(
			    m,
			    "INSERT INTO settings (key, value) SELECT ?2, v"
			    " FROM (SELECT json_extract(body, '$.value') AS v"
			    "  FROM events WHERE kind = 'setting' AND"
			    "  target = ?2 AND ?1 = ?1 ORDER BY time DESC,"
			    "  device DESC, seq DESC LIMIT 1) WHERE v IS NOT"
			    " NULL",
			    0, m->keys.v[i]);
	}
	return rc;
}
