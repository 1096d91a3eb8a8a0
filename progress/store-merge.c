/*
 * store-merge.c - "trainer sync": this machine's events out to its
 * journal, the other machines' in, and the cards they touched replayed.
 * See store-events.c for the properties and journal.h for the format.
 */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "store-impl.h"

#define DAY_MS (86400LL * 1000)

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
static sqlite3_stmt *
prep(struct merge *m, const char *sql)
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

static void
touch_card(struct merge *m, long long card)
{
	m->cards =
	    xgrow(m->cards, &m->acards, m->ncards + 1, sizeof(long long));
	m->cards[m->ncards++] = card;
}

static void
touch_key(struct merge *m, const char *key)
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
	sqlite3_stmt *s =
	    prep(m, "SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id"
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
static int
exec_it(struct merge *m, const char *sql, long long a, const char *b)
{
	sqlite3_stmt *s = prep(m, sql);
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

	s = prep(m, "SELECT 1 FROM events WHERE target = ? AND"
	            " kind = 'undo'");
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	err = sqlite3_step(s);
	sqlite3_reset(s);
	if (err == SQLITE_ROW)
		return 0; /* taken back */
	s = prep(
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

		s = prep(m, "UPDATE events SET review = ?2 WHERE n = ?1");
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
		touch_card(m, card);
	return rc;
}

/* Take back the answer of event 'target' ("device:seq"), if it is here. */
static int
apply_undo(struct merge *m, const char *target)
{
	sqlite3_stmt *s =
	    prep(m, "SELECT r.id, r.card_id FROM events e JOIN reviews r"
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
	if ((rc = exec_it(m, "DELETE FROM reviews WHERE id = ?", review,
	                  NULL)) < 0)
		return rc;
	touch_card(m, card);
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
		return exec_it(m, "UPDATE events SET pending = 1 WHERE n = ?",
		               n, NULL);
	if (strcmp(kind, "review") == 0)
		return apply_review(m, n, e, card);
	if (strcmp(kind, "suspend") == 0) {
		touch_card(m, card); /* the latest suspension wins there */
		return 0;
	}
	if (strcmp(kind, "skip") == 0) {
		long long until =
		    json_integer_value(json_object_get(e, "until"));

		char id[24];

		if (until <= m->o->now)
			return 0;
		snprintf(id, sizeof(id), "%lld", card);
		return exec_it(m,
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
static int
import_event(struct merge *m, const char *body, const char *file, long long rec)
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
	s = prep(m, "INSERT OR IGNORE INTO events (device, seq, time,"
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
		touch_key(m, target);
	}
out:
	sqlite3_reset(s);
	json_decref(e);
	return rc;
}

/* The events waiting for their card: those whose card is here now. */
static int
apply_pending(struct merge *m)
{
	sqlite3_stmt *s =
	    prep(m, "SELECT n, kind, body FROM events WHERE pending = 1");
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
		         (rc = exec_it(m,
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
	sqlite3_stmt *s =
	    prep(m, "SELECT d.name, c.key, c.added_at FROM cards c JOIN decks d"
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
	s = prep(m, "SELECT r.id, r.scheduled, r.rating, r.time, r.day,"
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
	s = prep(m,
	         "UPDATE reviews SET b_state = ?2, b_stability = ?3,"
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
	s = prep(
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

static int
replay_cards(struct merge *m)
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
static int
apply_settings(struct merge *m)
{
	int rc = 0;

	for (size_t i = 0; i < m->keys.n && rc == 0; i++) {
		rc = exec_it(m,
		             "DELETE FROM settings WHERE key = ?2 AND ?1 = ?1",
		             0, m->keys.v[i]);
		if (rc == 0)
			rc = exec_it(
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

/* ---- the journals ---- */

/* Journals are read this much at a time (a record is a few hundred
 * bytes): memory does not grow with a journal's length. */
#ifndef JOURNAL_CHUNK /* smaller in a build that tests the chunks */
#define JOURNAL_CHUNK ((size_t)4 << 20)
#endif
#define CHUNK ((size_t)JOURNAL_CHUNK)

/* The bytes of the open file 'fd' from 'from' to its end, 'size' bytes
 * long, at most 'max' of them (free it). */
static char *
read_from(int fd, long long from, long long size, size_t max, size_t *len)
{
	size_t n = size > from ? (size_t)(size - from) : 0, got = 0;

	if (n > max)
		n = max;
	char *buf = xmalloc(n + 1);

	while (got < n) {
		ssize_t k = pread(fd, buf + got, n - got, (off_t)from + got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	buf[got] = '\0';
	*len = got;
	return buf;
}

static int
io_error(struct merge *m, const char *path, const char *what)
{
	char ebuf[128];

	diag_error(m->diags, path, 0, 0, "cannot %s: %s", what,
	           errno_text(errno, ebuf, sizeof(ebuf)));
	return -EX_IOERR;
}

/* Write all 'n' bytes at 'p' to 'fd' at 'at'. */
static int
write_at(int fd, const char *p, size_t n, long long at)
{
	while (n > 0) {
		ssize_t k = pwrite(fd, p, n, (off_t)at);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
		at += k;
	}
	return 0;
}

/* The local number of the event named by the record 'json' (0: none
 * here), and whether it is the same event ('*same'). */
static long long
event_number(struct merge *m, const char *json, int *same)
{
	json_t *e = json_loads(json, 0, NULL);
	const char *id = json_string_value(json_object_get(e, "id"));
	sqlite3_stmt *s = NULL;
	long long n = 0;

	*same = 0;
	if (id && (s = prep(m, "SELECT n, body = ?2 FROM events WHERE"
	                       " device = substr(?1, 1, 32) AND seq ="
	                       " CAST(substr(?1, 34) AS INTEGER)"))) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, json, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW) {
			n = sqlite3_column_int64(s, 0);
			*same = sqlite3_column_int(s, 1);
		}
		sqlite3_reset(s);
	}
	json_decref(e);
	return n;
}

/*
 * Give this machine's event 'n' the next sequence number: its old one
 * names another event in its journal (made before a backup was put
 * back).  The undos made here after it follow it.
 */
static int
renumber(struct merge *m, long long n)
{
	int rc = exec_it(m, "UPDATE device SET seq = seq + 1 WHERE ?1 = ?1", 0,
	                 NULL);

	if (rc == 0)
		rc = exec_it(
		    m,
		    "UPDATE events SET target = (SELECT e.device || ':' ||"
		    "  d.seq FROM events e, device d WHERE e.n = ?1),"
		    " body = json_set(body, '$.of', (SELECT e.device || ':' ||"
		    "  d.seq FROM events e, device d WHERE e.n = ?1))"
		    " WHERE kind = 'undo' AND origin IS NULL AND n > ?1 AND"
		    " target = (SELECT device || ':' || seq FROM events"
		    "  WHERE n = ?1)",
		    n, NULL);
	if (rc == 0)
		rc = exec_it(m,
		             "UPDATE events SET seq = (SELECT seq FROM device),"
		             " body = json_set(body, '$.id', device || ':' ||"
		             " (SELECT seq FROM device)) WHERE n = ?1",
		             n, NULL);
	return rc;
}

/* The highest sequence number of this machine's events in the records
 * at 'buf' ('len' bytes). */
static long long
max_own_seq(const char *buf, size_t len, const char *dev)
{
	size_t p = 0, used;
	long long max = 0;
	char *json;
	enum journal_read got;

	while ((got = journal_read_record(buf + p, len - p, &json, &used)) !=
	       JOURNAL_TORN) {
		if (got == JOURNAL_OK) {
			json_t *e = json_loads(json, 0, NULL);
			const char *id =
			    json_string_value(json_object_get(e, "id"));

			if (id && strncmp(id, dev, JOURNAL_DEVICE) == 0 &&
			    id[JOURNAL_DEVICE] == ':' &&
			    atoll(id + JOURNAL_DEVICE + 1) > max)
				max = atoll(id + JOURNAL_DEVICE + 1);
			json_decref(e);
			free(json);
		}
		p += used;
	}
	return max;
}

/*
 * Append to this machine's journal the events it has that are not there
 * yet: its own and those it got from other folders (so that machines
 * that share no folder still hear of each other), never those it read
 * from this folder.  What was appended since the position recorded (a
 * sync killed before its commit) counts as written; a record left half
 * written is cut off.
 */
static int
write_own(struct merge *m)
{
	const char *dev = store_device(m->st);
	char *path = NULL, *buf = NULL, *json = NULL,
	     ver_dev[JOURNAL_DEVICE + 1];
	long long offset = 0, records = 0, written = 0, size, from;
	struct strbuf out = { 0 };
	sqlite3_stmt *s = NULL;
	struct stat sb;
	size_t len = 0, p = 0, used;
	int fd = -1, rc = 0, version, fresh;

	if (dev == NULL) {
		diag_error(m->diags, m->st->path, 0, 0,
		           "the database has no device id");
		return -EX_DATAERR;
	}
	path = xasprintf("%s/%s.journal", m->jdir, dev);
	snprintf(m->r->journal, sizeof(m->r->journal), "%s", path);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (fd < 0 || fstat(fd, &sb) < 0) {
		rc = io_error(m, path, "open the journal");
		goto out;
	}
	size = (long long)sb.st_size;
	fresh = size == 0;
	s = prep(m, "SELECT offset, records, written FROM sync_out"
	            " WHERE dir = ?");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, m->dir, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		offset = sqlite3_column_int64(s, 0);
		records = sqlite3_column_int64(s, 1);
		written = sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	s = NULL;
	if (size < offset) {
		diag_add(m->diags, DIAG_WARNING, path, 0, 0,
		         "is shorter than this machine wrote it; writing every "
		         "event again (the others skip those they have)");
		offset = records = written = 0;
	}
	buf = read_from(fd, offset, size, SIZE_MAX, &len);
	if (offset == 0) {
		switch (
		    journal_read_header(buf, len, &version, ver_dev, &used)) {
		case JOURNAL_TORN: /* empty, or a header cut short */
			len = 0;
			fresh = 1;
			break;
		case JOURNAL_BAD:
			diag_error(m->diags, path, 0, 0,
			           "is not a trainer journal; move it away");
			rc = -EX_DATAERR;
			goto out;
		case JOURNAL_OK:
			if (strcmp(ver_dev, dev) != 0 ||
			    version != JOURNAL_VERSION) {
				diag_error(m->diags, path, 0, 0,
				           "is not this machine's journal; "
				           "move it away");
				rc = -EX_DATAERR;
				goto out;
			}
			p = used;
			break;
		}
	}
	/* what was appended since the position recorded (normally
	 * nothing): first no number used there is given again */
	if ((rc = exec_it(m,
	                  "UPDATE device SET seq = max(seq, ?1, (SELECT"
	                  " coalesce(max(seq), 0) FROM events WHERE device ="
	                  " device.id))",
	                  max_own_seq(buf + p, len - p, dev), NULL)) < 0)
		goto out;
	for (;;) {
		enum journal_read got =
		    journal_read_record(buf + p, len - p, &json, &used);
		long long n;
		int same;

		if (got == JOURNAL_TORN)
			break;
		records++;
		if (got == JOURNAL_OK) {
			n = event_number(m, json, &same);
			if (n > 0 && same && n > written)
				written = n;
			/* not here, or another under its id: the database
			 * is older than its journal (a backup put back); it
			 * takes back what it lost, and what it made since
			 * gets new numbers */
			if (n > 0 && !same)
				rc = renumber(m, n);
			if (rc == 0 && !(n > 0 && same))
				rc = import_event(m, json, path, records);
			free(json);
			json = NULL;
			if (rc < 0)
				goto out;
		}
		p += used;
	}
	/* what is past 'p' is a record cut short: this writer's own */
	size = offset + (long long)p;
	if (fresh) {
		char *h = journal_header(dev);

		strbuf_adds(&out, h);
		free(h);
		size = 0;
	}
	if (ftruncate(fd, (off_t)size) < 0) {
		rc = io_error(m, path, "write the journal");
		goto out;
	}
	s = prep(m, "SELECT n, body, deck, card, kind, target FROM events"
	            " WHERE n > ?1 AND (origin IS NULL OR origin != ?2)"
	            " ORDER BY n");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, written);
	sqlite3_bind_text(s, 2, m->dir, -1, SQLITE_STATIC);
	from = written;
	{
		int err;

		while ((err = sqlite3_step(s)) == SQLITE_ROW) {
			char *rec = journal_record(
			    (const char *)sqlite3_column_text(s, 1));
			const char *kind =
			    (const char *)sqlite3_column_text(s, 4);

			strbuf_adds(&out, rec);
			free(rec);
			written = sqlite3_column_int64(s, 0);
			records++;
			/* a chunk at a time: memory does not grow with
			 * what is sent */
			if (out.len >= CHUNK) {
				if (write_at(fd, out.buf, out.len, size) < 0) {
					rc = io_error(m, path,
					              "write the journal");
					break;
				}
				size += (long long)out.len;
				out.len = 0;
			}
			m->r->sent++;
			if (strcmp(kind, "setting") == 0) {
				touch_key(
				    m, (const char *)sqlite3_column_text(s, 5));
			}
		}
		if (rc == 0 && err != SQLITE_DONE)
			rc = store_fail(m->st, m->diags,
			                "cannot read the events");
		sqlite3_reset(s);
		s = NULL;
		if (rc < 0)
			goto out;
	}
	/* the cards this machine changed are replayed too: its own answers
	 * may have come after another's in time */
	s = prep(m, "SELECT DISTINCT c.id FROM events e JOIN decks d"
	            " ON d.name = e.deck JOIN cards c ON c.deck_id = d.id"
	            " AND c.key = e.card WHERE e.n > ?1 AND (e.origin IS NULL"
	            " OR e.origin != ?2) AND e.card IS NOT NULL");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_text(s, 2, m->dir, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW)
		touch_card(m, sqlite3_column_int64(s, 0));
	sqlite3_reset(s);
	s = NULL;
	if ((fresh || m->r->sent > 0) &&
	    (write_at(fd, out.buf, out.len, size) < 0 || fsync(fd) < 0)) {
		rc = io_error(m, path, "write the journal");
		goto out;
	}
	if (fresh) {
		int dfd = open(m->jdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	size += (long long)out.len;
	s = prep(m, "INSERT OR REPLACE INTO sync_out (dir, offset,"
	            " records, written) VALUES (?, ?, ?, ?)");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, m->dir, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, size);
	sqlite3_bind_int64(s, 3, records);
	sqlite3_bind_int64(s, 4, written);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot record the sync");
out:
	sqlite3_reset(s);
	strbuf_release(&out);
	if (fd >= 0)
		close(fd);
	free(buf);
	free(path);
	return rc;
}

/* Read the journal of device 'dev' from where the last sync stopped. */
static int
read_journal(struct merge *m, const char *dev)
{
	char *path = xasprintf("%s/%s.journal", m->jdir, dev), *buf = NULL;
	char *json = NULL, hdev[JOURNAL_DEVICE + 1];
	long long offset = 0, records = 0;
	sqlite3_stmt *s = NULL;
	struct stat sb;
	size_t len = 0, p = 0, used, want = CHUNK;
	int fd, rc = 0, version;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		diag_add(m->diags, DIAG_WARNING, path, 0, 0,
		         "cannot be read; skipped");
		goto out;
	}
	s = prep(m, "SELECT offset, records FROM sync_in WHERE dir = ?"
	            " AND device = ?");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, m->dir, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, dev, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		offset = sqlite3_column_int64(s, 0);
		records = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	s = NULL;
	if ((long long)sb.st_size < offset) {
		diag_add(m->diags, DIAG_WARNING, path, 0, 0,
		         "is shorter than when it was last read; reading it "
		         "again from the start");
		offset = records = 0;
	}
	buf = read_from(fd, offset, (long long)sb.st_size, want, &len);
	if (offset == 0) {
		enum journal_read h =
		    journal_read_header(buf, len, &version, hdev, &used);

		if (h == JOURNAL_TORN)
			goto out; /* nothing whole yet */
		if (h == JOURNAL_BAD || strcmp(hdev, dev) != 0) {
			diag_add(m->diags, DIAG_WARNING, path, 0, 0,
			         "is not the trainer journal of device %s; "
			         "skipped",
			         dev);
			goto out;
		}
		p = used;
	}
	m->r->journals++;
	while (rc == 0) {
		enum journal_read got =
		    journal_read_record(buf + p, len - p, &json, &used);

		if (got == JOURNAL_TORN &&
		    offset + (long long)len < (long long)sb.st_size) {
			/* the end of a chunk, not of the file: the next one
			 * from the first byte not read (a bigger one when a
			 * line is longer than a chunk) */
			if (p == 0)
				want *= 2;
			offset += (long long)p;
			free(buf);
			buf = read_from(fd, offset, (long long)sb.st_size, want,
			                &len);
			p = 0;
			continue;
		}
		if (got == JOURNAL_TORN)
			break; /* being written or copied: next time */
		records++;
		if (got == JOURNAL_BAD) {
			diag_add(m->diags, DIAG_WARNING, path, 0, 0,
			         "record %lld is damaged (its checksum or form "
			         "is wrong); skipped",
			         records);
			m->r->damaged++;
		} else {
			rc = import_event(m, json, path, records);
			free(json);
			json = NULL;
		}
		p += used;
	}
	if (rc < 0)
		goto out;
	s = prep(m, "INSERT OR REPLACE INTO sync_in (dir, device, offset,"
	            " records) VALUES (?, ?, ?, ?)");
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, m->dir, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, dev, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, offset + (long long)p);
	sqlite3_bind_int64(s, 4, records);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(m->st, m->diags, "cannot record the sync");
out:
	sqlite3_reset(s);
	if (fd >= 0)
		close(fd);
	free(buf);
	free(path);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The devices of the other journals in DIR/trainer, sorted; a journal of
 * a newer format fails the sync here, before anything changed.
 */
static int
list_journals(struct merge *m, const char *self, struct strlist *devs)
{
	DIR *d = opendir(m->jdir);
	struct dirent *de;
	int rc = 0;

	if (d == NULL)
		return io_error(m, m->jdir, "read the folder");
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char dev[JOURNAL_DEVICE + 1], hdev[JOURNAL_DEVICE + 1];
		char head[128], *path;
		size_t used;
		ssize_t got;
		int fd, version;

		if (n != JOURNAL_DEVICE + 8 ||
		    strcmp(de->d_name + JOURNAL_DEVICE, ".journal") != 0)
			continue;
		memcpy(dev, de->d_name, JOURNAL_DEVICE);
		dev[JOURNAL_DEVICE] = '\0';
		if (!journal_is_device(dev))
			continue;
		path = xasprintf("%s/%s", m->jdir, de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		got = fd >= 0 ? read(fd, head, sizeof(head)) : -1;
		if (fd >= 0)
			close(fd);
		if (got > 0 &&
		    journal_read_header(head, (size_t)got, &version, hdev,
		                        &used) == JOURNAL_OK &&
		    version > JOURNAL_VERSION) {
			diag_error(m->diags, path, 0, 0,
			           "is a journal of format %d, newer than "
			           "this trainer's (%d): update trainer; "
			           "nothing was synced",
			           version, JOURNAL_VERSION);
			rc = -EX_DATAERR;
		}
		free(path);
		if (strcmp(dev, self) != 0)
			strlist_push(devs, dev);
	}
	closedir(d);
	if (devs->n > 1)
		qsort(devs->v, devs->n, sizeof(*devs->v), cmp_str);
	return rc;
}

static void
step(struct merge *m, const char *what)
{
	if (m->o->step)
		m->o->step(what, m->o->step_arg);
}

int
store_sync_dir(struct store *st, const struct store_sync_opts *o,
               struct store_sync_report *r, struct diag_list *diags)
{
	struct merge m = { .st = st, .o = o, .r = r, .diags = diags };
	struct strlist devs = { 0 };
	char real[PATH_MAX];
	const char *self;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((self = store_device(st)) == NULL) {
		diag_error(diags, st->path, 0, 0,
		           "the database has no device id; run 'trainer db "
		           "check'");
		return -EX_DATAERR;
	}
	if (realpath(o->dir, real) == NULL) {
		char ebuf[128];

		diag_error(diags, o->dir, 0, 0, "cannot use the folder: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_NOINPUT;
	}
	m.dir = xstrdup(real);
	m.jdir = xasprintf("%s/trainer", real);
	if (mkdir(m.jdir, 0777) < 0 && errno != EEXIST) {
		rc = io_error(&m, m.jdir, "create the folder");
		goto out;
	}
	if ((rc = list_journals(&m, self, &devs)) < 0)
		goto out;
	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		goto out;
	step(&m, "begun");
	rc = write_own(&m);
	step(&m, "journal written");
	for (size_t i = 0; rc == 0 && i < devs.n; i++) {
		rc = read_journal(&m, devs.v[i]);
		step(&m, "journal read");
	}
	if (rc == 0)
		rc = apply_pending(&m);
	step(&m, "waiting events applied");
	if (rc == 0)
		rc = replay_cards(&m);
	step(&m, "cards replayed");
	if (rc == 0)
		rc = apply_settings(&m);
	step(&m, "settings applied");
	if (rc == 0) {
		sqlite3_stmt *s = store_prepare(
		    st, "SELECT count(*) FROM events WHERE pending = 1", diags);

		if (s && sqlite3_step(s) == SQLITE_ROW)
			r->waiting = (size_t)sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
		rc = store_exec(st, "COMMIT", diags);
		step(&m, "committed");
	}
	if (rc < 0 && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
out:
	for (size_t i = 0; i < m.ncache; i++)
		sqlite3_finalize(m.cache[i].s);
	strlist_release(&devs);
	strlist_release(&m.keys);
	free(m.cards);
	free(m.dir);
	free(m.jdir);
	return rc;
}
