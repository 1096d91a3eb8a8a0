/*
 * test_lint.c - the linter's rules at their edges: whole words, folded
 * text (Hangul, accents), where a giveaway shows, reversed cards with and
 * without 'accept', and the precision a date question asks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"

#define HEAD "deck: t\ntitle: T\ncards:\n"

/* Load 'cards' (YAML, after the deck's head) and lint it; returns the
 * warnings, each as "LINE:COL: MESSAGE". */
static struct strlist
lint(const char *cards)
{
	struct diag_list diags = { 0 };
	struct strlist out = { 0 };
	struct deck *deck = NULL;
	char *yaml = xasprintf("%s%s", HEAD, cards);
	size_t n;

	assert_int_equal(
	    deck_load_buffer("t.yaml", yaml, strlen(yaml), &deck, &diags), 0);
	assert_int_equal(diags.n, 0);
	n = lint_deck(deck, &diags);
	assert_int_equal(n, diags.n);
	for (size_t i = 0; i < diags.n; i++) {
		char *s = xasprintf("%d:%d: %s", diags.v[i].line,
		                    diags.v[i].col, diags.v[i].msg);

		assert_int_equal(diags.v[i].level, DIAG_WARNING);
		assert_int_equal(diags.nerrors, 0);
		assert_string_equal(diags.v[i].file, "t.yaml");
		strlist_push(&out, s);
		free(s);
	}
	diag_list_release(&diags);
	deck_free(deck);
	free(yaml);
	return out;
}

/* A cloze card with 'text' (and 'hint' unless NULL): its warnings. */
static struct strlist
lint_cloze(const char *text, const char *hint)
{
	char *card = xasprintf("  - id: c\n    type: cloze\n    text: \"%s\"\n"
	                       "%s%s%s",
	                       text, hint ? "    hint: \"" : "",
	                       hint ? hint : "", hint ? "\"\n" : "");
	struct strlist w = lint(card);

	free(card);
	return w;
}

static void
assert_no_warning(struct strlist w)
{
	for (size_t i = 0; i < w.n; i++)
		print_message("unexpected: %s\n", w.v[i]);
	assert_int_equal(w.n, 0);
	strlist_release(&w);
}

static void
assert_one_warning(struct strlist w, const char *want)
{
	for (size_t i = 0; w.n != 1 && i < w.n; i++)
		print_message("got: %s\n", w.v[i]);
	assert_int_equal(w.n, 1);
	assert_string_equal(w.v[0], want);
	strlist_release(&w);
}

/* ---- cloze giveaways ---- */

static void
test_gap_in_text(void **state)
{
	(void)state;
	assert_one_warning(
	    lint_cloze("{{Japan}} would rule Korea; JAPAN, in turn...", NULL),
	    "4:5: gap 1 of 'c' is given away: its answer 'Japan' also "
	    "appears in the text");
}

static void
test_part_of_a_longer_word(void **state)
{
	(void)state;
	/* "Korean" and "Koreans" do not give "Korea" away, nor "Japanese"
	 * "Japan", nor "1953" "19533" */
	assert_no_warning(lint_cloze("The {{Korea}} of the Korean War, in "
	                             "{{1953}}: 19533 Japanese, Koreans.",
	                             "Koreans fought on both sides."));
	/* a gap answer of two words needs both, in order */
	assert_no_warning(
	    lint_cloze("The {{Combined Forces Command}} is a combined "
	               "command of forces.",
	               NULL));
}

static void
test_hangul(void **state)
{
	(void)state;
	assert_one_warning(
	    lint_cloze("The treaty was signed at {{제물포|Chemulpo}}: 제물포, "
	               "now 인천.",
	               NULL),
	    "4:5: gap 1 of 'c' is given away: its answer '제물포' also "
	    "appears in the text");
	/* a particle makes a longer word: not a whole-word giveaway */
	assert_no_warning(lint_cloze(
	    "{{이승만}} was president; 이승만은 wanted a treaty.", NULL));
	/* an alternative in Hangul shows in the hint */
	assert_one_warning(
	    lint_cloze("Signed at {{Chemulpo|제물포}}.", "In Korean, 제물포."),
	    "4:5: gap 1 of 'c' is given away: its answer "
	    "'제물포' also appears in the hint");
}

static void
test_accents_and_case(void **state)
{
	(void)state;
	/* folded as answers are: accents and case do not count */
	assert_one_warning(
	    lint_cloze("{{José Martí}} wrote of Korea; JOSE MARTI also...",
	               NULL),
	    "4:5: gap 1 of 'c' is given away: its answer 'José Martí' also "
	    "appears in the text");
	assert_one_warning(
	    lint_cloze("The capital is {{Seoul}}.", "Séoul, in French."),
	    "4:5: gap 1 of 'c' is given away: its answer "
	    "'Seoul' also appears in the hint");
	/* nor do spacing, points and apostrophes inside words */
	assert_one_warning(
	    lint_cloze("The {{U.N. Command}} is the UN  command.", NULL),
	    "4:5: gap 1 of 'c' is given away: its answer 'U.N. Command' "
	    "also appears in the text");
	assert_one_warning(
	    lint_cloze("The {{Peoples Army}}: the People's Army.", NULL),
	    "4:5: gap 1 of 'c' is given away: its answer 'Peoples Army' "
	    "also appears in the text");
	/* but a point at the end of a sentence ends its word */
	assert_one_warning(
	    lint_cloze("In {{Seoul}}: north of Seoul. Then.", NULL),
	    "4:5: gap 1 of 'c' is given away: its answer "
	    "'Seoul' also appears in the text");
}

static void
test_gaps_and_places(void **state)
{
	struct strlist w;

	(void)state;
	/* each gap is asked with the others shown filled in (first
	 * alternative only): 'CFC' in gap 1 does not give away gap 3 */
	w = lint_cloze("The {{Combined Forces Command|CFC}} and the {{Combined "
	               "Forces Command}}, or {{CFC}}.",
	               "The Combined Forces Command.");
	assert_int_equal(w.n, 2);
	assert_string_equal(w.v[0], "4:5: gap 1 of 'c' is given away: its "
	                            "answer 'Combined Forces Command' also "
	                            "appears in gap 2 and the hint");
	assert_string_equal(w.v[1], "4:5: gap 2 of 'c' is given away: its "
	                            "answer 'Combined Forces Command' also "
	                            "appears in gap 1 and the hint");
	strlist_release(&w);
	/* text, gaps and hint, in that order */
	w = lint_cloze("{{US}} and US: {{the US}}, {{US|America}}.", "The US.");
	assert_int_equal(w.n, 3);
	assert_string_equal(w.v[0], "4:5: gap 1 of 'c' is given away: its "
	                            "answer 'US' also appears in the text, "
	                            "gap 2, gap 3 and the hint");
	strlist_release(&w);
	/* a word that runs on over a gap is shown in both places */
	assert_one_warning(lint_cloze("The {{Korea}}n War: {{Korean}}.", NULL),
	                   "4:5: gap 2 of 'c' is given away: its answer "
	                   "'Korean' also appears in the text and gap 1");
	/* a leading article of a longer answer is left off */
	assert_one_warning(lint_cloze("On {{the Swatara}}: Swatara.", NULL),
	                   "4:5: gap 1 of 'c' is given away: its answer 'the "
	                   "Swatara' also appears in the text");
	/* the text and the hint are not read as one: no run across them */
	assert_no_warning(
	    lint_cloze("{{Forces Command}} of the Forces", "Command of it."));
}

static void
test_repeated_words_stay_linear(void **state)
{
	struct strbuf text = { 0 };
	struct strlist w;

	(void)state;
	/* 20,000 words of "a" and a "b", then a gap of 5,000 "a" and a "b":
	 * a naive search would compare 10^8 words */
	for (int i = 0; i < 20000; i++)
		strbuf_adds(&text, "a ");
	strbuf_adds(&text, "b {{");
	for (int i = 0; i < 5000; i++)
		strbuf_adds(&text, "a ");
	strbuf_adds(&text, "b}}");
	w = lint_cloze(text.buf, NULL);
	assert_int_equal(w.n, 1);
	strlist_release(&w);
	strbuf_release(&text);
}

/* ---- reversed cards ---- */

static void
test_reverse(void **state)
{
	(void)state;
	assert_one_warning(lint("  - id: opcon\n"
	                        "    q: OPCON\n"
	                        "    a: operational control\n"
	                        "    reverse: true\n"),
	                   "4:5: card 'opcon' is reversed but has no 'accept' "
	                   "list: 'operational control' must be typed as "
	                   "written (list the other right answers in "
	                   "'accept')");
	/* with 'accept', or not reversed: fine */
	assert_no_warning(lint("  - id: cfc\n"
	                       "    q: CFC\n"
	                       "    a: Combined Forces Command\n"
	                       "    accept: [ROK-US Combined Forces Command]\n"
	                       "    reverse: true\n"
	                       "  - id: usfk\n"
	                       "    q: USFK\n"
	                       "    a: United States Forces Korea\n"
	                       "    reverse: false\n"));
}

/* ---- date precision ---- */

static void
test_date_question_words(void **state)
{
	(void)state;
	assert_int_equal(lint_date_question("On what date was it signed?"),
	                 LINT_ASKS_DAY | LINT_WANTS_DAY);
	assert_int_equal(lint_date_question("What DAY did it begin?"),
	                 LINT_ASKS_DAY | LINT_WANTS_DAY);
	assert_int_equal(lint_date_question("When exactly did it begin?"),
	                 LINT_ASKS_DAY);
	assert_int_equal(lint_date_question("When was Armed Forces Day held?"),
	                 LINT_ASKS_DAY);
	assert_int_equal(lint_date_question("The largest one to date?"),
	                 LINT_ASKS_DAY);
	assert_int_equal(lint_date_question("In which month and year?"),
	                 LINT_ASKS_MONTH | LINT_WANTS_MONTH);
	assert_int_equal(lint_date_question("A month later, in what year?"),
	                 LINT_ASKS_MONTH);
	/* whole words: "dated", "days", "months", "today" ask nothing */
	assert_int_equal(lint_date_question("Today: dated days, months?"), 0);
	assert_int_equal(lint_date_question("When was it signed?"), 0);
	assert_int_equal(lint_date_question(""), 0);
}

/* A date card asking 'q' with answer 'a': its warnings. */
static struct strlist
lint_date(const char *q, const char *a)
{
	char *card = xasprintf("  - id: d\n    type: date\n    q: \"%s\"\n"
	                       "    a: %s\n    event: E\n",
	                       q, a);
	struct strlist w = lint(card);

	free(card);
	return w;
}

/* A date card without an event, and events named twice (folded as
 * answers are, words apart). */
static void
test_events(void **state)
{
	(void)state;
	assert_one_warning(lint("  - id: d\n    type: date\n"
	                        "    q: In what year?\n    a: 1953\n"),
	                   "4:5: the date card 'd' has no 'event' (a short "
	                   "name of what happened, for 'trainer timeline' "
	                   "and chronology questions)");
	assert_one_warning(lint("  - id: d\n    type: date\n"
	                        "    q: In what year?\n    a: 1953\n"
	                        "    event: Treaty signed\n"
	                        "  - id: e\n    type: date\n"
	                        "    q: In what year?\n    a: 1954\n"
	                        "    event: \"TREATY -  signed.\"\n"),
	                   "9:5: the event 'TREATY -  signed.' of 'e' has the "
	                   "same name as that of 'd' (line 4): name each "
	                   "event once");
	assert_no_warning(lint("  - id: d\n    type: date\n"
	                       "    q: In what year?\n    a: 1953\n"
	                       "    event: Treaty signed\n"
	                       "  - id: e\n    type: date\n"
	                       "    q: In what year?\n    a: 1954\n"
	                       "    event: Treaty ratified\n"));
}

static void
test_date_precision(void **state)
{
	(void)state;
	/* a day wants the date asked */
	assert_one_warning(
	    lint_date("When was the treaty signed?", "1953-10-01"),
	    "4:5: the answer of 'd' is a day (1 October 1953) "
	    "but its question does not ask for the date (ask "
	    "\"On what date ...?\")");
	assert_no_warning(
	    lint_date("On what date was it signed?", "1953-10-01"));
	assert_no_warning(
	    lint_date("When exactly was it signed?", "1953-10-01"));
	assert_no_warning(lint_date("What day did it begin?", "1950-06-25"));
	/* a year must not ask for the date or the month */
	assert_one_warning(lint_date("On what date was NATO founded?", "1949"),
	                   "4:5: the answer of 'd' is only a year (1949) but "
	                   "its question asks for the date (ask \"In what "
	                   "year ...?\")");
	assert_one_warning(lint_date("In which month did they leave?", "1949"),
	                   "4:5: the answer of 'd' is only a year (1949) but "
	                   "its question asks for the month (ask \"In what "
	                   "year ...?\")");
	assert_no_warning(lint_date("In what year was NATO founded?", "1949"));
	assert_no_warning(lint_date("When was NATO founded?", "1949"));
	assert_no_warning(lint_date("In what year was Armed Forces Day first "
	                            "held?",
	                            "1956"));
	assert_no_warning(lint_date("In what year came the largest drill to "
	                            "date?",
	                            "1976"));
	/* a month wants the month asked, and not the date */
	assert_one_warning(
	    lint_date("In what year was the CFC agreed?", "1978-10"),
	    "4:5: the answer of 'd' is a month (October 1978) but "
	    "its question does not ask for the month (ask \"In "
	    "which month ...?\")");
	assert_one_warning(
	    lint_date("On what date, month and year?", "1978-10"),
	    "4:5: the answer of 'd' is a month (October 1978) but "
	    "its question asks for the date (ask \"In which "
	    "month ...?\")");
	assert_no_warning(lint_date("In which month and year was the CFC "
	                            "agreed?",
	                            "1978-10"));
}

static void
test_other_cards_are_quiet(void **state)
{
	(void)state;
	/* an answer in a text card's own question is not the linter's
	 * business; nor are choice, order and number cards */
	assert_no_warning(lint("  - id: t\n    q: Who was Rhee?\n    a: Rhee\n"
	                       "  - id: n\n    type: number\n"
	                       "    q: How many, 1953?\n    a: 1953\n"
	                       "  - id: ch\n    type: choice\n    q: Japan?\n"
	                       "    choices: [Japan, Korea]\n    a: Japan\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gap_in_text),
		cmocka_unit_test(test_part_of_a_longer_word),
		cmocka_unit_test(test_hangul),
		cmocka_unit_test(test_accents_and_case),
		cmocka_unit_test(test_gaps_and_places),
		cmocka_unit_test(test_repeated_words_stay_linear),
		cmocka_unit_test(test_reverse),
		cmocka_unit_test(test_date_question_words),
		cmocka_unit_test(test_date_precision),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_other_cards_are_quiet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
