/*
 * test_store.c - the progress store on a real SQLite file: answers and
 * undo, conflicts between sessions, sessions' counts, settings, the sync
 * report.  (Refused files, migration, backup and kills are tested end to
 * end in tests/e2e/store.sh and store-kill.sh.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "store.h"

struct fixture {
	char dir[64];
	char *db;
	char *deck;
	struct store *st;
	struct diag_list diags;
};

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct store_sync r;

	snprintf(f->dir, sizeof(f->dir), "/tmp/test_store.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = xasprintf("%s/p.db", f->dir);
	f->deck = xasprintf("%s/t.yaml", f->dir);
	write_file(f->deck, "deck: t\ntitle: T\ncards:\n"
	                    "  - {id: a, q: QA, a: A, tags: [x]}\n"
	                    "  - {id: b, q: QB, a: B, tags: [y]}\n"
	                    "  - {id: c, type: date, q: QC, a: 1953-10-01}\n");
	assert_int_equal(store_open(f->db, &f->st, &f->diags), 0);
	assert_int_equal(store_sync(f->st, f->deck, 1767225600, &r, &f->diags),
	                 0);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.parsed, 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	store_close(f->st);
	if (system(cmd) != 0)
		fail();
	free(cmd);
	free(f->db);
	free(f->deck);
	diag_list_release(&f->diags);
	free(f);
	return 0;
}

static long long
count(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s;
	long long n = -1;

	assert_int_equal(sqlite3_prepare_v2(store_db(f->st), sql, -1, &s, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Load the live cards; 'n' must match. */
static struct store_card *
cards(struct fixture *f, size_t want)
{
	struct store_filter flt = { 0 };
	struct store_card *c;
	size_t n;

	assert_int_equal(store_cards(f->st, &flt, &c, &n, &f->diags), 0);
	assert_int_equal(n, want);
	return c;
}

static void
same_mem(const struct fsrs_card *x, const struct fsrs_card *y)
{
	assert_int_equal(x->state, y->state);
	assert_true(x->stability == y->stability);
	assert_true(x->difficulty == y->difficulty);
	assert_int_equal(x->step, y->step);
	assert_int_equal(x->scheduled_days, y->scheduled_days);
	assert_int_equal(x->reps, y->reps);
	assert_int_equal(x->lapses, y->lapses);
	assert_int_equal(x->due, y->due);
	assert_int_equal(x->last_review, y->last_review);
	assert_int_equal(x->last_day, y->last_day);
}

/* Answer card 'c' with 'rating' at 'now'; returns the review id. */
static long long
answer(struct fixture *f, struct store_card *c, int rating, long long now,
       long long session)
{
	struct fsrs_params p;
	struct fsrs_card after;
	struct store_answer a = { 0 };
	long long id;

	fsrs_params_default(&p);
	a.when = (struct fsrs_when){ now, fsrs_day(now, 0, 4) };
	fsrs_next(&p, &c->mem, a.when, (enum fsrs_rating)rating, &after);
	a.card = c->id;
	a.session = session;
	a.rating = rating;
	a.answer = "typed";
	a.verdict = rating == 1 ? "wrong" : "right";
	a.duration_ms = 2500;
	a.before = &c->mem;
	a.after = &after;
	assert_int_equal(store_answer(f->st, &a, &id, &f->diags), 0);
	c->mem = after;
	return id;
}

static void
test_answer_and_undo(void **state)
{
	struct fixture *f = *state;
	struct store_card *c = cards(f, 3), *again;
	struct fsrs_card original = c[0].mem, after_first;
	long long r1, r2;

	r1 = answer(f, &c[0], 3, 1767225600, 0);
	after_first = c[0].mem;
	r2 = answer(f, &c[0], 3, 1767226200, 0);
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 2);
	assert_int_equal(count(f, "SELECT reps FROM cards WHERE key = 'a'"), 2);

	/* only the latest answer can be taken back */
	assert_int_equal(store_undo(f->st, r1, &f->diags), -EX_DATAERR);
	assert_string_equal(f->diags.v[f->diags.n - 1].msg,
	                    "the card has been answered again since; only the "
	                    "latest answer can be taken back");
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 2);

	assert_int_equal(store_undo(f->st, r2, &f->diags), 0);
	again = cards(f, 3);
	same_mem(&again[0].mem, &after_first);
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 1);
	store_cards_free(again, 3);

	assert_int_equal(store_undo(f->st, r1, &f->diags), 0);
	again = cards(f, 3);
	same_mem(&again[0].mem, &original);
	assert_int_equal(again[0].mem.state, FSRS_NEW);
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 0);
	store_cards_free(again, 3);

	/* an answer that is gone cannot be taken back twice */
	assert_int_equal(store_undo(f->st, r1, &f->diags), -EX_DATAERR);
	store_cards_free(c, 3);
}

static void
test_unscheduled_answer(void **state)
{
	struct fixture *f = *state;
	struct store_card *c = cards(f, 3);
	struct store_answer a = { 0 };
	long long id;

	/* a quiz answer: logged, the schedule untouched */
	a.card = c[1].id;
	a.when = (struct fsrs_when){ 1767225600, 20454 };
	a.answer = "nope";
	a.verdict = "wrong";
	a.before = &c[1].mem;
	assert_int_equal(store_answer(f->st, &a, &id, &f->diags), 0);
	assert_int_equal(count(f, "SELECT scheduled FROM reviews"), 0);
	assert_int_equal(count(f, "SELECT reps FROM cards WHERE key = 'b'"), 0);
	assert_int_equal(store_undo(f->st, id, &f->diags), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 0);
	store_cards_free(c, 3);
}

static void
test_conflict_between_sessions(void **state)
{
	struct fixture *f = *state;
	struct store_card *mine = cards(f, 3), *theirs = cards(f, 3);
	struct fsrs_params p;
	struct fsrs_card after;
	struct store_answer a = { 0 };
	long long id;

	/* the other window answers card a first */
	answer(f, &theirs[0], 4, 1767225600, 0);
	/* mine still holds the old state: refused, nothing written */
	fsrs_params_default(&p);
	a.when = (struct fsrs_when){ 1767225700, 20454 };
	fsrs_next(&p, &mine[0].mem, a.when, FSRS_AGAIN, &after);
	a.card = mine[0].id;
	a.answer = "x";
	a.verdict = "wrong";
	a.rating = 1;
	a.before = &mine[0].mem;
	a.after = &after;
	assert_int_equal(store_answer(f->st, &a, &id, &f->diags), -EX_TEMPFAIL);
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 1);
	/* read it again and answer from there */
	assert_int_equal(
	    store_card_state(f->st, mine[0].id, &mine[0].mem, &f->diags), 0);
	same_mem(&mine[0].mem, &theirs[0].mem);
	answer(f, &mine[0], 1, 1767225700, 0);
	assert_int_equal(count(f, "SELECT count(*) FROM reviews"), 2);
	assert_int_equal(count(f, "SELECT lapses FROM cards WHERE key = 'a'"),
	                 1);
	assert_int_equal(store_check(f->st, &f->diags), 0);
	store_cards_free(mine, 3);
	store_cards_free(theirs, 3);
}

static void
test_sessions(void **state)
{
	struct fixture *f = *state;
	struct store_card *c = cards(f, 3);
	long long s;

	assert_int_equal(store_session_begin(f->st, "review", "{\"tags\":[]}",
	                                     1767225600, &s, &f->diags),
	                 0);
	answer(f, &c[0], 3, 1767225610, s);
	answer(f, &c[1], 1, 1767225620, s);
	answer(f, &c[2], 3, 1767225630, s);
	assert_int_equal(store_session_end(f->st, s, 1767225700, &f->diags), 0);
	assert_int_equal(count(f, "SELECT questions FROM sessions"), 3);
	assert_int_equal(count(f, "SELECT right FROM sessions"), 2);
	assert_int_equal(count(f, "SELECT duration_ms FROM sessions"), 7500);
	assert_int_equal(count(f, "SELECT ended_at - started_at FROM sessions"),
	                 100);
	assert_int_equal(
	    store_session_begin(f->st, "nap", "{}", 1, &s, &f->diags),
	    -EX_IOERR);
	store_cards_free(c, 3);
}

static void
test_filters_suspend_bury(void **state)
{
	struct fixture *f = *state;
	struct strlist tags = { 0 };
	struct store_filter flt = { 0 };
	struct store_card *c = cards(f, 3), *got;
	size_t n;

	strlist_push(&tags, "y");
	flt.tags = &tags;
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].card.id, "b");
	assert_string_equal(got[0].card.q, "QB");
	assert_string_equal(got[0].deck, "t");
	store_cards_free(got, n);

	answer(f, &c[0], 3, 1767225600, 0); /* due 10 minutes later */
	flt.tags = NULL;
	flt.due_only = 1;
	flt.now = 1767225600 + 3600;
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 1);
	store_cards_free(got, n);
	flt.with_new = 1;
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 3);
	store_cards_free(got, n);

	assert_int_equal(store_suspend(f->st, c[1].id, 1, &f->diags), 0);
	assert_int_equal(
	    store_bury(f->st, c[2].id, 1767225600 + 86400, &f->diags), 0);
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].card.id, "a");
	store_cards_free(got, n);
	flt.now += 86400; /* the burial is over */
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 2);
	store_cards_free(got, n);

	/* due by day: 'a' in review (Easy), due some days on, is due from
	 * the morning of that day; a minute step keeps its exact time */
	flt.with_new = 0;
	answer(f, &c[0], 4, flt.now, 0);
	assert_true(c[0].mem.scheduled_days >= 1);
	flt.now = c[0].mem.due - 3600;
	flt.day_end = c[0].mem.due + 1;
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].card.id, "a");
	store_cards_free(got, n);
	flt.day_end = c[0].mem.due;
	assert_int_equal(store_cards(f->st, &flt, &got, &n, &f->diags), 0);
	assert_int_equal(n, 0);
	store_cards_free(got, n);
	strlist_release(&tags);
	store_cards_free(c, 3);
}

static void
test_sync_report(void **state)
{
	struct fixture *f = *state;
	struct store_sync r;

	/* unchanged: not parsed */
	assert_int_equal(store_sync(f->st, f->deck, 1767225700, &r, &f->diags),
	                 0);
	assert_int_equal(r.decks, 1);
	assert_int_equal(r.parsed, 0);
	assert_int_equal(r.added + r.edited + r.retired, 0);
	/* one edited, one removed, one new */
	write_file(f->deck, "deck: t\ntitle: T\ncards:\n"
	                    "  - {id: a, q: QA changed, a: A, tags: [x]}\n"
	                    "  - {id: c, type: date, q: QC, a: 1953-10-01}\n"
	                    "  - {id: d, q: QD, a: D}\n");
	assert_int_equal(store_sync(f->st, f->deck, 1767225800, &r, &f->diags),
	                 0);
	assert_int_equal(r.parsed, 1);
	assert_int_equal(r.added, 1);
	assert_int_equal(r.edited, 1);
	assert_int_equal(r.retired, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM card_edits"), 1);
	/* b comes back */
	write_file(f->deck, "deck: t\ntitle: T\ncards:\n"
	                    "  - {id: b, q: QB, a: B, tags: [y]}\n");
	assert_int_equal(store_sync(f->st, f->deck, 1767225900, &r, &f->diags),
	                 0);
	assert_int_equal(r.returned, 1);
	assert_int_equal(r.retired, 3);
	assert_int_equal(count(f, "SELECT count(*) FROM cards"), 4);
	assert_int_equal(store_check(f->st, &f->diags), 0);
}

static void
test_settings(void **state)
{
	struct fixture *f = *state;
	char *v;

	/* only what the learner set is stored: no defaults */
	assert_null(store_setting(f->st, "desired-retention"));
	assert_null(store_setting(f->st, "nothing"));
	assert_int_equal(
	    store_set_setting(f->st, "new-per-day", "30", &f->diags), 0);
	v = store_setting(f->st, "new-per-day");
	assert_string_equal(v, "30");
	free(v);
	assert_int_equal(store_unset_setting(f->st, "new-per-day", &f->diags),
	                 0);
	assert_null(store_setting(f->st, "new-per-day"));
	assert_int_equal(store_version(f->st), STORE_VERSION);
}

/* Opening only to read: nothing made where there is no database, and no
 * write through a read-only store. */
static void
test_open_readonly(void **state)
{
	struct fixture *f = *state;
	struct store *ro = NULL;
	char *missing = xasprintf("%s/none/p.db", f->dir);
	char *dir = xasprintf("%s/none", f->dir);

	assert_int_equal(store_open_readonly(missing, &ro, &f->diags),
	                 -EX_NOINPUT);
	assert_null(ro);
	assert_int_equal(access(dir, F_OK), -1);
	assert_int_equal(store_open_readonly(f->db, &ro, &f->diags), 0);
	assert_int_equal(store_version(ro), STORE_VERSION);
	assert_false(store_created(ro));
	assert_true(store_set_setting(ro, "new_per_day", "5", &f->diags) < 0);
	store_close(ro);
	free(missing);
	free(dir);
}

/* Content read back from the store meets the loader's limits. */
static void
test_content_limits(void **state)
{
	struct strbuf sb = { 0 };
	struct card c;
	char why[160];

	(void)state;
	for (int n = CARD_MAX_OPTIONS; n <= CARD_MAX_OPTIONS + 1; n++) {
		strbuf_release(&sb);
		strbuf_adds(&sb, "{\"q\":\"Pick\",\"a\":\"c1\",\"choices\":[");
		for (int i = 1; i <= n; i++)
			strbuf_addf(&sb, "%s\"c%d\"", i > 1 ? "," : "", i);
		strbuf_adds(&sb, "]}");
		if (n == CARD_MAX_OPTIONS) {
			assert_int_equal(content_to_card("k", "choice", sb.buf,
			                                 &c, why, sizeof(why)),
			                 0);
			card_release(&c);
		} else {
			assert_int_equal(content_to_card("k", "choice", sb.buf,
			                                 &c, why, sizeof(why)),
			                 -1);
			assert_string_equal(
			    why, "it has 27 choices; the most is 26");
		}
	}
	strbuf_release(&sb);
	assert_int_equal(content_to_card("k", "choice",
	                                 "{\"q\":\"P\",\"a\":\"z\","
	                                 "\"choices\":[\"x\",\"y\"]}",
	                                 &c, why, sizeof(why)),
	                 -1);
	assert_string_equal(why, "its answer is not one of its choices");
	assert_int_equal(content_to_card("k", "date",
	                                 "{\"q\":\"W\",\"a\":\"x\"}", &c, why,
	                                 sizeof(why)),
	                 -1);
	assert_int_equal(content_to_card("k", "text",
	                                 "{\"q\":\"W\",\"a\":\"x\","
	                                 "\"tags\":[1]}",
	                                 &c, why, sizeof(why)),
	                 -1);
	assert_int_equal(
	    content_to_card(NULL, "text", NULL, &c, why, sizeof(why)), -1);
}

/* A card read from content, in one line: its texts, lists and flag. */
static void
card_line(const struct card *c, char *buf, size_t size)
{
	const struct strlist *lists[] = { &c->accept, &c->choices, &c->items,
		                          &c->tags };
	struct strbuf sb = { 0 };

	strbuf_addf(&sb, "%s|%s|%s|%s|%s", c->q ? c->q : "-", c->a ? c->a : "-",
	            c->hint ? c->hint : "-", c->note ? c->note : "-",
	            c->unit ? c->unit : "-");
	for (size_t i = 0; i < 4; i++) {
		strbuf_adds(&sb, "|");
		for (size_t j = 0; j < lists[i]->n; j++)
			strbuf_addf(&sb, "%s%s", j ? "," : "", lists[i]->v[j]);
	}
	strbuf_addf(&sb, "|%d", c->reverse_of);
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
}

/* Every form of content reads as jansson reads it: the simple form the
 * store writes the fast way, anything else (escapes, whitespace, keys
 * twice, wrong kinds, bad UTF-8, trailing commas) to the same card or
 * the same refusal. */
static void
test_content_forms(void **state)
{
	static const struct {
		const char *type, *text, *want; /* want: card_line or why */
	} cases[] = {
		{ "text", "{\"q\":\"Q\",\"a\":\"A\"}", "Q|A|-|-|-|||||0" },
		{ "text", " { \"q\" : \"Q\" ,\n\"a\":\"A\" , \"tags\" : [ ] } ",
		  "Q|A|-|-|-|||||0" },
		{ "text", "{\"q\":\"a\\\"b\\\\c\\u00e9\\n\",\"a\":\"A\"}",
		  "a\"b\\c\xc3\xa9\n|A|-|-|-|||||0" },
		{ "text", "{\"q\":\"one\",\"a\":\"A\",\"q\":\"two\"}",
		  "two|A|-|-|-|||||0" },
		{ "text",
		  "{\"q\":\"Q\",\"a\":\"A\",\"tags\":[\"x\"],\"tags\":[\"y\"]}",
		  "Q|A|-|-|-||||y|0" },
		{ "text",
		  "{\"q\":\"\xed\x95\x9c\",\"a\":\"A\",\"hint\":\"h\","
		  "\"note\":\"n\",\"accept\":[\"b\",\"c\"],\"tags\":[\"t\","
		  "\"u\"]}",
		  "\xed\x95\x9c|A|h|n|-|b,c|||t,u|0" },
		{ "order", "{\"q\":\"Q\",\"items\":[\"1\",\"2\"]}",
		  "Q|-|-|-|-|||1,2||0" },
		{ "text",
		  "{\"q\":\"Q\",\"a\":\"A\",\"x\":{\"y\":[1,{}]},\"z\":1}",
		  "Q|A|-|-|-|||||0" },
		{ "text",
		  "{\"q\":\"Q\",\"a\":\"A\",\"reverse\":true,\"o\":false}",
		  "Q|A|-|-|-|||||1" },
		{ "text",
		  "{\"q\":\"Q\",\"a\":\"A\",\"reverse\":true,\"o\":true}",
		  "Q|A|-|-|-|||||1" },
		{ "text",
		  "{\"q\":\"Q\",\"a\":\"A\",\"reverse\":true,\"reverse\":null}",
		  "Q|A|-|-|-|||||0" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\",\"tags\":[\"x\",]}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\",\"tags\":[\"x\" \"y\"]}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\",}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\"} x",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\"",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"a\tb\",\"a\":\"A\"}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"\xc3\x28\",\"a\":\"A\"}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"\xc0\xaf\",\"a\":\"A\"}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"\xed\xa0\x80\",\"a\":\"A\"}",
		  "its content is not a JSON object" },
		{ "text", "{\"q\":\"\xf4\x90\x80\x80\",\"a\":\"A\"}",
		  "its content is not a JSON object" },
		{ "text", "[\"q\"]", "its content is not a JSON object" },
		{ "text", "{\"q\":\"Q\",\"a\":[\"A\"]}",
		  "its 'a' is not text" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\",\"hint\":null}",
		  "its 'hint' is not text" },
		{ "text", "{\"q\":\"Q\",\"a\":\"A\",\"tags\":\"t\"}",
		  "a list in its content is not a list of text" },
		{ "text", "{}", "it has no question" },
		{ "date", "{\"q\":\"W\",\"a\":\"x\",\"date\":\"1953-10-01\"}",
		  "W|x|-|-|-|||||0" },
		{ "date", "{\"q\":\"W\",\"a\":\"x\",\"date\":\"1953-13-01\"}",
		  "its date is missing or not a date" },
	};
	char got[256], why[160];
	struct card c;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (content_to_card("k", cases[i].type, cases[i].text, &c, why,
		                    sizeof(why)) == 0) {
			card_line(&c, got, sizeof(got));
			assert_string_equal("k", c.id);
			card_release(&c);
		} else {
			snprintf(got, sizeof(got), "%s", why);
		}
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: %s: got '%s', want '%s'", i,
			         cases[i].text, got, cases[i].want);
	}
}

/* One integer from 'sql' on the fixture's database. */
static long long
count_of(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(store_db(f->st), sql, -1, &s, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Every change that travels records its event in the same transaction:
 * an answer (naming its log row), an undo (a tombstone naming the
 * answer's event), a suspension, a skip, a setting; a machine's own
 * setting (sync-dir) none; the events numbered 1, 2, 3... */
static void
test_events(void **state)
{
	struct fixture *f = *state;
	struct store_card *c = cards(f, 3);
	long long r1, r2;

	store_set_now(f->st, 1767229200);
	assert_non_null(store_device(f->st));
	assert_int_equal(strlen(store_device(f->st)), 32);
	r1 = answer(f, &c[0], 3, 1767229200, 0);
	r2 = answer(f, &c[1], 1, 1767229300, 0);
	assert_int_equal(count_of(f, "SELECT count(*) FROM events WHERE"
	                             " kind = 'review' AND review IS NOT NULL"),
	                 2);
	assert_int_equal(count_of(f, "SELECT time FROM events WHERE seq = 2"),
	                 1767229300000LL);
	assert_int_equal(store_undo(f->st, r2, &f->diags), 0);
	assert_int_equal(count_of(f, "SELECT count(*) FROM events u JOIN"
	                             " events e ON u.target = e.device || ':'"
	                             " || e.seq WHERE u.kind = 'undo' AND"
	                             " e.seq = 2 AND e.review IS NULL"),
	                 1);
	assert_int_equal(store_suspend(f->st, c[2].id, 1, &f->diags), 0);
	assert_int_equal(store_skip(f->st, c[0].id, 1767312000, &f->diags), 0);
	assert_int_equal(
	    store_set_setting(f->st, "new-per-day", "5", &f->diags), 0);
	assert_int_equal(store_set_setting(f->st, "sync-dir", "/x", &f->diags),
	                 0);
	assert_int_equal(store_unset_setting(f->st, "new-per-day", &f->diags),
	                 0);
	assert_int_equal(count_of(f, "SELECT count(*) FROM events WHERE"
	                             " (kind = 'suspend' AND json_extract(body,"
	                             " '$.on') = 1 AND card = 'c') OR (kind ="
	                             " 'skip' AND json_extract(body, '$.until')"
	                             " = 1767312000 AND card = 'a')"),
	                 2);
	assert_int_equal(count_of(f, "SELECT count(*) FROM events"), 7);
	assert_int_equal(count_of(f, "SELECT max(seq) = 7 AND min(seq) = 1"
	                             " FROM events"),
	                 1);
	assert_int_equal(count_of(f, "SELECT count(*) FROM events WHERE"
	                             " target = 'sync-dir'"),
	                 0);
	assert_int_equal(count_of(f, "SELECT json_extract(body, '$.value')"
	                             " IS NULL FROM events WHERE kind ="
	                             " 'setting' ORDER BY n DESC LIMIT 1"),
	                 1);
	(void)r1;
	store_cards_free(c, 3);
	assert_int_equal(store_check(f->st, &f->diags), 0);
}

/* The parameters an answer carries read back bit for bit. */
static void
test_params_json(void **state)
{
	uint64_t x = 99;

	(void)state;
	for (int round = 0; round < 200; round++) {
		struct fsrs_params p, q;
		char why[200], *text;

		fsrs_params_default(&p);
		for (int i = 0; i < FSRS_NWEIGHTS; i++) {
			double lo, hi;

			x = x * 6364136223846793005ull + 1442695040888963407ull;
			fsrs_weight_bounds(&p, i, &lo, &hi);
			p.w[i] = lo + (hi - lo) * (double)(x >> 11) /
			                  9007199254740992.0;
		}
		p.retention = 0.7 + 0.29 * (double)(round % 97) / 97.0;
		p.nlearning = round % 4;
		for (int i = 0; i < p.nlearning; i++)
			p.learning[i] = 1 + i * 7 + round;
		p.nrelearning = round % 3;
		for (int i = 0; i < p.nrelearning; i++)
			p.relearning[i] = 5 + i + round;
		p.fuzz = round % 2;
		assert_int_equal(fsrs_params_finish(&p, NULL, why, sizeof(why)),
		                 0);
		text = store_params_json(&p);
		assert_int_equal(store_params_parse(text, &q), 0);
		assert_memory_equal(p.w, q.w, sizeof(p.w));
		assert_true(p.retention == q.retention);
		assert_int_equal(p.nlearning, q.nlearning);
		assert_memory_equal(p.learning, q.learning,
		                    sizeof(int) * (size_t)p.nlearning);
		assert_int_equal(p.nrelearning, q.nrelearning);
		assert_int_equal(p.fuzz, q.fuzz);
		assert_true(p.decay == q.decay && p.factor == q.factor);
		free(text);
	}
	{
		struct fsrs_params q;

		assert_int_equal(store_params_parse("{\"w\": [1]}", &q), -1);
		assert_int_equal(store_params_parse("not json", &q), -1);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_answer_and_undo, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_unscheduled_answer, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_conflict_between_sessions,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filters_suspend_bury,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_sync_report, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_readonly, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_events, setup, teardown),
		cmocka_unit_test(test_params_json),
		cmocka_unit_test(test_content_limits),
		cmocka_unit_test(test_content_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
