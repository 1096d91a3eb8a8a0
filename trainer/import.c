/*
 * import.c - what every import shares: the entries read, their ids, the
 * YAML deck written from them, and the small text helpers the readers
 * use (names, HTML to text, cleaning, date and number detection).
 */
#include "import.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "number.h"

#define NAME_MAX_LEN 64

struct import_entry *
import_add(struct import_result *r)
{
	struct import_entry *e;

	r->v = xgrow(r->v, &r->alloc, r->n + 1, sizeof(*r->v));
	e = &r->v[r->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

static void
entry_release(struct import_entry *e)
{
	free(e->id);
	free(e->source_key);
	free(e->q);
	free(e->a);
	free(e->text);
	free(e->hint);
	free(e->note);
	free(e->unit);
	free(e->tolerance);
	free(e->event);
	strlist_release(&e->accept);
	strlist_release(&e->tags);
	strlist_release(&e->choices);
	strlist_release(&e->items);
}

void
import_result_release(struct import_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++)
		entry_release(&r->v[i]);
	free(r->v);
	free(r->deck_name);
	free(r->deck_title);
	strlist_release(&r->notes);
	memset(r, 0, sizeof(*r));
}

/* ---- names ---- */

static int
name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

int
import_valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > NAME_MAX_LEN || !name_char((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!name_char((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

char *
import_name(const char *s, size_t max)
{
	struct strbuf sb = { 0 };
	int dash = 0;

	if (max > NAME_MAX_LEN)
		max = NAME_MAX_LEN;
	/* one byte past 'max' tells whether a word ends there */
	for (; *s && sb.len <= max; s++) {
		int c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (!name_char(c)) {
			dash = sb.len > 0;
			continue;
		}
		if (dash)
			strbuf_addch(&sb, '-');
		dash = 0;
		strbuf_addch(&sb, c);
	}
	if (sb.len > max) {
		/* cut at the last '-' that keeps it short enough */
		size_t cut = max;

		for (size_t i = 1; i <= max; i++)
			if (sb.buf[i] == '-')
				cut = i;
		sb.len = cut;
		sb.buf[sb.len] = '\0';
	}
	if (sb.len == 0) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* ---- ids ---- */

/* The question's text as its id is made from: ASCII case and runs of
 * white space do not count. */
static char *
id_basis(const char *s)
{
	struct strbuf sb = { 0 };
	int space = 0;

	strbuf_adds(&sb, "");
	for (; *s; s++) {
		int c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_addch(&sb, ' ');
		space = 0;
		strbuf_addch(&sb, c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
	}
	return strbuf_detach(&sb);
}

/* The id 'e' would have before it is made unique. */
static char *
derived_id(const struct import_entry *e)
{
	const char *content = e->q ? e->q : e->text ? e->text : "";
	char *basis, *slug, *id;
	uint64_t h;

	if (e->source_key) {
		/* only the key: an edited note keeps its id */
		basis = xasprintf("key\x1f%s", e->source_key);
		h = str_hash(basis);
		free(basis);
		return xasprintf("n-%012" PRIx64,
		                 (uint64_t)(h & 0xffffffffffffULL));
	}
	basis = id_basis(content);
	h = str_hash(basis);
	free(basis);
	slug = import_name(content, 24);
	id = xasprintf("%s-%08" PRIx64, slug ? slug : "q",
	               (uint64_t)((h ^ (h >> 32)) & 0xffffffffULL));
	free(slug);
	return id;
}

void
import_ids(struct import_result *r)
{
	struct strmap taken = { 0 };

	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].id)
			strmap_put(&taken, r->v[i].id, &r->v[i]);
	for (size_t i = 0; i < r->n; i++) {
		struct import_entry *e = &r->v[i];
		char *id, *base;

		if (e->id)
			continue;
		base = derived_id(e);
		id = xstrdup(base);
		/* the same question twice: "-2", "-3"... in file order */
		for (int k = 2; strmap_get(&taken, id); k++) {
			free(id);
			id = xasprintf("%s-%d", base, k);
		}
		free(base);
		e->id = id;
		strmap_put(&taken, e->id, e);
	}
	strmap_release(&taken);
}

/* ---- writing ---- */

/* 's' as a YAML double-quoted scalar: every string is written so, which
 * no content can break. */
static void
put_quoted(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"':
			strbuf_adds(sb, "\\\"");
			break;
		case '\\':
			strbuf_adds(sb, "\\\\");
			break;
		case '\n':
			strbuf_adds(sb, "\\n");
			break;
		case '\t':
			strbuf_adds(sb, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				strbuf_addf(sb, "\\x%02x", c);
			else
				strbuf_addch(sb, (char)c);
		}
	}
	strbuf_addch(sb, '"');
}

static void
put_key(struct strbuf *sb, const char *key, const char *s)
{
	if (s == NULL)
		return;
	strbuf_addf(sb, "    %s: ", key);
	put_quoted(sb, s);
	strbuf_addch(sb, '\n');
}

static void
put_list(struct strbuf *sb, const char *key, const struct strlist *l)
{
	if (l->n == 0)
		return;
	strbuf_addf(sb, "    %s: [", key);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		put_quoted(sb, l->v[i]);
	}
	strbuf_adds(sb, "]\n");
}

/* Is 's' empty or only white space? */
static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

/* Add each tag of 'from' as a valid name, once (ignoring case), up to the
 * most a card may hold. */
static void
merge_tags(struct strlist *to, struct strmap *seen, const struct strlist *from)
{
	for (size_t i = 0; from && i < from->n && to->n < CARD_MAX_TAGS; i++) {
		char *t = import_valid_name(from->v[i])
		              ? xstrdup(from->v[i])
		              : import_name(from->v[i], NAME_MAX_LEN);

		if (t && strmap_get(seen, t) == NULL) {
			strlist_push(to, t);
			strmap_put(seen, to->v[to->n - 1], seen);
		}
		free(t);
	}
}

static void
put_entry(struct strbuf *sb, const struct import_entry *e,
          const struct strlist *tags)
{
	struct strlist merged = { 0 }, accept = { 0 };
	struct strmap seen = { 0 }, seen_accept = { .icase = 1 };

	strbuf_adds(sb, "  - id: ");
	put_quoted(sb, e->id);
	strbuf_addch(sb, '\n');
	if (e->type != CARD_TEXT) {
		strbuf_addf(sb, "    type: %s\n", deck_type_name(e->type));
	}
	if (e->type == CARD_CLOZE) {
		if (!blank(e->q))
			put_key(sb, "q", e->q);
		put_key(sb, "text", e->text);
	} else if (e->type == CARD_ORDER) {
		put_key(sb, "q", e->q);
		put_list(sb, "items", &e->items);
	} else {
		put_key(sb, "q", e->q);
		put_key(sb, "a", e->a);
	}
	if (e->type == CARD_CHOICE)
		put_list(sb, "choices", &e->choices);
	if (e->type == CARD_NUMBER && !blank(e->unit))
		put_key(sb, "unit", e->unit);
	if (e->type == CARD_NUMBER && !blank(e->tolerance))
		put_key(sb, "tolerance", e->tolerance);
	if (e->type == CARD_DATE && !blank(e->event))
		put_key(sb, "event", e->event);
	if (e->type == CARD_TEXT) {
		/* distinct, not empty, not the answer itself */
		if (e->a)
			strmap_put(&seen_accept, e->a, &seen_accept);
		for (size_t i = 0; i < e->accept.n; i++)
			if (accept.n < CARD_MAX_ACCEPT &&
			    !blank(e->accept.v[i]) &&
			    strmap_put(&seen_accept, e->accept.v[i],
			               &seen_accept) == NULL)
				strlist_push(&accept, e->accept.v[i]);
		put_list(sb, "accept", &accept);
	}
	merge_tags(&merged, &seen, &e->tags);
	merge_tags(&merged, &seen, tags);
	put_list(sb, "tags", &merged);
	if (!blank(e->hint))
		put_key(sb, "hint", e->hint);
	if (!blank(e->note))
		put_key(sb, "note", e->note);
	if (e->type == CARD_TEXT && e->reverse)
		strbuf_adds(sb, "    reverse: true\n");
	strmap_release(&seen);
	strmap_release(&seen_accept);
	strlist_release(&merged);
	strlist_release(&accept);
}

int
import_write(const struct import_result *r, const char *name, const char *title,
             const struct strlist *tags, FILE *out)
{
	struct strbuf sb = { 0 };
	int rc = 0;

	strbuf_adds(&sb, "deck: ");
	put_quoted(&sb, name);
	strbuf_adds(&sb, "\ntitle: ");
	put_quoted(&sb, title);
	strbuf_adds(&sb, "\ncards:\n");
	for (size_t i = 0; i < r->n; i++) {
		put_entry(&sb, &r->v[i], tags);
		/* written in pieces of about 64 KiB */
		if (sb.len > 65536 || i + 1 == r->n) {
			if (fwrite(sb.buf, 1, sb.len, out) != sb.len)
				rc = -EX_IOERR;
			sb.len = 0;
		}
	}
	if (r->n == 0 && fwrite(sb.buf, 1, sb.len, out) != sb.len)
		rc = -EX_IOERR;
	strbuf_release(&sb);
	return rc;
}

/* ---- text ---- */

/* The length of the UTF-8 sequence at 's' and its code point in '*cp';
 * 0 when it is not valid UTF-8 (within 'n' bytes). */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static void
put_utf8(struct strbuf *sb, uint32_t c)
{
	if (c < 0x80) {
		strbuf_addch(sb, (int)c);
	} else if (c < 0x800) {
		strbuf_addch(sb, (int)(0xc0 | c >> 6));
		strbuf_addch(sb, (int)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		strbuf_addch(sb, (int)(0xe0 | c >> 12));
		strbuf_addch(sb, (int)(0x80 | ((c >> 6) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (c & 0x3f)));
	} else {
		strbuf_addch(sb, (int)(0xf0 | c >> 18));
		strbuf_addch(sb, (int)(0x80 | ((c >> 12) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | ((c >> 6) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (c & 0x3f)));
	}
}

/* A character no card should hold. */
static int
dropped_char(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') ||
	       (c >= 0x7f && c <= 0x9f) || c == 0xfeff || c == 0xfffe ||
	       c == 0xffff;
}

char *
import_clean(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb = { 0 };
	size_t i = 0, start, end;
	char *out;

	strbuf_adds(&sb, "");
	while (i < len) {
		uint32_t c;
		size_t n = utf8_next(p + i, len - i, &c);

		if (n == 0) { /* not UTF-8: the readers check first */
			i++;
			continue;
		}
		if (c == '\r') {
			strbuf_addch(&sb, '\n');
			if (i + 1 < len && p[i + 1] == '\n')
				i++;
		} else if (!dropped_char(c)) {
			strbuf_add(&sb, s + i, n);
		}
		i += n;
	}
	start = strspn(sb.buf, " \t\n");
	end = sb.len;
	while (end > start && strchr(" \t\n", sb.buf[end - 1]))
		end--;
	out = xstrndup(sb.buf + start, end - start);
	strbuf_release(&sb);
	return out;
}

/* HTML entities a card is likely to hold. */
static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
	{ "amp", '&' },      { "lt", '<' },       { "gt", '>' },
	{ "quot", '"' },     { "apos", '\'' },    { "nbsp", ' ' },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
	{ "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201c },
	{ "rdquo", 0x201d }, { "laquo", 0xab },   { "raquo", 0xbb },
	{ "copy", 0xa9 },    { "reg", 0xae },     { "deg", 0xb0 },
	{ "middot", 0xb7 },  { "times", 0xd7 },   { "divide", 0xf7 },
	{ "eacute", 0xe9 },  { "egrave", 0xe8 },  { "aacute", 0xe1 },
	{ "agrave", 0xe0 },  { "ouml", 0xf6 },    { "uuml", 0xfc },
	{ "auml", 0xe4 },    { "szlig", 0xdf },   { "ccedil", 0xe7 },
	{ "minus", 0x2212 }, { "larr", 0x2190 },  { "rarr", 0x2192 },
};

/* Decode the entity at 's' ('&' first) into 'sb': its length, or 0 when
 * it is not one. */
static size_t
entity(const char *s, struct strbuf *sb)
{
	size_t n = 1;
	uint32_t c = 0;

	if (s[1] == '#') {
		int hex = s[2] == 'x' || s[2] == 'X';
		size_t digits = 0;

		n = hex ? 3 : 2;
		for (;; n++, digits++) {
			int ch = (unsigned char)s[n], d;

			if (ch >= '0' && ch <= '9')
				d = ch - '0';
			else if (hex && ch >= 'a' && ch <= 'f')
				d = ch - 'a' + 10;
			else if (hex && ch >= 'A' && ch <= 'F')
				d = ch - 'A' + 10;
			else
				break;
			if (c > 0x10ffff)
				continue; /* too large already: stays so */
			c = c * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (digits == 0 || s[n] != ';')
			return 0;
		if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return n + 1; /* no character: dropped */
		if (c == 0xa0)
			c = ' ';
		if (!dropped_char(c))
			put_utf8(sb, c);
		return n + 1;
	}
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	       (s[n] >= '0' && s[n] <= '9'))
		n++;
	if (s[n] != ';' || n == 1)
		return 0;
	for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strlen(entities[i].name) == n - 1 &&
		    strncmp(entities[i].name, s + 1, n - 1) == 0) {
			put_utf8(sb, entities[i].cp);
			return n + 1;
		}
	return 0;
}

/* The tag's name at 's' (after '<' and any '/'), lower-cased, into
 * 'name' (room for 'size'). */
static void
tag_name(const char *s, char *name, size_t size)
{
	size_t n = 0;

	while (n + 1 < size &&
	       ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	        (s[n] >= '0' && s[n] <= '9'))) {
		name[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] + 32 : s[n]);
		n++;
	}
	name[n] = '\0';
}

/* Past the end of the tag at 's' ('<' first), quoted '>' skipped. */
static const char *
tag_end(const char *s)
{
	char quote = 0;

	for (s++; *s; s++) {
		if (quote) {
			if (*s == quote)
				quote = 0;
		} else if (*s == '"' || *s == '\'') {
			quote = *s;
		} else if (*s == '>') {
			return s + 1;
		}
	}
	return s;
}

/* Skip to past "</NAME>" (any case), or the end. */
static const char *
skip_element(const char *s, const char *name)
{
	size_t n = strlen(name);

	for (; *s; s++)
		if (s[0] == '<' && s[1] == '/' &&
		    strncasecmp(s + 2, name, n) == 0)
			return tag_end(s);
	return s;
}

/* Tidy the white space of text made from HTML: '\n' is a <br>, '\v' the
 * edge of a block (<div>, <p>...), which breaks a line once however many
 * meet; spaces around line breaks are dropped, at most one line is left
 * empty, none at either end. */
static char *
tidy(const char *s)
{
	struct strbuf sb = { 0 };
	size_t hard = 0, soft = 0, breaks;
	int space = 0;

	strbuf_adds(&sb, "");
	for (; *s; s++) {
		if (*s == ' ') {
			space = 1;
			continue;
		}
		if (*s == '\n' || *s == '\v') {
			hard += *s == '\n';
			soft += *s == '\v';
			space = 0;
			continue;
		}
		breaks = hard + (soft > 0);
		if (sb.len > 0 && breaks)
			strbuf_adds(&sb, breaks > 1 ? "\n\n" : "\n");
		else if (sb.len > 0 && space)
			strbuf_addch(&sb, ' ');
		hard = soft = 0;
		space = 0;
		strbuf_addch(&sb, *s);
	}
	return strbuf_detach(&sb);
}

char *
import_html_to_text(const char *html, size_t *media_dropped)
{
	struct strbuf sb = { 0 };
	const char *s = html;
	char *out;

	strbuf_adds(&sb, "");
	while (*s) {
		if (*s == '<' && strncmp(s, "<!--", 4) == 0) {
			const char *end = strstr(s + 4, "-->");

			s = end ? end + 3 : s + strlen(s);
			continue;
		}
		if (*s == '<' && (s[1] == '/' || s[1] == '!' ||
		                  (s[1] >= 'a' && s[1] <= 'z') ||
		                  (s[1] >= 'A' && s[1] <= 'Z'))) {
			char name[16];
			int closing = s[1] == '/';

			tag_name(s + 1 + closing, name, sizeof(name));
			if (strcmp(name, "br") == 0)
				strbuf_addch(&sb, '\n');
			else if (strcmp(name, "div") == 0 ||
			         strcmp(name, "p") == 0 ||
			         strcmp(name, "li") == 0 ||
			         strcmp(name, "tr") == 0 ||
			         (name[0] == 'h' && name[1] >= '1' &&
			          name[1] <= '6' && name[2] == '\0'))
				strbuf_addch(&sb, '\v');
			else if (strcmp(name, "td") == 0 ||
			         strcmp(name, "th") == 0)
				strbuf_addch(&sb, ' ');
			if (!closing && strcmp(name, "img") == 0 &&
			    media_dropped)
				(*media_dropped)++;
			s = tag_end(s);
			if (!closing && (strcmp(name, "script") == 0 ||
			                 strcmp(name, "style") == 0))
				s = skip_element(s, name);
			continue;
		}
		if (*s == '[' && strncmp(s, "[sound:", 7) == 0 &&
		    strchr(s, ']')) {
			s = strchr(s, ']') + 1;
			if (media_dropped)
				(*media_dropped)++;
			continue;
		}
		if (*s == '&') {
			size_t n = entity(s, &sb);

			if (n) {
				s += n;
				continue;
			}
		}
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			strbuf_addch(&sb, ' ');
			s++;
			continue;
		}
		strbuf_addch(&sb, *s++);
	}
	out = tidy(sb.buf);
	strbuf_release(&sb);
	return out;
}

/* ---- types ---- */

/* Does the question ask for a count or an amount? */
static int
asks_how_many(const char *q)
{
	const char *p = q ? q : "";

	p += strspn(p, " \t\n");
	return strncasecmp(p, "how many", 8) == 0 ||
	       strncasecmp(p, "how much", 8) == 0;
}

enum card_type
import_detect_type(const char *q, const char *a, char *iso, size_t size,
                   int *ambiguous)
{
	struct number num;
	struct date d[2];
	char why[160];
	size_t len = strlen(a);
	int n, year = len == 4 && strspn(a, "0123456789") == 4 && a[0] != '0';

	if (ambiguous)
		*ambiguous = 0;
	if (len == 0 || size < 11)
		return CARD_TEXT;
	/* a plain year is a date, unless a count is asked for */
	if (year && !asks_how_many(q)) {
		memcpy(iso, a, 5);
		return CARD_DATE;
	}
	if (number_parse(a, &num, why, sizeof(why)) == 0)
		return CARD_NUMBER;
	n = date_parse_text(a, d, why, sizeof(why));
	if (n == 1 && d[0].year > 0) {
		date_format_iso(&d[0], iso, size);
		return CARD_DATE;
	}
	if (n == 2 && ambiguous)
		*ambiguous = 1;
	return CARD_TEXT;
}
