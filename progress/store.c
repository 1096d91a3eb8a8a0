/*
 * store.c - the progress store: opening, migrations, cards, answers,
 * undo, sessions, settings, backup and checks.  Deck sync is in sync.c.
 */
#include "store.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "schema.h"
#include "store-impl.h"

int
store_fail(struct store *st, struct diag_list *diags, const char *what)
{
	if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_READONLY)
		diag_error(diags, st->path, 0, 0,
		           "the database is read-only (check the permissions "
		           "of the file and its folder)");
	else
		diag_error(diags, st->path, 0, 0, "%s: %s", what,
		           sqlite3_errmsg(st->db));
	return -EX_IOERR;
}

int
store_exec(struct store *st, const char *sql, struct diag_list *diags)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, diags, "database error");
	return 0;
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql, struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_fail(st, diags, "database error");
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/* Roll back after a failure; the error is already reported. */
static void
rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- opening ---- */

/* Create the folders above 'path', like mkdir -p. */
static int
make_parents(const char *path, struct diag_list *diags)
{
	char *dir = xstrdup(path), ebuf[128];
	int rc = 0;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
			diag_error(diags, dir, 0, 0,
			           "cannot create the folder: %s",
			           errno_text(errno, ebuf, sizeof(ebuf)));
			rc = -EX_IOERR;
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/* One integer from a PRAGMA, or a negative sqlite error code. */
static long long
pragma_int(sqlite3 *db, const char *sql, int *err)
{
	sqlite3_stmt *s = NULL;
	long long v = 0;

	*err = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (*err == SQLITE_OK) {
		*err = sqlite3_step(s);
		if (*err == SQLITE_ROW) {
			v = sqlite3_column_int64(s, 0);
			*err = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return v;
}

/* "file:PATH?immutable=1" with PATH escaped for a URI. */
static char *
immutable_uri(const char *path)
{
	struct strbuf sb = { 0 };

	strbuf_adds(&sb, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 ||
		    *p >= 0x7f)
			strbuf_addf(&sb, "%%%02X", *p);
		else
			strbuf_addch(&sb, *p);
	strbuf_adds(&sb, "?immutable=1");
	return strbuf_detach(&sb);
}

/*
 * Look at an existing file through a read-only connection, so nothing is
 * written to a file we refuse: not a database, corrupt, some other
 * program's database, or from a newer trainer.
 */
static int
inspect(const char *path, struct diag_list *diags)
{
	sqlite3 *db = NULL;
	long long app = 0, version = 0, objects = 0;
	int err, rc = 0;
	char *uri;

	/* immutable: read the file as it is, without locks or journals, so
	 * not even an empty -wal or -shm file appears beside it */
	uri = immutable_uri(path);
	err = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
	                      NULL);
	free(uri);
	if (err == SQLITE_OK) {
		app = pragma_int(db, "PRAGMA application_id", &err);
		if (err == SQLITE_OK)
			version = pragma_int(db, "PRAGMA user_version", &err);
		if (err == SQLITE_OK)
			objects = pragma_int(
			    db, "SELECT count(*) FROM sqlite_schema", &err);
	}
	if ((err & 0xff) == SQLITE_NOTADB) {
		diag_error(diags, path, 0, 0,
		           "is not a database (it was left as it is)");
		rc = -EX_IOERR;
	} else if ((err & 0xff) == SQLITE_CORRUPT) {
		diag_error(diags, path, 0, 0,
		           "the database is corrupt (it was left as it is; "
		           "restore a backup, or try 'sqlite3 FILE .recover')");
		rc = -EX_IOERR;
	} else if (err != SQLITE_OK) {
		diag_error(diags, path, 0, 0, "cannot open the database: %s",
		           db ? sqlite3_errmsg(db) : sqlite3_errstr(err));
		rc = -EX_IOERR;
	} else if (app != SCHEMA_APPLICATION_ID && (app != 0 || objects > 0)) {
		diag_error(diags, path, 0, 0,
		           "is an SQLite database, but not a trainer progress "
		           "database (it was left as it is)");
		rc = -EX_IOERR;
	} else if (version > STORE_VERSION) {
		diag_error(diags, path, 0, 0,
		           "the database was written by a newer trainer "
		           "(schema version %lld; this one knows up to %d): "
		           "update trainer to use it",
		           version, STORE_VERSION);
		rc = -EX_IOERR;
	}
	sqlite3_close(db);
	return rc;
}

static int
migrate(struct store *st, struct diag_list *diags)
{
	int err, rc;
	long long version;
	char sql[96];

	/* Up to date, as it is on every start but the first after an
	 * update: no write lock, no write. */
	version = pragma_int(st->db, "PRAGMA user_version", &err);
	if (err == SQLITE_OK && version == STORE_VERSION)
		return 0;
	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	version = pragma_int(st->db, "PRAGMA user_version", &err);
	if (err != SQLITE_OK) {
		rc = store_fail(st, diags, "cannot read the schema version");
		goto out;
	}
	if (version > STORE_VERSION) { /* another process was quicker */
		diag_error(diags, st->path, 0, 0,
		           "the database was written by a newer trainer "
		           "(schema version %lld; this one knows up to %d)",
		           version, STORE_VERSION);
		rc = -EX_IOERR;
		goto out;
	}
	for (long long v = version; v < STORE_VERSION; v++)
		if ((rc = store_exec(st, schema_migrations[v], diags)) < 0)
			goto out;
	snprintf(sql, sizeof(sql),
	         "PRAGMA user_version = %d; PRAGMA application_id = %d",
	         STORE_VERSION, SCHEMA_APPLICATION_ID);
	if ((rc = store_exec(st, sql, diags)) < 0)
		goto out;
	rc = store_exec(st, "COMMIT", diags);
out:
	if (rc < 0)
		rollback(st);
	return rc;
}

int
store_open(const char *path, struct store **out, struct diag_list *diags)
{
	struct store *st;
	struct stat sb;
	char *mode;
	int rc, err;

	*out = NULL;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			diag_error(diags, path, 0, 0,
			           "is a folder, not a database file");
			return -EX_IOERR;
		}
		if (sb.st_size > 0 && (rc = inspect(path, diags)) < 0)
			return rc;
	} else if ((rc = make_parents(path, diags)) < 0) {
		return rc;
	}

	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	err = sqlite3_open_v2(path, &st->db,
	                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (err != SQLITE_OK) {
		rc = store_fail(st, diags, "cannot open the database");
		goto fail;
	}
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		diag_error(diags, path, 0, 0,
		           "the database is read-only (check the permissions "
		           "of the file and its folder)");
		rc = -EX_IOERR;
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	{
		sqlite3_stmt *s =
		    store_prepare(st, "PRAGMA journal_mode=WAL", diags);

		mode = NULL;
		if (s && sqlite3_step(s) == SQLITE_ROW)
			mode = xstrdup((const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		if (mode == NULL || strcmp(mode, "wal") != 0) {
			if (diags->nerrors == 0)
				store_fail(st, diags,
				           "cannot use write-ahead logging");
			free(mode);
			rc = -EX_IOERR;
			goto fail;
		}
		free(mode);
	}
	if ((rc = store_exec(st,
	                     "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON",
	                     diags)) < 0 ||
	    (rc = migrate(st, diags)) < 0)
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	return rc;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int
store_version(struct store *st)
{
	int err;

	return (int)pragma_int(st->db, "PRAGMA user_version", &err);
}

struct sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

/* ---- cards ---- */

static const char cards_sql[] =
    "SELECT c.id, d.name, c.key, c.type, c.content, c.state, c.stability,"
    " c.difficulty, c.step, c.scheduled_days, c.reps, c.lapses, c.due,"
    " c.last_review, c.last_day, c.suspended, c.buried_until"
    " FROM cards c JOIN decks d ON d.id = c.deck_id"
    " WHERE c.retired = 0"
    " AND (?1 IS NULL OR d.name = ?1)"
    " AND (json_array_length(?2) = 0 OR EXISTS (SELECT 1 FROM card_tags t"
    "  WHERE t.card_id = c.id AND t.tag IN (SELECT value FROM json_each(?2))))"
    " AND (?3 = 0 OR (c.suspended = 0 AND (c.buried_until = 0 OR "
    "c.buried_until <= ?4)"
    "  AND ((c.state != 0 AND c.due <= ?4) OR (?5 AND c.state = 0))))"
    " ORDER BY d.name, c.position";

/* Read the memory state in columns 'col'... of 's'. */
static void
read_mem(sqlite3_stmt *s, int col, struct fsrs_card *m)
{
	m->state = (enum fsrs_state)sqlite3_column_int(s, col);
	m->stability = sqlite3_column_double(s, col + 1);
	m->difficulty = sqlite3_column_double(s, col + 2);
	m->step = sqlite3_column_int(s, col + 3);
	m->scheduled_days = sqlite3_column_int(s, col + 4);
	m->reps = sqlite3_column_int(s, col + 5);
	m->lapses = sqlite3_column_int(s, col + 6);
	m->due = sqlite3_column_int64(s, col + 7);
	m->last_review = sqlite3_column_int64(s, col + 8);
	m->last_day = sqlite3_column_int64(s, col + 9);
}

char *
store_tags_json(const struct strlist *tags)
{
	json_t *a = json_array();
	char *text;

	for (size_t i = 0; tags && i < tags->n; i++) {
		json_t *t = json_string(tags->v[i]);

		if (t) /* a tag that is not UTF-8 matches no card anyway */
			json_array_append_new(a, t);
	}
	text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	if (text == NULL)
		abort(); /* out of memory */
	return text;
}

int
store_cards(struct store *st, const struct store_filter *f,
            struct store_card **cards, size_t *n, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(st, cards_sql, diags);
	struct store_card *v = NULL;
	size_t count = 0, alloc = 0;
	char *tags = store_tags_json(f->tags);
	int err, rc = 0;

	*cards = NULL;
	*n = 0;
	if (s == NULL) {
		free(tags);
		return -EX_IOERR;
	}
	sqlite3_bind_text(s, 1, f->deck, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, tags, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, f->due_only);
	sqlite3_bind_int64(s, 4, f->now);
	sqlite3_bind_int(s, 5, f->with_new);
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_card *c;

		v = xgrow(v, &alloc, count + 1, sizeof(*v));
		c = &v[count];
		memset(c, 0, sizeof(*c));
		c->id = sqlite3_column_int64(s, 0);
		c->deck = xstrdup((const char *)sqlite3_column_text(s, 1));
		if (content_to_card((const char *)sqlite3_column_text(s, 2),
		                    (const char *)sqlite3_column_text(s, 3),
		                    (const char *)sqlite3_column_text(s, 4),
		                    &c->card) < 0) {
			diag_error(diags, st->path, 0, 0,
			           "card %lld has content this trainer cannot "
			           "read; run 'trainer db check'",
			           c->id);
			free(c->deck);
			rc = -EX_DATAERR;
			continue;
		}
		read_mem(s, 5, &c->mem);
		c->mem.seed = fsrs_seed(c->card.id) ^ fsrs_seed(c->deck);
		c->suspended = sqlite3_column_int(s, 15);
		c->buried_until = sqlite3_column_int64(s, 16);
		count++;
	}
	if (err != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot read the cards");
	sqlite3_finalize(s);
	free(tags);
	*cards = v;
	*n = count;
	return rc;
}

void
store_cards_free(struct store_card *cards, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(cards[i].deck);
		card_release(&cards[i].card);
	}
	free(cards);
}

int
store_card_state(struct store *st, long long card, struct fsrs_card *mem,
                 struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT state, stability, difficulty, step, scheduled_days, reps,"
	    " lapses, due, last_review, last_day FROM cards WHERE id = ?",
	    diags);
	uint64_t seed = mem->seed;
	int err, rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	err = sqlite3_step(s);
	if (err == SQLITE_ROW) {
		read_mem(s, 0, mem);
		mem->seed = seed;
	} else if (err == SQLITE_DONE) {
		diag_error(diags, st->path, 0, 0, "no card %lld", card);
		rc = -EX_DATAERR;
	} else {
		rc = store_fail(st, diags, "cannot read the card");
	}
	sqlite3_finalize(s);
	return rc;
}

long long
store_new_on_day(struct store *st, long long day)
{
	sqlite3_stmt *s = NULL;
	long long n = 0;

	if (sqlite3_prepare_v2(st->db,
	                       "SELECT total(new_cards) FROM day_stats WHERE"
	                       " day = ?",
	                       -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, day);
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return n;
}

int
store_has_deck(struct store *st, const char *name)
{
	sqlite3_stmt *s = NULL;
	int found = 0;

	if (sqlite3_prepare_v2(
	        st->db, "SELECT 1 FROM decks WHERE name = ? AND retired = 0",
	        -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(s) == SQLITE_ROW;
	}
	sqlite3_finalize(s);
	return found;
}

/* Run a one-row UPDATE with two bound integers in its own transaction. */
static int
update_card(struct store *st, const char *sql, long long card, long long v,
            struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(st, sql, diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, v);
	sqlite3_bind_int64(s, 2, card);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot update the card");
	else if (sqlite3_changes(st->db) != 1) {
		diag_error(diags, st->path, 0, 0, "no card %lld", card);
		rc = -EX_DATAERR;
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_suspend(struct store *st, long long card, int suspended,
              struct diag_list *diags)
{
	return update_card(st, "UPDATE cards SET suspended = ?1 WHERE id = ?2",
	                   card, suspended != 0, diags);
}

int
store_bury(struct store *st, long long card, long long until,
           struct diag_list *diags)
{
	/* 0 means not buried: a bury until 1970-01-01T00:00:00Z ends a
	 * second later */
	return update_card(st,
	                   "UPDATE cards SET buried_until = ?1 WHERE id = ?2",
	                   card, until == 0 ? 1 : until, diags);
}

/* ---- sessions and answers ---- */

int
store_session_begin(struct store *st, const char *mode, const char *filters,
                    long long now, long long *id, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "INSERT INTO sessions (mode, filters, started_at) VALUES (?, ?, ?)",
	    diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, mode, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, filters, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, now);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot start the session");
	else
		*id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return rc;
}

int
store_session_end(struct store *st, long long id, long long now,
                  struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "UPDATE sessions SET ended_at = ?2,"
	    " questions = (SELECT count(*) FROM reviews WHERE session_id = ?1"
	    "  AND verdict != 'skipped'),"
	    " right = (SELECT count(*) FROM reviews WHERE session_id = ?1"
	    "  AND verdict IN ('right', 'close')),"
	    " duration_ms = (SELECT coalesce(sum(duration_ms), 0) FROM reviews"
	    "  WHERE session_id = ?1)"
	    " WHERE id = ?1",
	    diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, now);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot end the session");
	sqlite3_finalize(s);
	return rc;
}

static const char insert_review_sql[] =
    "INSERT INTO reviews (card_id, session_id, time, day, rating, answer,"
    " verdict, hinted, duration_ms, scheduled, b_state, b_stability,"
    " b_difficulty, b_step, b_scheduled_days, b_reps, b_lapses, b_due,"
    " b_last_review, b_last_day, a_state, a_stability, a_difficulty,"
    " a_scheduled_days, a_due) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, ?6,"
    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
    " ?21, ?22, ?23, ?24, ?25)";

static const char update_state_sql[] =
    "UPDATE cards SET state = ?2, stability = ?3, difficulty = ?4,"
    " step = ?5, scheduled_days = ?6, reps = ?7, lapses = ?8, due = ?9,"
    " last_review = ?10, last_day = ?11 WHERE id = ?1"
    " AND (?12 = 0 OR (reps = ?13 AND last_review = ?14))";

/* Bind the memory state 'm' to parameters 'first'... of 's'. */
static void
bind_mem(sqlite3_stmt *s, int first, const struct fsrs_card *m)
{
	sqlite3_bind_int(s, first, (int)m->state);
	sqlite3_bind_double(s, first + 1, m->stability);
	sqlite3_bind_double(s, first + 2, m->difficulty);
	sqlite3_bind_int(s, first + 3, m->step);
	sqlite3_bind_int(s, first + 4, m->scheduled_days);
	sqlite3_bind_int(s, first + 5, m->reps);
	sqlite3_bind_int(s, first + 6, m->lapses);
	sqlite3_bind_int64(s, first + 7, m->due);
	sqlite3_bind_int64(s, first + 8, m->last_review);
	sqlite3_bind_int64(s, first + 9, m->last_day);
}

/*
 * Write the memory state 'm' to card 'card'.  With 'expect', only if the
 * card is still in that state: else another session answered it first,
 * and the result is -EX_TEMPFAIL.
 */
static int
write_state(struct store *st, long long card, const struct fsrs_card *m,
            const struct fsrs_card *expect, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(st, update_state_sql, diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	bind_mem(s, 2, m);
	sqlite3_bind_int(s, 12, expect != NULL);
	if (expect) {
		sqlite3_bind_int(s, 13, expect->reps);
		sqlite3_bind_int64(s, 14, expect->last_review);
	}
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot save the card");
	else if (sqlite3_changes(st->db) != 1 && expect) {
		diag_error(diags, st->path, 0, 0,
		           "the card was answered meanwhile in another "
		           "session");
		rc = -EX_TEMPFAIL;
	} else if (sqlite3_changes(st->db) != 1) {
		diag_error(diags, st->path, 0, 0, "no card %lld", card);
		rc = -EX_DATAERR;
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_answer(struct store *st, const struct store_answer *a, long long *review,
             struct diag_list *diags)
{
	const struct fsrs_card *after = a->after ? a->after : a->before;
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	s = store_prepare(st, insert_review_sql, diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, a->card);
	sqlite3_bind_int64(s, 2, a->session);
	sqlite3_bind_int64(s, 3, a->when.time);
	sqlite3_bind_int64(s, 4, a->when.day);
	sqlite3_bind_int(s, 5, a->rating);
	sqlite3_bind_text(s, 6, a->answer ? a->answer : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, a->verdict, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 8, a->hinted != 0);
	sqlite3_bind_int64(s, 9, a->duration_ms);
	sqlite3_bind_int(s, 10, a->after != NULL);
	bind_mem(s, 11, a->before);
	sqlite3_bind_int(s, 21, (int)after->state);
	sqlite3_bind_double(s, 22, after->stability);
	sqlite3_bind_double(s, 23, after->difficulty);
	sqlite3_bind_int(s, 24, after->scheduled_days);
	sqlite3_bind_int64(s, 25, after->due);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(st, diags, "cannot save the answer");
		goto out;
	}
	*review = sqlite3_last_insert_rowid(st->db);
	if (a->after &&
	    (rc = write_state(st, a->card, a->after, a->before, diags)) < 0)
		goto out;
	rc = store_exec(st, "COMMIT", diags);
out:
	sqlite3_finalize(s);
	if (rc < 0)
		rollback(st);
	return rc;
}

int
store_undo(struct store *st, long long review, struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;
	struct fsrs_card before;
	long long card;
	int rc, scheduled, err;

	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	s = store_prepare(st,
	                  "SELECT card_id, scheduled, b_state, b_stability,"
	                  " b_difficulty, b_step, b_scheduled_days, b_reps,"
	                  " b_lapses, b_due, b_last_review, b_last_day,"
	                  " (SELECT count(*) FROM reviews n WHERE n.card_id ="
	                  "  r.card_id AND n.id > r.id AND n.scheduled = 1)"
	                  " FROM reviews r WHERE id = ?",
	                  diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, review);
	err = sqlite3_step(s);
	if (err != SQLITE_ROW) {
		if (err == SQLITE_DONE) {
			diag_error(diags, st->path, 0, 0, "no answer %lld",
			           review);
			rc = -EX_DATAERR;
		} else {
			rc = store_fail(st, diags, "cannot read the answer");
		}
		goto out;
	}
	card = sqlite3_column_int64(s, 0);
	scheduled = sqlite3_column_int(s, 1);
	read_mem(s, 2, &before);
	if (scheduled && sqlite3_column_int(s, 12) > 0) {
		diag_error(diags, st->path, 0, 0,
		           "the card has been answered again since; only the "
		           "latest answer can be taken back");
		rc = -EX_DATAERR;
		goto out;
	}
	sqlite3_finalize(s);
	s = NULL;
	if (scheduled && (rc = write_state(st, card, &before, NULL, diags)) < 0)
		goto out;
	s = store_prepare(st, "DELETE FROM reviews WHERE id = ?", diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, review);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(st, diags, "cannot take the answer back");
		goto out;
	}
	rc = store_exec(st, "COMMIT", diags);
out:
	sqlite3_finalize(s);
	if (rc < 0)
		rollback(st);
	return rc;
}

/* ---- settings ---- */

char *
store_setting(struct store *st, const char *key)
{
	sqlite3_stmt *s = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(st->db,
	                       "SELECT value FROM settings WHERE key = ?", -1,
	                       &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			v = xstrdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return v;
}

int
store_set_setting(struct store *st, const char *key, const char *value,
                  struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
	    diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot save the setting");
	sqlite3_finalize(s);
	return rc;
}

/* ---- whole file ---- */

int
store_backup(struct store *st, const char *file, struct diag_list *diags)
{
	sqlite3_stmt *s;
	struct stat sb;
	int rc = 0;

	if (stat(file, &sb) == 0) {
		diag_error(diags, file, 0, 0,
		           "already exists; a backup never overwrites a file");
		return -EX_IOERR;
	}
	if ((rc = make_parents(file, diags)) < 0)
		return rc;
	s = store_prepare(st, "VACUUM INTO ?", diags);
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, file, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		diag_error(diags, file, 0, 0, "cannot write the backup: %s",
		           sqlite3_errmsg(st->db));
		rc = -EX_IOERR;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Each check: a query returning one row per problem, and how to say it. */
static const struct {
	const char *sql;
	const char *say; /* printf: the row's first column as text */
} checks[] = {
	{ "SELECT id FROM cards WHERE state IN (2, 3) AND stability <= 0",
	  "card %s is in review but has no stability" },
	{ "SELECT id FROM cards WHERE state != 0 AND (difficulty < 1 OR "
	  "difficulty > 10)",
	  "card %s has a difficulty outside 1 to 10" },
	{ "SELECT id FROM cards WHERE state = 0 AND reps > 0",
	  "card %s is new but has been reviewed" },
	{ "SELECT c.id FROM cards c WHERE c.reps != (SELECT count(*) FROM "
	  "reviews r WHERE r.card_id = c.id AND r.scheduled = 1)",
	  "card %s: its review count does not match its log" },
	{ "SELECT c.id FROM cards c JOIN reviews r ON r.id = (SELECT max(id) "
	  "FROM reviews WHERE card_id = c.id AND scheduled = 1) WHERE "
	  "r.a_state != c.state OR r.a_due != c.due",
	  "card %s: its state is not the one its last answer left" },
	{ "SELECT id FROM sessions WHERE ended_at < started_at",
	  "session %s ends before it starts" },
	{ "SELECT c.id FROM cards c WHERE NOT json_valid(c.content)",
	  "card %s: its content is not valid JSON" },
	{ "SELECT day FROM (SELECT r.day, c.deck_id, count(*) FROM reviews r"
	  " JOIN cards c ON c.id = r.card_id GROUP BY 1, 2 EXCEPT"
	  " SELECT day, deck_id, answers FROM day_stats WHERE answers != 0)"
	  " UNION SELECT day FROM (SELECT day, deck_id, answers FROM day_stats"
	  " WHERE answers != 0 EXCEPT SELECT r.day, c.deck_id, count(*) FROM"
	  " reviews r JOIN cards c ON c.id = r.card_id GROUP BY 1, 2)",
	  "the daily sums of day %s do not match the answer log" },
};

int
store_check(struct store *st, struct diag_list *diags)
{
	sqlite3_stmt *s;
	size_t before = diags->nerrors;
	int err;

	s = store_prepare(st, "PRAGMA integrity_check", diags);
	if (s == NULL)
		return -EX_IOERR;
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(s, 0);

		if (strcmp(msg, "ok") != 0)
			diag_error(diags, st->path, 0, 0, "integrity check: %s",
			           msg);
	}
	sqlite3_finalize(s);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "integrity check failed");

	s = store_prepare(st, "PRAGMA foreign_key_check", diags);
	if (s == NULL)
		return -EX_IOERR;
	while (sqlite3_step(s) == SQLITE_ROW)
		diag_error(diags, st->path, 0, 0,
		           "row %lld of '%s' refers to a missing row of '%s'",
		           (long long)sqlite3_column_int64(s, 1),
		           (const char *)sqlite3_column_text(s, 0),
		           (const char *)sqlite3_column_text(s, 2));
	sqlite3_finalize(s);

	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		s = store_prepare(st, checks[i].sql, diags);
		if (s == NULL)
			return -EX_IOERR;
		while (sqlite3_step(s) == SQLITE_ROW)
			diag_error(diags, st->path, 0, 0, checks[i].say,
			           (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	return diags->nerrors > before ? -EX_DATAERR : 0;
}
