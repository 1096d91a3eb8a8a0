/*
 * draft.c - a first draft of a deck from a history text.
 *
 * The text is cleaned (HTML tags, Markdown marks), split into paragraphs
 * and sentences, and each sentence into words; then each finder walks the
 * words: dates, figures, names ending in Command, Treaty..., abbreviations
 * in parentheses, people.  Parenthesised citations ("(see ..., 2014,
 * 24)") are skipped.  Cards are merged by their fact, kept in the text's
 * order and given ids from their content.
 */
#include "draft.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "number.h"

const char *
draft_kind_tag(enum draft_kind kind)
{
	static const char *const tags[DRAFT_NKINDS] = {
		"dates", "figures", "people", "commands", "treaties", "terms",
	};

	return kind < DRAFT_NKINDS ? tags[kind] : "terms";
}

/* ---- reading the text: HTML and Markdown out, a line for each byte ---- */

struct cleaner {
	struct strbuf out;
	int *lines;
	size_t alloc;
};

static void
put(struct cleaner *c, const char *s, size_t n, int line)
{
	for (size_t i = 0; i < n; i++) {
		c->lines = xgrow(c->lines, &c->alloc, c->out.len + 2,
		                 sizeof(*c->lines));
		c->lines[c->out.len] = line;
		strbuf_addch(&c->out, s[i]);
	}
}

int
draft_is_html(const char *text, size_t len)
{
	static const char *const marks[] = { "<html", "<!doctype", "<body",
		                             "<p>",   "<p ",       "<div",
		                             "<br",   "<h1",       "<article" };
	size_t n = len < 4096 ? len : 4096;

	for (size_t i = 0; i < n; i++) {
		if (text[i] != '<')
			continue;
		for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
			size_t m = strlen(marks[k]);

			if (i + m <= len &&
			    strncasecmp(text + i, marks[k], m) == 0)
				return 1;
		}
	}
	return 0;
}

/* Write code point 'cp' as UTF-8. */
static void
put_cp(struct cleaner *c, unsigned long cp, int line)
{
	char b[4];

	if (cp == 0xa0)
		cp = ' ';
	if (cp < 0x80) {
		b[0] = (char)cp;
		put(c, b, 1, line);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		put(c, b, 2, line);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		put(c, b, 3, line);
	} else if (cp < 0x110000) {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		put(c, b, 4, line);
	}
}

/* An HTML entity at 's' (after '&'): its length with the ';', or 0. */
static size_t
entity(const char *s, size_t n, unsigned long *cp)
{
	static const struct {
		const char *name;
		unsigned long cp;
	} names[] = {
		{ "amp", '&' },       { "lt", '<' },       { "gt", '>' },
		{ "quot", '"' },      { "apos", '\'' },    { "nbsp", 0xa0 },
		{ "ndash", 0x2013 },  { "mdash", 0x2014 }, { "lsquo", 0x2018 },
		{ "rsquo", 0x2019 },  { "ldquo", 0x201c }, { "rdquo", 0x201d },
		{ "hellip", 0x2026 },
	};
	size_t end = 0;

	while (end < n && end < 12 && s[end] != ';')
		end++;
	if (end == n || s[end] != ';' || end == 0)
		return 0;
	if (s[0] == '#') {
		char *stop;
		int hex = end > 1 && (s[1] == 'x' || s[1] == 'X');
		char buf[16];

		memcpy(buf, s + 1 + hex, end - 1 - (size_t)hex);
		buf[end - 1 - (size_t)hex] = '\0';
		*cp = strtoul(buf, &stop, hex ? 16 : 10);
		return *stop == '\0' && buf[0] && *cp > 0 ? end + 1 : 0;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == end &&
		    strncmp(s, names[i].name, end) == 0) {
			*cp = names[i].cp;
			return end + 1;
		}
	return 0;
}

static void
clean_html(struct cleaner *c, const char *s, size_t n)
{
	static const char *const blocks[] = {
		"p",  "div", "br", "h1",    "h2",      "h3",         "h4",
		"h5", "h6",  "li", "tr",    "title",   "blockquote", "section",
		"ul", "ol",  "td", "table", "article", "header",     "footer",
	};
	int line = 1;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<') {
			size_t j = i + 1, w;
			int close = j < n && s[j] == '/';

			j += (size_t)close;
			w = j;
			while (w < n && ((s[w] >= 'a' && s[w] <= 'z') ||
			                 (s[w] >= 'A' && s[w] <= 'Z') ||
			                 (s[w] >= '0' && s[w] <= '9')))
				w++;
			/* script and style: their content is no text */
			if (!close && ((w - j == 6 &&
			                strncasecmp(s + j, "script", 6) == 0) ||
			               (w - j == 5 &&
			                strncasecmp(s + j, "style", 5) == 0))) {
				char endtag[10];
				int len =
				    snprintf(endtag, sizeof(endtag), "</%.*s",
				             (int)(w - j), s + j);

				while (i < n &&
				       !(i + (size_t)len <= n &&
				         strncasecmp(s + i, endtag,
				                     (size_t)len) == 0)) {
					line += s[i] == '\n';
					i++;
				}
			}
			for (size_t k = 0;
			     k < sizeof(blocks) / sizeof(blocks[0]); k++)
				if (strlen(blocks[k]) == w - j &&
				    strncasecmp(s + j, blocks[k], w - j) == 0)
					put(c, "\n\n", 2, line);
			while (i < n && s[i] != '>') {
				line += s[i] == '\n';
				i++;
			}
			continue;
		}
		if (s[i] == '&') {
			unsigned long cp;
			size_t k = entity(s + i + 1, n - i - 1, &cp);

			if (k) {
				put_cp(c, cp, line);
				i += k;
				continue;
			}
		}
		if (s[i] == '\r')
			continue;
		put(c, s + i, 1, line);
		line += s[i] == '\n';
	}
}

/* One line of Markdown (or plain text): marks out. */
static void
clean_line(struct cleaner *c, const char *s, size_t n, int line)
{
	size_t i = 0;
	int block = 0; /* a heading or a list item: its own paragraph */

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '#') {
		while (i < n && s[i] == '#')
			i++;
		block = 1;
	} else if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
	           s[i + 1] == ' ') {
		i += 2;
		block = 1;
	} else if (i < n && s[i] == '>') {
		i++;
	}
	if (block)
		put(c, "\n", 1, line);
	for (; i < n; i++) {
		if (s[i] == '\r')
			continue;
		if (s[i] == '*' || s[i] == '`' ||
		    (s[i] == '_' &&
		     (i == 0 || i + 1 == n || s[i - 1] == ' ' ||
		      s[i + 1] == ' ' || s[i + 1] == '_' || s[i - 1] == '_')))
			continue;
		if (s[i] == '!' && i + 1 < n && s[i + 1] == '[')
			continue;
		if (s[i] == '[') {
			/* [text](url): the text */
			const char *close = memchr(s + i, ']', n - i);

			if (close && (size_t)(close - s) + 1 < n &&
			    close[1] == '(') {
				const char *end =
				    memchr(close, ')', n - (size_t)(close - s));

				if (end) {
					clean_line(c, s + i + 1,
					           (size_t)(close - s) - i - 1,
					           line);
					i = (size_t)(end - s);
					continue;
				}
			}
		}
		put(c, s + i, 1, line);
	}
	put(c, block ? "\n\n" : "\n", block ? 2 : 1, line);
}

static void
clean_text(struct cleaner *c, const char *s, size_t n, int html)
{
	if (html) {
		struct cleaner h = { 0 };

		clean_html(&h, s, n);
		/* the lines of the HTML, then the Markdown pass keeps them */
		for (size_t i = 0; i < h.out.len;) {
			size_t e = i;

			while (e < h.out.len && h.out.buf[e] != '\n')
				e++;
			if (e > i)
				clean_line(c, h.out.buf + i, e - i, h.lines[i]);
			else
				put(c, "\n", 1, h.lines[i]);
			i = e + 1;
		}
		strbuf_release(&h.out);
		free(h.lines);
		return;
	}
	for (size_t i = 0, line = 1; i < n; line++) {
		size_t e = i;

		while (e < n && s[e] != '\n')
			e++;
		clean_line(c, s + i, e - i, (int)line);
		i = e + 1;
	}
}

/* ---- sentences ---- */

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(int c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

/* The bytes of the punctuation mark at 's' that is not ASCII (quotes,
 * dashes, ellipsis, no-break space...), or 0 for none. */
static size_t
upunct(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x80 && u[2] <= 0xbf)
		return 3; /* U+2000..U+203F */
	if (u[0] == 0xc2 && (u[1] == 0xa0 || u[1] == 0xab || u[1] == 0xbb))
		return 2;
	if (u[0] == 0xe3 && u[1] == 0x80 && (u[2] == 0x81 || u[2] == 0x82))
		return 3; /* ideographic comma and full stop */
	return 0;
}

/* Words whose point does not end a sentence. */
static const char *const abbreviations[] = {
	"Gen",  "Lt",    "Col",  "Maj",  "Capt",   "Cpt",  "Sgt",  "Adm",
	"Cmdr", "Gov",   "Sen",  "Rep",  "Pres",   "Dr",   "Mr",   "Mrs",
	"Ms",   "Prof",  "Rev",  "St",   "Jr",     "Sr",   "No",   "Nos",
	"Vol",  "vs",    "eds",  "ed",   "p",      "pp",   "cf",   "ca",
	"c",    "Fig",   "fig",  "Jan",  "Feb",    "Mar",  "Apr",  "Jun",
	"Jul",  "Aug",   "Sep",  "Sept", "Oct",    "Nov",  "Dec",  "Mt",
	"Ft",   "USS",   "HMS",  "Co",   "Corp",   "Bros", "Gens", "approx",
	"est",  "Lieut", "Brig", "Sec",  "Messrs",
};

/* Does the point at 'i' of 's' (paragraph from 'p0') end a sentence? */
static int
ends_sentence(const char *s, size_t p0, size_t i, size_t p1)
{
	size_t j = i + 1, k, w;

	/* closing quotes and brackets go with the sentence */
	for (;;) {
		if (j < p1 &&
		    (s[j] == '"' || s[j] == '\'' || s[j] == ')' || s[j] == ']'))
			j++;
		else if (j + 2 < p1 && (unsigned char)s[j] == 0xe2 &&
		         (unsigned char)s[j + 1] == 0x80 &&
		         ((unsigned char)s[j + 2] == 0x9d ||
		          (unsigned char)s[j + 2] == 0x99))
			j += 3;
		else
			break;
	}
	if (j >= p1)
		return (int)(j - i);
	if (!is_space(s[j]))
		return 0;
	for (k = j; k < p1 && is_space(s[k]); k++)
		;
	if (k >= p1)
		return (int)(j - i);
	if (is_lower(s[k]))
		return 0;
	if (s[i] != '.' || j > i + 1)
		return (int)(j - i); /* a closing quote: not "No." */
	/* the word before the point */
	for (w = i; w > p0 && (is_alnum(s[w - 1]) || s[w - 1] == '.');)
		w--;
	if (i - w == 1 && is_upper(s[w]))
		return 0; /* an initial: "Dwight D. Eisenhower" */
	if (memchr(s + w, '.', i - w))
		return 0; /* "U.S.", "e.g." */
	for (size_t a = 0; a < sizeof(abbreviations) / sizeof(abbreviations[0]);
	     a++)
		if (strlen(abbreviations[a]) == i - w &&
		    strncmp(s + w, abbreviations[a], i - w) == 0)
			return 0;
	return (int)(j - i);
}

static void
add_sentence(struct draft_result *r, const int *lines, size_t b, size_t e,
             int para)
{
	const char *s = r->clean;

	while (b < e && is_space(s[b]))
		b++;
	while (e > b && is_space(s[e - 1]))
		e--;
	if (b == e)
		return;
	r->sentences = xgrow(r->sentences, &r->salloc, r->nsentences + 1,
	                     sizeof(*r->sentences));
	r->sentences[r->nsentences].start = b;
	r->sentences[r->nsentences].end = e;
	r->sentences[r->nsentences].line = lines[b];
	r->sentences[r->nsentences].para = para;
	r->nsentences++;
}

/* Is the paragraph 's' an entry of a reading list ("Finley, James P.
 * Title. Place: Publisher, 1983.")?  It is one sentence. */
static int
is_reference(const char *s, size_t n)
{
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n < 8 || n > 600 || s[n - 1] != '.')
		return 0;
	for (size_t k = n - 5; k < n - 1; k++)
		if (!is_digit(s[k]))
			return 0;
	for (size_t k = 0; k + 1 < n; k++)
		if (s[k] == ':' && s[k + 1] == ' ')
			return 1;
	return 0;
}

static void
split_sentences(struct draft_result *r, const int *lines)
{
	const char *s = r->clean;
	size_t n = strlen(s), p0 = 0;
	int para = 0;

	while (p0 < n) {
		size_t p1 = p0, b;

		/* a paragraph ends at a blank line */
		for (;;) {
			const char *nl = strchr(s + p1, '\n');
			size_t k;

			if (nl == NULL) {
				p1 = n;
				break;
			}
			p1 = (size_t)(nl - s);
			for (k = p1 + 1; k < n && (s[k] == ' ' || s[k] == '\t');
			     k++)
				;
			if (k >= n || s[k] == '\n')
				break;
			p1 = k;
		}
		b = p0;
		for (size_t i = is_reference(s + p0, p1 - p0) ? p1 : p0; i < p1;
		     i++) {
			int len;

			if (s[i] != '.' && s[i] != '!' && s[i] != '?')
				continue;
			if ((len = ends_sentence(s, p0, i, p1)) > 0) {
				add_sentence(r, lines, b, i + (size_t)len,
				             para);
				b = i + (size_t)len;
				i = b - 1;
			}
		}
		add_sentence(r, lines, b, p1, para);
		if (r->nsentences &&
		    r->sentences[r->nsentences - 1].para == para)
			para++;
		p0 = p1 + 1;
	}
}

char *
draft_sentence_text(const struct draft_result *r, size_t i)
{
	const struct draft_sentence *st = &r->sentences[i];
	struct strbuf sb = { 0 };
	int space = 0;

	for (size_t k = st->start; k < st->end; k++) {
		if (is_space(r->clean[k])) {
			space = 1;
			continue;
		}
		if (space && sb.len)
			strbuf_addch(&sb, ' ');
		space = 0;
		strbuf_addch(&sb, r->clean[k]);
	}
	if (sb.buf == NULL)
		strbuf_adds(&sb, "");
	return strbuf_detach(&sb);
}

/* ---- words ---- */

struct tok {
	size_t b, e; /* bytes of the sentence */
	int hy;      /* joined to the word before by a hyphen or a dash */
	int skip;    /* inside a citation */
	int used;    /* taken by a date or a figure */
};

struct sent {
	const char *s; /* the sentence, blanks collapsed */
	size_t n;
	struct tok *t;
	size_t nt;
	size_t index; /* in the result's sentences */
	int line;
	size_t at; /* where it starts in the text */
	struct span {
		size_t b, e; /* tokens */
	} names[32];
	size_t nnames;
};

static size_t
wordbyte(const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (is_alnum(c))
		return 1;
	if (c < 0x80 || upunct(s))
		return 0;
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	return c >= 0xc0 ? 2 : 1;
}

/* An apostrophe at 's': its bytes, or 0. */
static size_t
apostrophe(const char *s)
{
	if (*s == '\'')
		return 1;
	if (strncmp(s, "\xe2\x80\x99", 3) == 0)
		return 3;
	return 0;
}

/* A hyphen or a dash at 's': its bytes, or 0. */
static size_t
hyphen(const char *s)
{
	if (*s == '-')
		return 1;
	if (strncmp(s, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x94", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x90", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x91", 3) == 0)
		return 3;
	return 0;
}

static void
tokenize(struct sent *st)
{
	const char *s = st->s;
	size_t n = st->n, i = 0, alloc = 0;

	st->t = NULL;
	st->nt = 0;
	while (i < n) {
		size_t w = wordbyte(s + i), b = i, a;
		struct tok t = { 0, 0, 0, 0, 0 };

		if (w == 0) {
			size_t u = upunct(s + i);

			i += u ? u : 1;
			continue;
		}
		while (i < n) {
			if ((w = wordbyte(s + i)) > 0) {
				i += w;
			} else if (s[i] == '.' && i > b && is_alnum(s[i - 1]) &&
			           is_alnum(s[i + 1])) {
				i++;
			} else if (s[i] == ',' && i > b && is_digit(s[i - 1]) &&
			           is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
			           is_digit(s[i + 3]) && !is_digit(s[i + 4])) {
				i++;
			} else if ((a = apostrophe(s + i)) > 0 && i > b &&
			           wordbyte(s + i + a) && !is_digit(s[i + a])) {
				i += a;
			} else {
				break;
			}
		}
		t.b = b;
		t.e = i;
		if (b > 0) {
			size_t h = s[b - 1] == '-' ? 1
			           : b >= 3        ? hyphen(s + b - 3)
			                           : 0;
			if (h && b > h && wordbyte(s + b - h - 1))
				t.hy = 1;
		}
		st->t = xgrow(st->t, &alloc, st->nt + 1, sizeof(*st->t));
		st->t[st->nt++] = t;
	}
}

/* The token's bytes without a possessive "'s". */
static size_t
tok_base(const struct sent *st, size_t i)
{
	const struct tok *t = &st->t[i];
	size_t len = t->e - t->b;

	if (len > 4 && strncmp(st->s + t->e - 4, "\xe2\x80\x99s", 4) == 0)
		return len - 4;
	if (len > 2 && strncmp(st->s + t->e - 2, "'s", 2) == 0)
		return len - 2;
	return len;
}

/* Is token 'i' the word 'w' (any case; a possessive counts)? */
static int
tok_is(const struct sent *st, size_t i, const char *w)
{
	return i < st->nt && tok_base(st, i) == strlen(w) &&
	       strncasecmp(st->s + st->t[i].b, w, strlen(w)) == 0;
}

/* Is token 'i' one of the words in 'list' (blank-separated)? */
static int
tok_in(const struct sent *st, size_t i, const char *list)
{
	size_t len;

	if (i >= st->nt)
		return 0;
	len = tok_base(st, i);
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, " ");

		if (k == len && strncasecmp(p, st->s + st->t[i].b, k) == 0)
			return 1;
		p += k;
		while (*p == ' ')
			p++;
	}
	return 0;
}

static int
tok_cap(const struct sent *st, size_t i)
{
	return i < st->nt && is_upper(st->s[st->t[i].b]);
}

static int
tok_lower(const struct sent *st, size_t i)
{
	return i < st->nt && is_lower(st->s[st->t[i].b]);
}

/* All digits (a whole number without separators)? */
static int
tok_digits(const struct sent *st, size_t i)
{
	if (i >= st->nt)
		return 0;
	for (size_t k = st->t[i].b; k < st->t[i].e; k++)
		if (!is_digit(st->s[k]))
			return 0;
	return 1;
}

static long
tok_long(const struct sent *st, size_t i)
{
	long v = 0;

	for (size_t k = st->t[i].b; k < st->t[i].e && v < 100000; k++)
		v = v * 10 + (st->s[k] - '0');
	return v;
}

/* Only blanks between tokens 'i' and 'i + 1'? */
static int
tok_spaced(const struct sent *st, size_t i)
{
	for (size_t k = st->t[i].e; k < st->t[i + 1].b; k++)
		if (st->s[k] != ' ')
			return 0;
	return 1;
}

static char *
tok_text(const struct sent *st, size_t b, size_t e)
{
	return xstrndup(st->s + st->t[b].b, st->t[e].e - st->t[b].b);
}

/* Parenthesised citations: "(see ..., 2014, 24)", "(Title: 1953-2013,
 * 25)".  Their words make no card. */
static void
mark_citations(struct sent *st)
{
	const char *s = st->s;

	for (const char *open = strchr(s, '('); open;
	     open = strchr(open + 1, '(')) {
		const char *close = strchr(open, ')');
		const char *p;
		int cite;

		if (close == NULL)
			break;
		p = close;
		while (p > open && is_digit(p[-1]))
			p--;
		cite =
		    strncasecmp(open + 1, "see ", 4) == 0 ||
		    (p < close && p - open > 2 && p[-1] == ' ' &&
		     p[-2] == ',' && memchr(open, ':', (size_t)(close - open)));
		if (!cite)
			continue;
		for (size_t i = 0; i < st->nt; i++)
			if (st->t[i].b > (size_t)(open - s) &&
			    st->t[i].e <= (size_t)(close - s))
				st->t[i].skip = 1;
	}
}

/* ---- cards ---- */

struct builder {
	struct draft_result *r;
	struct strlist seen; /* "kind|key" of each fact made */
	/* the people and names of the whole text, merged before cards */
	struct entity {
		enum draft_kind kind;
		char *key;            /* folded: what merges */
		struct strlist forms; /* as written, first first */
		size_t sentence;      /* where its card goes */
		size_t b, e;          /* its bytes in that sentence's text */
		int placed;           /* 'sentence' chosen */
		size_t fb_sentence, fb_b, fb_e; /* the first mention */
		int has_fb;
		char *surname; /* people: accepted alone */
	} * ents;
	size_t nents, ealloc;
	char **texts;               /* every sentence's text */
	struct strlist lower_words; /* words written in lower case */
};

static struct draft_card *
add_card(struct builder *bd, enum draft_kind kind, enum card_type type,
         const struct sent *st, size_t offset)
{
	struct draft_result *r = bd->r;
	struct draft_card *c;

	r->cards =
	    xgrow(r->cards, &r->calloc, r->ncards + 1, sizeof(*r->cards));
	c = &r->cards[r->ncards++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->type = type;
	c->line = st->line;
	c->at = st->at + offset;
	r->counts[kind]++;
	return c;
}

/* Has the fact 'key' of 'kind' been made?  Notes it when not. */
static int
seen(struct builder *bd, enum draft_kind kind, const char *key)
{
	char *k = xasprintf("%d|%s", (int)kind, key);
	int found = strlist_find(&bd->seen, k) >= 0;

	if (!found)
		strlist_push(&bd->seen, k);
	free(k);
	return found;
}

/* 's' folded for keys: lower case, no points, no possessive, one blank. */
static char *
fold(const char *s, size_t n)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '.')
			continue;
		if (strncmp(s + i, "\xe2\x80\x99s", 4) == 0 && i + 4 == n)
			break;
		if (c == '\'' && i + 2 == n && s[i + 1] == 's')
			break;
		if (hyphen(s + i) == 3) {
			strbuf_addch(&sb, '-');
			i += 2;
			continue;
		}
		strbuf_addch(&sb, is_upper(c) ? c - 'A' + 'a' : c);
	}
	if (sb.buf == NULL)
		strbuf_adds(&sb, "");
	return strbuf_detach(&sb);
}

/* Does the word-bounded 'w' appear in 's' outside bytes [gb, ge)? */
static int
appears_outside(const char *s, const char *w, size_t gb, size_t ge)
{
	size_t n = strlen(w), len = strlen(s);

	if (n == 0)
		return 0;
	for (size_t i = 0; i + n <= len; i++) {
		if (i >= gb && i < ge)
			continue;
		if (strncasecmp(s + i, w, n) == 0 &&
		    (i == 0 || !is_alnum(s[i - 1])) && !is_alnum(s[i + n]))
			return 1;
	}
	return 0;
}

/* ---- names: "... Command", "... Treaty", abbreviations ---- */

static const char *const command_ends = "Command Forces Army Corps";
static const char *const treaty_ends =
    "Treaty Agreement Minutes Pact Alliance Accord Accords Convention";
/* Capitalised words that start a sentence or a phrase, not a name. */
static const char *const not_name =
    "The A An This That These Those Each Every Both Its Their His Her Our "
    "In On At By For From With As While After Before When Since Though "
    "Although Despite Unlike Under Even Today Unfortunately However If "
    "Rather Central Once Also And But Or Of To";

static const char *const number_words =
    "two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion one";

static const char *const unit_stop =
    "of the and or to in on at by for with from that which who whom is was "
    "were are be been more than later earlier ago a an per each had have "
    "has as its this us so into out";

static struct entity *
entity_find(struct builder *bd, enum draft_kind kind, const char *key)
{
	for (size_t i = 0; i < bd->nents; i++) {
		struct entity *e = &bd->ents[i];
		size_t a = strlen(e->key), b = strlen(key);
		const char *lo = a < b ? key : e->key,
		           *sh = a < b ? e->key : key;
		size_t ls = a < b ? b : a, ss = a < b ? a : b;

		if (e->kind != kind &&
		    !((kind == DRAFT_COMMAND || kind == DRAFT_TREATY) &&
		      (e->kind == DRAFT_COMMAND || e->kind == DRAFT_TREATY)))
			continue;
		if (kind == DRAFT_PERSON || e->kind == DRAFT_PERSON) {
			if (strcmp(e->key, key) == 0)
				return e;
			continue;
		}
		/* "mutual defense treaty" is "us-rok mutual defense treaty" */
		if (strcmp(lo + ls - ss, sh) == 0 &&
		    (ls == ss || lo[ls - ss - 1] == ' ' ||
		     lo[ls - ss - 1] == '-'))
			return e;
	}
	return NULL;
}

/* Note the name at tokens [b, e] of 'st' as an entity of 'kind'. */
static struct entity *
note_entity(struct builder *bd, enum draft_kind kind, const struct sent *st,
            size_t b, size_t e, const char *key)
{
	struct entity *en;
	char *form = xstrndup(st->s + st->t[b].b,
	                      st->t[e].b + tok_base(st, e) - st->t[b].b);

	en = entity_find(bd, kind, key);
	if (en == NULL) {
		bd->ents = xgrow(bd->ents, &bd->ealloc, bd->nents + 1,
		                 sizeof(*bd->ents));
		en = &bd->ents[bd->nents++];
		memset(en, 0, sizeof(*en));
		en->kind = kind;
		en->key = xstrdup(key);
	} else if (strlen(key) > strlen(en->key)) {
		free(en->key);
		en->key = xstrdup(key);
	}
	if (strlist_find(&en->forms, form) < 0)
		strlist_push(&en->forms, form);
	free(form);
	return en;
}

/* Place the card of 'en' on this mention when its sentence gives it a
 * context: other words besides the name, and no other mention of it. */
static void
place_entity(struct builder *bd, struct entity *en, const struct sent *st,
             size_t b, size_t e)
{
	size_t gb = st->t[b].b, ge = st->t[e].b + tok_base(st, e), words = 0;

	(void)bd;
	if (en->placed)
		return;
	if (!en->has_fb) {
		en->has_fb = 1;
		en->fb_sentence = st->index;
		en->fb_b = gb;
		en->fb_e = ge;
	}
	for (size_t i = 0; i < st->nt; i++)
		if ((i < b || i > e) && !st->t[i].skip)
			words++;
	if (words < 4)
		return;
	for (size_t f = 0; f < en->forms.n; f++)
		if (appears_outside(st->s, en->forms.v[f], gb, ge))
			return;
	if (en->surname && appears_outside(st->s, en->surname, gb, ge))
		return;
	en->placed = 1;
	en->sentence = st->index;
	en->b = gb;
	en->e = ge;
}

static void
find_names(struct builder *bd, struct sent *st)
{
	st->nnames = 0;
	for (size_t i = 1; i < st->nt; i++) {
		enum draft_kind kind;
		size_t b = i, e = i;
		char *key;
		struct entity *en;

		if (st->t[i].skip || !tok_cap(st, i))
			continue;
		if (tok_in(st, i, command_ends))
			kind = DRAFT_COMMAND;
		else if (tok_in(st, i, treaty_ends))
			kind = DRAFT_TREATY;
		else
			continue;
		while (
		    b > 0 && (tok_cap(st, b - 1) || st->t[b].hy) &&
		    (tok_spaced(st, b - 1) || st->t[b].hy) &&
		    !st->t[b - 1].skip &&
		    (tok_base(st, b - 1) == st->t[b - 1].e - st->t[b - 1].b ||
		     tok_is(st, b - 1, "People")))
			b--;
		while (b < i && !st->t[b].hy && tok_in(st, b, not_name))
			b++;
		if (b == i || tok_in(st, b, number_words))
			continue;
		/* "Treaty of Peace, Commerce, and Navigation" */
		if (tok_is(st, i + 1, "of") && tok_cap(st, i + 2) &&
		    tok_spaced(st, i)) {
			size_t k = i + 2;

			e = k;
			while (k + 1 < st->nt) {
				if (tok_cap(st, k + 1) &&
				    (tok_spaced(st, k) || st->t[k + 1].hy ||
				     st->s[st->t[k].e] == ',')) {
					e = ++k;
				} else if (tok_is(st, k + 1, "and") &&
				           tok_cap(st, k + 2)) {
					e = k += 2;
				} else {
					break;
				}
			}
		}
		key = fold(st->s + st->t[b].b,
		           st->t[e].b + tok_base(st, e) - st->t[b].b);
		en = note_entity(bd, kind, st, b, e, key);
		free(key);
		place_entity(bd, en, st, b, e);
		if (st->nnames < sizeof(st->names) / sizeof(st->names[0])) {
			st->names[st->nnames].b = b;
			st->names[st->nnames].e = e;
			st->nnames++;
		}
		i = e;
	}
}

/* Can the words 'w' [0, nw) spell 'ab' from 'ai' on, each giving its
 * first letter and perhaps more of its letters in order ("operational
 * control" is OPCON, "Demilitarized Zone" DMZ); a small word may give
 * none? */
static int
spells(const struct sent *st, const size_t *w, size_t nw, const char *ab,
       size_t ai)
{
	const char *word;
	size_t len, k = 1, j = 1;
	char c;

	if (nw == 0)
		return ab[ai] == '\0';
	word = st->s + st->t[w[0]].b;
	len = st->t[w[0]].e - st->t[w[0]].b;
	if (tok_in(st, w[0], "of the and for") &&
	    spells(st, w + 1, nw - 1, ab, ai))
		return 1;
	c = is_lower(word[0]) ? (char)(word[0] - 'a' + 'A') : word[0];
	if (ab[ai] == '\0' || c != ab[ai])
		return 0;
	if (spells(st, w + 1, nw - 1, ab, ai + 1))
		return 1;
	/* more letters of this word, in order */
	for (; j < len && ab[ai + k]; j++) {
		c = is_lower(word[j]) ? (char)(word[j] - 'a' + 'A') : word[j];
		if (c != ab[ai + k])
			continue;
		k++;
		if (spells(st, w + 1, nw - 1, ab, ai + k))
			return 1;
	}
	return 0;
}

/* "Combined Forces Command (CFC)": the abbreviation and its words. */
static void
find_abbreviations(struct builder *bd, struct sent *st)
{
	for (size_t i = 1; i < st->nt; i++) {
		const struct tok *t = &st->t[i];
		size_t len = t->e - t->b, w[12];
		char ab[12];
		int ok = len >= 2 && len <= 8;

		if (t->skip || t->b == 0 || st->s[t->b - 1] != '(' ||
		    st->s[t->e] != ')')
			continue;
		for (size_t k = 0; ok && k < len; k++)
			ok = is_upper(st->s[t->b + k]);
		if (!ok)
			continue;
		memcpy(ab, st->s + t->b, len);
		ab[len] = '\0';
		/* the fewest words before the parenthesis that spell it */
		for (size_t nw = 1; nw <= len + 3 && nw <= i && nw <= 12;
		     nw++) {
			size_t first = i - nw;
			char *expansion, *key;
			struct draft_card *c;
			enum draft_kind kind = DRAFT_TERM;
			char f;

			for (size_t k = 0; k < nw; k++)
				w[k] = first + k;
			f = st->s[st->t[first].b];
			if (tok_in(st, first, "of the and for") ||
			    (is_lower(f) ? f - 'a' + 'A' : f) != ab[0])
				continue;
			if (!spells(st, w, nw, ab, 0))
				continue;
			expansion = xstrndup(st->s + st->t[first].b,
			                     st->t[i - 1].e - st->t[first].b);
			if (tok_in(st, i - 1, command_ends))
				kind = DRAFT_COMMAND;
			else if (tok_in(st, i - 1, treaty_ends))
				kind = DRAFT_TREATY;
			key = fold(ab, len);
			if (!seen(bd, DRAFT_TERM, key)) {
				c = add_card(bd, DRAFT_TERM, CARD_TEXT, st,
				             t->b);
				c->q = xstrdup(ab);
				c->a = expansion;
				expansion = NULL;
				c->tag = draft_kind_tag(kind);
				c->id = xasprintf("abbr-%s", key);
			}
			free(expansion);
			free(key);
			break;
		}
	}
}

/* ---- questions ---- */

/* Is there a break between clauses from byte 'b' to 'e' of 's'? */
static int
clause_break(const char *s, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++)
		if (s[k] == ',' || s[k] == ';' || s[k] == ':' || s[k] == '(' ||
		    s[k] == ')' || strncmp(s + k, "\xe2\x80\x94", 3) == 0)
			return 1;
	return 0;
}

/* Append 's' [b, e) to 'sb' without a full stop at its end. */
static void
add_trimmed(struct strbuf *sb, const char *s, size_t b, size_t e)
{
	while (e > b && (is_space(s[e - 1]) || s[e - 1] == '.' ||
	                 s[e - 1] == ';' || s[e - 1] == ','))
		e--;
	strbuf_add(sb, s + b, e - b);
}

/*
 * 'prefix' and the sentence with its bytes [gb, ge) as a blank: a short
 * sentence comes after the one or two before it in its paragraph (a
 * citation's year needs its title); a long one loses the clauses after
 * the blank.
 */
static char *
blanked(struct builder *bd, const struct sent *st, size_t gb, size_t ge,
        const char *prefix)
{
	struct strbuf sb = { 0 };
	const struct draft_result *r = bd->r;
	const char *s = st->s;
	size_t end = st->n, first = st->index;

	strbuf_adds(&sb, prefix);
	if (st->nt < 8)
		while (first > 0 && st->index - first < 2 &&
		       r->sentences[first - 1].para ==
		           r->sentences[st->index].para)
			first--;
	for (size_t k = first; k < st->index; k++) {
		strbuf_adds(&sb, bd->texts[k]);
		strbuf_addch(&sb, ' ');
	}
	if (st->nt > 25) {
		static const char *const cuts[] = { ", ",          "; ",
			                            " which ",     " who ",
			                            " while ",     " and ",
			                            "\xe2\x80\x94" };

		/* the first break after the blank that leaves 10 words */
		for (size_t k = ge; k < st->n && end == st->n; k++) {
			size_t words = 0;
			int brk = 0;

			for (size_t c = 0; c < sizeof(cuts) / sizeof(cuts[0]);
			     c++)
				brk |= strncmp(s + k, cuts[c],
				               strlen(cuts[c])) == 0;
			if (!brk)
				continue;
			for (size_t j = 0; j < k; j++)
				words += s[j] == ' ';
			if (words >= 10)
				end = k;
		}
	}
	if (first == st->index && gb > 0 && is_upper(s[0]) && is_lower(s[1]) &&
	    st->nt > 1 && tok_in(st, 0, not_name) && !st->t[1].hy &&
	    !(tok_cap(st, 1) && is_lower(s[st->t[1].b + 1]))) {
		strbuf_addch(&sb, s[0] - 'A' + 'a');
		strbuf_add(&sb, s + 1, gb - 1);
	} else {
		strbuf_add(&sb, s, gb);
	}
	strbuf_adds(&sb, "___");
	add_trimmed(&sb, s, ge, end);
	return strbuf_detach(&sb);
}

/* Lower-case the first letter of 'text' when its first word is a small
 * word ("The treaty..."), in place. */
static void
lower_first(char *text)
{
	size_t n = strcspn(text, " ");
	char w[16];

	if (n == 0 || n >= sizeof(w) || !is_upper(text[0]))
		return;
	memcpy(w, text, n);
	w[n] = '\0';
	for (const char *p = not_name; *p;) {
		size_t k = strcspn(p, " ");

		if (k == n && strncmp(p, w, k) == 0) {
			text[0] = (char)(text[0] - 'A' + 'a');
			return;
		}
		p += k;
		while (*p == ' ')
			p++;
	}
}

static const char *const prepositions =
    "in on by since from until till of during at the to mid early late "
    "around about circa c ca before after between through throughout as";

/* A short name of the event dated by tokens [tb, te]: a treaty or
 * command named near it, else the clause's subject and verb. */
static char *
event_name(const struct sent *st, size_t tb, size_t te, const char *role)
{
	size_t best = SIZE_MAX, dist = 9, b, e;
	struct strbuf sb = { 0 };
	char *out;

	for (size_t k = 0; k < st->nnames; k++) {
		const struct span *n = &st->names[k];
		size_t d = n->e < tb ? tb - n->e : n->b > te ? n->b - te : 0;

		if (d < dist &&
		    !clause_break(st->s,
		                  n->e < tb ? st->t[n->e].e : st->t[te].e,
		                  n->e < tb ? st->t[tb].b : st->t[n->b].b)) {
			dist = d;
			best = k;
		}
	}
	if (best != SIZE_MAX) {
		const struct span *n = &st->names[best];

		strbuf_add(&sb, st->s + st->t[n->b].b,
		           st->t[n->e].b + tok_base(st, n->e) - st->t[n->b].b);
		for (size_t k = n->e + 1; n->e < tb && k < tb; k++) {
			size_t len = st->t[k].e - st->t[k].b;

			if (tok_lower(st, k) && len > 3 &&
			    strncmp(st->s + st->t[k].e - 2, "ed", 2) == 0) {
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[k].b, len);
				break;
			}
		}
	} else {
		b = tb;
		while (b > 0 &&
		       !clause_break(st->s, st->t[b - 1].e, st->t[b].b) &&
		       !tok_in(st, b - 1,
		               "when while which that after before because "
		               "whereas where"))
			b--;
		e = tb;
		while (e > b &&
		       (tok_in(st, e - 1, prepositions) || st->t[e - 1].skip))
			e--;
		if (b >= 1 && b < e && tok_in(st, b - 1, "who which"))
			b--; /* "Pyongyang, which fell on" */
		if (e - b >= 1 && b >= 2 && tok_in(st, b, "who which") &&
		    tok_cap(st, b - 1)) {
			/* "Queen Seondeok, who reigned from...": the name */
			size_t n = b - 1;

			while (n > 0 && tok_cap(st, n - 1) &&
			       tok_spaced(st, n - 1) && b - n < 4)
				n--;
			strbuf_add(&sb, st->s + st->t[n].b,
			           st->t[b - 1].b + tok_base(st, b - 1) -
			               st->t[n].b);
			b++;
			if (e - b > 6)
				e = b + 6;
			if (e > b) {
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[b].b,
				           st->t[e - 1].e - st->t[b].b);
			}
			goto named;
		}
		if (e - b < 2 && b > 0) {
			/* "Korea, 1871-1982": the clause before the comma */
			e = b;
			b--;
			while (b > 0 &&
			       !clause_break(st->s, st->t[b - 1].e, st->t[b].b))
				b--;
		}
		if (e - b < 2) {
			/* "In 1978, both countries agreed...": what follows */
			b = te + 1;
			while (b < st->nt && tok_in(st, b, prepositions))
				b++;
			e = b;
			while (e < st->nt && e - b < 8 &&
			       (e == b || !clause_break(st->s, st->t[e - 1].e,
			                                st->t[e].b)))
				e++;
		}
		if (e - b > 9)
			e = b + 9;
		while (e > b + 1 &&
		       (tok_in(st, e - 1, prepositions) ||
		        tok_in(st, e - 1,
		               "his her its their did was were a an and "
		               "that which who")))
			e--;
		if (e > b && e <= st->nt)
			strbuf_add(&sb, st->s + st->t[b].b,
			           st->t[e - 1].e - st->t[b].b);
		else
			strbuf_adds(&sb, "the event");
	}
named:
	if (role)
		strbuf_addf(&sb, " (%s)", role);
	out = strbuf_detach(&sb);
	lower_first(out);
	return out;
}

/* ---- dates ---- */

static int
tok_month(const struct sent *st, size_t i)
{
	size_t len;

	if (!tok_cap(st, i))
		return 0;
	len = st->t[i].e - st->t[i].b;
	if (len == 4 && strncmp(st->s + st->t[i].b, "Sept", 4) == 0)
		return 1;
	for (int m = 0; m < 12; m++)
		if (len >= 3 && len <= strlen(date_month_names[m]) &&
		    strncasecmp(st->s + st->t[i].b, date_month_names[m], len) ==
		        0)
			return 1;
	return 0;
}

/* May token 'i' be part of a date written with the month in words? */
static int
date_part(const struct sent *st, size_t i)
{
	const char *w = st->s + st->t[i].b;
	size_t len = st->t[i].e - st->t[i].b, d = 0;

	if (st->t[i].skip || st->t[i].used || st->t[i].hy)
		return 0;
	while (d < len && is_digit(w[d]))
		d++;
	if (d == len)
		return len <= 4;
	if (d > 0 && d <= 2 && len == d + 2)
		return 1; /* "1st", "25th" */
	return tok_month(st, i) || tok_in(st, i, "of the");
}

/* Only blanks, commas and points between tokens 'k' and 'k + 1'? */
static int
date_gap(const struct sent *st, size_t k)
{
	for (size_t j = st->t[k].e; j < st->t[k + 1].b; j++)
		if (st->s[j] != ' ' && st->s[j] != ',' && st->s[j] != '.')
			return 0;
	return 1;
}

static void date_range_card(struct builder *bd, struct sent *st, size_t at,
                            size_t rb, size_t re, const struct date *d,
                            const char *role);

static void
date_card(struct builder *bd, struct sent *st, size_t tb, size_t te,
          const struct date *d, const char *role)
{
	date_range_card(bd, st, tb, tb, te, d, role);
}

/* The date card of 'd' at tokens [rb, re] (the blank: 'at' alone when
 * it is one end of a range). */
static void
date_range_card(struct builder *bd, struct sent *st, size_t at, size_t rb,
                size_t re, const struct date *d, const char *role)
{
	size_t tb = role ? at : rb, te = role ? at : re;
	static const char *const prefix[] = { "When: ", "In which month: ",
		                              "On what date: " };
	char iso[16], *event, *key, *fe;
	int precision = d->day ? 2 : d->month ? 1 : 0;
	struct draft_card *c;

	for (size_t k = tb; k <= te; k++)
		st->t[k].used = 1;
	date_format_iso(d, iso, sizeof(iso));
	event = event_name(st, rb, re, role);
	fe = fold(event, strlen(event));
	/* a day, or a month, is one fact wherever it is written; a year
	 * may date several events */
	key = d->month ? xstrdup(iso) : xasprintf("%s|%s", iso, fe);
	free(fe);
	if (seen(bd, DRAFT_DATE, key)) {
		free(key);
		free(event);
		return;
	}
	free(key);
	c = add_card(bd, DRAFT_DATE, CARD_DATE, st, st->t[tb].b);
	c->a = xstrdup(iso);
	c->event = event;
	c->q = blanked(bd, st, st->t[tb].b, st->t[te].e, prefix[precision]);
	{
		/* the date and the first words of its event */
		char words[40];
		size_t k = 0, spaces = 0;

		for (const char *p = event; *p && k + 1 < sizeof(words); p++) {
			if (*p == ' ' && ++spaces == 3)
				break;
			words[k++] = *p;
		}
		words[k] = '\0';
		c->id = xasprintf("date-%s-%s", iso, words);
	}
}

/* Parse tokens [b, e] as one date: 1 and '*d', or 0. */
static int
parse_span(const struct sent *st, size_t b, size_t e, struct date *d)
{
	char *text = tok_text(st, b, e), why[128];
	struct date out[2];
	int n = date_parse_text(text, out, why, sizeof(why));

	free(text);
	if (n == 1)
		*d = out[0];
	return n == 1;
}

static const char *const year_context =
    "in since by from until till to before after during of circa c ca "
    "around about early late mid year years summer spring autumn fall "
    "winter between and through throughout";

static int
is_year(const struct sent *st, size_t i)
{
	long y;
	size_t len = i < st->nt ? st->t[i].e - st->t[i].b : 0;

	if (!tok_digits(st, i) || st->t[i].skip || st->t[i].used)
		return 0;
	y = tok_long(st, i);
	if (len == 4)
		return y >= 1000 && y <= 2100;
	/* "in 660", "from 632 to 647": a year when nothing it counts
	 * follows */
	return len == 3 && y >= 100 && st->s[st->t[i].b] != '0' &&
	       (tok_in(st, i - 1, "in by from until since to and") ||
	        (tok_in(st, i - 2, "from between") &&
	         tok_in(st, i - 1, "AD CE"))) &&
	       !(tok_lower(st, i + 1) && !tok_in(st, i + 1, unit_stop) &&
	         tok_spaced(st, i));
}

static void
find_dates(struct builder *bd, struct sent *st)
{
	for (size_t i = 0; i < st->nt; i++) {
		struct date d = { 0, 0, 0 };
		size_t bb = 0, be = 0;
		int found = 0;

		if (st->t[i].skip || st->t[i].used)
			continue;
		if (tok_month(st, i)) {
			/* "October 1st, 1953", "1 Oct 1953", "October 1978" */
			size_t lo = i >= 2 ? i - 2 : 0;

			for (size_t b = lo; b <= i && !found; b++) {
				int ok = 1;

				for (size_t k = b; k < i; k++)
					ok =
					    ok && date_part(st, k) &&
					    (k > b || !tok_in(st, k, "of the"));
				for (size_t e = i + 3 < st->nt ? i + 3
				                               : st->nt - 1;
				     ok && e >= i && !found; e--) {
					int has_year = 0, clean = 1;

					for (size_t k = b; k <= e; k++) {
						clean =
						    clean && (k == i ||
						              date_part(st, k));
						has_year =
						    has_year ||
						    (tok_digits(st, k) &&
						     st->t[k].e - st->t[k].b >=
						         3);
						if (k < e)
							clean = clean &&
							        date_gap(st, k);
					}
					if (clean && has_year &&
					    tok_digits(st, e) &&
					    parse_span(st, b, e, &d)) {
						found = 1;
						bb = b;
						be = e;
					}
				}
			}
			if (found)
				date_card(bd, st, bb, be, &d, NULL);
			continue;
		}
		if (!tok_digits(st, i))
			continue;
		if (tok_in(st, i + 1, "BC BCE") || tok_in(st, i - 1, "BC")) {
			st->t[i].used = 1; /* no year before AD 1 in a deck */
			continue;
		}
		if (tok_in(st, i - 1, "AD CE") || tok_in(st, i + 1, "AD CE")) {
			size_t b = tok_in(st, i - 1, "AD CE") ? i - 1 : i;
			size_t e = b == i ? i + 1 : i;

			if (!parse_span(st, b, e, &d))
				continue;
			if (b < i && tok_in(st, i + 1, "to until") &&
			    tok_digits(st, i + 2) &&
			    tok_long(st, i + 2) > tok_long(st, i)) {
				/* "from AD 391 to 413" */
				struct date z = { (int)tok_long(st, i + 2), 0,
					          0 };

				date_range_card(bd, st, i, b, i + 2, &d,
				                "start");
				date_range_card(bd, st, i + 2, b, i + 2, &z,
				                "end");
			} else {
				date_card(bd, st, b, e, &d, NULL);
			}
			continue;
		}
		if (!is_year(st, i))
			continue;
		/* "1953-10-01", "1953-10" */
		if (i + 1 < st->nt && st->t[i + 1].hy &&
		    tok_digits(st, i + 1) &&
		    st->t[i + 1].e - st->t[i + 1].b == 2 &&
		    st->s[st->t[i + 1].b - 1] == '-') {
			size_t e = i + 1;

			if (i + 2 < st->nt && st->t[i + 2].hy &&
			    tok_digits(st, i + 2) &&
			    st->t[i + 2].e - st->t[i + 2].b == 2)
				e = i + 2;
			if (parse_span(st, i, e, &d))
				date_card(bd, st, i, e, &d, NULL);
			continue;
		}
		/* "1953-1961", "from 1950 to 1953" */
		if ((i + 1 < st->nt && st->t[i + 1].hy && is_year(st, i + 1)) ||
		    (tok_in(st, i - 1, "from between") &&
		     tok_in(st, i + 1, "to and until through till") &&
		     is_year(st, i + 2))) {
			size_t j = st->t[i + 1].hy ? i + 1 : i + 2;
			long y1 = tok_long(st, i), y2 = tok_long(st, j);

			if (y2 > y1 && y2 - y1 <= 300) {
				struct date a = { (int)y1, 0, 0 };
				struct date z = { (int)y2, 0, 0 };

				date_range_card(bd, st, i, i, j, &a, "start");
				date_range_card(bd, st, j, i, j, &z, "end");
				continue;
			}
		}
		if (tok_in(st, i - 1, year_context) ||
		    (i + 1 == st->nt && st->t[i].b >= 2 &&
		     st->s[st->t[i].b - 2] == ',') ||
		    (st->t[i].b > 0 && st->s[st->t[i].b - 1] == '(' &&
		     st->s[st->t[i].e] == ')')) {
			d.year = (int)tok_long(st, i);
			date_card(bd, st, i, i, &d, NULL);
		}
	}
}

/* ---- figures ---- */

static const char *const hedges =
    "estimated roughly about approximately around nearly almost over some "
    "neared approaching circa";

/* Does token 'i' end in 's' (a plural, most likely)? */
static int
plural(const struct sent *st, size_t i)
{
	size_t len = tok_base(st, i);

	return len > 2 && st->s[st->t[i].b + len - 1] == 's' &&
	       !tok_in(st, i, "is was has as its this us");
}

/* The written precision of a figure: the place of its last digit when
 * that is not a trailing zero ("2.3" is 0.1, "8" is 1, "30" is none). */
static double
written_place(const char *digits)
{
	const char *dot = strchr(digits, '.');
	size_t len = strspn(digits, "0123456789.,");

	if (dot && (size_t)(dot - digits) < len)
		return pow(10, -(double)(len - (size_t)(dot - digits) - 1));
	return len > 0 && digits[len - 1] != '0' ? 1 : 0;
}

/* A tolerance for a hedged figure: 5% of it, at least one step of its
 * last written digit, to one significant digit. */
static char *
tolerance_text(double value, double place)
{
	double t = fabs(value) * 0.05, p;
	char buf[64];

	if (place > t)
		t = place;
	if (t <= 0)
		return NULL;
	p = pow(10, floor(log10(t)));
	t = floor(t / p + 0.5) * p;
	number_format_words(t, buf, sizeof(buf));
	return xstrdup(buf);
}

static void
find_figures(struct builder *bd, struct sent *st)
{
	for (size_t i = 0; i < st->nt; i++) {
		const struct tok *t = &st->t[i];
		struct number num = { 0, NUMBER_PLAIN };
		size_t b = i, e = i, k, ue = 0;
		int dollars = t->b > 0 && st->s[t->b - 1] == '$';
		int pct = 0, scaled = 0, hedged;
		double place = 0;
		char why[128], *unit = NULL, *text, *key, abuf[64];
		struct draft_card *c;
		const char *prefix;

		if (t->skip || t->used)
			continue;
		if (is_digit(st->s[t->b])) {
			struct strbuf sb = { 0 };

			if ((t->hy && i > 0 && !tok_digits(st, i - 1)) ||
			    tok_in(st, i - 1,
			           "No Number Article Resolution page p pp "
			           "Chapter Section Vol Volume Route Hill") ||
			    (is_year(st, i) && !dollars))
				continue;
			if (dollars)
				strbuf_addch(&sb, '$');
			strbuf_add(&sb, st->s + t->b, t->e - t->b);
			if (tok_in(st, i + 1,
			           "thousand million billion trillion") &&
			    tok_spaced(st, i)) {
				e = i + 1;
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[e].b,
				           st->t[e].e - st->t[e].b);
			}
			if (st->s[st->t[e].e] == '%') {
				pct = 1;
				strbuf_addch(&sb, '%');
			}
			text = strbuf_detach(&sb);
			place = written_place(st->s + t->b);
			if (number_parse(text, &num, why, sizeof(why)) != 0) {
				free(text);
				continue;
			}
			scaled = e > i || !is_digit(st->s[t->e - 1]);
			if (scaled && e == i) {
				/* "$2.3B": the scale of the last digit */
				struct number one;
				char *unit_of =
				    xstrndup(st->s + t->b, t->e - t->b);

				unit_of[strspn(unit_of, "0123456789.,")] = '\0';
				if (number_parse(text + dollars, &one, why,
				                 sizeof(why)) == 0 &&
				    strtod(unit_of, NULL) > 0)
					place *=
					    one.value / strtod(unit_of, NULL);
				free(unit_of);
			} else if (scaled) {
				place *= num.value / strtod(st->s + t->b, NULL);
			}
			free(text);
		} else if (tok_in(st, i, number_words)) {
			if (t->hy && !tok_in(st, i - 1, number_words))
				continue;
			while (e + 1 < st->nt &&
			       (tok_spaced(st, e) || st->t[e + 1].hy) &&
			       (tok_in(st, e + 1, number_words) ||
			        (tok_is(st, e + 1, "and") &&
			         tok_in(st, e + 2, number_words))))
				e++;
			if (e + 1 < st->nt && st->t[e + 1].hy &&
			    tok_in(st, e + 1,
			           "first second third fourth fifth sixth "
			           "seventh eighth ninth tenth")) {
				i = e + 1; /* "Twenty-first": an ordinal */
				continue;
			}
			if (tok_in(st, b, "hundred thousand million billion") &&
			    tok_in(st, b - 1, "a one") && tok_spaced(st, b - 1))
				b--; /* "a thousand" */
			text = tok_text(st, b, e);
			if (number_parse_words(text, &num, why, sizeof(why)) !=
			        0 ||
			    num.value < 2 ||
			    (e == b && num.value < 20 &&
			     tok_in(
			         st, b - 1,
			         "the both these those its their his her our "
			         "all"))) {
				free(text);
				i = e;
				continue;
			}
			free(text);
			place = fmod(num.value, 10) != 0 ? 1 : 0;
			scaled = num.value >= 1e6;
		} else {
			continue;
		}
		/* the unit */
		k = e + 1;
		if (dollars || num.unit == NUMBER_DOLLARS) {
			unit = xstrdup("$");
		} else if (pct || tok_is(st, k, "percent") ||
		           (tok_is(st, k, "per") &&
		            tok_is(st, k + 1, "cent"))) {
			unit = xstrdup("%");
		} else if (k < st->nt && st->t[k].hy && tok_lower(st, k)) {
			/* "four-star" */
			unit =
			    xasprintf("%.*ss", (int)(st->t[k].e - st->t[k].b),
			              st->s + st->t[k].b);
			ue = k;
		} else if (k < st->nt && tok_spaced(st, e)) {
			if (tok_cap(st, k) && tok_lower(st, k + 1) &&
			    tok_spaced(st, k) &&
			    !tok_in(st, k + 1, unit_stop) &&
			    (plural(st, k + 1) ||
			     (tok_base(st, k + 1) > 3 &&
			      strncmp(st->s + st->t[k + 1].b +
			                  tok_base(st, k + 1) - 3,
			              "men", 3) == 0) ||
			     tok_in(st, k + 1, "people personnel police")))
				k++; /* "33,629 American servicemen" */
			if (tok_lower(st, k) && !tok_in(st, k, unit_stop)) {
				ue = k;
				if (!plural(st, k) && tok_lower(st, k + 1) &&
				    tok_spaced(st, k) && plural(st, k + 1) &&
				    !tok_in(st, k + 1, unit_stop))
					ue = k + 1; /* "four great powers" */
				unit = xstrndup(st->s + st->t[k].b,
				                st->t[ue].b + tok_base(st, ue) -
				                    st->t[k].b);
			}
		}
		if (unit == NULL && !scaled) {
			for (size_t x = b; x <= e; x++)
				st->t[x].used = 1;
			i = e;
			continue;
		}
		if (unit && ue && unit[0] != '$' && unit[0] != '%' &&
		    !plural(st, ue) && num.value > 1 && !st->t[ue].hy &&
		    !tok_in(st, ue, "people dead wounded missing") &&
		    strcmp(unit + strlen(unit) - (strlen(unit) > 3 ? 3 : 0),
		           "men") != 0 &&
		    tok_lower(st, ue + 1) && tok_spaced(st, ue) &&
		    !tok_in(st, ue + 1, unit_stop)) {
			char *p =
			    xasprintf("%ss", unit); /* "thirty year history" */

			free(unit);
			unit = p;
		}
		hedged =
		    tok_in(st, b - 1, hedges) ||
		    (tok_in(st, b - 1, "an a") && tok_in(st, b - 2, hedges)) ||
		    (tok_is(st, b - 1, "than") &&
		     tok_in(st, b - 2, "more less fewer")) ||
		    (tok_is(st, b - 1, "to") && tok_in(st, b - 2, "up close"));
		number_format(num.value, abuf, sizeof(abuf));
		key = xasprintf("%s|%s", abuf, unit ? unit : "");
		for (size_t x = b; x <= e; x++)
			st->t[x].used = 1;
		if (seen(bd, DRAFT_FIGURE, key)) {
			free(key);
			free(unit);
			i = e;
			continue;
		}
		free(key);
		c = add_card(bd, DRAFT_FIGURE, CARD_NUMBER, st, t->b);
		prefix = unit == NULL     ? "What figure: "
		         : unit[0] == '$' ? "How much, in dollars: "
		         : unit[0] == '%' ? "What percentage: "
		                          : NULL;
		if (prefix) {
			c->q = blanked(bd, st, t->b - (size_t)dollars,
			               st->t[e].e + (size_t)pct, prefix);
		} else {
			char *p = xasprintf("How many %s: ", unit);

			c->q = blanked(bd, st, t->b, st->t[e].e, p);
			free(p);
		}
		number_format_words(num.value, abuf, sizeof(abuf));
		c->a = xstrdup(abuf);
		c->unit = unit;
		if (hedged)
			c->tolerance = tolerance_text(num.value, place);
		c->id = xasprintf("figure-%s", abuf);
		i = e;
	}
}

/* ---- people ---- */

static const char *const titles[] = {
	"Secretary of State",
	"Secretary of Defense",
	"Secretary of War",
	"Prime Minister",
	"Vice President",
	"Lieutenant General",
	"Major General",
	"Brigadier General",
	"Field Marshal",
	"Rear Admiral",
	"Vice Admiral",
	"Chief Justice",
	"Lt Gen",
	"President",
	"General",
	"Gen",
	"Admiral",
	"Adm",
	"Colonel",
	"Col",
	"Major",
	"Maj",
	"Captain",
	"Capt",
	"Commander",
	"Lieutenant",
	"Lt",
	"Sergeant",
	"Sgt",
	"Marshal",
	"Premier",
	"Chairman",
	"King",
	"Queen",
	"Emperor",
	"Empress",
	"Prince",
	"Princess",
	"Dr",
	"Mr",
	"Mrs",
	"Ms",
	"Senator",
	"Sen",
	"Ambassador",
	"Pope",
	"Governor",
	"Gov",
	"Minister",
	"Secretary",
	"Chancellor",
	"Sultan",
	"Shah",
	"Tsar",
	"Kaiser",
	"Professor",
	"Prof",
};

/* Words that say the name beside them is a person's. */
static const char *const role_words =
    "president presidents general generals officer officers king queen "
    "secretary minister leader commander ambassador emperor historian "
    "scholar envoy diplomat admiral premier chairman dictator statesman "
    "author editor monk prince princess general-in-chief";

/* Capitalised words that are not names. */
static const char *const not_person =
    "Officer Officers Staff Command Commander Forces Army Navy Corps Deputy "
    "General President Assembly Council Committee Congress Senate House "
    "Government Administration Republic Kingdom Empire Dynasty War Treaty "
    "Agreement Alliance Minutes Pact Office Department Ministry University "
    "Institute Press Books North South East West Northeast Korea Korean "
    "Koreans Koreas Japan Japanese China Chinese America American "
    "Americans United States Nations Democratic People Pacific Asia Asian "
    "Soviet Union Russia Russian Europe European Atlantic Western Eastern "
    "Cold World Allied Allies Seoul Tokyo Beijing Washington Pyongyang "
    "Moscow Peninsula Communist Party National Military Mutual Defense "
    "Combined Joint Armed Marine Marines Air Force Fleet Division Brigade "
    "Regiment Battalion Table Contents Recommended Readings Chapter Part "
    "Section Introduction Conclusion Summary Century Day Armistice";

/* May token 'i' be a word of a person's name? */
static int
name_word(const struct builder *bd, const struct sent *st, size_t i)
{
	const char *w = st->s + st->t[i].b;
	size_t len = tok_base(st, i), caps = 0;
	char *lw;
	int lower;

	if (i >= st->nt || st->t[i].skip)
		return 0;
	if (st->t[i].hy)
		return 1; /* "Il-sung", "Sung-joo" */
	if (!is_upper(w[0]) || tok_in(st, i, not_person) ||
	    tok_in(st, i, not_name) || tok_month(st, i))
		return 0;
	for (size_t k = 0; k < len; k++)
		caps += is_upper(w[k]) || w[k] == '.';
	if (len > 1 && caps == len)
		return 0; /* "ROK", "U.S" */
	lw = fold(w, len);
	lower = strlist_find(&bd->lower_words, lw) >= 0;
	free(lw);
	return !lower;
}

/* An initial ("D.") at token 'i'? */
static int
initial(const struct sent *st, size_t i)
{
	return i < st->nt && st->t[i].e - st->t[i].b == 1 && tok_cap(st, i) &&
	       st->s[st->t[i].e] == '.';
}

/* The name from token 'k' on: its last token, or SIZE_MAX. */
static size_t
name_run(const struct builder *bd, const struct sent *st, size_t k)
{
	size_t e = SIZE_MAX;

	for (size_t i = k; i < st->nt && i < k + 5; i++) {
		if (i > k && !st->t[i].hy && !tok_spaced(st, i - 1) &&
		    !initial(st, i - 1))
			break;
		if (!(name_word(bd, st, i) || (i > k && initial(st, i))) ||
		    (i == k && st->t[i].hy))
			break;
		e = i;
		if (tok_base(st, i) != st->t[i].e - st->t[i].b)
			break; /* a possessive ends it */
	}
	if (e != SIZE_MAX && initial(st, e))
		e = e > k ? e - 1 : SIZE_MAX;
	return e;
}

/* The surname of the name at tokens [b, e]: the first word when the
 * given name follows it ("Kim Il-sung"), else the last. */
static char *
surname(const struct sent *st, size_t b, size_t e, int inverted)
{
	/* Korean and Chinese names written surname first: "Kim Busik" */
	static const char *const first =
	    "Kim Lee Yi Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon "
	    "Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Hong Yoo Ko Moon "
	    "Yang Son Bae Baek Nam Roh Noh Kwak Cha Min Ryu Chun Wang Mao Zhou "
	    "Deng Chiang Xi Liu Zhu Peng Lin Zhang Chen";
	size_t i = inverted || (e > b && st->t[e].hy) ? b : e;

	if (!inverted && e > b && tok_in(st, b, first) && !st->t[b + 1].hy)
		i = b;

	while (!inverted && i > b && st->t[i].hy)
		i--;
	return xstrndup(st->s + st->t[i].b, tok_base(st, i));
}

static void
note_person(struct builder *bd, const struct sent *st, size_t b, size_t e,
            char *sur)
{
	size_t end = st->t[e].b + tok_base(st, e);
	char *form = xstrndup(st->s + st->t[b].b, end - st->t[b].b);
	char *key = fold(form, strlen(form));
	struct entity *en = NULL;

	/* one person: the same name, or a surname alone and a full name */
	for (size_t i = 0; i < bd->nents && en == NULL; i++) {
		struct entity *x = &bd->ents[i];

		if (x->kind != DRAFT_PERSON)
			continue;
		if (strcmp(x->key, key) == 0 ||
		    (strcasecmp(x->surname, sur) == 0 &&
		     (b == e || strchr(x->key, ' ') == NULL)))
			en = x;
	}
	if (en == NULL) {
		bd->ents = xgrow(bd->ents, &bd->ealloc, bd->nents + 1,
		                 sizeof(*bd->ents));
		en = &bd->ents[bd->nents++];
		memset(en, 0, sizeof(*en));
		en->kind = DRAFT_PERSON;
		en->key = key;
		en->surname = sur;
		key = sur = NULL;
	} else if (strlen(key) > strlen(en->key)) {
		free(en->key);
		en->key = key;
		key = NULL;
	}
	if (strlist_find(&en->forms, form) < 0)
		strlist_push(&en->forms, form);
	free(form);
	free(key);
	free(sur);
	place_entity(bd, en, st, b, e);
}

/* How often the word 'w' appears in the text, whole. */
static size_t
count_word(const struct builder *bd, const char *w)
{
	size_t n = 0;

	for (size_t i = 0; i < bd->r->nsentences; i++) {
		const char *s = bd->texts[i];
		size_t len = strlen(w);

		for (const char *p = strstr(s, w); p; p = strstr(p + 1, w))
			if ((p == s || !is_alnum(p[-1])) && !is_alnum(p[len]))
				n++;
	}
	return n;
}

static void
find_people(struct builder *bd, struct sent *st, int para_start, int reference)
{
	/* "Finley, James P. The US Military...": a reading list's author */
	if (para_start && reference && st->nt > 3 && name_word(bd, st, 0) &&
	    st->s[st->t[0].e] == ',') {
		size_t e = name_run(bd, st, 1);

		if (e != SIZE_MAX || initial(st, 1)) {
			note_person(bd, st, 0, 0, surname(st, 0, 0, 1));
			if (e == SIZE_MAX)
				e = 1;
			for (size_t k = e + 1; k + 1 < st->nt && k < e + 3; k++)
				if (tok_is(st, k, "and")) {
					size_t f = name_run(bd, st, k + 1);

					if (f != SIZE_MAX && f > k + 1)
						note_person(
						    bd, st, k + 1, f,
						    surname(st, k + 1, f, 0));
					break;
				}
		}
	}
	/* "By Daniel Oh" */
	if (para_start && tok_is(st, 0, "By") && st->nt >= 3 && st->nt <= 5 &&
	    name_run(bd, st, 1) == st->nt - 1) {
		note_person(bd, st, 1, st->nt - 1,
		            surname(st, 1, st->nt - 1, 0));
		return;
	}
	for (size_t i = 0; i < st->nt; i++) {
		size_t k = SIZE_MAX, e;
		int in_name = 0;

		for (size_t n = 0; n < st->nnames; n++)
			in_name |= i >= st->names[n].b && i <= st->names[n].e;
		if (st->t[i].skip || in_name)
			continue;
		/* a title, then the name */
		for (size_t t = 0; t < sizeof(titles) / sizeof(titles[0]);
		     t++) {
			const char *p = titles[t];
			size_t j = i;

			while (*p && j < st->nt) {
				size_t w = strcspn(p, " ");

				if (st->t[j].e - st->t[j].b != w ||
				    strncmp(st->s + st->t[j].b, p, w) != 0)
					break;
				p += w;
				while (*p == ' ')
					p++;
				j++;
			}
			if (*p == '\0') {
				k = j;
				break;
			}
		}
		if (k != SIZE_MAX && k < st->nt) {
			e = name_run(bd, st, k);
			if (e != SIZE_MAX) {
				note_person(bd, st, k, e, surname(st, k, e, 0));
				i = e;
				continue;
			}
		}
		/* two or three name words whose surname recurs */
		if (name_word(bd, st, i) && !st->t[i].hy &&
		    (i == 0 || !name_word(bd, st, i - 1))) {
			e = name_run(bd, st, i);
			if (e != SIZE_MAX && e > i && e - i <= 2) {
				char *sur = surname(st, i, e, 0);
				int role = 0, init = 0;

				for (size_t x = i; x <= e; x++)
					init |= initial(st, x);
				for (size_t x = i > 4 ? i - 4 : 0;
				     x < e + 4 && x < st->nt; x++)
					role |= (x < i || x > e) &&
					        tok_lower(st, x) &&
					        tok_in(st, x, role_words);
				if (init || role || count_word(bd, sur) >= 3)
					note_person(bd, st, i, e, sur);
				else
					free(sur);
				i = e;
			}
		}
	}
}

/* ---- the cards of the names, ids, order ---- */

/* Append 's' [b, e) to 'sb' with braces made parentheses (a cloze text
 * has no braces but its gap's). */
static void
add_plain(struct strbuf *sb, const char *s, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++)
		strbuf_addch(sb, s[k] == '{' ? '(' : s[k] == '}' ? ')' : s[k]);
}

static void
entity_card(struct builder *bd, struct entity *en)
{
	const struct draft_sentence *ds = &bd->r->sentences[en->sentence];
	const char *s = bd->texts[en->sentence];
	struct strbuf sb = { 0 };
	struct strlist alts = { 0 };
	struct draft_card *c;
	struct sent at = { .line = ds->line, .at = ds->start };
	char *gap = xstrndup(s + en->b, en->e - en->b), *slug;

	/* the other ways the text writes it, then shorter ones */
	for (size_t f = 0; f < en->forms.n; f++)
		strlist_push(&alts, en->forms.v[f]);
	if (en->surname)
		strlist_push(&alts, en->surname);
	if (en->kind != DRAFT_PERSON) {
		const char *sp = strchr(gap, ' ');

		size_t lower = 0;

		for (const char *p = gap; sp && p < sp; p++)
			lower += is_lower(*p);
		if (sp && strchr(sp + 1, ' ') && lower == 0 &&
		    (strchr(gap, '-') < sp && strchr(gap, '-')))
			strlist_push(&alts,
			             sp + 1); /* "Mutual Defense Treaty" */
	}
	add_plain(&sb, s, 0, en->b);
	strbuf_adds(&sb, "{{");
	add_plain(&sb, gap, 0, strlen(gap));
	for (size_t k = 0, nalt = 0; k < alts.n && nalt < 6; k++) {
		char *fa = fold(alts.v[k], strlen(alts.v[k]));
		char *fg = fold(gap, strlen(gap));
		int dup = strcmp(fa, fg) == 0;

		for (size_t j = 0; j < k && !dup; j++) {
			char *fj = fold(alts.v[j], strlen(alts.v[j]));

			dup = strcmp(fa, fj) == 0;
			free(fj);
		}
		free(fa);
		free(fg);
		if (dup || strchr(alts.v[k], '|') || strchr(alts.v[k], '{') ||
		    strchr(alts.v[k], '}') ||
		    appears_outside(s, alts.v[k], en->b, en->e))
			continue;
		strbuf_addch(&sb, '|');
		strbuf_adds(&sb, alts.v[k]);
		nalt++;
	}
	strbuf_adds(&sb, "}}");
	add_plain(&sb, s, en->e, strlen(s));
	c = add_card(bd, en->kind, CARD_CLOZE, &at, en->b);
	c->text = strbuf_detach(&sb);
	slug = fold(en->surname ? en->surname : gap,
	            strlen(en->surname ? en->surname : gap));
	c->id = xasprintf("%s-%s",
	                  en->kind == DRAFT_PERSON    ? "person"
	                  : en->kind == DRAFT_COMMAND ? "command"
	                                              : "treaty",
	                  slug);
	free(slug);
	free(gap);
	strlist_release(&alts);
}

/* Make 'id' a valid deck id: [a-z0-9-], at most 48 bytes, in place. */
static void
slugify(char *id)
{
	size_t k = 0;

	for (size_t i = 0; id[i] && k < 48; i++) {
		char c = id[i];

		if (is_upper(c))
			c = (char)(c - 'A' + 'a');
		if (is_lower(c) || is_digit(c))
			id[k++] = c;
		else if (k > 0 && id[k - 1] != '-')
			id[k++] = '-';
	}
	while (k > 0 && id[k - 1] == '-')
		k--;
	id[k] = '\0';
}

static int
card_order(const void *pa, const void *pb)
{
	const struct draft_card *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return (int)a->kind - (int)b->kind;
}

static void
finish(struct builder *bd)
{
	struct draft_result *r = bd->r;
	struct strlist ids = { 0 };

	xqsort(r->cards, r->ncards, sizeof(*r->cards), card_order);
	for (size_t i = 0; i < r->ncards; i++) {
		struct draft_card *c = &r->cards[i];
		char *base = c->id;

		slugify(base);
		if (base[0] == '\0') {
			free(base);
			base = xstrdup("card");
		}
		c->id = xstrdup(base);
		/* the same content twice: numbered in the text's order */
		for (int n = 2; strlist_find(&ids, c->id) >= 0; n++) {
			free(c->id);
			c->id = xasprintf("%s-%d", base, n);
		}
		free(base);
		strlist_push(&ids, c->id);
	}
	strlist_release(&ids);
}

void
draft_text(const char *text, size_t len, int html, struct draft_result *r)
{
	struct cleaner cl = { 0 };
	struct builder bd = { .r = r };
	struct sent *sents;

	memset(r, 0, sizeof(*r));
	clean_text(&cl, text, len, html);
	if (cl.out.buf == NULL)
		put(&cl, "", 0, 1), strbuf_adds(&cl.out, "");
	r->clean = strbuf_detach(&cl.out);
	if (cl.lines == NULL)
		cl.lines = xcalloc(1, sizeof(*cl.lines));
	split_sentences(r, cl.lines);
	free(cl.lines);
	bd.texts = xcalloc(r->nsentences + 1, sizeof(*bd.texts));
	sents = xcalloc(r->nsentences + 1, sizeof(*sents));
	for (size_t i = 0; i < r->nsentences; i++) {
		struct sent *st = &sents[i];

		bd.texts[i] = draft_sentence_text(r, i);
		st->s = bd.texts[i];
		st->n = strlen(st->s);
		st->index = i;
		st->line = r->sentences[i].line;
		st->at = r->sentences[i].start;
		tokenize(st);
		mark_citations(st);
		for (size_t k = 0; k < st->nt; k++)
			if (tok_lower(st, k) && !st->t[k].hy) {
				char *w =
				    fold(st->s + st->t[k].b, tok_base(st, k));

				if (strlist_find(&bd.lower_words, w) < 0)
					strlist_push(&bd.lower_words, w);
				free(w);
			}
	}
	for (size_t i = 0; i < r->nsentences; i++) {
		struct sent *st = &sents[i];
		int start =
		    i == 0 || r->sentences[i - 1].para != r->sentences[i].para;
		int reference = 0;

		/* a reading list's entry: "Place: Publisher, 1983." */
		for (size_t k = i; k < r->nsentences &&
		                   r->sentences[k].para == r->sentences[i].para;
		     k++)
			if (strstr(bd.texts[k], ": ") &&
			    strspn(bd.texts[k] + strlen(bd.texts[k]) - 5,
			           "0123456789") == 4)
				reference = 1;
		find_names(&bd, st);
		find_abbreviations(&bd, st);
		find_dates(&bd, st);
		find_figures(&bd, st);
		find_people(&bd, st, start, reference);
	}
	for (size_t i = 0; i < bd.nents; i++) {
		struct entity *en = &bd.ents[i];

		if (!en->placed && en->has_fb && en->kind == DRAFT_PERSON) {
			/* no mention without another beside it: the first */
			en->placed = 1;
			en->sentence = en->fb_sentence;
			en->b = en->fb_b;
			en->e = en->fb_e;
		}
		if (en->placed)
			entity_card(&bd, en);
		free(en->key);
		free(en->surname);
		strlist_release(&en->forms);
	}
	free(bd.ents);
	finish(&bd);
	for (size_t i = 0; i < r->nsentences; i++) {
		free(bd.texts[i]);
		free(sents[i].t);
	}
	free(bd.texts);
	free(sents);
	strlist_release(&bd.seen);
	strlist_release(&bd.lower_words);
}

void
draft_release(struct draft_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->ncards; i++) {
		struct draft_card *c = &r->cards[i];

		free(c->id);
		free(c->q);
		free(c->a);
		free(c->text);
		free(c->unit);
		free(c->tolerance);
		free(c->event);
	}
	free(r->cards);
	free(r->sentences);
	free(r->clean);
	memset(r, 0, sizeof(*r));
}

/* ---- YAML ---- */

/* 's' as a YAML double-quoted scalar. */
static void
yaml_quoted(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, c);
		} else if (c == '\n') {
			strbuf_adds(sb, "\\n");
		} else if (c == '\t') {
			strbuf_adds(sb, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			strbuf_addf(sb, "\\x%02x", c);
		} else {
			strbuf_addch(sb, c);
		}
	}
	strbuf_addch(sb, '"');
}

/* Until the deck format has 'event' (being added beside this module),
 * a date card's event is written where the loader takes text. */
#ifndef DRAFT_EVENT_KEY
#define DRAFT_EVENT_KEY "note"
#endif

void
draft_yaml(const struct draft_result *r, const char *name, const char *title,
           const char *source, struct strbuf *out)
{
	strbuf_adds(out,
	            "# A DRAFT made by 'trainer draft': edit it before anyone "
	            "studies it.\n"
	            "# Check every card against the text, reword the "
	            "questions in your own\n"
	            "# words, delete the cards you do not want, add notes; "
	            "then run\n"
	            "# 'trainer check' on this file.  'source' is the line "
	            "of the text.\n");
	strbuf_addf(out, "deck: %s\ntitle: ", name);
	yaml_quoted(out, title);
	strbuf_addch(out, '\n');
	if (source) {
		strbuf_adds(out, "source: ");
		yaml_quoted(out, source);
		strbuf_addch(out, '\n');
	}
	strbuf_adds(out, "cards:\n");
	if (r->ncards == 0)
		strbuf_adds(out, "  []\n");
	for (size_t i = 0; i < r->ncards; i++) {
		const struct draft_card *c = &r->cards[i];
		static const char *const types[] = {
			[CARD_TEXT] = "text",     [CARD_DATE] = "date",
			[CARD_NUMBER] = "number", [CARD_CHOICE] = "choice",
			[CARD_ORDER] = "order",   [CARD_CLOZE] = "cloze",
		};

		strbuf_addf(out, "\n  - id: %s\n    type: %s\n", c->id,
		            types[c->type]);
		if (c->q) {
			strbuf_adds(out, "    q: ");
			yaml_quoted(out, c->q);
			strbuf_addch(out, '\n');
		}
		if (c->text) {
			strbuf_adds(out, "    text: ");
			yaml_quoted(out, c->text);
			strbuf_addch(out, '\n');
		}
		if (c->a) {
			strbuf_adds(out, "    a: ");
			yaml_quoted(out, c->a);
			strbuf_addch(out, '\n');
		}
		if (c->unit) {
			strbuf_adds(out, "    unit: ");
			yaml_quoted(out, c->unit);
			strbuf_addch(out, '\n');
		}
		if (c->tolerance) {
			strbuf_adds(out, "    tolerance: ");
			yaml_quoted(out, c->tolerance);
			strbuf_addch(out, '\n');
		}
		if (c->event) {
			strbuf_adds(out, "    " DRAFT_EVENT_KEY ": ");
			yaml_quoted(out, c->event);
			strbuf_addch(out, '\n');
		}
		strbuf_addf(out, "    tags: [%s]\n    source: %d\n",
		            c->tag ? c->tag : draft_kind_tag(c->kind), c->line);
	}
}

char *
draft_deck_name(const char *file)
{
	const char *base = strrchr(file, '/');
	char *name, *dot;

	base = base ? base + 1 : file;
	name = xstrdup(base);
	dot = strrchr(name, '.');
	if (dot && dot != name)
		*dot = '\0';
	slugify(name);
	if (name[0] == '\0') {
		free(name);
		name = xstrdup("draft");
	}
	return name;
}
