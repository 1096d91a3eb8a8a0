/*
 * sync.c - bringing the store in line with the deck files.
 *
 * One transaction per run.  Deck files are matched by their real path;
 * one whose size, modification time and loader version are as recorded
 * is not read at all, so start-up does not grow with unchanged decks.
 * Cards are matched by (deck, id): new ones are added, changed ones are
 * updated with the edit recorded, missing ones retired, returning ones
 * brought back with their history.
 */
#include "store.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "deckset.h"
#include "store-impl.h"

struct file_info {
	char *real; /* canonical path */
	long long size;
	long long mtime; /* nanoseconds */
};

static int
file_info(const char *path, struct file_info *fi)
{
	struct stat sb;
	char buf[PATH_MAX];

	if (stat(path, &sb) < 0 || realpath(path, buf) == NULL)
		return -1;
	fi->real = xstrdup(buf);
	fi->size = (long long)sb.st_size;
	fi->mtime =
	    (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	return 0;
}

/* The id and name of the live deck last synced from 'real', if its file
 * is unchanged; 0 otherwise. */
static long long
unchanged_deck(struct store *st, const struct file_info *fi, char **name)
{
	struct diag_list quiet = { 0 };
	sqlite3_stmt *s = store_kept(st, &st->unchanged_deck,
	                             "SELECT id, name FROM decks WHERE path = ?"
	                             " AND retired = 0 AND file_size = ? AND"
	                             " file_mtime = ? AND loader = ?",
	                             &quiet);
	long long id = 0;

	*name = NULL;
	diag_list_release(&quiet);
	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, fi->real, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, fi->size);
	sqlite3_bind_int64(s, 3, fi->mtime);
	sqlite3_bind_int(s, 4, DECK_LOADER_VERSION);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		*name = xstrdup((const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	return id;
}

int
store_deck_unchanged(struct store *st, const char *file, char **name)
{
	struct file_info fi;
	long long id;

	*name = NULL;
	if (file_info(file, &fi) < 0)
		return 0;
	id = unchanged_deck(st, &fi, name);
	free(fi.real);
	return id != 0;
}

/* Run 'sql' with integer parameter ?1 = 'a' (and text ?2 = 'b'). */
static int
run(struct store *st, const char *sql, long long a, const char *b,
    struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(st, sql, diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, a);
	if (b)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot sync the decks");
	sqlite3_finalize(s);
	return rc;
}

/* Retire deck 'id' and its cards. */
static int
retire_deck(struct store *st, long long id, struct store_sync *report,
            struct diag_list *diags)
{
	int rc = run(st,
	             "UPDATE cards SET retired = 1 WHERE deck_id = ?1 AND"
	             " retired = 0",
	             id, NULL, diags);

	if (rc == 0)
		report->retired += (size_t)sqlite3_changes(st->db);
	if (rc == 0)
		rc = run(st, "UPDATE decks SET retired = 1 WHERE id = ?1", id,
		         NULL, diags);
	return rc;
}

/* Insert or update the deck's own row; its id goes to '*id'. */
static int
upsert_deck(struct store *st, const struct deck *d, const struct file_info *fi,
            long long now, long long *id, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "INSERT INTO decks (name, title, source, description, path,"
	    " file_size, file_mtime, loader, synced_at, retired)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)"
	    " ON CONFLICT (name) DO UPDATE SET title = ?2, source = ?3,"
	    " description = ?4, path = ?5, file_size = ?6, file_mtime = ?7,"
	    " loader = ?8, synced_at = ?9, retired = 0"
	    " RETURNING id",
	    diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_text(s, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, d->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, d->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, d->description, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, fi->real, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, fi->size);
	sqlite3_bind_int64(s, 7, fi->mtime);
	sqlite3_bind_int(s, 8, DECK_LOADER_VERSION);
	sqlite3_bind_int64(s, 9, now);
	if (sqlite3_step(s) == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	else
		rc = store_fail(st, diags, "cannot sync the decks");
	sqlite3_finalize(s);
	return rc;
}

/* The statements used for every card, prepared once per sync. */
struct card_stmts {
	sqlite3_stmt *find, *insert, *update, *edit, *keep, *untag, *tag;
};

static void
card_stmts_release(struct card_stmts *cs)
{
	sqlite3_finalize(cs->find);
	sqlite3_finalize(cs->insert);
	sqlite3_finalize(cs->update);
	sqlite3_finalize(cs->edit);
	sqlite3_finalize(cs->keep);
	sqlite3_finalize(cs->untag);
	sqlite3_finalize(cs->tag);
}

static int
card_stmts_prepare(struct store *st, struct card_stmts *cs,
                   struct diag_list *diags)
{
	memset(cs, 0, sizeof(*cs));
	cs->find = store_prepare(st,
	                         "SELECT id, type, content, retired, position"
	                         " FROM cards WHERE deck_id = ? AND key = ?",
	                         diags);
	cs->insert = store_prepare(
	    st,
	    "INSERT INTO cards (deck_id, key, type, content, position, due,"
	    " added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
	    diags);
	cs->update = store_prepare(st,
	                           "UPDATE cards SET type = ?2, content = ?3,"
	                           " position = ?4, retired = 0 WHERE id = ?1",
	                           diags);
	cs->edit =
	    store_prepare(st,
	                  "INSERT INTO card_edits (card_id, time,"
	                  " old_content, new_content) VALUES (?, ?, ?, ?)",
	                  diags);
	cs->keep = store_prepare(
	    st, "INSERT OR IGNORE INTO temp.sync_keys (key) VALUES (?)", diags);
	cs->untag =
	    store_prepare(st, "DELETE FROM card_tags WHERE card_id = ?", diags);
	cs->tag = store_prepare(st,
	                        "INSERT OR IGNORE INTO card_tags (card_id, tag)"
	                        " VALUES (?, ?)",
	                        diags);
	if (!cs->find || !cs->insert || !cs->update || !cs->edit || !cs->keep ||
	    !cs->untag || !cs->tag) {
		card_stmts_release(cs);
		return -EX_IOERR;
	}
	return 0;
}

static int
step_done(struct store *st, sqlite3_stmt *s, struct diag_list *diags)
{
	int err = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return err == SQLITE_DONE ? 0
	                          : store_fail(st, diags, "cannot sync a card");
}

/* Set the tags of card 'card' to those of 'c'; a card just added has
 * none to delete first ('added'). */
static int
set_tags(struct store *st, struct card_stmts *cs, long long card,
         const struct card *c, int added, struct diag_list *diags)
{
	int rc = 0;

	if (!added) {
		sqlite3_bind_int64(cs->untag, 1, card);
		rc = step_done(st, cs->untag, diags);
	}
	for (size_t i = 0; rc == 0 && i < c->tags.n; i++) {
		sqlite3_bind_int64(cs->tag, 1, card);
		sqlite3_bind_text(cs->tag, 2, c->tags.v[i], -1, SQLITE_STATIC);
		rc = step_done(st, cs->tag, diags);
	}
	return rc;
}

/* Bring one card of deck 'deck_id' in line with 'c'. */
static int
sync_card(struct store *st, struct card_stmts *cs, long long deck_id,
          const struct card *c, int position, long long now,
          struct store_sync *report, struct diag_list *diags)
{
	const char *type = deck_type_name(c->type);
	char *content = content_from_card(c);
	long long id = 0;
	int rc = 0, changed = 0, retired = 0, moved = 0, found;

	sqlite3_bind_text(cs->keep, 1, c->id, -1, SQLITE_STATIC);
	if ((rc = step_done(st, cs->keep, diags)) < 0)
		goto out;
	sqlite3_bind_int64(cs->find, 1, deck_id);
	sqlite3_bind_text(cs->find, 2, c->id, -1, SQLITE_STATIC);
	found = sqlite3_step(cs->find) == SQLITE_ROW;
	if (found) {
		id = sqlite3_column_int64(cs->find, 0);
		changed = strcmp((const char *)sqlite3_column_text(cs->find, 1),
		                 type) != 0 ||
		          strcmp((const char *)sqlite3_column_text(cs->find, 2),
		                 content) != 0;
		retired = sqlite3_column_int(cs->find, 3);
		moved = sqlite3_column_int(cs->find, 4) != position;
		if (changed) {
			sqlite3_bind_int64(cs->edit, 1, id);
			sqlite3_bind_int64(cs->edit, 2, now);
			sqlite3_bind_text(
			    cs->edit, 3,
			    (const char *)sqlite3_column_text(cs->find, 2), -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(cs->edit, 4, content, -1,
			                  SQLITE_STATIC);
			if ((rc = step_done(st, cs->edit, diags)) < 0) {
				sqlite3_reset(cs->find);
				goto out;
			}
		}
	}
	sqlite3_reset(cs->find);

	if (!found) {
		sqlite3_bind_int64(cs->insert, 1, deck_id);
		sqlite3_bind_text(cs->insert, 2, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs->insert, 3, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs->insert, 4, content, -1, SQLITE_STATIC);
		sqlite3_bind_int(cs->insert, 5, position);
		sqlite3_bind_int64(cs->insert, 6, now);
		if ((rc = step_done(st, cs->insert, diags)) < 0)
			goto out;
		id = sqlite3_last_insert_rowid(st->db);
		report->added++;
	} else if (changed || retired || moved) {
		sqlite3_bind_int64(cs->update, 1, id);
		sqlite3_bind_text(cs->update, 2, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs->update, 3, content, -1, SQLITE_STATIC);
		sqlite3_bind_int(cs->update, 4, position);
		if ((rc = step_done(st, cs->update, diags)) < 0)
			goto out;
		report->edited += changed;
		report->returned += retired;
	}
	if (!found || changed)
		rc = set_tags(st, cs, id, c, !found, diags);
out:
	free(content);
	return rc;
}

/* Bring the store in line with one parsed deck. */
static int
sync_deck(struct store *st, struct card_stmts *cs, const struct deck *d,
          const struct file_info *fi, long long now, struct store_sync *report,
          struct diag_list *diags)
{
	long long deck_id = 0;
	int rc;

	if ((rc = upsert_deck(st, d, fi, now, &deck_id, diags)) < 0)
		return rc;
	/* another deck last read from this file was renamed: retire it */
	{
		sqlite3_stmt *s = store_prepare(
		    st,
		    "SELECT id FROM decks WHERE path = ? AND id != ? AND"
		    " retired = 0",
		    diags);

		if (s == NULL)
			return -EX_IOERR;
		sqlite3_bind_text(s, 1, fi->real, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, deck_id);
		while (rc == 0 && sqlite3_step(s) == SQLITE_ROW)
			rc = retire_deck(st, sqlite3_column_int64(s, 0), report,
			                 diags);
		sqlite3_finalize(s);
		if (rc < 0)
			return rc;
	}
	if ((rc = store_exec(st, "DELETE FROM temp.sync_keys", diags)) < 0)
		return rc;
	for (size_t i = 0; rc == 0 && i < d->ncards; i++)
		rc = sync_card(st, cs, deck_id, &d->cards[i], (int)i, now,
		               report, diags);
	if (rc < 0)
		return rc;
	rc = run(st,
	         "UPDATE cards SET retired = 1 WHERE deck_id = ?1 AND"
	         " retired = 0 AND key NOT IN (SELECT key FROM temp.sync_keys)",
	         deck_id, NULL, diags);
	if (rc == 0)
		report->retired += (size_t)sqlite3_changes(st->db);
	return rc;
}

/* Retire live decks last read from the folder 'dir' whose file is not in
 * 'seen' any more and is really gone: a file still named there but that
 * cannot be read (a dangling symlink, no permission) is not a reason to
 * retire its cards. */
static int
retire_missing(struct store *st, const char *dir, const struct strmap *seen,
               struct store_sync *report, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st, "SELECT id, path FROM decks WHERE retired = 0", diags);
	size_t len = strlen(dir);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(s, 1);
		struct stat sb;

		if (strncmp(p, dir, len) == 0 && p[len] == '/' &&
		    strchr(p + len + 1, '/') == NULL &&
		    strmap_get(seen, p) == NULL && lstat(p, &sb) < 0 &&
		    errno == ENOENT)
			rc = retire_deck(st, sqlite3_column_int64(s, 0), report,
			                 diags);
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_sync(struct store *st, const char *path, long long now,
           struct store_sync *report, struct diag_list *diags)
{
	struct strlist files = { 0 }, seen = { 0 }, names = { 0 };
	/* the files seen, and the deck names taken (to their file): looked
	 * up by hash, so a folder of many decks syncs in linear time */
	struct strmap seen_map = { 0 }, name_map = { 0 };
	struct card_stmts cs = { 0 };
	struct stat sb;
	char ebuf[128];
	int rc, broken = 0;

	memset(report, 0, sizeof(*report));
	if ((rc = deckset_files(path, &files, diags)) < 0)
		return rc;
	if ((rc = store_exec(st,
	                     "CREATE TEMP TABLE IF NOT EXISTS sync_keys"
	                     " (key TEXT PRIMARY KEY); BEGIN IMMEDIATE",
	                     diags)) < 0)
		goto out;
	for (size_t i = 0; rc == 0 && i < files.n; i++) {
		struct file_info fi;
		struct deck *deck = NULL;
		char *name;
		const char *other;
		int r;

		if (file_info(files.v[i], &fi) < 0) {
			/* a dangling symlink, or gone since listed: reported,
			 * and its deck left as it was (retire_missing keeps
			 * the decks whose file is still named) */
			diag_error(diags, files.v[i], 0, 0,
			           "cannot be read: %s; its deck is left as it "
			           "was",
			           errno_text(errno, ebuf, sizeof(ebuf)));
			report->decks++;
			report->broken++;
			broken = 1;
			continue;
		}
		strlist_push(&seen, fi.real);
		strmap_put(&seen_map, seen.v[seen.n - 1], files.v[i]);
		report->decks++;
		if (unchanged_deck(st, &fi, &name)) {
			strlist_push(&names, name);
			strmap_put(&name_map, names.v[names.n - 1], files.v[i]);
			free(name);
			free(fi.real);
			continue;
		}
		report->parsed++;
		r = deckset_load_file(files.v[i], &deck, diags);
		if (r == 0 && (other = strmap_get(&name_map, deck->name))) {
			diag_error(diags, files.v[i], deck->name_line,
			           deck->name_col,
			           "deck name '%s' is already used by %s",
			           deck->name, other);
			r = -EX_DATAERR;
		}
		if (r < 0) {
			report->broken++;
			broken = 1;
		} else {
			strlist_push(&names, deck->name);
			strmap_put(&name_map, names.v[names.n - 1], files.v[i]);
			/* the statements are prepared for the first deck
			 * read, and serve every deck after it */
			if (cs.find == NULL)
				rc = card_stmts_prepare(st, &cs, diags);
			if (rc == 0)
				rc = sync_deck(st, &cs, deck, &fi, now, report,
				               diags);
		}
		deck_free(deck);
		free(fi.real);
	}
	if (rc == 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		char real[PATH_MAX];

		if (realpath(path, real))
			rc = retire_missing(st, real, &seen_map, report, diags);
	}
	card_stmts_release(&cs);
	if (rc == 0)
		rc = store_exec(st, "COMMIT", diags);
	else if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
out:
	strlist_release(&files);
	strlist_release(&seen);
	strlist_release(&names);
	strmap_release(&seen_map);
	strmap_release(&name_map);
	if (rc == 0 && broken)
		rc = -EX_DATAERR;
	return rc;
}
