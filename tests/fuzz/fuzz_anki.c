/*
 * fuzz_anki.c - libFuzzer target for the text of Anki's fields
 * (anki-text.h) and the protobuf reader: any bytes reduce to text that is
 * valid UTF-8 without control characters, one line break between
 * non-empty lines with no spaces at their ends; a cloze made of them has
 * exactly as many "{{...}}" gaps as it says, none holding a brace pair;
 * and a protobuf walk ends without reading past the message.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "anki-text.h"
#include "protobuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const char *s, int marks)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t n = strlen(s);
	utf8proc_int32_t cp;

	if (n && (s[0] == ' ' || s[0] == '\n' || s[n - 1] == ' ' ||
	          s[n - 1] == '\n'))
		abort();
	if (strstr(s, "\n\n") || strstr(s, " \n") || strstr(s, "\n ") ||
	    strstr(s, "  "))
		abort();
	while (*p) {
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0)
			abort();
		if ((cp < 0x20 && cp != '\n' &&
		     !(marks && cp >= ANKI_MARK_OPEN &&
		       cp <= ANKI_MARK_CLOSE)) ||
		    cp == 0x7f)
			abort();
		p += len;
	}
}

static void
check_cloze(const char *text, int ngaps)
{
	int gaps = 0;

	for (const char *p = text; (p = strstr(p, "{{")); gaps++) {
		const char *end = strstr(p + 2, "}}");
		if (!end || end == p + 2)
			abort();
		for (const char *q = p + 2; q < end; q++)
			if (q[0] == '{' && q[1] == '{')
				abort();
		p = end + 2;
	}
	if (gaps != ngaps)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *text, *hint, *marked, *red;
	struct pb_reader r;
	struct pb_field f;
	const char *why;
	size_t media = 0;
	int nested = 0, n;

	memcpy(s, data, size);
	s[size] = 0;
	red = anki_html_text(s, 0, &media);
	check_text(red, 0);
	free(red);

	marked = anki_cloze_mark(s);
	red = anki_html_text(marked, 1, &media);
	check_text(red, 1);
	n = anki_cloze_build(red, &text, &hint, &why, &nested);
	if (n >= 0) {
		check_text(text, 0);
		check_cloze(text, n);
		if (hint)
			check_text(hint, 0);
	} else if (!why || text || hint) {
		abort();
	}
	free(text);
	free(hint);
	free(marked);
	free(red);
	free(anki_slug(s));

	pb_init(&r, data, size);
	while ((n = pb_next(&r, &f)) > 0)
		if (f.wire == PB_BYTES &&
		    (f.data < data || f.data + f.len > data + size))
			abort();
	free(s);
	return 0;
}
