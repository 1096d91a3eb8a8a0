/*
 * store-events.c - progress that travels between machines: the events
 * each change records, and "trainer sync", which merges them through the
 * journals in a shared folder (see journal.h for the file format).
 *
 * Each machine appends only to its own journal.  An event is named by
 * its device and sequence number, so reading one twice adds it once; the
 * state of a card is a function of its answers in time order (ties by
 * event id), replayed through FSRS, so the order in which the machines
 * sync does not change it.  Everything a sync changes in the database is
 * one transaction, with the positions reached in the other journals: a
 * sync killed at any point has changed nothing and the next one does it
 * all.  Its own journal is appended to before that commit; the next
 * sync reads what was appended since the position recorded, so nothing
 * is written twice, and cuts off a record that was left half written.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"
#include "out.h"
#include "store-impl.h"

/* ---- events made here ---- */

void
store_set_now(struct store *st, long long now)
{
	st->now = now;
}

const char *
store_device(struct store *st)
{
	sqlite3_stmt *s = NULL;

	if (st->device[0])
		return st->device;
	if (sqlite3_prepare_v2(st->db, "SELECT id FROM device", -1, &s, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);

		if (id && journal_is_device(id))
			memcpy(st->device, id, JOURNAL_DEVICE + 1);
	}
	sqlite3_finalize(s);
	return st->device[0] ? st->device : NULL;
}

int
store_event_add(struct store *st, const char *kind, long long time_ms,
                const char *deck, const char *card, const char *target,
                json_t *fields, long long *n, struct diag_list *diags)
{
	sqlite3_stmt *s = NULL;
	const char *dev = store_device(st);
	long long seq;
	json_t *o = NULL;
	char *body = NULL, id[64];
	int rc = 0;

	if (dev == NULL) {
		diag_error(diags, st->path, 0, 0,
		           "the database has no device id; run 'trainer db "
		           "check'");
		return -EX_DATAERR;
	}
	s = store_prepare(st, "UPDATE device SET seq = seq + 1 RETURNING seq",
	                  diags);
	if (s == NULL)
		return -EX_IOERR;
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = store_fail(st, diags, "cannot number the event");
		goto out;
	}
	seq = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	snprintf(id, sizeof(id), "%s:%lld", dev, seq);
	o = json_object();
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "t", json_integer(time_ms));
	json_object_set_new(o, "k", json_string(kind));
	if (deck && card) {
		json_object_set_new(o, "deck", json_string(deck));
		json_object_set_new(o, "card", json_string(card));
	}
	if (fields)
		json_object_update(o, fields);
	body = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (body == NULL)
		abort(); /* out of memory */
	s = store_prepare(
	    st,
	    "INSERT INTO events (device, seq, time, kind, deck,"
	    " card, target, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    diags);
	if (s == NULL) {
		rc = -EX_IOERR;
		goto out;
	}
	sqlite3_bind_text(s, 1, dev, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, seq);
	sqlite3_bind_int64(s, 3, time_ms);
	sqlite3_bind_text(s, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, deck && card ? deck : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, deck && card ? card : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, body, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot record the event");
	else if (n)
		*n = sqlite3_last_insert_rowid(st->db);
out:
	sqlite3_finalize(s);
	json_decref(o);
	free(body);
	return rc;
}

int
store_event_review(struct store *st, long long n, long long review,
                   struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st, "UPDATE events SET review = ?2 WHERE n = ?1", diags);
	int rc = 0;

	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, n);
	sqlite3_bind_int64(s, 2, review);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, diags, "cannot record the event");
	sqlite3_finalize(s);
	return rc;
}

int
store_card_name(struct store *st, long long card, char **deck, char **key,
                struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT d.name, c.key FROM cards c JOIN decks d ON d.id = c.deck_id"
	    " WHERE c.id = ?",
	    diags);
	int err, rc = 0;

	*deck = *key = NULL;
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int64(s, 1, card);
	err = sqlite3_step(s);
	if (err == SQLITE_ROW) {
		*deck = xstrdup((const char *)sqlite3_column_text(s, 0));
		*key = xstrdup((const char *)sqlite3_column_text(s, 1));
	} else if (err == SQLITE_DONE) {
		diag_error(diags, st->path, 0, 0, "no card %lld", card);
		rc = -EX_DATAERR;
	} else {
		rc = store_fail(st, diags, "cannot read the card");
	}
	sqlite3_finalize(s);
	return rc;
}

/* ---- the scheduler's parameters ---- */

/* 'v' in the fewest digits that read back as the same double. */
static void
add_number(struct strbuf *sb, double v)
{
	char buf[40];

	out_shortest_g(buf, sizeof(buf), v);
	/* JSON wants a digit before and after the point: %g gives that */
	strbuf_adds(sb, buf);
}

static void
add_steps(struct strbuf *sb, const char *name, const int *v, int n)
{
	strbuf_addf(sb, ",\"%s\":[", name);
	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "%s%d", i ? "," : "", v[i]);
	strbuf_addch(sb, ']');
}

char *
store_params_json(const struct fsrs_params *p)
{
	struct strbuf sb = { 0 };

	strbuf_adds(&sb, "{\"w\":[");
	for (int i = 0; i < FSRS_NWEIGHTS; i++) {
		if (i)
			strbuf_addch(&sb, ',');
		add_number(&sb, p->w[i]);
	}
	strbuf_adds(&sb, "],\"retention\":");
	add_number(&sb, p->retention);
	strbuf_addf(&sb, ",\"max\":%d", p->max_interval);
	add_steps(&sb, "learn", p->learning, p->nlearning);
	add_steps(&sb, "relearn", p->relearning, p->nrelearning);
	strbuf_addf(&sb, ",\"fuzz\":%d}", p->fuzz != 0);
	return strbuf_detach(&sb);
}

static int
steps_parse(json_t *a, int *v, int *n)
{
	if (!json_is_array(a) || json_array_size(a) > FSRS_MAX_STEPS)
		return -1;
	*n = (int)json_array_size(a);
	for (int i = 0; i < *n; i++) {
		json_t *x = json_array_get(a, (size_t)i);

		if (!json_is_integer(x))
			return -1;
		v[i] = (int)json_integer_value(x);
	}
	return 0;
}

int
store_params_parse(const char *json, struct fsrs_params *p)
{
	json_t *o = json_loads(json, 0, NULL), *w;
	char why[200];
	int rc = -1;

	fsrs_params_default(p);
	if (!json_is_object(o))
		goto out;
	w = json_object_get(o, "w");
	if (!json_is_array(w) || json_array_size(w) != FSRS_NWEIGHTS)
		goto out;
	for (int i = 0; i < FSRS_NWEIGHTS; i++) {
		json_t *x = json_array_get(w, (size_t)i);

		if (!json_is_number(x))
			goto out;
		p->w[i] = json_number_value(x);
	}
	if (!json_is_number(json_object_get(o, "retention")) ||
	    !json_is_integer(json_object_get(o, "max")) ||
	    !json_is_integer(json_object_get(o, "fuzz")) ||
	    steps_parse(json_object_get(o, "learn"), p->learning,
	                &p->nlearning) < 0 ||
	    steps_parse(json_object_get(o, "relearn"), p->relearning,
	                &p->nrelearning) < 0)
		goto out;
	p->retention = json_number_value(json_object_get(o, "retention"));
	p->max_interval = (int)json_integer_value(json_object_get(o, "max"));
	p->fuzz = json_integer_value(json_object_get(o, "fuzz")) != 0;
	rc = fsrs_params_finish(p, NULL, why, sizeof(why));
out:
	json_decref(o);
	return rc;
}
