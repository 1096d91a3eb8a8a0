/*
 * out.c - printing text that came from outside.
 */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The length of the UTF-8 sequence at 's' and its code point in '*cp';
 * 0 when 's' does not start a well-formed sequence. */
static size_t
utf8_next(const unsigned char *s, unsigned *cp)
{
	size_t n;
	unsigned c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	*cp = c;
	return n;
}

/* Would this code point change what the reader sees around it? */
static int
unsafe(unsigned c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	       c == 0x061c || c == 0x200e || c == 0x200f ||
	       (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

enum { ESC_TERMINAL, ESC_JSON };

/* Append 's' to 'sb' with the unsafe characters escaped. */
static void
escape(struct strbuf *sb, const char *s, int flags, int mode)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c;
		size_t n = utf8_next(p, &c);

		if (n == 0) { /* not UTF-8: one byte */
			strbuf_addf(sb, "\\x%02x", *p++);
			continue;
		}
		if (!unsafe(c) || (mode == ESC_JSON && c < 0x20))
			strbuf_add(sb, (const char *)p, n);
		else if (c == '\n' && (flags & OUT_KEEP_NEWLINES))
			strbuf_addch(sb, '\n');
		else if ((c == '\n' || c == '\t') && (flags & OUT_ONE_LINE))
			strbuf_addch(sb, ' ');
		else if (mode == ESC_TERMINAL && c == '\n')
			strbuf_adds(sb, "\\n");
		else if (mode == ESC_TERMINAL && c == '\t')
			strbuf_adds(sb, "\\t");
		else if (mode == ESC_TERMINAL && c < 0x80)
			strbuf_addf(sb, "\\x%02x", c);
		else
			strbuf_addf(sb, "\\u%04x", c);
		p += n;
	}
}

void
out_safe(FILE *fp, const char *s, int flags)
{
	struct strbuf sb = { 0 };

	escape(&sb, s, flags, ESC_TERMINAL);
	if (sb.len)
		fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

void
out_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	strbuf_addch(sb, '"');
	while (*p) {
		const unsigned char *run = p;
		unsigned c;
		size_t n;

		while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			strbuf_add(sb, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if ((n = utf8_next(p, &c)) == 0) { /* not UTF-8: one byte */
			strbuf_adds(sb, "\\ufffd");
			p++;
			continue;
		}
		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", (int)c);
		else if (c == '\b')
			strbuf_adds(sb, "\\b");
		else if (c == '\f')
			strbuf_adds(sb, "\\f");
		else if (c == '\n')
			strbuf_adds(sb, "\\n");
		else if (c == '\r')
			strbuf_adds(sb, "\\r");
		else if (c == '\t')
			strbuf_adds(sb, "\\t");
		else if (c < 0x20) /* as jansson writes them */
			strbuf_addf(sb, "\\u%04X", c);
		else if (unsafe(c)) /* as out_json writes them */
			strbuf_addf(sb, "\\u%04x", c);
		else
			strbuf_add(sb, (const char *)p, n);
		p += n;
	}
	strbuf_addch(sb, '"');
}

char *
out_safe_dup(const char *s)
{
	struct strbuf sb = { 0 };

	escape(&sb, s, 0, ESC_TERMINAL);
	return strbuf_detach(&sb);
}

int
out_json(FILE *fp, const json_t *j, size_t flags)
{
	struct strbuf sb = { 0 };
	char *text = json_dumps(j, flags);

	if (text == NULL)
		return -1;
	/* JSON text is ASCII outside its strings, so escaping every unsafe
	 * character as \uXXXX keeps it valid and means the same */
	escape(&sb, text, 0, ESC_JSON);
	free(text);
	strbuf_addch(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
	return 0;
}

void
out_csv_field(struct strbuf *sb, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		strbuf_adds(sb, s);
		return;
	}
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '"');
}

void
out_shortest_g(char *buf, size_t size, double v)
{
	/* a decimal of 15 digits or fewer is found at 15: its double is
	 * much closer to it than a unit in the 15th digit */
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, size, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
}
