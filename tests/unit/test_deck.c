/*
 * test_deck.c - the deck loader on valid decks of every card type, and on
 * the problems whose exact wording the golden corpus does not pin down.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "deckset.h"

static struct deck *
load_ok(const char *yaml)
{
	struct diag_list diags = { 0 };
	struct deck *deck = NULL;
	int rc = deck_load_buffer("t.yaml", yaml, strlen(yaml), &deck, &diags);

	for (size_t i = 0; i < diags.n; i++)
		print_message("unexpected: %d:%d: %s\n", diags.v[i].line,
		              diags.v[i].col, diags.v[i].msg);
	assert_int_equal(rc, 0);
	assert_int_equal(diags.n, 0);
	assert_non_null(deck);
	diag_list_release(&diags);
	return deck;
}

/* Load a broken deck; return its diagnostics. */
static struct diag_list
load_bad(const char *yaml)
{
	struct diag_list diags = { 0 };
	struct deck *deck = NULL;
	int rc = deck_load_buffer("t.yaml", yaml, strlen(yaml), &deck, &diags);

	assert_int_equal(rc, -EX_DATAERR);
	assert_null(deck);
	assert_true(diags.nerrors > 0);
	return diags;
}

#define HEAD "deck: t\ntitle: T\ncards:\n"

static void
test_text_card(void **state)
{
	struct deck *d =
	    load_ok("deck: us-rok\n"
	            "title: The Alliance\n"
	            "source: Daniel Oh\n"
	            "description: A deck.\n"
	            "cards:\n"
	            "  - id: rhee\n"
	            "    q: Who was the first ROK president?\n"
	            "    a: Syngman Rhee\n"
	            "    accept: [Rhee, 이승만]\n"
	            "    tags: [people, presidents]\n"
	            "    hint: He took office in 1948.\n"
	            "    note: Elected by the National Assembly.\n");
	const struct card *c = &d->cards[0];

	(void)state;
	assert_string_equal(d->name, "us-rok");
	assert_string_equal(d->title, "The Alliance");
	assert_string_equal(d->source, "Daniel Oh");
	assert_string_equal(d->description, "A deck.");
	assert_int_equal(d->name_line, 1);
	assert_int_equal(d->ncards, 1);
	assert_string_equal(c->id, "rhee");
	assert_int_equal(c->type, CARD_TEXT);
	assert_string_equal(c->q, "Who was the first ROK president?");
	assert_string_equal(c->a, "Syngman Rhee");
	assert_int_equal(c->accept.n, 2);
	assert_string_equal(c->accept.v[1], "이승만");
	assert_int_equal(c->tags.n, 2);
	assert_true(strlist_find(&c->tags, "presidents") >= 0);
	assert_true(strlist_find(&c->tags, "dates") < 0);
	assert_string_equal(c->hint, "He took office in 1948.");
	assert_string_equal(c->note, "Elected by the National Assembly.");
	assert_int_equal(c->line, 6);
	assert_int_equal(c->col, 5);
	deck_free(d);
}

static void
test_optional_fields_absent(void **state)
{
	struct deck *d = load_ok(HEAD "  - {id: x, q: Q?, a: A}\n");

	(void)state;
	assert_null(d->source);
	assert_null(d->description);
	assert_null(d->cards[0].hint);
	assert_null(d->cards[0].note);
	assert_int_equal(d->cards[0].tags.n, 0);
	assert_int_equal(d->cards[0].type, CARD_TEXT);
	deck_free(d);
}

static void
test_empty_optional_values_mean_none(void **state)
{
	struct deck *d = load_ok(HEAD "  - id: x\n"
	                              "    q: Q?\n"
	                              "    a: A\n"
	                              "    tags:\n"
	                              "    accept:\n"
	                              "    hint: \"\"\n"
	                              "    note: ~\n");

	(void)state;
	assert_int_equal(d->cards[0].tags.n, 0);
	assert_int_equal(d->cards[0].accept.n, 0);
	assert_null(d->cards[0].hint);
	assert_null(d->cards[0].note);
	deck_free(d);
}

static void
test_reverse(void **state)
{
	struct deck *d = load_ok(HEAD "  - id: opcon\n"
	                              "    q: OPCON\n"
	                              "    a: operational control\n"
	                              "    reverse: true\n"
	                              "    tags: [commands]\n");

	(void)state;
	assert_int_equal(d->ncards, 2);
	assert_string_equal(d->cards[1].id, "opcon.reverse");
	assert_string_equal(d->cards[1].q, "operational control");
	assert_string_equal(d->cards[1].a, "OPCON");
	assert_true(d->cards[1].reverse_of);
	assert_false(d->cards[0].reverse_of);
	assert_string_equal(d->cards[1].tags.v[0], "commands");
	deck_free(d);

	d = load_ok(HEAD "  - {id: x, q: a, a: b, reverse: false}\n");
	assert_int_equal(d->ncards, 1);
	deck_free(d);
}

static void
test_date_cards(void **state)
{
	struct deck *d = load_ok(HEAD "  - {id: d1, type: date, q: When?, a: "
	                              "1953-10-01}\n"
	                              "  - {id: d2, type: date, q: When?, a: "
	                              "1978-10}\n"
	                              "  - {id: d3, type: date, q: When?, a: "
	                              "1994}\n"
	                              "  - {id: d4, type: date, q: When?, a: "
	                              "2024-02-29}\n");

	(void)state;
	assert_int_equal(d->ncards, 4);
	assert_int_equal(d->cards[0].date.year, 1953);
	assert_int_equal(d->cards[0].date.month, 10);
	assert_int_equal(d->cards[0].date.day, 1);
	assert_string_equal(d->cards[0].a, "1953-10-01");
	assert_int_equal(d->cards[1].date.month, 10);
	assert_int_equal(d->cards[1].date.day, 0);
	assert_int_equal(d->cards[2].date.year, 1994);
	assert_int_equal(d->cards[2].date.month, 0);
	assert_int_equal(d->cards[3].date.day, 29);
	deck_free(d);
}

static void
test_number_cards(void **state)
{
	struct deck *d = load_ok(
	    HEAD "  - {id: n1, type: number, q: How many?, a: '142,901'}\n"
	         "  - {id: n2, type: number, q: How much?, a: 2.3 billion,"
	         " unit: $, tolerance: 0.1 billion}\n"
	         "  - {id: n3, type: number, q: What share?, a: 8%, "
	         "tolerance: 10%}\n"
	         "  - {id: n4, type: number, q: How many?, a: 33629, unit: "
	         "soldiers}\n"
	         "  - {id: n5, type: number, q: How much?, a: $1.4B}\n");

	(void)state;
	assert_int_equal(d->ncards, 5);
	assert_true(d->cards[0].value == 142901.0);
	assert_null(d->cards[0].unit);
	assert_true(d->cards[0].tolerance == 0);
	assert_true(d->cards[1].value == 2.3e9);
	assert_string_equal(d->cards[1].unit, "$");
	assert_true(d->cards[1].tolerance == 1e8);
	assert_true(d->cards[2].value == 8);
	assert_string_equal(d->cards[2].unit, "%");
	assert_float_equal(d->cards[2].tolerance, 0.8, 1e-12);
	assert_string_equal(d->cards[3].unit, "soldiers");
	assert_true(d->cards[4].value == 1.4e9);
	assert_string_equal(d->cards[4].unit, "$");
	assert_string_equal(d->cards[4].a, "$1.4B");
	deck_free(d);
}

static void
test_choice_card(void **state)
{
	struct deck *d =
	    load_ok(HEAD "  - id: c1\n"
	                 "    type: choice\n"
	                 "    q: Who signed the treaty for the US?\n"
	                 "    choices: [Dulles, Acheson, Marshall]\n"
	                 "    a: Dulles\n");

	(void)state;
	assert_int_equal(d->cards[0].type, CARD_CHOICE);
	assert_int_equal(d->cards[0].choices.n, 3);
	assert_string_equal(d->cards[0].choices.v[2], "Marshall");
	assert_string_equal(d->cards[0].a, "Dulles");
	deck_free(d);
}

static void
test_order_card(void **state)
{
	struct deck *d = load_ok(HEAD "  - id: o1\n"
	                              "    type: order\n"
	                              "    q: Earliest first\n"
	                              "    items:\n"
	                              "      - Joseon-US treaty\n"
	                              "      - Taft-Katsura\n"
	                              "      - Armistice\n");

	(void)state;
	assert_int_equal(d->cards[0].type, CARD_ORDER);
	assert_null(d->cards[0].a);
	assert_int_equal(d->cards[0].items.n, 3);
	assert_string_equal(d->cards[0].items.v[0], "Joseon-US treaty");
	deck_free(d);
}

static void
test_cloze_card(void **state)
{
	struct deck *d = load_ok(
	    HEAD "  - id: cfc\n"
	         "    type: cloze\n"
	         "    q: Fill in the gap.\n"
	         "    text: The {{Combined Forces Command|CFC}} was set "
	         "up in {{1978}}.\n"
	         "    tags: [commands]\n"
	         "    note: A combined command.\n");

	(void)state;
	assert_int_equal(d->ncards, 2);
	assert_string_equal(d->cards[0].id, "cfc.1");
	assert_string_equal(d->cards[0].q,
	                    "Fill in the gap.\nThe [...] was set up in 1978.");
	assert_string_equal(d->cards[0].a, "Combined Forces Command");
	assert_int_equal(d->cards[0].accept.n, 1);
	assert_string_equal(d->cards[0].accept.v[0], "CFC");
	assert_string_equal(d->cards[1].id, "cfc.2");
	assert_string_equal(d->cards[1].q,
	                    "Fill in the gap.\nThe Combined Forces Command "
	                    "was set up in [...].");
	assert_string_equal(d->cards[1].a, "1978");
	assert_int_equal(d->cards[1].accept.n, 0);
	assert_string_equal(d->cards[1].note, "A combined command.");
	assert_string_equal(d->cards[1].tags.v[0], "commands");
	deck_free(d);
}

static void
test_block_scalars_and_comments(void **state)
{
	struct deck *d = load_ok("# a comment\n"
	                         "deck: t   # trailing comment\n"
	                         "title: T\n"
	                         "cards:\n"
	                         "  - id: long\n"
	                         "    q: >-\n"
	                         "      A question written\n"
	                         "      over two lines?\n"
	                         "    a: \"quoted: yes\"\n");

	(void)state;
	assert_string_equal(d->cards[0].q,
	                    "A question written over two lines?");
	assert_string_equal(d->cards[0].a, "quoted: yes");
	deck_free(d);
}

static void
test_every_problem_reported(void **state)
{
	struct diag_list l = load_bad(HEAD "  - {id: a, q: x}\n"
	                                   "  - {id: B, q: x, a: y}\n"
	                                   "  - {id: c, type: date, q: x, a: "
	                                   "1953-04-31}\n");

	(void)state;
	assert_int_equal(l.nerrors, 3);
	assert_int_equal(l.v[0].line, 4);
	assert_string_equal(l.v[0].msg, "card 'a' has no 'a' (the answer)");
	assert_int_equal(l.v[1].line, 5);
	assert_int_equal(l.v[1].col, 10);
	assert_string_equal(
	    l.v[2].msg, "'1953-04-31' is not a date: April 1953 has 30 days");
	assert_string_equal(l.v[2].file, "t.yaml");
	diag_list_release(&l);
}

static void
test_sorted_with_notes(void **state)
{
	struct diag_list l = load_bad(HEAD "  - id: a\n"
	                                   "    q: x\n"
	                                   "    zz: 1\n"
	                                   "    q: y\n"
	                                   "    a: z\n");

	(void)state;
	/* the unknown key (line 6) first, the duplicate (line 7) with its
	 * note pointing back at line 5 */
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].line, 6);
	assert_int_equal(l.v[1].line, 7);
	assert_string_equal(l.v[1].msg, "duplicate key 'q'");
	assert_int_equal(l.v[2].level, DIAG_NOTE);
	assert_int_equal(l.v[2].line, 5);
	diag_list_release(&l);
}

static void
test_cloze_id_collides(void **state)
{
	/* a cloze reserves its own id, so a later card cannot take it */
	struct diag_list l =
	    load_bad(HEAD "  - {id: x, type: cloze, text: '{{a}}'}\n"
	                  "  - {id: x, q: q, a: a}\n");

	(void)state;
	assert_int_equal(l.nerrors, 1);
	assert_string_equal(l.v[0].msg, "duplicate id 'x'");
	diag_list_release(&l);
}

static void
test_many_cards_unique_ids(void **state)
{
	struct strbuf sb = { 0 };
	struct deck *d;
	struct diag_list diags = { 0 };

	(void)state;
	strbuf_adds(&sb, HEAD);
	for (int i = 0; i < 5000; i++)
		strbuf_addf(&sb, "  - {id: c%d, q: q, a: a}\n", i);
	d = load_ok(sb.buf);
	assert_int_equal(d->ncards, 5000);
	assert_string_equal(d->cards[4999].id, "c4999");
	deck_free(d);
	strbuf_addf(&sb, "  - {id: c17, q: q, a: a}\n");
	assert_int_equal(deck_load_buffer("t.yaml", sb.buf, sb.len, &d, &diags),
	                 -EX_DATAERR);
	assert_int_equal(diags.nerrors, 1);
	assert_int_equal(diags.v[0].line, 5004);
	diag_list_release(&diags);
	strbuf_release(&sb);
}

/* A cloze text "T", then 'ngaps' gaps "{{gN}}", each after 'pad' letters. */
static void
add_cloze(struct strbuf *sb, const char *id, size_t ngaps, size_t pad)
{
	strbuf_addf(sb, "  - id: %s\n    type: cloze\n    text: T", id);
	for (size_t i = 0; i < ngaps; i++) {
		for (size_t k = 0; k < pad; k++)
			strbuf_addch(sb, 'x');
		strbuf_addf(sb, " {{g%zu}} ", i + 1);
	}
	strbuf_addch(sb, '\n');
}

static void
test_cloze_gap_limit(void **state)
{
	struct strbuf sb = { 0 };
	struct diag_list diags;
	struct deck *d;

	(void)state;
	strbuf_adds(&sb, HEAD);
	add_cloze(&sb, "c", CARD_MAX_GAPS, 0);
	d = load_ok(sb.buf);
	assert_int_equal(d->ncards, CARD_MAX_GAPS);
	assert_string_equal(d->cards[CARD_MAX_GAPS - 1].id, "c.50");
	assert_string_equal(d->cards[CARD_MAX_GAPS - 1].a, "g50");
	/* the others filled in, in one pass over the text */
	assert_non_null(strstr(d->cards[CARD_MAX_GAPS - 1].q, " g49  [...]"));
	assert_non_null(strstr(d->cards[0].q, " [...]  g2 "));
	deck_free(d);
	strbuf_release(&sb);

	strbuf_adds(&sb, HEAD);
	add_cloze(&sb, "c", CARD_MAX_GAPS + 1, 0);
	diags = load_bad(sb.buf);
	assert_int_equal(diags.nerrors, 1);
	assert_string_equal(diags.v[0].msg, "'text' has more than 50 gaps "
	                                    "(split it into several cloze "
	                                    "cards)");
	/* at the 51st gap: "text: T", 50 times " {{gN}} ", then " " */
	assert_int_equal(diags.v[0].line, 6);
	assert_int_equal(diags.v[0].col, 11 + 1 + 9 * 8 + 41 * 9 + 1);
	diag_list_release(&diags);
	strbuf_release(&sb);
}

static void
test_cloze_text_limit(void **state)
{
	struct strbuf sb = { 0 };
	struct diag_list diags;

	(void)state;
	/* 50 gaps over about 6 KB of text: 50 cards of 6 KB each */
	strbuf_adds(&sb, HEAD);
	add_cloze(&sb, "c", 50, 120);
	diags = load_bad(sb.buf);
	assert_int_equal(diags.nerrors, 1);
	assert_non_null(strstr(diags.v[0].msg,
	                       "card 'c' makes 316 KiB of text (50 gaps, each "
	                       "a card holding the whole text); the most is "
	                       "256 KiB"));
	assert_int_equal(diags.v[0].line, 4);
	diag_list_release(&diags);
	strbuf_release(&sb);
}

static void
test_card_text_limit(void **state)
{
	struct strbuf sb = { 0 };
	struct diag_list diags;

	(void)state;
	/* five accepted answers of 60 KB each: within the scalar limit */
	strbuf_adds(&sb, HEAD "  - id: t\n    q: q\n    a: a\n    accept:\n");
	for (int i = 0; i < 5; i++) {
		strbuf_addf(&sb, "      - %d", i);
		for (int k = 0; k < 60000; k++)
			strbuf_addch(&sb, 'y');
		strbuf_addch(&sb, '\n');
	}
	diags = load_bad(sb.buf);
	assert_int_equal(diags.nerrors, 1);
	assert_string_equal(diags.v[0].msg, "card 't' holds 293 KiB of text; "
	                                    "the most is 256 KiB");
	diag_list_release(&diags);
	strbuf_release(&sb);
}

static void
test_file_text_limit(void **state)
{
	struct strbuf sb = { 0 };
	struct diag_list diags;
	char id[32];
	size_t n = 0;

	(void)state;
	/* cards of 50 gaps over 4 KB: about 200 KB each, 170 of them pass
	 * 32 MiB from a file of 700 KB */
	strbuf_adds(&sb, HEAD);
	for (int i = 0; i < 170; i++) {
		snprintf(id, sizeof(id), "c%d", i);
		add_cloze(&sb, id, 50, 72);
	}
	diags = load_bad(sb.buf);
	for (size_t i = 0; i < diags.n; i++)
		n += strstr(diags.v[i].msg, "hold more than 32 MiB") != NULL;
	assert_int_equal(diags.nerrors, 1);
	assert_int_equal(n, 1);
	diag_list_release(&diags);
	strbuf_release(&sb);
}

static void
test_strmap(void **state)
{
	struct strmap m = { .icase = 1 };
	char keys[10000][8];
	int one = 1, two = 2;

	(void)state;
	assert_null(strmap_get(&m, "x")); /* an empty map */
	assert_null(strmap_put(&m, "Dates", &one));
	assert_ptr_equal(strmap_put(&m, "dATES", &two), &one);
	assert_ptr_equal(strmap_get(&m, "dates"), &one);
	for (int i = 0; i < 10000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		assert_null(strmap_put(&m, keys[i], &two));
	}
	assert_int_equal(m.n, 10001);
	assert_ptr_equal(strmap_get(&m, "K9999"), &two);
	assert_ptr_equal(strmap_get(&m, "dates"), &one);
	assert_null(strmap_get(&m, "k10000"));
	strmap_release(&m);
	assert_int_equal(m.icase, 1);
	assert_null(strmap_get(&m, "dates"));

	m.icase = 0;
	assert_null(strmap_put(&m, "id", &one));
	assert_null(strmap_put(&m, "ID", &two));
	strmap_release(&m);
}

static void
test_load_file_missing(void **state)
{
	struct diag_list diags = { 0 };
	struct deck *d;

	(void)state;
	assert_int_equal(deckset_load_file("/nonexistent/x.yaml", &d, &diags),
	                 -EX_NOINPUT);
	assert_null(d);
	assert_int_equal(diags.nerrors, 1);
	assert_string_equal(diags.v[0].msg,
	                    "cannot open: no such file or directory");
	diag_list_release(&diags);
}

static void
test_deckset_folder(void **state)
{
	char dir[] = "/tmp/test_deck.XXXXXX";
	struct deckset set = { 0 };
	struct diag_list diags = { 0 };
	char *p;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	p = xasprintf("%s/b.yaml", dir);
	fp = fopen(p, "w");
	fputs("deck: bee\ntitle: B\ncards: [{id: x, q: q, a: a}]\n", fp);
	fclose(fp);
	free(p);
	p = xasprintf("%s/a.yml", dir);
	fp = fopen(p, "w");
	fputs("deck: ay\ntitle: A\ncards: [{id: x, q: q, a: a}]\n", fp);
	fclose(fp);
	free(p);
	p = xasprintf("%s/notes.txt", dir);
	fp = fopen(p, "w");
	fputs("not a deck", fp);
	fclose(fp);
	free(p);

	assert_int_equal(deckset_load(&set, dir, &diags), 0);
	assert_int_equal(set.n, 2);
	assert_int_equal(set.nfiles, 2);
	assert_string_equal(set.v[0]->name, "ay"); /* a.yml sorts first */
	assert_non_null(deckset_find(&set, "bee"));
	assert_null(deckset_find(&set, "cee"));
	/* loading the same folder again: every name is taken */
	assert_int_equal(deckset_load(&set, dir, &diags), -EX_DATAERR);
	assert_int_equal(set.n, 2);
	assert_int_equal(diags.nerrors, 2);
	assert_non_null(strstr(diags.v[0].msg, "is already used by"));

	deckset_release(&set);
	diag_list_release(&diags);
	p = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(p), 0);
	free(p);
}

/* Bad UTF-8 is found at its own byte wherever it falls among the ASCII
 * read eight bytes at a time, and a character cut off by the end of the
 * file is told apart. */
static void
test_bad_utf8_every_offset(void **state)
{
	(void)state;
	for (size_t pad = 0; pad < 20; pad++) {
		char yaml[128];
		struct diag_list d;
		int n = snprintf(yaml, sizeof(yaml), HEAD "  - {id: c, q: ");

		memset(yaml + n, 'x', pad);
		memcpy(yaml + n + pad, "\xC3\x28, a: a}\n", 10);
		yaml[n + pad + 10] = '\0';
		d = load_bad(yaml);
		assert_int_equal(d.v[0].line, 4);
		assert_int_equal(d.v[0].col, (int)(16 + pad));
		assert_non_null(strstr(d.v[0].msg, "byte 0xC3"));
		diag_list_release(&d);

		/* the same, the file ending inside a 3-byte character */
		memcpy(yaml + n + pad, "\xE2\x82", 3);
		d = load_bad(yaml);
		assert_int_equal(d.v[0].col, (int)(16 + pad));
		assert_non_null(strstr(d.v[0].msg, "ends in the middle"));
		diag_list_release(&d);
	}
}

/* A date card's event is loaded, and kept through the store's content
 * both ways (the fast reading and jansson's). */
static void
test_date_event(void **state)
{
	struct deck *d = load_ok("deck: d\ntitle: T\ncards:\n"
	                         "  - id: mdt\n    type: date\n"
	                         "    q: On what date?\n    a: 1953-10-01\n"
	                         "    event: \"Treaty signed: \\\"MDT\\\"\"\n"
	                         "  - id: cfc\n    type: date\n"
	                         "    q: In what year?\n    a: 1978\n");
	struct card c;
	char why[100], *json;

	(void)state;
	assert_string_equal(d->cards[0].event, "Treaty signed: \"MDT\"");
	assert_null(d->cards[1].event);
	json = content_from_card(&d->cards[0]);
	assert_int_equal(
	    content_to_card("mdt", "date", json, &c, why, sizeof(why)), 0);
	assert_string_equal(c.event, "Treaty signed: \"MDT\"");
	card_release(&c);
	free(json);
	assert_int_equal(
	    content_to_card("mdt", "date",
	                    "{\"q\":\"Q\",\"a\":\"1953\","
	                    "\"event\":\"Signed\",\"date\":\"1953\"}",
	                    &c, why, sizeof(why)),
	    0);
	assert_string_equal(c.event, "Signed");
	card_release(&c);
	deck_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_card),
		cmocka_unit_test(test_optional_fields_absent),
		cmocka_unit_test(test_empty_optional_values_mean_none),
		cmocka_unit_test(test_reverse),
		cmocka_unit_test(test_date_cards),
		cmocka_unit_test(test_date_event),
		cmocka_unit_test(test_number_cards),
		cmocka_unit_test(test_choice_card),
		cmocka_unit_test(test_order_card),
		cmocka_unit_test(test_cloze_card),
		cmocka_unit_test(test_block_scalars_and_comments),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_sorted_with_notes),
		cmocka_unit_test(test_cloze_id_collides),
		cmocka_unit_test(test_many_cards_unique_ids),
		cmocka_unit_test(test_cloze_gap_limit),
		cmocka_unit_test(test_cloze_text_limit),
		cmocka_unit_test(test_card_text_limit),
		cmocka_unit_test(test_file_text_limit),
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_load_file_missing),
		cmocka_unit_test(test_deckset_folder),
		cmocka_unit_test(test_bad_utf8_every_offset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
