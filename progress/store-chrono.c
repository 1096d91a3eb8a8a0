/*
 * store-chrono.c - the log of chronology answers.
 */
#include "store.h"

#include "store-impl.h"

int
store_chrono_answer(struct store *st, const struct store_chrono_answer *a,
                    long long *id, struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = store_exec(st, "BEGIN IMMEDIATE", diags)) < 0)
		return rc;
	s = store_prepare(
	    st,
	    "INSERT INTO chrono_answers (session_id, time, day, kind, cards,"
	    " question, expected, answer, verdict, duration_ms) VALUES"
	    " (nullif(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	    diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, a->session);
	sqlite3_bind_int64(s, 2, a->when.time);
	sqlite3_bind_int64(s, 3, a->when.day);
	sqlite3_bind_text(s, 4, a->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, a->cards, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, a->question, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, a->expected, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, a->answer ? a->answer : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->verdict, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 10, a->duration_ms);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(st, diags, "cannot save the answer");
		goto out;
	}
	*id = sqlite3_last_insert_rowid(st->db);
	rc = store_exec(st, "COMMIT", diags);
out:
	sqlite3_finalize(s);
	if (rc < 0 && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
store_chrono_undo(struct store *st, long long id, struct diag_list *diags)
{
	sqlite3_stmt *s =
	    store_prepare(st, "DELETE FROM chrono_answers WHERE id = ?", diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot take the answer back");
	sqlite3_finalize(s);
	return rc;
}

int
store_chrono_count(struct store *st, long long from, long long to,
                   long long *answers, long long *right,
                   struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT count(*), coalesce(sum(verdict IN ('right', 'close')), 0)"
	    " FROM chrono_answers WHERE day BETWEEN ?1 AND ?2"
	    " AND verdict != 'skipped'",
	    diags);
	int rc = 0;

	*answers = *right = 0;
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*answers = sqlite3_column_int64(s, 0);
		*right = sqlite3_column_int64(s, 1);
	} else {
		rc = store_fail(st, diags,
		                "cannot count the chronology answers");
	}
	sqlite3_finalize(s);
	return rc;
}
