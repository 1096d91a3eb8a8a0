/*
 * test_anki.c - the text of Anki's fields (anki-text.h) and the protobuf
 * reader (protobuf.h) the Anki package reader uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "anki-text.h"
#include "protobuf.h"

/* The text of 'html', and the media it took out. */
static void
check_html(const char *html, const char *want, size_t want_media)
{
	size_t media = 0;
	char *got = anki_html_text(html, 0, &media);

	assert_string_equal(got, want);
	assert_int_equal(media, want_media);
	free(got);
}

static void
test_html_tags(void **state)
{
	(void)state;
	check_html("plain", "plain", 0);
	check_html("<b>bold</b> and <i>italic</i>", "bold and italic", 0);
	check_html("one<br>two<br/><br />three", "one\ntwo\nthree", 0);
	check_html("<div>a</div><div>b</div>", "a\nb", 0);
	check_html("<p> spaced \n\t out </p>", "spaced out", 0);
	check_html("<ul><li>x</li><li>y</li></ul>", "x\ny", 0);
	check_html("<table><tr><td>a</td><td>b</td></tr></table>", "a b", 0);
	check_html("a<!-- hidden <b> -->b", "ab", 0);
	check_html("x<style>.c { color: red }</style>y", "xy", 0);
	check_html("x<SCRIPT>alert('<b>')</SCRIPT>y", "xy", 0);
	check_html("<span style=\"a>b\">q</span>", "q", 0);
	check_html("1 < 2 and 3 <", "1 < 2 and 3 <", 0);
	check_html("<unclosed", "<unclosed", 0);
}

static void
test_html_entities(void **state)
{
	(void)state;
	check_html("&amp; &lt;b&gt; &quot;q&quot; &apos;", "& <b> \"q\" '", 0);
	check_html("caf&eacute; &Uuml;ber &szlig;", "café Über ß", 0);
	check_html("a&nbsp;b&nbsp;&nbsp;c", "a b c", 0);
	check_html("&#65;&#x42;&#X43; &#x1F600;", "ABC \xf0\x9f\x98\x80", 0);
	check_html("&mdash; &hellip; &euro;",
	           "\xe2\x80\x94 \xe2\x80\xa6 \xe2\x82\xac", 0);
	check_html("&bogus; &amp &#; &#xZZ;", "&bogus; &amp &#; &#xZZ;", 0);
	check_html("&#0; &#xD800;", "\xef\xbf\xbd \xef\xbf\xbd", 0);
	check_html("a&#2;b&#x1;c&#9;d", "abc d", 0);
}

static void
test_html_media(void **state)
{
	(void)state;
	check_html("<img src=\"a.jpg\">", "", 1);
	check_html("see <IMG SRC='a.png'/> this [sound:a.mp3]", "see this", 2);
	check_html("<audio src=x></audio><video src=y></video>", "", 2);
	check_html("[sound: never closed", "[sound: never closed", 0);
	check_html("[soundly]", "[soundly]", 0);
}

static void
test_html_bytes(void **state)
{
	(void)state;
	check_html("a\x01"
	           "b\x7f"
	           "c",
	           "abc", 0);
	check_html("bad \xff byte", "bad \xef\xbf\xbd byte", 0);
	check_html("\xc3", "\xef\xbf\xbd", 0);
	check_html("\xef\xbb\xbfstart", "start", 0);
	check_html("", "", 0);
	check_html(" \n <br> ", "", 0);
}

/* The cloze text of the raw field 'field'; NULL 'want' means refused. */
static void
check_cloze(const char *field, const char *want, const char *want_hint,
            int want_gaps)
{
	size_t media = 0;
	char *marked = anki_cloze_mark(field);
	char *red = anki_html_text(marked, 1, &media);
	char *text, *hint;
	const char *why;
	int nested = 0;
	int n = anki_cloze_build(red, &text, &hint, &why, &nested);

	if (!want) {
		assert_int_equal(n, -1);
		assert_non_null(why);
		assert_null(text);
		assert_null(hint);
	} else {
		assert_int_equal(n, want_gaps);
		assert_string_equal(text, want);
		if (want_hint)
			assert_string_equal(hint, want_hint);
		else
			assert_null(hint);
	}
	free(marked);
	free(red);
	free(text);
	free(hint);
}

static void
test_cloze(void **state)
{
	(void)state;
	check_cloze("{{c1::Seoul}} is the capital", "{{Seoul}} is the capital",
	            NULL, 1);
	check_cloze("{{c1::Seoul::a city}}", "{{Seoul}}", "a city", 1);
	check_cloze("{{c2::a::h2}} then {{c1::b}} and {{c1::c::h3}}",
	            "{{a}} then {{b}} and {{c}}", "gap 1: h2; gap 3: h3", 3);
	check_cloze("{{c1,2::both}}", "{{both}}", NULL, 1);
	check_cloze("{{c1:: <b>spaced</b> }}", "{{spaced}}", NULL, 1);
	check_cloze("{{c1::a::b::c}}", "{{a}}", "b::c", 1);
	check_cloze("{{c1::line<br>break}}", "{{line break}}", NULL, 1);
	check_cloze("{{c1::outer {{c2::inner::ih}} end::oh}}",
	            "{{outer inner end}}", "oh", 1);
	check_cloze("{{c1::never closed", NULL, NULL, 0);
	check_cloze("{{c1::x}} and {{c2::open", "{{x}} and { {c2::open", NULL,
	            1);
	check_cloze("set {{a}} {{c1::b}}", "set { {a} } {{b}}", NULL, 1);
	/* as Anki reads them: the first "}}" closes */
	check_cloze("{{{c1::{x}}} {{c1::\\frac{1}{2} }}",
	            "{ {{ {x}}} {{\\frac{1}{2} }}", NULL, 2);
	check_cloze("{{c1::a {{c2::}} b::h {{c3::x::y}} i}}", "{{a b}}",
	            "h x i", 1);
	check_cloze("{{c1::a|b}}", "{{a|b}}", NULL, 1);
	check_cloze("{{c1::|a||b|}}", "{{/a//b/}}", NULL, 1);
	/* cloze markup inside an HTML tag goes with the tag */
	check_cloze("{{c1::a}} <span title=\"{{c2::b\">x</span>}} c",
	            "{{a}} x c", NULL, 1);
	check_cloze("{{c1::a<span title=\"}}\">b", "{{ab}}", NULL, 1);
	check_cloze("<!--{{c1::-->{{c2::a}} b :: c }} \n<br> d", "{{a}} b c\nd",
	            NULL, 1);
	check_cloze("no cloze here", NULL, NULL, 0);
	check_cloze("{{c1::<img src=a.png>}}", NULL, NULL, 0);
	check_cloze("{{c1::image-occlusion:rect:left=.1:top=.2}}", NULL, NULL,
	            0);
	check_cloze("{{cx::no number}} {{c::none}}", NULL, NULL, 0);
	check_cloze("a\x01{{c1::b\x03}}", "a{{b}}", NULL, 1);
	check_cloze("{{c1::a&#2;b}}&#3;", "{{ab}}", NULL, 1);
}

static void
test_cloze_too_many(void **state)
{
	char field[51 * 12 + 1] = "";

	(void)state;
	for (int i = 0; i < 51; i++)
		strcat(field, "{{c1::x}} ");
	check_cloze(field, NULL, NULL, 0);
}

static void
check_slug(const char *s, const char *want)
{
	char *got = anki_slug(s);

	if (!want)
		assert_null(got);
	else
		assert_string_equal(got, want);
	free(got);
}

static void
test_slug(void **state)
{
	char long_name[200];

	(void)state;
	check_slug("History::Korea", "history-korea");
	check_slug("  a__b  ", "a-b");
	check_slug("Géographie", "geographie");
	check_slug("Korean War 1950", "korean-war-1950");
	check_slug("한국", NULL);
	check_slug("::", NULL);
	check_slug("한국::History", "history");
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = 0;
	long_name[63] = ' ';
	char *got = anki_slug(long_name);
	assert_true(strlen(got) <= 64);
	assert_true(got[strlen(got) - 1] != '-');
	free(got);
}

static void
test_protobuf(void **state)
{
	/* 1: varint 300; 2: "hi"; 3: fixed32 1; 4: fixed64 2 */
	static const uint8_t msg[] = { 0x08, 0xac, 0x02, 0x12, 0x02, 'h',  'i',
		                       0x1d, 1,    0,    0,    0,    0x21, 2,
		                       0,    0,    0,    0,    0,    0,    0 };
	struct pb_reader r;
	struct pb_field f;

	(void)state;
	pb_init(&r, msg, sizeof(msg));
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.num, 1);
	assert_int_equal(f.wire, PB_VARINT);
	assert_int_equal(f.u, 300);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.num, 2);
	assert_int_equal(f.len, 2);
	assert_memory_equal(f.data, "hi", 2);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.u, 1);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.num, 4);
	assert_int_equal(f.u, 2);
	assert_int_equal(pb_next(&r, &f), 0);

	assert_int_equal(pb_find(msg, sizeof(msg), 2, &f), 1);
	assert_int_equal(f.len, 2);
	assert_int_equal(pb_find(msg, sizeof(msg), 9, &f), 0);
	assert_int_equal(pb_find("", 0, 1, &f), 0);
	/* truncated: a length past the end, a varint cut, fixed cut */
	assert_int_equal(pb_find("\x12\x05hi", 4, 1, &f), -1);
	assert_int_equal(pb_find("\x08\x80", 2, 1, &f), -1);
	assert_int_equal(pb_find("\x1d\x01", 2, 3, &f), -1);
	/* a group, field number 0, an 11-byte varint */
	assert_int_equal(pb_find("\x0b", 1, 1, &f), -1);
	assert_int_equal(pb_find("\x00\x01", 2, 1, &f), -1);
	assert_int_equal(
	    pb_find("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11, 1, &f),
	    1);
	assert_true(f.u == UINT64_MAX);
	assert_int_equal(
	    pb_find("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 11, 1, &f),
	    -1);
	/* a malformed tail is seen even after the field looked for */
	assert_int_equal(pb_find("\x08\x01\x12\x09", 4, 1, &f), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_tags),
		cmocka_unit_test(test_html_entities),
		cmocka_unit_test(test_html_media),
		cmocka_unit_test(test_html_bytes),
		cmocka_unit_test(test_cloze),
		cmocka_unit_test(test_cloze_too_many),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_protobuf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
