/*
 * store.c - the progress store: opening, migrations, cards, answers,
 * undo, sessions, settings, backup and checks.  Deck sync is in sync.c.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "schema.h"
#include "store-impl.h"
#include "wfile.h"

int
store_fail(struct store *st, struct diag_list *diags, const char *what)
{
	int code = sqlite3_errcode(st->db) & 0xff,
	    sys = sqlite3_system_errno(st->db);

	if (code == SQLITE_READONLY)
		diag_error(diags, st->path, 0, 0,
		           "the database is read-only (check the permissions "
		           "of the file and its folder)");
	else if (code == SQLITE_FULL ||
	         (code == SQLITE_IOERR &&
	          (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)))
		/* a transaction that could not be written is rolled back
		 * whole: what was saved before is still there */
		diag_error(diags, st->path, 0, 0,
		           "%s: the disk is full (or a file size limit was "
		           "reached); nothing saved before was lost",
		           what);
	else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		diag_error(diags, st->path, 0, 0,
		           "%s: the database is corrupt (restore a backup, or "
		           "try 'sqlite3 FILE .recover')",
		           what);
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
store_kept(struct store *st, sqlite3_stmt **slot, const char *sql,
           struct diag_list *diags)
{
	if (*slot) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return *slot;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot,
	                       NULL) != SQLITE_OK) {
		store_fail(st, diags, "database error");
		sqlite3_finalize(*slot);
		*slot = NULL;
	}
	return *slot;
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

/* Count the work SQLite does, a hundred steps at a time (store_work). */
static int
count_work(void *arg)
{
	((struct store *)arg)->work++;
	return 0;
}

long long
store_work(const struct store *st)
{
	return st ? st->work : 0;
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
 * Refuse a schema version this program cannot open: below 0 no trainer
 * ever wrote, above STORE_VERSION a newer one did.  Returns 0 or
 * -EX_IOERR with a diagnostic.
 */
static int
check_version(const char *path, long long version, struct diag_list *diags)
{
	if (version < 0) {
		diag_error(diags, path, 0, 0,
		           "is not a trainer progress database (schema "
		           "version %lld; it was left as it is)",
		           version);
		return -EX_IOERR;
	}
	if (version > STORE_VERSION) {
		diag_error(diags, path, 0, 0,
		           "the database was written by a newer trainer "
		           "(schema version %lld; this one knows up to %d): "
		           "update trainer to use it",
		           version, STORE_VERSION);
		return -EX_IOERR;
	}
	return 0;
}

/* Does 'path' + 'suffix' exist (with more than 'min' bytes)? */
static int
beside(const char *path, const char *suffix, long long min)
{
	char *name = xasprintf("%s%s", path, suffix);
	struct stat sb;
	int found = lstat(name, &sb) == 0 && (long long)sb.st_size > min;

	free(name);
	return found;
}

/*
 * Look at an existing file through a read-only connection, so nothing is
 * written to a file we refuse: not a database, corrupt, some other
 * program's database, or from a newer trainer.
 *
 * Without a -wal beside it (or with an empty one) the file is all there
 * is: it is read immutable, so not even an empty -wal or -shm appears
 * beside it.  With a -wal, its commits count (the last ones may be only
 * there, after a kill during the close-time checkpoint): it is read by a
 * plain read-only connection, which never writes the file or its -wal.
 * The -shm that connection may create is removed again when the file is
 * refused; one that was there already is left as it is.
 */
static int
inspect(const char *path, long long *schema, struct diag_list *diags)
{
	sqlite3 *db = NULL;
	long long app = 0, version = 0, objects = 0;
	int err, rc = 0;
	int wal = beside(path, "-wal", 0), had_shm = beside(path, "-shm", -1);
	char *uri;

	if (wal) {
		err = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
		if (err == SQLITE_OK)
			sqlite3_busy_timeout(db, 5000);
	} else {
		uri = immutable_uri(path);
		err = sqlite3_open_v2(
		    uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		free(uri);
	}
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
	} else {
		rc = check_version(path, version, diags);
		*schema = version;
	}
	sqlite3_close(db);
	if (rc < 0 && wal && !had_shm) {
		char *shm = xasprintf("%s-shm", path);

		unlink(shm);
		free(shm);
	}
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
	/* another process may have changed it since inspect() */
	if ((rc = check_version(st->path, version, diags)) < 0)
		goto out;
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

/* The big-endian number of 'n' bytes at 'p'. */
static unsigned long
be(const unsigned char *p, int n)
{
	unsigned long v = 0;

	while (n-- > 0)
		v = v << 8 | *p++;
	return v;
}

/*
 * Is the file 'path' (of 'size' bytes) plainly a whole trainer database
 * of a schema this program knows, its version in '*version'?  Read from
 * its 100-byte header (the SQLite file format): the magic string, our
 * application id, the schema version, and a page count that matches the
 * file's size.  Without a -wal the file is all there is, so this is what
 * inspect() would find out, without parsing the schema; anything else
 * (a -wal with commits in it, a short file, another program's) is left
 * to inspect().
 */
static int
plainly_ours(const char *path, off_t size, long long *version)
{
	unsigned char h[100];
	unsigned long page;
	int fd, ok;

	if (beside(path, "-wal", 0) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	ok = pread(fd, h, sizeof(h), 0) == (ssize_t)sizeof(h);
	close(fd);
	if (!ok || memcmp(h, "SQLite format 3", 16) != 0 ||
	    (long)be(h + 68, 4) != SCHEMA_APPLICATION_ID)
		return 0;
	page = be(h + 16, 2) == 1 ? 65536 : be(h + 16, 2);
	*version = (long long)be(h + 60, 4);
	/* the page count is valid while the change counter matches the
	 * "version valid for" number beside it */
	return *version >= 1 && *version <= STORE_VERSION &&
	       be(h + 24, 4) == be(h + 92, 4) &&
	       (unsigned long long)page * be(h + 28, 4) ==
	           (unsigned long long)size;
}

/*
 * The checks before SQLite sees 'path': a folder, a device or a FIFO is
 * refused; a file is inspected, its schema version going to '*version'
 * (0 for an empty file).  Returns 1 when the file exists, 0 when it does
 * not, or a negative status with a diagnostic.
 */
static int
check_file(const char *path, long long *version, struct diag_list *diags)
{
	struct stat sb;
	char ebuf[128];
	int rc;

	*version = 0;
	if (stat(path, &sb) < 0) {
		if (errno == ENOENT)
			return 0;
		diag_error(diags, path, 0, 0, "cannot open the database: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_IOERR;
	}
	if (S_ISDIR(sb.st_mode)) {
		diag_error(diags, path, 0, 0,
		           "is a folder, not a database file");
		return -EX_IOERR;
	}
	/* a device or a FIFO: SQLite would block on it or put a journal
	 * beside it */
	if (!S_ISREG(sb.st_mode)) {
		diag_error(diags, path, 0, 0,
		           "is not a regular file, so it cannot be a "
		           "database (it was left as it is)");
		return -EX_IOERR;
	}
	if (sb.st_size > 0 && !plainly_ours(path, sb.st_size, version) &&
	    (rc = inspect(path, version, diags)) < 0)
		return rc;
	return 1;
}

int
store_open(const char *path, struct store **out, struct diag_list *diags)
{
	struct store *st;
	long long version;
	char *mode;
	int rc, err, had_wal = beside(path, "-wal", 0);

	*out = NULL;
	if ((rc = check_file(path, &version, diags)) < 0)
		return rc;
	if (rc == 0 && (rc = make_parents(path, diags)) < 0)
		return rc;

	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	st->created = rc == 0;
	err = sqlite3_open_v2(path, &st->db,
	                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (err != SQLITE_OK) {
		rc = store_fail(st, diags, "cannot open the database");
		goto fail;
	}
	sqlite3_progress_handler(st->db, 100, count_work, st);
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
	/* a refused file keeps its -wal: no checkpoint into it on close */
	if (had_wal && st->db)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
		                  (int *)NULL);
	/* a database we began to create and could not finish (a full
	 * disk) is removed, unless another trainer made it whole meanwhile */
	if (st->created && st->db &&
	    pragma_int(st->db, "SELECT count(*) FROM sqlite_schema", &err) ==
	        0) {
		char *wal = xasprintf("%s-wal", path),
		     *shm = xasprintf("%s-shm", path);

		store_close(st);
		unlink(path);
		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
		return rc;
	}
	store_close(st);
	return rc;
}

/* Open 'st->path' read-only; 'immutable': as a file nobody writes. */
static int
open_readonly(struct store *st, int immutable)
{
	char *uri = immutable ? immutable_uri(st->path) : NULL;
	int err;

	err = sqlite3_open_v2(
	    uri ? uri : st->path, &st->db,
	    SQLITE_OPEN_READONLY | (uri ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (err == SQLITE_OK) {
		sqlite3_busy_timeout(st->db, 5000);
		/* the first read opens the -wal and -shm: fails here if
		 * they cannot be */
		if (pragma_int(st->db, "PRAGMA user_version", &err) !=
		        STORE_VERSION &&
		    err == SQLITE_OK)
			err = SQLITE_SCHEMA;
	}
	return err;
}

int
store_open_readonly(const char *path, struct store **out,
                    struct diag_list *diags)
{
	struct store *st = NULL;
	long long version;
	int rc, err;

	*out = NULL;
	if ((rc = check_file(path, &version, diags)) < 0)
		return rc;
	if (rc == 0 || version == 0) {
		diag_error(diags, path, 0, 0,
		           "no progress database here yet (a 'trainer "
		           "review' creates it)");
		return -EX_NOINPUT;
	}
	/* a file from an older trainer is brought up to date first: the
	 * one write a reading command makes */
	if (version < STORE_VERSION) {
		if ((rc = store_open(path, &st, diags)) < 0)
			return rc;
		store_close(st);
	}
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	err = open_readonly(st, 0);
	/* A folder nobody may write: SQLite cannot make the -wal and -shm
	 * it wants.  Without a -wal no trainer is writing (it could not
	 * make one either), so the file can be read as it is. */
	if (((err & 0xff) == SQLITE_CANTOPEN ||
	     (err & 0xff) == SQLITE_READONLY) &&
	    !beside(path, "-wal", -1)) {
		sqlite3_close(st->db);
		st->db = NULL;
		err = open_readonly(st, 1);
	}
	if (err == SQLITE_SCHEMA) {
		diag_error(diags, path, 0, 0,
		           "the database's schema changed while it was opened; "
		           "try again");
		rc = -EX_IOERR;
	} else if (err != SQLITE_OK) {
		rc = store_fail(st, diags, "cannot open the database");
	}
	if (rc < 0) {
		store_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

int
store_created(const struct store *st)
{
	return st->created;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->insert_review);
	sqlite3_finalize(st->update_state);
	sqlite3_finalize(st->get_setting);
	sqlite3_finalize(st->unchanged_deck);
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
    " c.last_review, c.last_day, c.suspended, c.buried_until, c.retired"
    " FROM cards c JOIN decks d ON d.id = c.deck_id"
    " WHERE (c.retired = 0 OR ?6)"
    " AND (?1 IS NULL OR d.name = ?1)"
    " AND (json_array_length(?2) = 0 OR EXISTS (SELECT 1 FROM card_tags t"
    "  WHERE t.card_id = c.id AND t.tag IN (SELECT value FROM json_each(?2))))"
    " AND (?3 = 0 OR (c.suspended = 0 AND (c.buried_until = 0 OR "
    "c.buried_until <= ?4)"
    "  AND ((c.state != 0 AND ((c.scheduled_days >= 1 AND c.due < ?9)"
    "   OR (c.scheduled_days < 1 AND c.due <= ?4))) OR (?5 AND c.state = 0))))"
    " AND (?7 IS NULL OR c.key = ?7) AND (?8 = 0 OR c.suspended = 1)"
    " ORDER BY d.name, c.position";

/* The range of a time the store keeps: years 1 to 9999, in seconds and
 * in days. */
#define TIME_MIN (-62135596800LL)
#define TIME_MAX 253402300799LL
#define DAY_MIN  (-719162LL)
#define DAY_MAX  2932896LL

int
store_read_mem(sqlite3_stmt *s, int col, struct fsrs_card *m, char *why,
               size_t size)
{
	static const struct {
		const char *name;
		long long lo, hi;
	} ints[] = {
		{ "state", FSRS_NEW, FSRS_RELEARNING },
		{ "step", 0, 1000 },
		{ "scheduled_days", 0, 1000000 },
		{ "reps", 0, 100000000 },
		{ "lapses", 0, 100000000 },
		{ "due", TIME_MIN, TIME_MAX },
		{ "last_review", TIME_MIN, TIME_MAX },
		{ "last_day", DAY_MIN, DAY_MAX },
	};
	static const int at[] = { 0, 3, 4, 5, 6, 7, 8, 9 };
	long long v[8];
	double stability = sqlite3_column_double(s, col + 1);
	double difficulty = sqlite3_column_double(s, col + 2);

	for (size_t i = 0; i < 8; i++) {
		/* the type first: asked after a conversion it is undefined */
		int type = sqlite3_column_type(s, col + at[i]);

		v[i] = sqlite3_column_int64(s, col + at[i]);
		if (type != SQLITE_INTEGER || v[i] < ints[i].lo ||
		    v[i] > ints[i].hi) {
			const char *text =
			    (const char *)sqlite3_column_text(s, col + at[i]);

			snprintf(why, size, "its %s (%s) is out of range",
			         ints[i].name, text ? text : "null");
			return -1;
		}
	}
	if (!(stability >= 0 && stability <= 1e6) ||
	    !(difficulty >= 0 && difficulty <= 10)) {
		snprintf(
		    why, size,
		    "its stability (%g) or difficulty (%g) is out of range",
		    stability, difficulty);
		return -1;
	}
	m->state = (enum fsrs_state)v[0];
	m->stability = stability;
	m->difficulty = difficulty;
	m->step = (int)v[1];
	m->scheduled_days = (int)v[2];
	m->reps = (int)v[3];
	m->lapses = (int)v[4];
	m->due = v[5];
	m->last_review = v[6];
	m->last_day = v[7];
	return 0;
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
store_read_card(struct store *st, sqlite3_stmt *s, int light,
                struct store_card *c, struct diag_list *diags)
{
	const char *key = (const char *)sqlite3_column_text(s, 2);
	char why[160];

	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(s, 0);
	c->deck = xstrdup((const char *)sqlite3_column_text(s, 1));
	if (light && key) {
		c->card.id = xstrdup(key);
		if (store_read_mem(s, 5, &c->mem, why, sizeof(why)) < 0)
			goto bad;
	} else if (content_to_card(key, (const char *)sqlite3_column_text(s, 3),
	                           (const char *)sqlite3_column_text(s, 4),
	                           &c->card, why, sizeof(why)) < 0 ||
	           store_read_mem(s, 5, &c->mem, why, sizeof(why)) < 0) {
		goto bad;
	}
	c->mem.seed = fsrs_seed(c->card.id) ^ fsrs_seed(c->deck);
	c->suspended = sqlite3_column_int(s, 15);
	c->buried_until = sqlite3_column_int64(s, 16);
	c->retired = sqlite3_column_int(s, 17);
	c->has_content = !light;
	return 0;
bad:
	diag_add(diags, DIAG_WARNING, st->path, 0, 0,
	         "card '%s/%s' was left out: %s; run 'trainer db check'",
	         c->deck, key, why);
	free(c->deck);
	card_release(&c->card);
	memset(c, 0, sizeof(*c));
	return -1;
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
	sqlite3_bind_int(s, 6, f->with_retired);
	sqlite3_bind_text(s, 7, f->key, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 8, f->suspended_only);
	sqlite3_bind_int64(s, 9, f->day_end);
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &alloc, count + 1, sizeof(*v));
		if (store_read_card(st, s, f->light, &v[count], diags) == 0)
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
	char why[160];

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	err = sqlite3_step(s);
	if (err == SQLITE_ROW &&
	    store_read_mem(s, 0, mem, why, sizeof(why)) < 0) {
		diag_error(diags, st->path, 0, 0,
		           "card %lld cannot be scheduled: %s; run 'trainer db "
		           "check'",
		           card, why);
		rc = -EX_DATAERR;
	} else if (err == SQLITE_ROW) {
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

char *
store_deck_title(struct store *st, const char *name)
{
	sqlite3_stmt *s = NULL;
	char *title = NULL;

	if (sqlite3_prepare_v2(st->db,
	                       "SELECT title FROM decks WHERE name = ? AND"
	                       " retired = 0",
	                       -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			title =
			    xstrdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return title;
}

int
store_has_tag(struct store *st, const char *tag)
{
	sqlite3_stmt *s = NULL;
	int found = 0;

	/* the tag's cards from its index, not every tag of every card */
	if (sqlite3_prepare_v2(st->db,
	                       "SELECT 1 FROM card_tags t JOIN cards c"
	                       " ON c.id = t.card_id WHERE t.tag = ?"
	                       " AND c.retired = 0 LIMIT 1",
	                       -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, tag, -1, SQLITE_STATIC);
		found = sqlite3_step(s) == SQLITE_ROW;
	}
	sqlite3_finalize(s);
	return found;
}

int
store_names(struct store *st, enum store_names what, struct strlist *out,
            struct diag_list *diags)
{
	static const char *const sql[] = {
		[STORE_DECKS] = "SELECT name FROM decks WHERE retired = 0"
		                " ORDER BY name",
		[STORE_TAGS] = "SELECT DISTINCT t.tag FROM card_tags t"
		               " JOIN cards c ON c.id = t.card_id"
		               " WHERE c.retired = 0 ORDER BY t.tag",
		[STORE_CARD_NAMES] =
		    "SELECT d.name || '/' || c.key FROM cards c"
		    " JOIN decks d ON d.id = c.deck_id"
		    " WHERE c.retired = 0 ORDER BY 1",
	};
	sqlite3_stmt *s = store_prepare(st, sql[what], diags);
	int err;

	if (s == NULL)
		return -EX_IOERR;
	while ((err = sqlite3_step(s)) == SQLITE_ROW)
		strlist_push(out, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the names");
	return 0;
}

/* Run a one-row UPDATE with two bound integers (in its own transaction
 * unless one is open). */
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

/* Record event 'kind' about card 'card' with the integer field 'name'
 * 'value' (inside a transaction). */
static int
card_event(struct store *st, const char *kind, long long card, const char *name,
           long long value, struct diag_list *diags)
{
	char *deck = NULL, *key = NULL;
	json_t *f = NULL;
	int rc;

	if ((rc = store_card_name(st, card, &deck, &key, diags)) == 0) {
		f = json_pack("{sI}", name, (json_int_t)value);
		rc = store_event_add(st, kind, st->now * 1000, deck, key, NULL,
		                     f, NULL, diags);
	}
	json_decref(f);
	free(deck);
	free(key);
	return rc;
}

int
store_suspend(struct store *st, long long card, int suspended,
              struct diag_list *diags)
{
	int rc;

	if ((rc = store_exec(st, "SAVEPOINT suspend", diags)) < 0)
		return rc;
	rc = update_card(st, "UPDATE cards SET suspended = ?1 WHERE id = ?2",
	                 card, suspended != 0, diags);
	if (rc == 0)
		rc = card_event(st, "suspend", card, "on", suspended != 0,
		                diags);
	if (rc < 0)
		sqlite3_exec(st->db, "ROLLBACK TO suspend", NULL, NULL, NULL);
	sqlite3_exec(st->db, "RELEASE suspend", NULL, NULL, NULL);
	return rc;
}

int
store_skip(struct store *st, long long card, long long until,
           struct diag_list *diags)
{
	int rc;

	if ((rc = store_exec(st, "SAVEPOINT skip", diags)) < 0)
		return rc;
	rc = store_bury(st, card, until, diags);
	if (rc == 0)
		rc = card_event(st, "skip", card, "until", until, diags);
	if (rc < 0)
		sqlite3_exec(st->db, "ROLLBACK TO skip", NULL, NULL, NULL);
	sqlite3_exec(st->db, "RELEASE skip", NULL, NULL, NULL);
	return rc;
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

int
store_bury_restore(struct store *st, long long card, long long buried_until,
                   struct diag_list *diags)
{
	return update_card(st,
	                   "UPDATE cards SET buried_until = ?1 WHERE id = ?2",
	                   card, buried_until, diags);
}

int
store_suspend_cards(struct store *st, const long long *cards, size_t n,
                    int suspended, struct diag_list *diags)
{
	int rc;

	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = store_suspend(st, cards[i], suspended, diags);
	if (rc == 0)
		rc = store_exec(st, "COMMIT", diags);
	if (rc < 0)
		rollback(st);
	return rc;
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
	    "  AND verdict != 'skipped') + (SELECT count(*) FROM"
	    "  chrono_answers WHERE session_id = ?1 AND verdict != 'skipped'),"
	    " right = (SELECT count(*) FROM reviews WHERE session_id = ?1"
	    "  AND verdict IN ('right', 'close')) + (SELECT count(*) FROM"
	    "  chrono_answers WHERE session_id = ?1"
	    "  AND verdict IN ('right', 'close')),"
	    " duration_ms = (SELECT coalesce(sum(duration_ms), 0) FROM reviews"
	    "  WHERE session_id = ?1) + (SELECT coalesce(sum(duration_ms), 0)"
	    "  FROM chrono_answers WHERE session_id = ?1)"
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
	sqlite3_stmt *s =
	    store_kept(st, &st->update_state, update_state_sql, diags);
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
	sqlite3_reset(s);
	return rc;
}

int
store_answer(struct store *st, const struct store_answer *a, long long *review,
             struct diag_list *diags)
{
	const struct fsrs_card *after = a->after ? a->after : a->before;
	sqlite3_stmt *s = NULL;
	char *deck = NULL, *key = NULL;
	json_t *f = NULL;
	long long event = 0;
	int rc;

	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	/* the event first: it travels, the row is this machine's view */
	if ((rc = store_card_name(st, a->card, &deck, &key, diags)) < 0)
		goto out;
	f = json_object();
	json_object_set_new(f, "rating", json_integer(a->rating));
	{
		json_t *text = json_string(a->answer ? a->answer : "");

		/* an answer that is not UTF-8 cannot be JSON: it travels
		 * as a replacement character */
		json_object_set_new(f, "answer",
		                    text ? text : json_string("\xef\xbf\xbd"));
	}
	json_object_set_new(f, "verdict", json_string(a->verdict));
	json_object_set_new(f, "ms", json_integer(a->duration_ms));
	json_object_set_new(f, "hinted", json_integer(a->hinted != 0));
	json_object_set_new(f, "mode",
	                    json_string(a->mode ? a->mode : "review"));
	json_object_set_new(f, "sched", json_integer(a->after != NULL));
	if (a->params)
		json_object_set_new(f, "p", json_string(a->params));
	if ((rc = store_event_add(st, "review", a->when.time * 1000, deck, key,
	                          NULL, f, &event, diags)) < 0)
		goto out;
	s = store_kept(st, &st->insert_review, insert_review_sql, diags);
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
	if ((rc = store_event_review(st, event, *review, diags)) < 0)
		goto out;
	if (a->after &&
	    (rc = write_state(st, a->card, a->after, a->before, diags)) < 0)
		goto out;
	rc = store_exec(st, "COMMIT", diags);
out:
	if (s)
		sqlite3_reset(s);
	if (rc < 0)
		rollback(st);
	json_decref(f);
	free(deck);
	free(key);
	return rc;
}

int
store_undo(struct store *st, long long review, struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;
	struct fsrs_card before;
	long long card;
	int rc, scheduled, err;
	char why[160];

	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	s = store_prepare(st,
	                  "SELECT card_id, scheduled, b_state, b_stability,"
	                  " b_difficulty, b_step, b_scheduled_days, b_reps,"
	                  " b_lapses, b_due, b_last_review, b_last_day,"
	                  " (SELECT count(*) FROM reviews n WHERE n.card_id ="
	                  "  r.card_id AND n.id > r.id AND n.scheduled = 1),"
	                  " (SELECT e.device || ':' || e.seq FROM events e"
	                  "  WHERE e.review = r.id)"
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
	if (store_read_mem(s, 2, &before, why, sizeof(why)) < 0) {
		diag_error(diags, st->path, 0, 0,
		           "answer %lld cannot be taken back: the state it "
		           "saved is damaged (%s)",
		           review, why);
		rc = -EX_DATAERR;
		goto out;
	}
	if (scheduled && sqlite3_column_int(s, 12) > 0) {
		diag_error(diags, st->path, 0, 0,
		           "the card has been answered again since; only the "
		           "latest answer can be taken back");
		rc = -EX_DATAERR;
		goto out;
	}
	if (sqlite3_column_type(s, 13) == SQLITE_TEXT) {
		/* a tombstone that travels: the answer's event stays */
		const char *of = (const char *)sqlite3_column_text(s, 13);
		json_t *f = json_pack("{ss}", "of", of);
		char *deck = NULL, *key = NULL;

		rc = store_card_name(st, card, &deck, &key, diags);
		if (rc == 0)
			rc = store_event_add(st, "undo", st->now * 1000, deck,
			                     key, of, f, NULL, diags);
		json_decref(f);
		free(deck);
		free(key);
		if (rc < 0)
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
	struct diag_list quiet = { 0 };
	sqlite3_stmt *s =
	    store_kept(st, &st->get_setting,
	               "SELECT value FROM settings WHERE key = ?", &quiet);
	char *v = NULL;

	diag_list_release(&quiet);
	if (s == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return v;
}

/* Settings that belong to this machine and never travel. */
static int
local_setting(const char *key)
{
	return strcmp(key, "sync-dir") == 0;
}

/* Set 'key' to 'value' (NULL: remove it), recording the change as an
 * event unless the setting is this machine's own: in one transaction. */
static int
change_setting(struct store *st, const char *key, const char *value,
               struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;
	json_t *f = NULL;
	int rc;

	if ((rc = store_exec(st, "SAVEPOINT setting", diags)) < 0)
		return rc;
	s = store_prepare(st,
	                  value ? "INSERT OR REPLACE INTO settings (key, value)"
	                          " VALUES (?, ?)"
	                        : "DELETE FROM settings WHERE key = ?",
	                  diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (value)
		sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(st, diags, "cannot save the setting");
		goto out;
	}
	if (!local_setting(key)) {
		f = json_object();
		json_object_set_new(f, "key", json_string(key));
		json_object_set_new(f, "value",
		                    value ? json_string(value) : json_null());
		rc = store_event_add(st, "setting", st->now * 1000, NULL, NULL,
		                     key, f, NULL, diags);
	}
out:
	sqlite3_finalize(s);
	json_decref(f);
	if (rc < 0)
		sqlite3_exec(st->db, "ROLLBACK TO setting", NULL, NULL, NULL);
	sqlite3_exec(st->db, "RELEASE setting", NULL, NULL, NULL);
	return rc;
}

int
store_set_setting(struct store *st, const char *key, const char *value,
                  struct diag_list *diags)
{
	return change_setting(st, key, value, diags);
}

int
store_unset_setting(struct store *st, const char *key, struct diag_list *diags)
{
	return change_setting(st, key, NULL, diags);
}

/* ---- whole file ---- */

int
store_backup(struct store *st, const char *file, struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;
	struct wfile wf;
	struct stat sb;
	int rc = 0;

	if (lstat(file, &sb) == 0 && S_ISREG(sb.st_mode)) {
		diag_error(diags, file, 0, 0,
		           "already exists; a backup never overwrites a file");
		return -EX_IOERR;
	}
	/* VACUUM INTO a fresh empty file beside the target, linked into
	 * place once complete and synced: never half a backup, never
	 * through a planted symlink */
	if ((rc = make_parents(file, diags)) < 0 ||
	    (rc = wfile_open(&wf, file, WFILE_NEW, diags)) < 0)
		return rc;
	s = store_prepare(st, "VACUUM INTO ?", diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, wf.tmp, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		diag_error(diags, file, 0, 0, "cannot write the backup: %s",
		           sqlite3_errmsg(st->db));
		rc = -EX_IOERR;
		goto out;
	}
	rc = wfile_commit(&wf, diags);
out:
	sqlite3_finalize(s);
	wfile_abort(&wf);
	return rc;
}
