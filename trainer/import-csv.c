/*
 * import-csv.c - decks from text files: CSV and TSV, Anki's text export
 * (its "#separator:", "#html:", "#tags column:" ... lines) and Quizlet's
 * "copy text" export (no quoting, any separators).
 *
 * Reading runs in three steps: the whole file is checked to be UTF-8,
 * the header lines are read, then the splitter hands over one row at a
 * time and each row becomes an entry or a note saying why not.
 */
#include "import.h"
#include "rfile.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ytree.h"

#define IMPORT_MAX_FILE  (64 * 1024 * 1024)
#define IMPORT_MAX_FIELD YTREE_MAX_SCALAR
#define IMPORT_MAX_NOTES 10000 /* notes kept; past it only counted */
#define SEP_MAX          16

/* ---- separators ---- */

static const struct {
	const char *name, *sep;
} sep_names[] = {
	{ "tab", "\t" },   { "comma", "," }, { "semicolon", ";" },
	{ "pipe", "|" },   { "colon", ":" }, { "space", " " },
	{ "newline", "" }, { "\\t", "\t" },  { "\\n", "" },
};

int
import_separator(const char *name, char *out, size_t size)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof(sep_names) / sizeof(sep_names[0]); i++)
		if (strcasecmp(name, sep_names[i].name) == 0) {
			snprintf(out, size, "%s", sep_names[i].sep);
			return 0;
		}
	if (n == 0 || n > SEP_MAX || n >= size || strpbrk(name, "\r\n"))
		return -1;
	memcpy(out, name, n + 1);
	return 0;
}

/* "tab", "comma" or "'X'": a separator for the report. */
static void
sep_label(const char *sep, char *buf, size_t size)
{
	for (size_t i = 0; i < 6; i++)
		if (strcmp(sep, sep_names[i].sep) == 0) {
			snprintf(buf, size, "%s", sep_names[i].name);
			return;
		}
	snprintf(buf, size, "'%s'", sep);
}

/* ---- the splitter ---- */

void
import_csv_init(struct import_csv *c, const char *file, const char *buf,
                size_t len, const char *sep, const char *row_sep, int quotes)
{
	memset(c, 0, sizeof(*c));
	c->file = file;
	c->buf = buf;
	c->len = len;
	c->sep = sep;
	c->seplen = strlen(sep);
	c->row_sep = row_sep && *row_sep ? row_sep : NULL;
	c->row_seplen = c->row_sep ? strlen(c->row_sep) : 0;
	c->quotes = quotes;
	c->line = 1;
	c->col = 1;
}

/* Move on 'n' bytes, counting lines and columns (in characters). */
static void
advance(struct import_csv *c, size_t n)
{
	for (; n > 0 && c->pos < c->len; n--, c->pos++) {
		unsigned char b = (unsigned char)c->buf[c->pos];

		if (b == '\n' || (b == '\r' && (c->pos + 1 == c->len ||
		                                c->buf[c->pos + 1] != '\n'))) {
			c->line++;
			c->col = 1;
		} else if (b != '\r' && (b & 0xc0) != 0x80) {
			c->col++;
		}
	}
}

static int
at_sep(const struct import_csv *c)
{
	return c->len - c->pos >= c->seplen &&
	       memcmp(c->buf + c->pos, c->sep, c->seplen) == 0;
}

/* The length of the row separator at the position, or 0. */
static size_t
at_row_end(const struct import_csv *c)
{
	const char *p = c->buf + c->pos;
	size_t left = c->len - c->pos;

	if (c->row_sep)
		return left >= c->row_seplen &&
		               memcmp(p, c->row_sep, c->row_seplen) == 0
		           ? c->row_seplen
		           : 0;
	if (left >= 2 && p[0] == '\r' && p[1] == '\n')
		return 2;
	return left >= 1 && (p[0] == '\n' || p[0] == '\r') ? 1 : 0;
}

/* Blanks that may stand around a quoted field: spaces and tabs that are
 * not the separator. */
static int
blank_at(const struct import_csv *c)
{
	return c->pos < c->len &&
	       (c->buf[c->pos] == ' ' || c->buf[c->pos] == '\t') && !at_sep(c);
}

/* Read a quoted field, the position on its blanks or quote, into 'f'. */
static int
quoted_field(struct import_csv *c, struct strbuf *f, struct diag_list *diags)
{
	int line, col;

	while (blank_at(c))
		advance(c, 1);
	line = c->line;
	col = c->col;
	advance(c, 1);
	for (;;) {
		if (c->pos >= c->len) {
			diag_error(diags, c->file, line, col,
			           "the quoted field opened here is never "
			           "closed (a quote inside a quoted field is "
			           "written twice: \"\")");
			return -EX_DATAERR;
		}
		if (c->buf[c->pos] == '"') {
			if (c->pos + 1 < c->len && c->buf[c->pos + 1] == '"') {
				strbuf_addch(f, '"');
				advance(c, 2);
				continue;
			}
			advance(c, 1);
			break;
		}
		strbuf_addch(f, c->buf[c->pos]);
		advance(c, 1);
	}
	while (blank_at(c))
		advance(c, 1);
	if (c->pos < c->len && !at_sep(c) && !at_row_end(c)) {
		diag_error(diags, c->file, c->line, c->col,
		           "text after the closing quote of the field opened "
		           "at line %d, column %d (a quote inside a quoted "
		           "field is written twice: \"\"; --no-quotes reads "
		           "quotes as text)",
		           line, col);
		return -EX_DATAERR;
	}
	return 0;
}

/* Does a quoted field start at the position (after blanks)? */
static int
quote_starts(const struct import_csv *c)
{
	size_t p = c->pos;

	if (!c->quotes)
		return 0;
	while (p < c->len && (c->buf[p] == ' ' || c->buf[p] == '\t') &&
	       !(c->len - p >= c->seplen &&
	         memcmp(c->buf + p, c->sep, c->seplen) == 0))
		p++;
	return p < c->len && c->buf[p] == '"';
}

int
import_csv_next(struct import_csv *c, struct strlist *fields, int *line,
                struct diag_list *diags)
{
	struct strbuf f = { 0 };
	int rc = 1;

	strlist_release(fields);
	if (c->pos >= c->len)
		return 0;
	*line = c->line;
	for (;;) {
		size_t end;

		f.len = 0;
		strbuf_adds(&f, "");
		if (quote_starts(c)) {
			if ((rc = quoted_field(c, &f, diags)) < 0)
				break;
			rc = 1;
		} else {
			while (c->pos < c->len && !at_sep(c) &&
			       !at_row_end(c)) {
				strbuf_addch(&f, c->buf[c->pos]);
				advance(c, 1);
			}
		}
		strlist_push(fields, f.buf);
		if (c->pos < c->len && at_sep(c)) {
			advance(c, c->seplen);
			continue;
		}
		if ((end = at_row_end(c)) != 0)
			advance(c, end);
		break;
	}
	strbuf_release(&f);
	if (rc < 0)
		strlist_release(fields);
	return rc;
}

/* ---- the file ---- */

/* Check that 'buf' is UTF-8 with no NUL: 0, or -EX_DATAERR with a
 * diagnostic at the first bad byte. */
static int
check_utf8(const char *file, const char *buf, size_t len, int line0,
           struct diag_list *diags)
{
	const unsigned char *p = (const unsigned char *)buf;
	int line = line0, col = 1;

	for (size_t i = 0; i < len;) {
		size_t n = 1;

		if (p[i] == 0) {
			diag_error(diags, file, line, col,
			           "a NUL byte: this is not a text file");
			return -EX_DATAERR;
		}
		if (p[i] >= 0x80) {
			uint32_t cp = 0;
			size_t need = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : 2;
			int ok =
			    p[i] >= 0xc2 && p[i] <= 0xf4 && i + need <= len;

			for (size_t k = 1; ok && k < need; k++)
				ok = (p[i + k] & 0xc0) == 0x80;
			if (ok) {
				cp = p[i] & (0x7f >> need);
				for (size_t k = 1; k < need; k++)
					cp = cp << 6 | (p[i + k] & 0x3f);
				ok = !((need == 3 && cp < 0x800) ||
				       (need == 4 && cp < 0x10000) ||
				       cp > 0x10ffff ||
				       (cp >= 0xd800 && cp <= 0xdfff));
			}
			if (!ok) {
				diag_error(diags, file, line, col,
				           "byte 0x%02X is not UTF-8 (save the "
				           "file as UTF-8)",
				           p[i]);
				return -EX_DATAERR;
			}
			n = need;
		}
		if (p[i] == '\n' ||
		    (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))) {
			line++;
			col = 1;
		} else if (p[i] != '\r') {
			col++;
		}
		i += n;
	}
	return 0;
}

/* What a column holds. */
enum role {
	COL_NONE, /* not imported */
	COL_Q,
	COL_A,
	COL_TAGS,
	COL_HINT,
	COL_NOTE,
	COL_ID,
	COL_ACCEPT,
	COL_GUID,
	COL_SKIP, /* Anki's notetype and deck columns: known, not used */
};

static const struct {
	const char *name;
	enum role role;
} col_names[] = {
	{ "q", COL_Q },
	{ "question", COL_Q },
	{ "front", COL_Q },
	{ "term", COL_Q },
	{ "prompt", COL_Q },
	{ "word", COL_Q },
	{ "text", COL_Q },
	{ "a", COL_A },
	{ "answer", COL_A },
	{ "back", COL_A },
	{ "definition", COL_A },
	{ "meaning", COL_A },
	{ "translation", COL_A },
	{ "tags", COL_TAGS },
	{ "tag", COL_TAGS },
	{ "hint", COL_HINT },
	{ "note", COL_NOTE },
	{ "notes", COL_NOTE },
	{ "extra", COL_NOTE },
	{ "back extra", COL_NOTE },
	{ "explanation", COL_NOTE },
	{ "comment", COL_NOTE },
	{ "id", COL_ID },
	{ "accept", COL_ACCEPT },
	{ "also", COL_ACCEPT },
	{ "guid", COL_GUID },
	{ "notetype", COL_SKIP },
	{ "deck", COL_SKIP },
};

static enum role
role_of(const char *name)
{
	char *t = import_clean(name, strlen(name));
	enum role r = COL_NONE;

	for (size_t i = 0; i < sizeof(col_names) / sizeof(col_names[0]); i++)
		if (strcasecmp(t, col_names[i].name) == 0)
			r = col_names[i].role;
	free(t);
	return r;
}

#define MAX_COLS 256

/* Everything one reading shares. */
struct reader {
	const char *file;
	struct import_text_opts *o;
	struct import_result *r;
	struct diag_list *diags;
	char sep[SEP_MAX + 1];
	char row_sep[SEP_MAX + 1];
	int have_sep, html;
	int rest_is_answer; /* unquoted rows of two columns: the answer runs
	                       to the end of the row (Quizlet) */
	int tags_col, guid_col, notetype_col, deck_col; /* from 1; 0: none */
	struct strlist columns;                         /* "#columns:" names */
	struct strlist all_tags;                        /* "#tags:" */
	enum role roles[MAX_COLS];
	size_t ncols;       /* columns named (header) or 0: by position */
	int unnamed_noted;  /* "columns 3 to N not imported" said */
	struct strmap seen; /* question + answer -> line */
	struct strmap seen_q;
	struct strlist keys; /* the keys of 'seen' and 'seen_q' */
	struct strmap ids;   /* ids from an id column */
};

static void note(struct reader *rd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
note(struct reader *rd, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (rd->r->notes.n >= IMPORT_MAX_NOTES)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	strlist_push(&rd->r->notes, s);
	free(s);
}

static void
skip(struct reader *rd, int line, const char *why)
{
	rd->r->skipped++;
	note(rd, "line %d: %s: skipped", line, why);
}

/* A column number from a header's value: 1 to MAX_COLS, or 0. */
static int
column_number(const char *v)
{
	long n = 0;

	if (*v == '\0' || strspn(v, "0123456789") != strlen(v) || strlen(v) > 4)
		return 0;
	n = strtol(v, NULL, 10);
	return n >= 1 && n <= MAX_COLS ? (int)n : 0;
}

/* Read Anki's header lines ("#key:value") from the start of 'buf': the
 * bytes they take, or -EX_DATAERR after a diagnostic. */
static long
header_lines(struct reader *rd, const char *buf, size_t len, int *line)
{
	size_t pos = 0;

	while (pos < len && buf[pos] == '#') {
		size_t n = 0, k;
		char *text, *key, *val;
		size_t end;

		/* 'buf' need not end in a NUL: bounded by 'len' */
		while (pos + n < len && buf[pos + n] != '\r' &&
		       buf[pos + n] != '\n')
			n++;
		text = xstrndup(buf + pos + 1, n - 1);
		end = pos + n;

		/* a key of lower case letters and spaces, then ':' */
		k = strspn(text, "abcdefghijklmnopqrstuvwxyz ");
		if (k == 0 || text[k] != ':') {
			free(text);
			break;
		}
		text[k] = '\0';
		key = text;
		val = text + k + 1;
		if (strcmp(key, "separator") == 0) {
			/* a name or one character, as Anki writes it */
			if (import_separator(val, rd->sep, sizeof(rd->sep)) <
			        0 ||
			    rd->sep[0] == '\0' ||
			    (strlen(val) > 1 && strlen(rd->sep) > 1)) {
				diag_error(
				    rd->diags, rd->file, *line, 1,
				    "unknown separator '%s' (tab, comma, "
				    "semicolon, pipe, colon or space)",
				    val);
				free(text);
				return -EX_DATAERR;
			}
			rd->have_sep = 1;
		} else if (strcmp(key, "html") == 0) {
			rd->html = strcmp(val, "true") == 0;
		} else if (strcmp(key, "tags column") == 0) {
			rd->tags_col = column_number(val);
		} else if (strcmp(key, "guid column") == 0) {
			rd->guid_col = column_number(val);
		} else if (strcmp(key, "notetype column") == 0) {
			rd->notetype_col = column_number(val);
		} else if (strcmp(key, "deck column") == 0) {
			rd->deck_col = column_number(val);
		} else if (strcmp(key, "deck") == 0) {
			char *name = import_name(val, 64);

			if (name && rd->r->deck_name == NULL) {
				rd->r->deck_name = name;
				rd->r->deck_title =
				    import_clean(val, strlen(val));
			} else {
				free(name);
			}
		} else if (strcmp(key, "tags") == 0) {
			char *t = xstrdup(val), *save = NULL;

			for (char *w = strtok_r(t, " \t", &save); w;
			     w = strtok_r(NULL, " \t", &save))
				strlist_push(&rd->all_tags, w);
			free(t);
		} else if (strcmp(key, "columns") == 0) {
			/* split on the separator when known, else tabs */
			const char *s = rd->have_sep ? rd->sep : "\t";
			const char *p = val;

			strlist_release(&rd->columns);
			for (;;) {
				const char *q = strstr(p, s);
				char *name = q ? xstrndup(p, (size_t)(q - p))
				               : xstrdup(p);

				strlist_push(&rd->columns, name);
				free(name);
				if (q == NULL)
					break;
				p = q + strlen(s);
			}
		} else if (strcmp(key, "notetype") != 0) {
			note(rd, "line %d: the header '#%s:' is not used",
			     *line, key);
		}
		free(text);
		pos = end;
		if (pos < len && buf[pos] == '\r')
			pos++;
		if (pos < len && buf[pos] == '\n')
			pos++;
		(*line)++;
	}
	return (long)pos;
}

/* Guess the separator from the first lines: the candidate found in the
 * most of them, the file's extension deciding a tie. */
static void
guess_sep(struct reader *rd, const char *buf, size_t len)
{
	const char *ext = strrchr(rd->file, '.');
	int csv = ext && strcasecmp(ext, ".csv") == 0;
	const char *cands = csv ? ",;\t|" : "\t,;|";
	int count[4] = { 0 }, lines = 0, best = 0;
	size_t pos = 0;

	while (pos < len && lines < 20) {
		int seen[4] = { 0 }, quoted = 0, any = 0;

		for (; pos < len &&
		       (quoted || (buf[pos] != '\n' && buf[pos] != '\r'));
		     pos++) {
			const char *c;

			if (buf[pos] == '"' && !rd->o->no_quotes)
				quoted = !quoted;
			else if (!quoted && buf[pos] != '\0' &&
			         (c = strchr(cands, buf[pos])) != NULL)
				seen[c - cands] = 1;
			if (buf[pos] != ' ')
				any = 1;
		}
		while (pos < len && (buf[pos] == '\n' || buf[pos] == '\r'))
			pos++;
		if (!any)
			continue;
		lines++;
		for (int i = 0; i < 4; i++)
			count[i] += seen[i];
	}
	for (int i = 1; i < 4; i++)
		if (count[i] > count[best])
			best = i;
	rd->sep[0] = cands[best];
	rd->sep[1] = '\0';
	rd->o->sep_guessed = 1;
}

/* Is the first row a header row: does it name a question and an answer
 * column? */
static int
read_header(struct reader *rd, const struct strlist *names)
{
	int q = 0, a = 0;

	if (names->n > MAX_COLS)
		return 0;
	for (size_t i = 0; i < names->n; i++) {
		rd->roles[i] = role_of(names->v[i]);
		q |= rd->roles[i] == COL_Q;
		a |= rd->roles[i] == COL_A;
	}
	if (!q || !a)
		return 0;
	rd->ncols = names->n;
	return 1;
}

/* The columns by position: the first two not claimed by Anki's header
 * lines are the question and the answer. */
static void
position_roles(struct reader *rd)
{
	size_t next = 0;

	for (size_t i = 0; i < MAX_COLS; i++)
		rd->roles[i] = COL_NONE;
	if (rd->tags_col)
		rd->roles[rd->tags_col - 1] = COL_TAGS;
	if (rd->guid_col)
		rd->roles[rd->guid_col - 1] = COL_GUID;
	if (rd->notetype_col)
		rd->roles[rd->notetype_col - 1] = COL_SKIP;
	if (rd->deck_col)
		rd->roles[rd->deck_col - 1] = COL_SKIP;
	for (enum role want = COL_Q; want <= COL_A; want++) {
		while (next < MAX_COLS && rd->roles[next] != COL_NONE)
			next++;
		if (next < MAX_COLS)
			rd->roles[next++] = want;
	}
}

/* The cleaned text of a field, HTML read as text when it is HTML. */
static char *
field_text(struct reader *rd, const char *s)
{
	if (rd->html) {
		char *t = import_html_to_text(s, &rd->r->media_dropped);
		char *c = import_clean(t, strlen(t));

		free(t);
		return c;
	}
	return import_clean(s, strlen(s));
}

/* Anki's cloze "{{c1::answer::hint}}" as ours, "{{answer}}": the text
 * (free it), or NULL with 'why' set when it cannot be. */
static char *
anki_cloze(const char *s, const char **why, int *hints)
{
	struct strbuf sb = { 0 };
	const char *p = s;
	size_t gaps = 0;
	char *gap;

	strbuf_adds(&sb, "");
	while (*p) {
		const char *end, *hint;
		size_t digits;

		if (strncmp(p, "{{c", 3) != 0 ||
		    (digits = strspn(p + 3, "0123456789")) == 0 ||
		    strncmp(p + 3 + digits, "::", 2) != 0) {
			if (strncmp(p, "{{", 2) == 0 ||
			    strncmp(p, "}}", 2) == 0) {
				*why =
				    "the text holds '{{' or '}}' outside a gap";
				goto bad;
			}
			strbuf_addch(&sb, *p++);
			continue;
		}
		p += 3 + digits + 2;
		if ((end = strstr(p, "}}")) == NULL) {
			*why = "a cloze gap has no '}}'";
			goto bad;
		}
		hint = strstr(p, "::");
		if (hint && hint > end)
			hint = NULL;
		*hints += hint != NULL;
		if (memchr(p, '{', (size_t)(end - p))) {
			*why = "a cloze gap holds another gap";
			goto bad;
		}
		if (++gaps > CARD_MAX_GAPS) {
			*why = "the cloze has more than 50 gaps";
			goto bad;
		}
		gap = import_clean(p, (size_t)((hint ? hint : end) - p));
		if (*gap == '\0') {
			free(gap);
			*why = "a cloze gap is empty";
			goto bad;
		}
		/* '|' would split the gap into alternatives */
		for (char *c = gap; *c; c++)
			if (*c == '|')
				*c = '/';
		strbuf_addf(&sb, "{{%s}}", gap);
		free(gap);
		p = end + 2;
	}
	return strbuf_detach(&sb);
bad:
	strbuf_release(&sb);
	return NULL;
}

/* The gaps of our cloze text. */
static size_t
cloze_gaps(const char *s)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, "{{")) != NULL; p += 2)
		n++;
	return n;
}

static int
is_anki_cloze(const char *s)
{
	const char *p = strstr(s, "{{c");

	for (; p; p = strstr(p + 1, "{{c")) {
		size_t d = strspn(p + 3, "0123456789");

		if (d && strncmp(p + 3 + d, "::", 2) == 0)
			return 1;
	}
	return 0;
}

/* Split 's' on any of 'seps' into names for tags. */
static void
add_tags(struct reader *rd, struct strlist *to, const char *s, int line)
{
	char *t = xstrdup(s), *save = NULL;

	for (char *w = strtok_r(t, " \t\n", &save); w;
	     w = strtok_r(NULL, " \t\n", &save)) {
		char *name = import_name(w, 64);

		if (name)
			strlist_push(to, name);
		else
			note(rd,
			     "line %d: the tag '%s' has no letter a-z or "
			     "digit: left out",
			     line, w);
		free(name);
	}
	free(t);
}

static void
split_accept(struct strlist *to, const char *s)
{
	const char *p = s;

	for (;;) {
		size_t n = strcspn(p, "|");
		char *alt = import_clean(p, n);

		if (*alt)
			strlist_push(to, alt);
		free(alt);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

static const char *const role_words[] = {
	[COL_Q] = "question", [COL_A] = "answer",  [COL_HINT] = "hint",
	[COL_NOTE] = "note",  [COL_TAGS] = "tags", [COL_ACCEPT] = "accept",
	[COL_ID] = "id",      [COL_GUID] = "guid",
};

/* Is 's' empty or only white space? */
static int
blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* Has 'key' been seen: the line it was first seen on, or 0 after taking
 * it with 'line'. */
static int
seen_before(struct reader *rd, struct strmap *m, const char *key, int line)
{
	int *first = xmalloc(sizeof(*first)), *was;

	*first = line;
	strlist_push(&rd->keys, key);
	was = strmap_put(m, rd->keys.v[rd->keys.n - 1], first);
	if (was == NULL)
		return 0;
	free(first);
	return *was;
}

/* Make row 'f' (at 'line') an entry, or skip it saying why. */
static void
read_row(struct reader *rd, const struct strlist *f, int line)
{
	char *text[COL_SKIP + 1] = { 0 };
	struct import_entry *e;
	const char *why = NULL;
	char iso[16], *key, *cloze = NULL, *msg;
	size_t total = 0;
	struct strlist joined = { 0 };
	int all_blank = 1, ambiguous, was, hints = 0;

	for (size_t i = 0; i < f->n; i++)
		if (!blank(f->v[i]))
			all_blank = 0;
	if (all_blank)
		return; /* a blank line, or a row of empty cells */
	if (rd->rest_is_answer && rd->ncols == 0 && f->n > 2) {
		/* the separator again is part of the answer */
		struct strbuf sb = { 0 };

		for (size_t i = 1; i < f->n; i++) {
			if (i > 1)
				strbuf_adds(&sb, rd->sep);
			strbuf_adds(&sb, f->v[i]);
		}
		strlist_push(&joined, f->v[0]);
		strlist_push(&joined, sb.buf);
		strbuf_release(&sb);
		f = &joined;
	}
	for (size_t i = 0; i < f->n && i < MAX_COLS; i++) {
		enum role role = rd->roles[i];

		if (role == COL_NONE && rd->ncols == 0 && !rd->unnamed_noted &&
		    !blank(f->v[i])) {
			note(rd,
			     "line %d: column %zu and the others after the "
			     "question and answer are not imported (a header "
			     "row naming them hint, note, tags, id or accept "
			     "imports them)",
			     line, i + 1);
			rd->unnamed_noted = 1;
		}
		if (role == COL_NONE || role == COL_SKIP || text[role])
			continue;
		text[role] = field_text(rd, f->v[i]);
		total += strlen(text[role]);
		if (strlen(text[role]) > IMPORT_MAX_FIELD && why == NULL)
			why = "a field is longer than 64 KiB";
	}
	if (why == NULL && total > CARD_MAX_TEXT - 4096)
		why = "the row holds more than 250 KiB of text";
	if (why == NULL && text[COL_A] == NULL && f->n == 1)
		why = "one column only, no answer";
	if (why == NULL && (text[COL_Q] == NULL || *text[COL_Q] == '\0'))
		why = "the question is empty";
	if (why == NULL && is_anki_cloze(text[COL_Q]) &&
	    (cloze = anki_cloze(text[COL_Q], &why, &hints)) == NULL)
		; /* 'why' says what is wrong with it */
	else if (why == NULL && cloze == NULL &&
	         (text[COL_A] == NULL || *text[COL_A] == '\0'))
		why = "the answer is empty";
	if (why == NULL && cloze &&
	    cloze_gaps(cloze) * (strlen(cloze) + total + 64) > CARD_MAX_TEXT)
		why = "the cloze makes more than 256 KiB of text (each gap a "
		      "card holding the whole text)";
	if (why) {
		skip(rd, line, why);
		goto out;
	}
	key = xasprintf("%s\x1f%s", text[COL_Q], cloze ? "" : text[COL_A]);
	was = seen_before(rd, &rd->seen, key, line);
	free(key);
	if (was) {
		msg = xasprintf("the same card as line %d", was);
		skip(rd, line, msg);
		free(msg);
		goto out;
	}
	e = import_add(rd->r);
	e->line = line;
	e->type = CARD_TEXT;
	if (cloze) {
		/* Anki's "Back Extra" is shown after, as a note */
		e->type = CARD_CLOZE;
		e->text = cloze;
		if (hints)
			note(
			    rd,
			    "line %d: the hints of the cloze gaps are left out "
			    "(a card has one hint, not one a gap)",
			    line);
		cloze = NULL;
		if (text[COL_A] && *text[COL_A]) {
			e->note = text[COL_A];
			text[COL_A] = NULL;
		}
	} else {
		e->q = text[COL_Q];
		e->a = text[COL_A];
		text[COL_Q] = text[COL_A] = NULL;
		if ((was = seen_before(rd, &rd->seen_q, e->q, line)) != 0)
			note(rd,
			     "line %d: the same question as line %d with "
			     "another answer: both kept",
			     line, was);
	}
	if (e->type == CARD_TEXT && !rd->o->text_only) {
		enum card_type t = import_detect_type(e->q, e->a, iso,
		                                      sizeof(iso), &ambiguous);

		if (t == CARD_DATE) {
			e->type = CARD_DATE;
			free(e->a);
			e->a = xstrdup(iso);
		} else if (t == CARD_NUMBER) {
			e->type = CARD_NUMBER;
		} else if (ambiguous) {
			note(rd,
			     "line %d: '%s' reads as two dates (month or day "
			     "first): kept as text",
			     line, e->a);
		}
	}
	if (text[COL_ACCEPT] && e->type == CARD_TEXT)
		split_accept(&e->accept, text[COL_ACCEPT]);
	if (e->note == NULL) {
		e->note = text[COL_NOTE];
		text[COL_NOTE] = NULL;
	}
	e->hint = text[COL_HINT];
	text[COL_HINT] = NULL;
	if (text[COL_TAGS])
		add_tags(rd, &e->tags, text[COL_TAGS], line);
	for (size_t i = 0; i < rd->all_tags.n; i++)
		add_tags(rd, &e->tags, rd->all_tags.v[i], line);
	if (text[COL_GUID] && *text[COL_GUID])
		e->source_key = xstrdup(text[COL_GUID]);
	if (text[COL_ID] && *text[COL_ID]) {
		if (!import_valid_name(text[COL_ID])) {
			note(rd,
			     "line %d: the id '%s' is not lower case letters, "
			     "digits and dashes: one is made",
			     line, text[COL_ID]);
		} else if (strmap_get(&rd->ids, text[COL_ID])) {
			note(rd,
			     "line %d: the id '%s' is used twice: one is made",
			     line, text[COL_ID]);
		} else {
			e->id = text[COL_ID];
			text[COL_ID] = NULL;
			strlist_push(&rd->keys, e->id);
			strmap_put(&rd->ids, rd->keys.v[rd->keys.n - 1], rd);
		}
	}
out:
	free(cloze);
	strlist_release(&joined);
	for (size_t i = 0; i <= COL_SKIP; i++)
		free(text[i]);
}

static void
reader_release(struct reader *rd)
{
	for (size_t i = 0; i < rd->seen.cap; i++)
		if (rd->seen.v && rd->seen.v[i].key)
			free(rd->seen.v[i].value);
	for (size_t i = 0; i < rd->seen_q.cap; i++)
		if (rd->seen_q.v && rd->seen_q.v[i].key)
			free(rd->seen_q.v[i].value);
	strmap_release(&rd->seen);
	strmap_release(&rd->seen_q);
	strmap_release(&rd->ids);
	strlist_release(&rd->keys);
	strlist_release(&rd->columns);
	strlist_release(&rd->all_tags);
}

int
import_parse_text(const char *file, const char *buf, size_t len,
                  struct import_text_opts *o, struct import_result *r,
                  struct diag_list *diags)
{
	struct reader rd = { .file = file, .o = o, .r = r, .diags = diags };
	struct import_csv c;
	struct strlist fields = { 0 };
	int line = 1, row_line, rc, first = 1, quotes;
	long skipped;

	if (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	                 (buf[0] == '\xfe' && buf[1] == '\xff'))) {
		diag_error(diags, file, 1, 1,
		           "the file is UTF-16: save it as UTF-8");
		return -EX_DATAERR;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if ((rc = check_utf8(file, buf, len, 1, diags)) < 0)
		return rc;
	rd.html = o->html;
	/* Excel's "sep=;" line */
	if (len >= 5 && strncmp(buf, "sep=", 4) == 0 &&
	    (len == 5 || buf[5] == '\n' || buf[5] == '\r')) {
		rd.sep[0] = buf[4];
		rd.have_sep = 1;
		skipped = 5;
		while ((size_t)skipped < len &&
		       (buf[skipped] == '\r' || buf[skipped] == '\n'))
			skipped++;
		buf += skipped;
		len -= (size_t)skipped;
		line++;
	}
	if ((skipped = header_lines(&rd, buf, len, &line)) < 0) {
		rc = (int)skipped;
		goto out;
	}
	buf += skipped;
	len -= (size_t)skipped;
	if (o->sep)
		snprintf(rd.sep, sizeof(rd.sep), "%s", o->sep);
	else if (!rd.have_sep)
		guess_sep(&rd, buf, len);
	if (o->row_sep && *o->row_sep)
		snprintf(rd.row_sep, sizeof(rd.row_sep), "%s", o->row_sep);
	/* Quizlet's rows with their own separator are never quoted */
	quotes = !o->no_quotes && rd.row_sep[0] == '\0';
	sep_label(rd.sep, o->sep_used, sizeof(o->sep_used));
	import_csv_init(&c, file, buf, len, rd.sep, rd.row_sep, quotes);
	c.line = line;
	if (rd.columns.n > 0 && !read_header(&rd, &rd.columns)) {
		/* named columns without a question and an answer: the
		 * first two free ones are */
		size_t n = rd.columns.n < MAX_COLS ? rd.columns.n : MAX_COLS;
		int q = 0;

		for (size_t i = 0; i < n; i++)
			if (rd.roles[i] == COL_NONE && q < 2)
				rd.roles[i] = q++ == 0 ? COL_Q : COL_A;
		rd.ncols = n;
	}
	if (rd.ncols == 0)
		position_roles(&rd);
	rd.rest_is_answer = !quotes && rd.columns.n == 0 && !rd.tags_col &&
	                    !rd.guid_col && !rd.notetype_col && !rd.deck_col;
	while ((rc = import_csv_next(&c, &fields, &row_line, diags)) > 0) {
		if (first && rd.columns.n == 0) {
			int blank_row =
			    fields.n == 1 &&
			    fields.v[0][strspn(fields.v[0], " \t\r\n")] == '\0';

			if (blank_row)
				continue;
			first = 0;
			if (read_header(&rd, &fields)) {
				struct strbuf sb = { 0 };

				for (size_t i = 0; i < fields.n; i++) {
					enum role role = rd.roles[i];

					strbuf_addf(&sb, "%s%s", i ? ", " : "",
					            role == COL_NONE ||
					                    role == COL_SKIP
					                ? "(not imported)"
					                : role_words[role]);
				}
				note(&rd, "line %d: a header row: %s", row_line,
				     sb.buf);
				strbuf_release(&sb);
				continue;
			}
			position_roles(&rd);
		}
		read_row(&rd, &fields, row_line);
	}
out:
	strlist_release(&fields);
	reader_release(&rd);
	return rc < 0 ? rc : 0;
}

int
import_read_text(const char *path, struct import_text_opts *o,
                 struct import_result *r, struct diag_list *diags)
{
	char *buf;
	size_t len;
	int rc;

	if ((rc = rfile_read(path, 1, IMPORT_MAX_FILE, "file to import", &buf,
	                     &len, diags)) < 0)
		return rc;
	rc = import_parse_text(strcmp(path, "-") ? path : "standard input", buf,
	                       len, o, r, diags);
	free(buf);
	return rc;
}
