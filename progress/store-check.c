/*
 * store-check.c - "db check": SQLite's integrity and foreign key checks,
 * and the store's own: every card readable and its state in range, the
 * state agreeing with the answer log, the daily sums (per deck and per
 * tag) agreeing with the log, and the schema's triggers and indexes all
 * there as the migrations made them.
 */
#include "store.h"

#include <string.h>

#include "content.h"
#include "schema.h"
#include "store-impl.h"

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
	/* the last answer given here, or the last in time (after a sync
	 * replayed the card's answers from every machine in time order) */
	{ "SELECT c.id FROM cards c JOIN reviews r ON r.id = (SELECT max(id) "
	  "FROM reviews WHERE card_id = c.id AND scheduled = 1) "
	  "JOIN reviews t ON t.id = (SELECT x.id FROM reviews x JOIN events e"
	  " ON e.review = x.id WHERE x.card_id = c.id AND x.scheduled = 1"
	  " ORDER BY e.time DESC, e.device DESC, e.seq DESC LIMIT 1) WHERE "
	  "(r.a_state != c.state OR r.a_due != c.due) AND "
	  "(t.a_state != c.state OR t.a_due != c.due)",
	  "card %s: its state is not the one its last answer left" },
	{ "SELECT 'none' WHERE (SELECT count(*) FROM device) != 1",
	  "the database has no device id (%s): its changes cannot sync" },
	{ "SELECT r.id FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM events"
	  " e WHERE e.review = r.id AND e.kind = 'review')",
	  "answer %s has no event: it would not sync" },
	{ "SELECT e.device || ':' || e.seq FROM events e WHERE e.review IS"
	  " NOT NULL AND EXISTS (SELECT 1 FROM events u WHERE u.kind ="
	  " 'undo' AND u.target = e.device || ':' || e.seq)",
	  "answer %s was taken back but is still in the log" },
	{ "SELECT device || ':' || seq FROM events WHERE NOT json_valid(body)",
	  "event %s is not valid JSON: it cannot sync" },
	{ "SELECT d.seq FROM device d WHERE d.seq < (SELECT max(seq) FROM"
	  " events WHERE device = d.id)",
	  "the event counter (%s) is behind this machine's events" },
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
	/* per tag: a card whose tags were edited has its old answers counted
	 * under its old tags, so the days it was answered are left out */
	{ "WITH changed AS (SELECT card_id FROM card_edits WHERE"
	  "  json_extract(old_content, '$.tags') IS NOT"
	  "  json_extract(new_content, '$.tags')),"
	  " skip AS (SELECT DISTINCT r.day, c.deck_id FROM reviews r JOIN cards"
	  "  c ON c.id = r.card_id WHERE r.card_id IN changed),"
	  " log AS (SELECT r.day, c.deck_id, t.tag, count(*) FROM reviews r"
	  "  JOIN cards c ON c.id = r.card_id JOIN card_tags t"
	  "  ON t.card_id = r.card_id GROUP BY 1, 2, 3),"
	  " sums AS (SELECT day, deck_id, tag, answers FROM day_tag_stats"
	  "  WHERE answers != 0)"
	  " SELECT DISTINCT d.day || ' (tag ''' || d.tag || ''')' FROM"
	  " (SELECT * FROM (SELECT * FROM log EXCEPT SELECT * FROM sums)"
	  "  UNION ALL SELECT * FROM (SELECT * FROM sums EXCEPT SELECT * FROM"
	  "  log)) AS d WHERE (d.day, d.deck_id) NOT IN skip",
	  "the daily sums of day %s do not match the answer log" },
};

/* Every card: content the deck loader would accept, and a memory state
 * the scheduler can work from. */
static int
check_cards(struct store *st, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT d.name, c.key, c.type, c.content, c.state, c.stability,"
	    " c.difficulty, c.step, c.scheduled_days, c.reps, c.lapses, c.due,"
	    " c.last_review, c.last_day FROM cards c JOIN decks d"
	    " ON d.id = c.deck_id ORDER BY c.id",
	    diags);
	struct fsrs_card mem;
	struct card card;
	char why[160];
	int err;

	if (s == NULL)
		return -EX_IOERR;
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		const char *deck = (const char *)sqlite3_column_text(s, 0);
		const char *key = (const char *)sqlite3_column_text(s, 1);

		if (content_to_card(key,
		                    (const char *)sqlite3_column_text(s, 2),
		                    (const char *)sqlite3_column_text(s, 3),
		                    &card, why, sizeof(why)) == 0) {
			card_release(&card);
			if (store_read_mem(s, 4, &mem, why, sizeof(why)) == 0)
				continue;
		}
		diag_error(diags, st->path, 0, 0, "card '%s/%s': %s",
		           deck ? deck : "", key ? key : "", why);
	}
	sqlite3_finalize(s);
	return err == SQLITE_DONE
	           ? 0
	           : store_fail(st, diags, "cannot read the cards");
}

/* The triggers and indexes the migrations make, each there with the
 * same definition: built in a database in memory and compared. */
static int
check_schema(struct store *st, struct diag_list *diags)
{
	sqlite3 *mem = NULL;
	sqlite3_stmt *want = NULL, *have = NULL;
	int rc = 0;

	if (sqlite3_open(":memory:", &mem) != SQLITE_OK)
		goto fail;
	for (int v = 0; v < schema_nmigrations; v++)
		if (sqlite3_exec(mem, schema_migrations[v], NULL, NULL, NULL) !=
		    SQLITE_OK)
			goto fail;
	if (sqlite3_prepare_v2(mem,
	                       "SELECT type, name, sql FROM sqlite_schema"
	                       " WHERE type IN ('trigger', 'index') AND"
	                       " sql IS NOT NULL ORDER BY name",
	                       -1, &want, NULL) != SQLITE_OK)
		goto fail;
	have = store_prepare(st,
	                     "SELECT sql FROM sqlite_schema WHERE type = ? AND"
	                     " name = ?",
	                     diags);
	if (have == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	while (sqlite3_step(want) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(want, 0);
		const char *name = (const char *)sqlite3_column_text(want, 1);
		const char *sql = (const char *)sqlite3_column_text(want, 2);
		const char *got;

		sqlite3_bind_text(have, 1, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(have, 2, name, -1, SQLITE_STATIC);
		if (sqlite3_step(have) != SQLITE_ROW)
			diag_error(diags, st->path, 0, 0,
			           "the %s '%s' is missing", type, name);
		else if ((got = (const char *)sqlite3_column_text(have, 0)) ==
		             NULL ||
		         strcmp(got, sql) != 0)
			diag_error(
			    diags, st->path, 0, 0,
			    "the %s '%s' is not the one the schema makes", type,
			    name);
		sqlite3_reset(have);
	}
	goto out;
fail:
	diag_error(diags, NULL, 0, 0, "cannot build the schema to compare: %s",
	           mem ? sqlite3_errmsg(mem) : "out of memory");
	rc = -EX_SOFTWARE;
out:
	sqlite3_finalize(want);
	sqlite3_finalize(have);
	sqlite3_close(mem);
	return rc;
}

int
store_check(struct store *st, struct diag_list *diags)
{
	sqlite3_stmt *s;
	size_t before = diags->nerrors;
	int err, rc;

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

	if ((rc = check_cards(st, diags)) < 0 ||
	    (rc = check_schema(st, diags)) < 0)
		return rc;
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
