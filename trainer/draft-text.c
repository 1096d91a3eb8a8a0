/*
 * draft-text.c - reading a text for a draft: HTML and Markdown out, paragraphs
 * and sentences (with the line of each), words, citations, and the word lists
 * the finders share.
 */
#include "draft-impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static size_t
wordbyte(const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (is_alnum(c))
		return 1;
	size_t n;

	if (c < 0x80 || upunct(s))
		return 0;
	n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	/* a sequence cut short (not UTF-8): one byte, never past the end */
	for (size_t k = 1; k < n; k++)
		if (((unsigned char)s[k] & 0xc0) != 0x80)
			return 1;
	return n;
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

void
draft_tokenize(struct sent *st)
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
size_t
draft_tok_base(const struct sent *st, size_t i)
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
int
draft_tok_is(const struct sent *st, size_t i, const char *w)
{
	return i < st->nt && draft_tok_base(st, i) == strlen(w) &&
	       strncasecmp(st->s + st->t[i].b, w, strlen(w)) == 0;
}

/* Is token 'i' one of the words in 'list' (blank-separated)? */
int
draft_tok_in(const struct sent *st, size_t i, const char *list)
{
	size_t len;

	if (i >= st->nt)
		return 0;
	len = draft_tok_base(st, i);
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

int
draft_tok_cap(const struct sent *st, size_t i)
{
	return i < st->nt && is_upper(st->s[st->t[i].b]);
}

int
draft_tok_lower(const struct sent *st, size_t i)
{
	return i < st->nt && is_lower(st->s[st->t[i].b]);
}

/* All digits (a whole number without separators)? */
int
draft_tok_digits(const struct sent *st, size_t i)
{
	if (i >= st->nt)
		return 0;
	for (size_t k = st->t[i].b; k < st->t[i].e; k++)
		if (!is_digit(st->s[k]))
			return 0;
	return 1;
}

long
draft_tok_long(const struct sent *st, size_t i)
{
	long v = 0;

	for (size_t k = st->t[i].b; k < st->t[i].e && v < 100000; k++)
		v = v * 10 + (st->s[k] - '0');
	return v;
}

/* Only blanks between tokens 'i' and 'i + 1'? */
int
draft_tok_spaced(const struct sent *st, size_t i)
{
	if (i + 1 >= st->nt)
		return 0;
	for (size_t k = st->t[i].e; k < st->t[i + 1].b; k++)
		if (st->s[k] != ' ')
			return 0;
	return 1;
}

char *
draft_tok_text(const struct sent *st, size_t b, size_t e)
{
	return xstrndup(st->s + st->t[b].b, st->t[e].e - st->t[b].b);
}

/* Parenthesised citations: "(see ..., 2014, 24)", "(Title: 1953-2013,
 * 25)".  Their words make no card. */
void
draft_mark_citations(struct sent *st)
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

/* 's' folded for keys: lower case, no points, no possessive, one blank. */
char *
draft_fold(const char *s, size_t n)
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
int
draft_appears_outside(const char *s, const char *w, size_t gb, size_t ge)
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

/* Is there a break between clauses from byte 'b' to 'e' of 's'? */
int
draft_clause_break(const char *s, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++)
		if (s[k] == ',' || s[k] == ';' || s[k] == ':' || s[k] == '(' ||
		    s[k] == ')' || strncmp(s + k, "\xe2\x80\x94", 3) == 0)
			return 1;
	return 0;
}

/* ---- word lists the finders share ---- */

/* Capitalised words that start a sentence or a phrase, not a name. */
const char *const draft_not_name =
    "The A An This That These Those Each Every Both Its Their His Her Our "
    "In On At By For From With As While After Before When Since Though "
    "Although Despite Unlike Under Even Today Unfortunately However If "
    "Rather Central Once Also And But Or Of To";

const char *const draft_number_words =
    "two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion one";

const char *const draft_unit_stop =
    "of the and or to in on at by for with from that which who whom is was "
    "were are be been more than later earlier ago a an per each had have "
    "has as its this us so into out";

void
draft_read(const char *text, size_t len, int html, struct draft_result *r)
{
	struct cleaner cl = { 0 };

	clean_text(&cl, text, len, html);
	if (cl.out.buf == NULL)
		strbuf_adds(&cl.out, "");
	r->clean = strbuf_detach(&cl.out);
	if (cl.lines == NULL)
		cl.lines = xcalloc(1, sizeof(*cl.lines));
	split_sentences(r, cl.lines);
	free(cl.lines);
}
