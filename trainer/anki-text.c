/*
 * anki-text.c - the text of Anki's fields (see anki-text.h).
 */
#include "anki-text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "deck.h"
#include "util.h"

#define ANKI_NAME_MAX 64 /* bytes of a deck name or tag */

/* ---- HTML to text ---------------------------------------------------- */

/* Decode one UTF-8 sequence at 's' (of 'n' bytes, n > 0) into '*cp';
 * returns its length.  A malformed byte reads as U+FFFD, one byte long. */
static size_t
utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	utf8proc_ssize_t len = utf8proc_iterate(
	    s, n > 4 ? 4 : (utf8proc_ssize_t)n, (utf8proc_int32_t *)cp);

	if (len <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	return (size_t)len;
}

struct reducer {
	struct strbuf sb;
	int space; /* a space is owed before the next character */
	int nl;    /* a line break is owed before the next character */
	int marks; /* keep MARK_* characters */
	size_t media;
};

static void
emit_cp(struct reducer *h, int32_t cp)
{
	utf8proc_uint8_t buf[4];
	utf8proc_ssize_t n;

	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == 0xa0 || cp == 0x2028 || cp == 0x2029) {
		h->space = 1;
		return;
	}
	if ((cp < 0x20 &&
	     !(h->marks && cp >= ANKI_MARK_OPEN && cp <= ANKI_MARK_CLOSE)) ||
	    (cp >= 0x7f && cp < 0xa0) || cp == 0xfeff)
		return;
	if (h->sb.len) {
		if (h->nl)
			strbuf_addch(&h->sb, '\n');
		else if (h->space)
			strbuf_addch(&h->sb, ' ');
	}
	h->nl = h->space = 0;
	n = utf8proc_encode_char(cp, buf);
	strbuf_add(&h->sb, (const char *)buf, (size_t)n);
}

/* Named entities: the Latin-1 ones from U+00A0 on, in code point order,
 * then a few others. */
static const char *const latin1_entities[96] = {
	"nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar",
	"sect",   "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",
	"reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
	"micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
	"frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
	"Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute",
	"Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",
	"Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
	"Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
	"szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
	"aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
	"iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute",
	"ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
	"ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

static const struct {
	const char *name;
	int32_t cp;
} other_entities[] = {
	{ "amp", '&' },      { "lt", '<' },        { "gt", '>' },
	{ "quot", '"' },     { "apos", '\'' },     { "ensp", 0x2002 },
	{ "emsp", 0x2003 },  { "thinsp", 0x2009 }, { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "lsquo", 0x2018 },  { "rsquo", 0x2019 },
	{ "sbquo", 0x201a }, { "ldquo", 0x201c },  { "rdquo", 0x201d },
	{ "bdquo", 0x201e }, { "bull", 0x2022 },   { "hellip", 0x2026 },
	{ "prime", 0x2032 }, { "euro", 0x20ac },   { "trade", 0x2122 },
	{ "larr", 0x2190 },  { "rarr", 0x2192 },   { "harr", 0x2194 },
	{ "minus", 0x2212 }, { "le", 0x2264 },     { "ge", 0x2265 },
	{ "ne", 0x2260 },    { "asymp", 0x2248 },  { "infin", 0x221e },
	{ "OElig", 0x152 },  { "oelig", 0x153 },   { "Scaron", 0x160 },
	{ "scaron", 0x161 }, { "Yuml", 0x178 },    { "zwnj", 0x200c },
	{ "zwj", 0x200d },   { "nbhy", 0x2011 },
};

/* Decode the entity at 's' ('&' first); returns its length and sets
 * '*cp', or 0 when it is not one (the '&' is then text). */
static size_t
entity(const char *s, int32_t *cp)
{
	const char *p = s + 1;
	size_t len;

	if (*p == '#') {
		int hex = (p[1] == 'x' || p[1] == 'X');
		const char *d = p + 1 + hex;
		long v = 0;
		const char *q = d;
		for (; hex ? strchr("0123456789abcdefABCDEF", *q) && *q
		           : (*q >= '0' && *q <= '9');
		     q++) {
			int digit =
			    *q <= '9' ? *q - '0' : (*q | 0x20) - 'a' + 10;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + digit;
		}
		if (q == d || *q != ';')
			return 0;
		if (v == 0 || v >= 0x110000 || (v >= 0xd800 && v < 0xe000))
			v = 0xfffd;
		*cp = (int32_t)v;
		return (size_t)(q + 1 - s);
	}
	for (len = 0; len < 10 && ((p[len] >= 'a' && p[len] <= 'z') ||
	                           (p[len] >= 'A' && p[len] <= 'Z') ||
	                           (p[len] >= '0' && p[len] <= '9'));
	     len++)
		;
	if (len == 0 || p[len] != ';')
		return 0;
	for (size_t i = 0; i < 96; i++)
		if (strlen(latin1_entities[i]) == len &&
		    !memcmp(latin1_entities[i], p, len)) {
			*cp = (int32_t)(0xa0 + i);
			return len + 2;
		}
	for (size_t i = 0; i < sizeof(other_entities) / sizeof(*other_entities);
	     i++)
		if (strlen(other_entities[i].name) == len &&
		    !memcmp(other_entities[i].name, p, len)) {
			*cp = other_entities[i].cp;
			return len + 2;
		}
	return 0;
}

static int
name_is(const char *name, size_t len, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) == len && !strncmp(*set, name, len))
			return 1;
	return 0;
}

static const char *const block_tags[] = {
	"br",     "div",     "p",       "li",      "ul",         "ol",
	"tr",     "table",   "h1",      "h2",      "h3",         "h4",
	"h5",     "h6",      "hr",      "pre",     "blockquote", "dl",
	"dt",     "dd",      "section", "article", "header",     "footer",
	"center", "details", "summary", NULL,
};
static const char *const media_tags[] = { "img",    "audio", "video",
	                                  "object", "embed", NULL };
static const char *const cell_tags[] = { "td", "th", NULL };
static const char *const hidden_tags[] = { "script", "style", "head", "title",
	                                   NULL };

/* Skip the tag at 's' ('<' first) and act on it; returns its length, or 0
 * when the '<' is text (no tag name, or no closing '>'). */
static size_t
html_tag(struct reducer *h, const char *s)
{
	const char *p = s + 1, *name, *end;
	char quote = 0;
	int closing = 0;
	size_t len;

	if (!strncmp(p, "!--", 3)) {
		end = strstr(p + 3, "-->");
		return end ? (size_t)(end + 3 - s) : strlen(s);
	}
	if (*p == '!' || *p == '?') { /* <!DOCTYPE ...>, <?xml ...?> */
		end = strchr(p, '>');
		return end ? (size_t)(end + 1 - s) : 0;
	}
	if (*p == '/') {
		closing = 1;
		p++;
	}
	name = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9'))
		p++;
	len = (size_t)(p - name);
	if (len == 0 || !((*name | 0x20) >= 'a' && (*name | 0x20) <= 'z'))
		return 0;
	for (; *p && (quote || *p != '>'); p++)
		if (quote && *p == quote)
			quote = 0;
		else if (!quote && (*p == '"' || *p == '\''))
			quote = *p;
	if (!*p)
		return 0;
	end = p + 1;

	char lower[16];
	if (len >= sizeof(lower))
		return (size_t)(end - s);
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)(name[i] | 0x20);
	lower[len] = 0;
	if (name_is(lower, len, block_tags))
		h->nl = 1;
	else if (name_is(lower, len, cell_tags))
		h->space = 1;
	else if (!closing && name_is(lower, len, media_tags))
		h->media++;
	else if (!closing && name_is(lower, len, hidden_tags)) {
		/* skip to the matching end tag, case aside */
		for (const char *q = end; *q; q++)
			if (q[0] == '<' && q[1] == '/' &&
			    !strncasecmp(q + 2, lower, len) &&
			    (q[2 + len] == '>' || q[2 + len] == ' ')) {
				const char *gt = strchr(q, '>');
				return gt ? (size_t)(gt + 1 - s) : strlen(s);
			}
		return strlen(s);
	}
	return (size_t)(end - s);
}

/*
 * Reduce the HTML of 's' to text: see the top of the file.  Lines are
 * separated by '\n', none empty, none with spaces at either end.  With
 * 'marks', the MARK_* characters are kept.  Adds the media taken out to
 * '*media'.  Returns an allocated string (maybe empty).
 */
char *
anki_html_text(const char *s, int marks, size_t *media)
{
	struct reducer h = { .marks = marks };
	size_t n = strlen(s), len;
	int32_t cp;

	for (size_t i = 0; i < n;) {
		if (s[i] == '<' && (len = html_tag(&h, s + i))) {
			i += len;
		} else if (s[i] == '&' && (len = entity(s + i, &cp))) {
			/* "&#2;" is no mark */
			if (cp < ANKI_MARK_OPEN || cp > ANKI_MARK_CLOSE)
				emit_cp(&h, cp);
			i += len;
		} else if (s[i] == '[' && !strncmp(s + i, "[sound:", 7) &&
		           strchr(s + i, ']')) {
			h.media++;
			i = (size_t)(strchr(s + i, ']') + 1 - s);
		} else {
			i += utf8_decode((const unsigned char *)s + i, n - i,
			                 &cp);
			emit_cp(&h, cp);
		}
	}
	*media += h.media;
	if (!h.sb.buf)
		return xstrdup("");
	return strbuf_detach(&h.sb);
}

/* ---- Cloze --------------------------------------------------------- */

/*
 * Replace the cloze markup of the raw field 's' with MARK_* characters,
 * as Anki reads it: "{{c" numbers "::" opens a cloze, "}}" closes the
 * innermost open one, the first "::" inside one starts its hint.  An
 * opening never closed stays text.  Returns an allocated string.
 */
char *
anki_cloze_mark(const char *s)
{
	struct event {
		size_t at, len;
		char mark;
		size_t owner; /* ANKI_MARK_HINT: the opening it belongs to */
		int ok;
	} *ev = NULL;
	size_t nev = 0, evalloc = 0, *stack = NULL, depth = 0, stalloc = 0;
	struct strbuf sb = { 0 };
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		struct event e = { .at = i };
		if (!strncmp(s + i, "{{c", 3)) {
			size_t j = i + 3;
			while (s[j] == ',' || (s[j] >= '0' && s[j] <= '9'))
				j++;
			if (j > i + 3 && s[j] == ':' && s[j + 1] == ':') {
				e.len = j + 2 - i;
				e.mark = ANKI_MARK_OPEN;
			}
		} else if (depth && s[i] == '}' && s[i + 1] == '}') {
			e.len = 2;
			e.mark = ANKI_MARK_CLOSE;
		} else if (depth && s[i] == ':' && s[i + 1] == ':') {
			size_t top = stack[depth - 1];
			int has_hint = 0;
			for (size_t k = top + 1; k < nev; k++)
				if (ev[k].mark == ANKI_MARK_HINT &&
				    ev[k].owner == top)
					has_hint = 1;
			if (!has_hint) {
				e.len = 2;
				e.mark = ANKI_MARK_HINT;
				e.owner = top;
			}
		}
		if (!e.mark) {
			i++;
			continue;
		}
		ev = xgrow(ev, &evalloc, nev + 1, sizeof(*ev));
		if (e.mark == ANKI_MARK_OPEN) {
			stack =
			    xgrow(stack, &stalloc, depth + 1, sizeof(*stack));
			stack[depth++] = nev;
		} else if (e.mark == ANKI_MARK_CLOSE) {
			size_t top = stack[--depth];
			ev[top].ok = 1;
			e.ok = 1;
			for (size_t k = top + 1; k < nev; k++)
				if (ev[k].mark == ANKI_MARK_HINT &&
				    ev[k].owner == top)
					ev[k].ok = 1;
		}
		ev[nev++] = e;
		i += e.len;
	}
	for (size_t i = 0, k = 0; i < n;) {
		while (k < nev && !ev[k].ok)
			k++;
		if (k < nev && ev[k].at == i) {
			strbuf_addch(&sb, ev[k].mark);
			i += ev[k++].len;
		} else if (s[i] >= ANKI_MARK_OPEN && s[i] <= ANKI_MARK_CLOSE) {
			i++; /* never in a field; never taken for a mark */
		} else {
			strbuf_addch(&sb, s[i++]);
		}
	}
	free(ev);
	free(stack);
	return sb.buf ? strbuf_detach(&sb) : xstrdup("");
}

/* Append 's' (of 'n' bytes) to 'sb' so that it cannot open or close a
 * gap: "{{" and "}}" get a space between their braces; with 'in_gap' a
 * line break is a space, and two spaces (around a nested cloze taken
 * out) one. */
static void
add_gap_safe(struct strbuf *sb, const char *s, size_t n, int in_gap)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_gap && c == '\n')
			c = ' ';
		if (in_gap && c == ' ' && sb->len &&
		    sb->buf[sb->len - 1] == ' ')
			continue;
		strbuf_addch(sb, c);
		if ((c == '{' || c == '}') && i + 1 < n && s[i + 1] == c)
			strbuf_addch(sb, ' ');
	}
}

static void
trim_into(struct strbuf *sb, const char *s, size_t n, int in_gap)
{
	while (n && (*s == ' ' || *s == '\n')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	add_gap_safe(sb, s, n, in_gap);
}

struct cloze {
	struct strbuf out;   /* the text so far */
	struct strbuf plain; /* text outside gaps, not yet in 'out' */
	struct strbuf gap;   /* the answer of the open gap */
	struct strbuf gh;    /* its hint */
	struct strlist hints;
	int *hint_at; /* the gap of each hint */
	size_t nhint_at, hint_alloc;
	int ngaps;
	const char *why;
};

/* Move the plain text seen so far into the output. */
static void
flush_plain(struct cloze *c)
{
	add_gap_safe(&c->out, c->plain.buf ? c->plain.buf : "", c->plain.len,
	             0);
	strbuf_release(&c->plain);
}

/* The open gap is closed: write it. */
static void
end_gap(struct cloze *c)
{
	struct strbuf ans = { 0 }, t = { 0 };

	c->ngaps++;
	trim_into(&ans, c->gap.buf ? c->gap.buf : "", c->gap.len, 1);
	if (!ans.len) {
		c->why = "has an empty cloze once HTML and media are taken out";
	} else if (!strncmp(ans.buf, "image-occlusion:", 16)) {
		c->why = "is an image occlusion: no text to ask";
	} else {
		/* '|' parts our alternatives: kept only where it makes no
		 * empty one */
		if (ans.buf[0] == '|' || ans.buf[ans.len - 1] == '|' ||
		    strstr(ans.buf, "||"))
			for (char *q = ans.buf; *q; q++)
				if (*q == '|')
					*q = '/';
		/* a brace beside the gap's own would be read as one of
		 * them: a space between */
		if (c->out.len && c->out.buf[c->out.len - 1] == '{')
			strbuf_addch(&c->out, ' ');
		strbuf_adds(&c->out, ans.buf[0] == '{' ? "{{ " : "{{");
		strbuf_adds(&c->out, ans.buf);
		strbuf_adds(&c->out,
		            ans.buf[ans.len - 1] == '}' ? " }}" : "}}");
	}
	trim_into(&t, c->gh.buf ? c->gh.buf : "", c->gh.len, 1);
	if (t.len) {
		strlist_push(&c->hints, t.buf);
		c->hint_at = xgrow(c->hint_at, &c->hint_alloc, c->nhint_at + 1,
		                   sizeof(*c->hint_at));
		c->hint_at[c->nhint_at++] = c->ngaps;
	}
	strbuf_release(&ans);
	strbuf_release(&t);
	strbuf_release(&c->gap);
	strbuf_release(&c->gh);
}

/* A copy of 's' with each run of spaces and line breaks one character
 * (a line break if the run holds one), none at either end: the marks
 * dropped out of place may have left such runs. */
static char *
fold_space(const char *s)
{
	struct strbuf sb = { 0 };
	int run = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n') {
			if (*s == '\n' || !run)
				run = *s;
			continue;
		}
		if (run && sb.len)
			strbuf_addch(&sb, (char)run);
		run = 0;
		strbuf_addch(&sb, *s);
	}
	return strbuf_detach(&sb);
}

/*
 * Turn the marked, reduced text 's' into our cloze text ('*text', each
 * gap as {{answer}}) and its hints ('*hint', or NULL).  A cloze inside
 * another stays text of the outer one.  Marks out of place (a cloze's
 * opening taken out with the HTML tag it was in) are dropped, and a gap
 * still open at the end closes there.  Returns the number of gaps, or
 * -1 with '*why' set when the note cannot be a cloze entry.
 */
int
anki_cloze_build(const char *s, char **text, char **hint, const char **why,
                 int *nested)
{
	struct cloze c = { 0 };
	struct strbuf hints = { 0 };
	int depth = 0, in_hint = 0;
	int inner_hint = 0; /* the depth of a nested cloze in its hint */

	*text = *hint = NULL;
	for (const char *p = s; *p; p++) {
		if (*p == ANKI_MARK_OPEN) {
			if (depth++ == 0) {
				flush_plain(&c);
				in_hint = 0;
			} else {
				*nested = 1;
			}
		} else if (depth == 0) {
			if (*p != ANKI_MARK_HINT && *p != ANKI_MARK_CLOSE)
				strbuf_addch(&c.plain, *p);
		} else if (*p == ANKI_MARK_HINT) {
			if (depth == 1)
				in_hint = 1;
			else if (!inner_hint)
				inner_hint = depth;
		} else if (*p == ANKI_MARK_CLOSE) {
			if (--depth < inner_hint)
				inner_hint = 0;
			if (depth == 0)
				end_gap(&c);
		} else if (!inner_hint) {
			strbuf_addch(in_hint ? &c.gh : &c.gap, *p);
		}
	}
	if (depth)
		end_gap(&c);
	flush_plain(&c);
	if (!c.why && c.ngaps == 0)
		c.why = "is a cloze without any {{c1::...}}";
	else if (!c.why && c.ngaps > CARD_MAX_GAPS)
		c.why = "has more cloze gaps than one card takes";
	if (!c.why) {
		for (size_t i = 0; i < c.hints.n; i++) {
			if (i)
				strbuf_adds(&hints, "; ");
			if (c.ngaps > 1)
				strbuf_addf(&hints, "gap %d: ", c.hint_at[i]);
			strbuf_adds(&hints, c.hints.v[i]);
		}
		*text = fold_space(c.out.buf ? c.out.buf : "");
		*hint = hints.buf ? strbuf_detach(&hints) : NULL;
	}
	*why = c.why;
	strbuf_release(&c.out);
	strbuf_release(&c.plain);
	strbuf_release(&hints);
	strlist_release(&c.hints);
	free(c.hint_at);
	return c.why ? -1 : c.ngaps;
}

/* ---- Names and tags ------------------------------------------------ */

/* 's' as a deck name or tag: lower-case letters and digits, other runs a
 * dash, accents taken off; NULL when nothing is left. */
char *
anki_slug(const char *s)
{
	utf8proc_uint8_t *folded = NULL;
	struct strbuf sb = { 0 };
	int dash = 0;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
	                     UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	                     UTF8PROC_CASEFOLD) < 0)
		folded = NULL;
	for (const char *p = folded ? (const char *)folded : s; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sb.len >= ANKI_NAME_MAX - 1)
				break;
			if (dash && sb.len)
				strbuf_addch(&sb, '-');
			strbuf_addch(&sb, c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
	free(folded);
	return sb.buf ? strbuf_detach(&sb) : NULL;
}
