/*
 * store-sync-dir.c - "trainer sync", the journals' half: this machine's
 * events appended to its journal in the folder, the other journals read
 * from where the last sync stopped, all in one transaction with what
 * store-merge.c does with them.  See store-events.c for the properties
 * and journal.h for the format.
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
#include "merge-impl.h"

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
	if (id && (s = merge_prep(m, "SELECT n, body = ?2 FROM events WHERE"
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
	int rc = merge_exec(m, "UPDATE device SET seq = seq + 1 WHERE ?1 = ?1",
	                    0, NULL);

	if (rc == 0)
		rc = merge_exec(
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
		rc = merge_exec(
		    m,
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
	s = merge_prep(m, "SELECT offset, records, written FROM sync_out"
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
	if ((rc = merge_exec(m,
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
				rc = merge_import_event(m, json, path, records);
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
	s = merge_prep(m, "SELECT n, body, deck, card, kind, target FROM events"
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
				merge_touch_key(
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
	s = merge_prep(
	    m, "SELECT DISTINCT c.id FROM events e JOIN decks d"
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
		merge_touch_card(m, sqlite3_column_int64(s, 0));
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
	s = merge_prep(m, "INSERT OR REPLACE INTO sync_out (dir, offset,"
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
	s = merge_prep(m, "SELECT offset, records FROM sync_in WHERE dir = ?"
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
			rc = merge_import_event(m, json, path, records);
			free(json);
			json = NULL;
		}
		p += used;
	}
	if (rc < 0)
		goto out;
	s = merge_prep(m, "INSERT OR REPLACE INTO sync_in (dir, device, offset,"
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
		rc = merge_apply_pending(&m);
	step(&m, "waiting events applied");
	if (rc == 0)
		rc = merge_replay_cards(&m);
	step(&m, "cards replayed");
	if (rc == 0)
		rc = merge_apply_settings(&m);
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
