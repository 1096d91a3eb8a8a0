/*
 * test_import.c - the pieces of 'trainer import': the CSV field splitter
 * on its edge cases, the reading of whole text files (header rows,
 * Anki's header lines, Quizlet's separators, rows skipped), date and
 * number detection, ids, names, HTML to text, and the YAML written read
 * back by the deck loader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

/* Split 'buf' and show the rows as "LINE:[f1][f2] LINE:[f1]", or
 * "error LINE:COL: MESSAGE" at the first error. */
static char *
split(const char *buf, const char *sep, const char *row_sep, int quotes)
{
	struct import_csv c;
	struct strlist f = { 0 };
	struct diag_list diags = { 0 };
	struct strbuf sb = { 0 };
	int line, rc;

	strbuf_adds(&sb, "");
	import_csv_init(&c, "t.csv", buf, strlen(buf), sep, row_sep, quotes);
	while ((rc = import_csv_next(&c, &f, &line, &diags)) > 0) {
		strbuf_addf(&sb, "%s%d:", sb.len ? " " : "", line);
		for (size_t i = 0; i < f.n; i++)
			strbuf_addf(&sb, "[%s]", f.v[i]);
	}
	if (rc < 0) {
		assert_int_equal(rc, -EX_DATAERR);
		assert_int_equal(diags.n, 1);
		sb.len = 0;
		strbuf_addf(&sb, "error %d:%d: %s", diags.v[0].line,
		            diags.v[0].col, diags.v[0].msg);
	} else {
		assert_int_equal(diags.n, 0);
	}
	strlist_release(&f);
	diag_list_release(&diags);
	return strbuf_detach(&sb);
}

#define SPLIT(buf, sep, row_sep, quotes, want)                                 \
	do {                                                                   \
		char *got_ = split(buf, sep, row_sep, quotes);                 \
		assert_string_equal(got_, want);                               \
		free(got_);                                                    \
	} while (0)

static void
test_split_plain(void **state)
{
	(void)state;
	SPLIT("a,b\nc,d", ",", NULL, 1, "1:[a][b] 2:[c][d]");
	/* a last line break makes no empty row */
	SPLIT("a,b\nc,d\n", ",", NULL, 1, "1:[a][b] 2:[c][d]");
	SPLIT("a,b\r\nc,d\r\n", ",", NULL, 1, "1:[a][b] 2:[c][d]");
	/* a lone CR ends a row too (old Mac files) */
	SPLIT("a,b\rc,d\r", ",", NULL, 1, "1:[a][b] 2:[c][d]");
	SPLIT("a,,c\n,\n", ",", NULL, 1, "1:[a][][c] 2:[][]");
	/* a blank line is a row of one empty field: the reader skips it */
	SPLIT("a,b\n\nc,d", ",", NULL, 1, "1:[a][b] 2:[] 3:[c][d]");
	SPLIT("", ",", NULL, 1, "");
	SPLIT("\n", ",", NULL, 1, "1:[]");
	SPLIT("a\tb c\td", "\t", NULL, 1, "1:[a][b c][d]");
	SPLIT("a::b::c", "::", NULL, 1, "1:[a][b][c]");
	SPLIT("a:b::c", "::", NULL, 1, "1:[a:b][c]");
}

static void
test_split_quotes(void **state)
{
	(void)state;
	SPLIT("\"a,b\",c", ",", NULL, 1, "1:[a,b][c]");
	SPLIT("\"say \"\"hi\"\"\",x", ",", NULL, 1, "1:[say \"hi\"][x]");
	SPLIT("\"\"\"\"", ",", NULL, 1, "1:[\"]");
	SPLIT("\"\",x", ",", NULL, 1, "1:[][x]");
	SPLIT("x,\"\"", ",", NULL, 1, "1:[x][]");
	/* a line break inside quotes: the row goes on, lines are counted */
	SPLIT("\"l1\nl2\",x\ny,z", ",", NULL, 1, "1:[l1\nl2][x] 3:[y][z]");
	SPLIT("\"l1\r\nl2\",x\r\ny,z", ",", NULL, 1,
	      "1:[l1\r\nl2][x] 3:[y][z]");
	SPLIT("\"a\tb\"\tc", "\t", NULL, 1, "1:[a\tb][c]");
	/* a quote that does not open the field is a character */
	SPLIT("a\"b,c", ",", NULL, 1, "1:[a\"b][c]");
	SPLIT("5' 11\",tall", ",", NULL, 1, "1:[5' 11\"][tall]");
	/* blanks around a quoted field are not part of it */
	SPLIT("a, \"b,c\" ,d", ",", NULL, 1, "1:[a][b,c][d]");
	/* ... but with blanks as the separator they separate */
	SPLIT("\"a b\" c", " ", NULL, 1, "1:[a b][c]");
	/* without quoting, quotes are text */
	SPLIT("\"a,b\"", ",", NULL, 0, "1:[\"a][b\"]");
}

static void
test_split_errors(void **state)
{
	(void)state;
	SPLIT("a,\"b\nc", ",", NULL, 1,
	      "error 1:3: the quoted field opened here is never closed (a "
	      "quote inside a quoted field is written twice: \"\")");
	SPLIT("x,y\n\"", ",", NULL, 1,
	      "error 2:1: the quoted field opened here is never closed (a "
	      "quote inside a quoted field is written twice: \"\")");
	SPLIT("\"a\"b,c", ",", NULL, 1,
	      "error 1:4: text after the closing quote of the field opened "
	      "at line 1, column 1 (a quote inside a quoted field is written "
	      "twice: \"\"; --no-quotes reads quotes as text)");
	/* columns count characters, not bytes */
	SPLIT("한국,\"x", ",", NULL, 1,
	      "error 1:4: the quoted field opened here is never closed (a "
	      "quote inside a quoted field is written twice: \"\")");
}

static void
test_split_row_separator(void **state)
{
	(void)state;
	/* Quizlet: rows end at ';', line breaks stay in the fields */
	SPLIT("a\tb;c\td\ne;", "\t", ";", 0, "1:[a][b] 1:[c][d\ne]");
	SPLIT("a - b||c - d", " - ", "||", 0, "1:[a][b] 1:[c][d]");
	SPLIT("a\tb\n;\nc\td", "\t", ";", 0, "1:[a][b\n] 2:[\nc][d]");
}

/* Parse 'buf' as the file 'name'; the entries as "q => a (type)" lines
 * with the notes after, or "error L:C: MSG". */
static char *
parse(const char *name, const char *buf, struct import_text_opts *o)
{
	struct import_text_opts none = { 0 };
	struct import_result r = { 0 };
	struct diag_list diags = { 0 };
	struct strbuf sb = { 0 };
	int rc;

	rc = import_parse_text(name, buf, strlen(buf), o ? o : &none, &r,
	                       &diags);
	strbuf_adds(&sb, "");
	if (rc < 0) {
		assert_true(diags.nerrors > 0);
		strbuf_addf(&sb, "error %d:%d: %s", diags.v[0].line,
		            diags.v[0].col, diags.v[0].msg);
		goto out;
	}
	assert_int_equal(diags.n, 0);
	for (size_t i = 0; i < r.n; i++) {
		const struct import_entry *e = &r.v[i];

		if (e->type == CARD_CLOZE)
			strbuf_addf(&sb, "%d: cloze %s", e->line, e->text);
		else
			strbuf_addf(&sb, "%d: %s => %s", e->line, e->q, e->a);
		if (e->type == CARD_DATE || e->type == CARD_NUMBER)
			strbuf_addf(&sb, " (%s)", deck_type_name(e->type));
		for (size_t j = 0; j < e->tags.n; j++)
			strbuf_addf(&sb, " #%s", e->tags.v[j]);
		if (e->hint)
			strbuf_addf(&sb, " hint=%s", e->hint);
		if (e->note)
			strbuf_addf(&sb, " note=%s", e->note);
		if (e->source_key)
			strbuf_addf(&sb, " key=%s", e->source_key);
		if (e->id)
			strbuf_addf(&sb, " id=%s", e->id);
		for (size_t j = 0; j < e->accept.n; j++)
			strbuf_addf(&sb, " also=%s", e->accept.v[j]);
		strbuf_addch(&sb, '\n');
	}
	for (size_t i = 0; i < r.notes.n; i++)
		strbuf_addf(&sb, "note: %s\n", r.notes.v[i]);
	strbuf_addf(&sb, "skipped %zu", r.skipped);
out:
	import_result_release(&r);
	diag_list_release(&diags);
	return strbuf_detach(&sb);
}

#define PARSE(name, buf, o, want)                                              \
	do {                                                                   \
		char *got_ = parse(name, buf, o);                              \
		assert_string_equal(got_, want);                               \
		free(got_);                                                    \
	} while (0)

static void
test_parse_rows(void **state)
{
	(void)state;
	/* two columns, no header row; a BOM and CRLF */
	PARSE("t.csv", "\xef\xbb\xbfSeoul?,Yes\r\nBusan?,No\r\n", NULL,
	      "1: Seoul? => Yes\n2: Busan? => No\nskipped 0");
	/* a header row names the columns, in any order and case */
	PARSE("t.csv",
	      "Tags,Answer,Question,Hint,Extra,Colour\n"
	      "war,Seoul,Capital?,Han river,Since 1948,red\n",
	      NULL,
	      "2: Capital? => Seoul #war hint=Han river note=Since 1948\n"
	      "note: line 1: a header row: tags, answer, question, hint, "
	      "note, (not imported)\n"
	      "skipped 0");
	/* rows it cannot use are skipped, each named */
	PARSE("t.csv",
	      "only one column\n"
	      ",no question\n"
	      "no answer,\n"
	      "  ,  \n"
	      "q,a\n"
	      "q,a\n"
	      "q,b\n",
	      NULL,
	      "5: q => a\n7: q => b\n"
	      "note: line 1: one column only, no answer: skipped\n"
	      "note: line 2: the question is empty: skipped\n"
	      "note: line 3: the answer is empty: skipped\n"
	      "note: line 6: the same card as line 5: skipped\n"
	      "note: line 7: the same question as line 5 with another "
	      "answer: both kept\n"
	      "skipped 4");
	/* fields are cleaned: blanks cut, control characters dropped */
	PARSE("t.csv", "\"  a\x01 b \",\" c\r\nd \"\n", NULL,
	      "1: a b => c\nd\nskipped 0");
	/* extra columns without a header are said to be left out */
	PARSE("t.tsv", "a\tb\tc\n", NULL,
	      "1: a => b\nnote: line 1: column 3 and the others after the "
	      "question and answer are not imported (a header row naming "
	      "them hint, note, tags, id or accept imports them)\n"
	      "skipped 0");
	PARSE("t.csv", "", NULL, "skipped 0");
	PARSE("t.csv", "\n\n", NULL, "skipped 0");
}

static void
test_parse_separators(void **state)
{
	struct import_text_opts o = { 0 };

	(void)state;
	/* guessed: the candidate in most lines */
	PARSE("t.txt", "a;b, c\nd;e\n", NULL,
	      "1: a => b, c\n2: d => e\nskipped 0");
	PARSE("t.txt", "a\tb,c\n", NULL, "1: a => b,c\nskipped 0");
	PARSE("t.csv", "a,b;c\nd,e\n", NULL,
	      "1: a => b;c\n2: d => e\nskipped 0");
	/* Excel's "sep=" line */
	PARSE("t.csv", "sep=;\na;b,c\n", NULL, "2: a => b,c\nskipped 0");
	/* given: Quizlet's choices */
	o.sep = " - ";
	o.row_sep = ";";
	PARSE("t.txt", "Han - river\nin Seoul;Busan - port;", &o,
	      "1: Han => river\nin Seoul\n2: Busan => port\nskipped 0");
	memset(&o, 0, sizeof(o));
	o.sep = ",";
	o.no_quotes = 1;
	PARSE("t.txt", "\"Give me liberty\" said,Patrick Henry\n", &o,
	      "1: \"Give me liberty\" said => Patrick Henry\nskipped 0");
	assert_string_equal(o.sep_used, "comma");
	assert_int_equal(o.sep_guessed, 0);
	/* unquoted rows: the answer runs to the end of the row */
	PARSE("t.txt", "Seoul,the capital, and the largest city\n", &o,
	      "1: Seoul => the capital, and the largest city\nskipped 0");
	o.no_quotes = 0;
	o.row_sep = "\n\n";
	PARSE("t.txt", "Seoul,capital,city\n\nBusan,port\n\n", &o,
	      "1: Seoul => capital,city\n3: Busan => port\nskipped 0");
}

static void
test_parse_anki(void **state)
{
	(void)state;
	PARSE(
	    "t.txt",
	    "#separator:Pipe\n#html:true\n#tags column:3\n#guid column:1\n"
	    "#deck:History::Korea\n#notetype:Basic\n#foo:bar\n"
	    "g1|<b>When</b> was the<br>armistice?|war dates::korea|"
	    "27&nbsp;July 1953\n"
	    "g2|Who?&amp;<img src=\"a.png\">|people|MacArthur [sound:x.mp3]\n",
	    NULL,
	    "8: When was the\narmistice? => 1953-07-27 (date) #war "
	    "#dates-korea key=g1\n"
	    "9: Who?& => MacArthur #people key=g2\n"
	    "note: line 7: the header '#foo:' is not used\n"
	    "skipped 0");
	/* "#columns:" names the columns; Anki's cloze becomes ours */
	PARSE("t.txt",
	      "#separator:tab\n#columns:Text\tBack Extra\tTags\n"
	      "{{c1::Seoul}} is on the {{c2::Han::river}}\tsee map\tgeo\n"
	      "{{c1::}} empty\tx\t\n",
	      NULL,
	      "3: cloze {{Seoul}} is on the {{Han}} #geo note=see map\n"
	      "note: line 3: the hints of the cloze gaps are left out (a "
	      "card has one hint, not one a gap)\n"
	      "note: line 4: a cloze gap is empty: skipped\n"
	      "skipped 1");
	/* gaps the loader would refuse are skipped here */
	PARSE("t.txt",
	      "#separator:tab\n"
	      "\"{{c1:: \n }} blank\"\tx\n"
	      "{{c1::a|b}} bar\tx\n"
	      "{{c1::a {{c2::b}} }}\tx\n"
	      "{{c1::a}} and {{b}}\tx\n",
	      NULL,
	      "4: cloze {{a/b}} bar note=x\n"
	      "note: line 2: a cloze gap is empty: skipped\n"
	      "note: line 5: a cloze gap holds another gap: skipped\n"
	      "note: line 6: the text holds '{{' or '}}' outside a gap: "
	      "skipped\n"
	      "skipped 3");
	{
		struct strbuf sb = { 0 };
		char *got;

		for (int i = 1; i <= 51; i++)
			strbuf_addf(&sb, "{{c%d::w%d}} ", i, i);
		strbuf_adds(&sb, "\tx\n");
		got = parse("t.tsv", sb.buf, NULL);
		assert_string_equal(got,
		                    "note: line 1: the cloze has more than "
		                    "50 gaps: skipped\nskipped 1");
		free(got);
		strbuf_release(&sb);
	}
	PARSE("t.txt", "#separator:nonsense\na\tb\n", NULL,
	      "error 1:1: unknown separator 'nonsense' (tab, comma, "
	      "semicolon, pipe, colon or space)");
}

static void
test_parse_bad_files(void **state)
{
	(void)state;
	PARSE("t.csv", "\xff\xfeq\0", NULL,
	      "error 1:1: the file is UTF-16: save it as UTF-8");
	PARSE("t.csv", "a,b\ncaf\xe9,x\n", NULL,
	      "error 2:4: byte 0xE9 is not UTF-8 (save the file as UTF-8)");
	PARSE("t.csv", "a,b\n\"c,d\n", NULL,
	      "error 2:1: the quoted field opened here is never closed (a "
	      "quote inside a quoted field is written twice: \"\")");
}

static void
test_parse_ids_and_accept(void **state)
{
	(void)state;
	PARSE("t.csv",
	      "id,q,a,accept\n"
	      "capital,Capital?,Seoul,Soul | 서울\n"
	      "Bad Id,Q2,A2,\n"
	      "capital,Q3,A3,\n",
	      NULL,
	      "2: Capital? => Seoul id=capital also=Soul also=서울\n"
	      "3: Q2 => A2\n4: Q3 => A3\n"
	      "note: line 1: a header row: id, question, answer, accept\n"
	      "note: line 3: the id 'Bad Id' is not lower case letters, "
	      "digits and dashes: one is made\n"
	      "note: line 4: the id 'capital' is used twice: one is made\n"
	      "skipped 0");
}

static void
test_detect_types(void **state)
{
	static const struct {
		const char *q, *a;
		enum card_type want;
		const char *iso;
	} cases[] = {
		{ "When did the war begin?", "1950", CARD_DATE, "1950" },
		{ "How many divisions?", "1950", CARD_NUMBER, NULL },
		{ "how much?", "1950", CARD_NUMBER, NULL },
		{ "Signed", "1953-10-01", CARD_DATE, "1953-10-01" },
		{ "Signed", "October 1, 1953", CARD_DATE, "1953-10-01" },
		{ "Signed", "1 Oct 1953", CARD_DATE, "1953-10-01" },
		{ "Month", "October 1953", CARD_DATE, "1953-10" },
		{ "Signed", "1953년 10월 1일", CARD_DATE, "1953-10-01" },
		{ "Troops", "28,500", CARD_NUMBER, NULL },
		{ "Troops", "28500", CARD_NUMBER, NULL },
		{ "Cost", "$5 million", CARD_NUMBER, NULL },
		{ "GDP", "2.3 billion", CARD_NUMBER, NULL },
		{ "Share", "8%", CARD_NUMBER, NULL },
		{ "Pi", "3.14", CARD_NUMBER, NULL },
		{ "Number", "2", CARD_NUMBER, NULL },
		{ "Zero year", "0950", CARD_NUMBER, NULL },
		{ "Capital", "Seoul", CARD_TEXT, NULL },
		{ "Border", "the 38th parallel", CARD_TEXT, NULL },
		{ "How many?", "one", CARD_TEXT, NULL },
		{ "Range", "5 or 6", CARD_TEXT, NULL },
		{ "Years", "1950-1953", CARD_TEXT, NULL },
		{ "Month", "October", CARD_TEXT, NULL },
		{ "Day", "October 1st", CARD_TEXT, NULL },
		{ "Unit", "60 years", CARD_TEXT, NULL },
		{ "Hedged", "about 60", CARD_TEXT, NULL },
		{ "Division", "1st Marine Division", CARD_TEXT, NULL },
		{ "Ambiguous", "10/1/1953", CARD_TEXT, NULL },
		{ "Empty", "", CARD_TEXT, NULL },
	};
	char iso[16];
	int ambiguous;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum card_type t = import_detect_type(
		    cases[i].q, cases[i].a, iso, sizeof(iso), &ambiguous);

		if (t != cases[i].want)
			fail_msg("'%s': %s, not %s", cases[i].a,
			         deck_type_name(t),
			         deck_type_name(cases[i].want));
		if (cases[i].iso)
			assert_string_equal(iso, cases[i].iso);
		assert_int_equal(ambiguous,
		                 strcmp(cases[i].q, "Ambiguous") == 0);
	}
}

/* The id import_ids gives an entry with question 'q' and answer 'a'
 * (or 'key' as its source key) alone in a deck. */
static char *
id_of(const char *q, const char *a, const char *key)
{
	struct import_result r = { 0 };
	struct import_entry *e = import_add(&r);
	char *id;

	e->q = xstrdup(q);
	e->a = xstrdup(a);
	e->source_key = key ? xstrdup(key) : NULL;
	import_ids(&r);
	id = xstrdup(e->id);
	assert_true(import_valid_name(id));
	import_result_release(&r);
	return id;
}

static void
test_ids(void **state)
{
	char *a = id_of("Capital of Korea?", "Seoul", NULL);
	char *b = id_of("Capital of Korea?", "Seoul (since 1948)", NULL);
	char *c = id_of("  capital   of KOREA? ", "x", NULL);
	char *d = id_of("Capital of Japan?", "Tokyo", NULL);
	char *k = id_of("한국의 수도는?", "서울", NULL);
	char *g1 = id_of("Q", "A", "Ab1!xyz");
	char *g2 = id_of("Q edited", "A edited", "Ab1!xyz");
	char *g3 = id_of("Q", "A", "ab1!xyz");
	struct import_result r = { 0 };

	(void)state;
	/* the same every time, from the question only */
	assert_string_equal(a, "capital-of-korea-4833ecb0");
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_string_not_equal(a, d);
	assert_true(strncmp(k, "q-", 2) == 0 && strlen(k) == 10);
	/* from the source key only, which keeps its case */
	assert_string_equal(g1, g2);
	assert_string_not_equal(g1, g3);
	assert_true(strncmp(g1, "n-", 2) == 0 && strlen(g1) == 14);

	/* the same question twice: -2, in file order; given ids kept */
	for (int i = 0; i < 3; i++) {
		struct import_entry *e = import_add(&r);

		e->q = xstrdup("Capital of Korea?");
		e->a = xasprintf("%d", i);
	}
	r.v[2].id = xstrdup("capital-of-korea-4833ecb0-2");
	import_ids(&r);
	assert_string_equal(r.v[0].id, "capital-of-korea-4833ecb0");
	assert_string_equal(r.v[1].id, "capital-of-korea-4833ecb0-3");
	assert_string_equal(r.v[2].id, "capital-of-korea-4833ecb0-2");
	import_result_release(&r);
	free(a);
	free(b);
	free(c);
	free(d);
	free(k);
	free(g1);
	free(g2);
	free(g3);
}

static void
test_names(void **state)
{
	static const struct {
		const char *in;
		size_t max;
		const char *want;
	} cases[] = {
		{ "Korea::History", 64, "korea-history" },
		{ "  US-ROK Alliance (2024).csv ", 64,
		  "us-rok-alliance-2024-csv" },
		{ "한국", 64, NULL },
		{ "--", 64, NULL },
		{ "a한b", 64, "a-b" },
		{ "one two three four", 9, "one-two" },
		{ "abcdefghijkl", 5, "abcde" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = import_name(cases[i].in, cases[i].max);

		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
		free(got);
	}
	assert_true(import_valid_name("a-1"));
	assert_false(import_valid_name("-a"));
	assert_false(import_valid_name("A"));
	assert_false(import_valid_name(""));
	assert_false(import_valid_name("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	                               "aaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void
test_html_to_text(void **state)
{
	static const struct {
		const char *in, *want;
		size_t media;
	} cases[] = {
		{ "plain", "plain", 0 },
		{ "<b>bold</b> and <i>it</i>", "bold and it", 0 },
		{ "one<br>two<br/>three<BR />four", "one\ntwo\nthree\nfour",
		  0 },
		{ "<div>a</div><div>b</div>", "a\nb", 0 },
		{ "a<br><br><br><br>b", "a\n\nb", 0 },
		{ "a<br>b", "a\nb", 0 },
		{ "<div>a</div><div><br></div><div>b</div>", "a\n\nb", 0 },
		{ "<p>a</p>\n<p>b</p>", "a\nb", 0 },
		{ "  a \n  b  ", "a b", 0 },
		{ "&amp;&lt;&gt;&quot;&#39;&nbsp;x", "&<>\"' x", 0 },
		{ "caf&eacute; &#233; &#xE9; &#xe9;", "café é é é", 0 },
		{ "&bogus; &#; &#xZZ; & x", "&bogus; &#; &#xZZ; & x", 0 },
		{ "&#0;&#xD800;&#x110000;ok", "ok", 0 },
		{ "<img src=\"a.png\">pic [sound:a.mp3]", "pic", 2 },
		{ "a<script>alert(1)</script>b<style>p{}</style>c", "abc", 0 },
		{ "a<!-- hidden -->b", "ab", 0 },
		{ "1 < 2 and 3 > 2", "1 < 2 and 3 > 2", 0 },
		{ "<a href=\"x>y\">link</a>", "link", 0 },
		{ "<ul><li>one</li><li>two</li></ul>", "one\ntwo", 0 },
		{ "unclosed <b", "unclosed", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t media = 0;
		char *got = import_html_to_text(cases[i].in, &media);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("'%s' gives '%s'", cases[i].in, got);
		assert_int_equal(media, cases[i].media);
		free(got);
	}
}

/* What import_write writes is read back by the loader as written. */
static void
test_write_reads_back(void **state)
{
	static const char *const hard[] = {
		"a \"quoted\" word",
		"back\\slash",
		"two\nlines",
		"tab\there",
		"key: value # not a comment",
		"null",
		"- a list?",
		"[flow], {map}",
		"'single'",
		"  leading blanks",
		"&anchor *alias !tag %directive @at `tick",
		"한국어 and émoji 🎉",
	};
	struct import_result r = { 0 };
	struct strlist tags = { 0 };
	struct diag_list diags = { 0 };
	struct deck *deck = NULL;
	struct import_entry *e;
	char *buf = NULL;
	size_t len = 0, n = sizeof(hard) / sizeof(hard[0]);
	FILE *fp;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		e = import_add(&r);
		e->q = xstrdup(hard[i]);
		e->a = xstrdup(hard[(i + 1) % n]);
		strlist_push(&e->accept, hard[(i + 2) % n]);
		strlist_push(&e->accept, e->a); /* the answer: left out */
		strlist_push(&e->tags, "Korea::War");
		strlist_push(&e->tags, "null");
		e->hint = xstrdup(hard[(i + 3) % n]);
	}
	e = import_add(&r);
	e->type = CARD_DATE;
	e->q = xstrdup("When?");
	e->a = xstrdup("1953-10-01");
	e = import_add(&r);
	e->type = CARD_NUMBER;
	e->q = xstrdup("How much?");
	e->a = xstrdup("$2.3 billion");
	e = import_add(&r);
	e->type = CARD_CLOZE;
	e->text = xstrdup("{{Seoul}} is on the {{Han}}");
	strlist_push(&tags, "imported");
	strlist_push(&tags, "null");
	import_ids(&r);
	fp = open_memstream(&buf, &len);
	assert_int_equal(import_write(&r, "null", "true", &tags, fp), 0);
	fclose(fp);
	if (deck_load_buffer("t.yaml", buf, len, &deck, &diags) < 0)
		fail_msg("%s\n%s", diags.n ? diags.v[0].msg : "", buf);
	assert_string_equal(deck->name, "null");
	assert_string_equal(deck->title, "true");
	assert_int_equal(deck->ncards, n + 2 + 2);
	for (size_t i = 0; i < n; i++) {
		const struct card *c = &deck->cards[i];

		assert_string_equal(c->id, r.v[i].id);
		assert_string_equal(c->q, hard[i]);
		assert_string_equal(c->a, hard[(i + 1) % n]);
		assert_int_equal(c->accept.n, 1);
		assert_string_equal(c->accept.v[0], hard[(i + 2) % n]);
		assert_string_equal(c->hint, hard[(i + 3) % n]);
		assert_int_equal(c->tags.n, 3);
		assert_string_equal(c->tags.v[0], "korea-war");
		assert_string_equal(c->tags.v[1], "null");
		assert_string_equal(c->tags.v[2], "imported");
	}
	assert_int_equal(deck->cards[n].type, CARD_DATE);
	assert_int_equal(deck->cards[n].date.day, 1);
	assert_int_equal(deck->cards[n + 1].type, CARD_NUMBER);
	assert_true(deck->cards[n + 1].value == 2.3e9);
	assert_string_equal(deck->cards[n + 1].unit, "$");
	assert_int_equal(deck->cards[n + 2].type, CARD_CLOZE);
	assert_string_equal(deck->cards[n + 3].a, "Han");
	deck_free(deck);
	free(buf);
	strlist_release(&tags);
	diag_list_release(&diags);
	import_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_plain),
		cmocka_unit_test(test_split_quotes),
		cmocka_unit_test(test_split_errors),
		cmocka_unit_test(test_split_row_separator),
		cmocka_unit_test(test_parse_rows),
		cmocka_unit_test(test_parse_separators),
		cmocka_unit_test(test_parse_anki),
		cmocka_unit_test(test_parse_bad_files),
		cmocka_unit_test(test_parse_ids_and_accept),
		cmocka_unit_test(test_detect_types),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_html_to_text),
		cmocka_unit_test(test_write_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
