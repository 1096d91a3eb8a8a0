/*
 * ytree.c - a YAML document read into a small, bounded tree.
 */
#include "ytree.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"

/* A block of memory nodes and texts are carved from, freed all at once. */
struct yblock {
	struct yblock *next;
	size_t used, size;
	max_align_t data[];
};

#define YBLOCK_SIZE (64 * 1024)

/* The root of a tree, with the blocks every node, list of kids and text
 * of the tree were carved from (one allocation per 64 KiB, not two per
 * value); the node first, so that a pointer to it is one to the root. */
struct yroot {
	struct ynode node;
	struct yblock *blocks;
};

struct builder {
	const char *file;
	const char *buf;
	size_t len;
	struct diag_list *diags;
	struct yblock *blocks;
	struct ynode *root;
	struct ynode *stack[YTREE_MAX_DEPTH];
	int depth;
	size_t nodes;
	int ndocs;
};

const char *
ytree_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_SCALAR:
		return n->null ? "nothing" : "text";
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping";
	}
	return "?";
}

/* 'size' bytes from the blocks '*blocks', aligned for any type, not
 * cleared. */
static void *
carve_from(struct yblock **blocks, size_t size)
{
	struct yblock *blk = *blocks;
	size_t need = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
	              sizeof(max_align_t);
	void *p;

	if (blk == NULL || blk->size - blk->used < need) {
		size_t bytes = need > YBLOCK_SIZE ? need : YBLOCK_SIZE;

		blk = xmalloc(sizeof(*blk) + bytes);
		blk->size = bytes;
		blk->used = 0;
		blk->next = *blocks;
		*blocks = blk;
	}
	p = (char *)blk->data + blk->used;
	blk->used += need;
	return p;
}

/* 'size' bytes from the builder's blocks, not cleared. */
static void *
carve_raw(struct builder *b, size_t size)
{
	return carve_from(&b->blocks, size);
}

void *
ytree_alloc(struct ynode *root, size_t size)
{
	return carve_from(&((struct yroot *)root)->blocks, size);
}

char *
ytree_strndup(struct ynode *root, const char *s, size_t n)
{
	char *p = ytree_alloc(root, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* 'size' zeroed bytes from the builder's blocks. */
static void *
carve(struct builder *b, size_t size)
{
	return memset(carve_raw(b, size), 0, size);
}

static void
free_blocks(struct yblock *blk)
{
	while (blk) {
		struct yblock *next = blk->next;

		free(blk);
		blk = next;
	}
}

void
ytree_free(struct ynode *n)
{
	if (n == NULL)
		return;
	free_blocks(((struct yroot *)n)->blocks);
}

/*
 * Line and column (from 1, columns in characters) of byte 'off' in the
 * buffer, counting "\n", "\r\n" and a lone "\r" as line breaks as libyaml
 * does.
 */
static void
locate(const char *buf, size_t len, size_t off, int *line, int *col)
{
	size_t start = 0;
	int l = 1;

	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n' ||
		    (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))) {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (int)utf8_count(buf + start, off - start) + 1;
}

/*
 * Offset of the first byte that is not part of well-formed UTF-8 (no
 * overlong forms, no surrogates, nothing past U+10FFFF), or 'len' when
 * all is well.  '*truncated' tells a sequence cut off by the end.
 */
static size_t
utf8_invalid(const unsigned char *s, size_t len, int *truncated)
{
	size_t i = 0;

	*truncated = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;
		uint64_t word;

		/* ASCII, the bulk of a deck, eight bytes at a time */
		while (i + 8 <= len && (memcpy(&word, s + i, 8),
		                        (word & 0x8080808080808080u) == 0))
			i += 8;
		if (i == len)
			break;
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3;
		else
			return i;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len) {
				*truncated = 1;
				return i;
			}
			if (s[i + k] < (k == 1 ? lo : 0x80) ||
			    s[i + k] > (k == 1 ? hi : 0xBF))
				return i;
		}
		i += n + 1;
	}
	return len;
}

/*
 * "UTF-16" or "UTF-32" when the first bytes show one (a byte order mark,
 * or the NULs beside a first ASCII character, as the YAML specification
 * detects encodings), else NULL.  Either byte order.
 */
static const char *
wide_encoding(const unsigned char *s, size_t len)
{
	if (len >= 4 &&
	    ((s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) ||
	     (s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)))
		return "UTF-32";
	if (len >= 2 &&
	    ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return "UTF-16";
	if (len >= 4 && ((s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] != 0) ||
	                 (s[0] != 0 && s[1] == 0 && s[2] == 0 && s[3] == 0)))
		return "UTF-32";
	if (len >= 2 && ((s[0] == 0 && s[1] != 0) || (s[0] != 0 && s[1] == 0)))
		return "UTF-16";
	return NULL;
}

/* libyaml's words for common mistakes, and ours. */
static const struct {
	const char *problem;
	const char *context; /* NULL: any */
	const char *say;
} friendly[] = {
	{ "mapping values are not allowed in this context", NULL,
	  "unexpected ': ' (to write a colon in text, put the whole value in "
	  "double quotes)" },
	{ "did not find expected key", NULL,
	  "this line does not line up with the keys above it (check its "
	  "indentation)" },
	{ "did not find expected '-' indicator", NULL,
	  "this line does not line up with the list above it (check its "
	  "indentation)" },
	{ "found character that cannot start any token", NULL,
	  "a value cannot start with this character (put the value in double "
	  "quotes; indent with spaces, not tabs)" },
	{ "found unexpected end of stream", "while scanning a quoted scalar",
	  "the file ends inside a quoted value (is a closing quote missing?)" },
	{ "did not find expected ',' or ']'", NULL,
	  "expected ',' or ']' (is a ']' missing at the end of a list?)" },
	{ "did not find expected ',' or '}'", NULL,
	  "expected ',' or '}' (is a '}' missing?)" },
	{ "could not find expected ':'", NULL, "expected ':' after a key" },
};

static void
parser_error(struct builder *b, const yaml_parser_t *p)
{
	const char *say = p->problem ? p->problem : "invalid YAML";
	int line, col;

	switch (p->error) {
	case YAML_READER_ERROR:
		locate(b->buf, b->len, p->problem_offset, &line, &col);
		if (strstr(say, "control characters"))
			diag_error(b->diags, b->file, line, col,
			           "control character U+%04X is not allowed "
			           "(is this a binary file?)",
			           (unsigned)p->problem_value);
		else
			diag_error(b->diags, b->file, line, col, "%s", say);
		break;
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		for (size_t i = 0; i < sizeof(friendly) / sizeof(friendly[0]);
		     i++)
			if (strcmp(say, friendly[i].problem) == 0 &&
			    (friendly[i].context == NULL ||
			     (p->context &&
			      strcmp(p->context, friendly[i].context) == 0))) {
				say = friendly[i].say;
				break;
			}
		diag_error(b->diags, b->file, (int)p->problem_mark.line + 1,
		           (int)p->problem_mark.column + 1, "%s", say);
		if (p->context)
			diag_note(b->diags, b->file,
			          (int)p->context_mark.line + 1,
			          (int)p->context_mark.column + 1,
			          "%s started here", p->context);
		break;
	default:
		diag_error(b->diags, b->file, 0, 0, "cannot read YAML: %s",
		           say);
		break;
	}
}

/* Create a node at 'mark' and hang it under the open collection. */
static struct ynode *
attach(struct builder *b, enum ynode_kind kind, const yaml_mark_t *mark)
{
	struct ynode *n = b->depth == 0 ? carve(b, sizeof(struct yroot))
	                                : carve(b, sizeof(*n));

	n->kind = (unsigned char)kind;
	n->line = (int)mark->line + 1;
	n->col = (int)mark->column + 1;
	if (b->depth == 0) {
		b->root = n;
	} else {
		struct ynode *parent = b->stack[b->depth - 1];

		/* room for 4 kids, then 8, 16...: full when n is 0 or a
		 * power of two from 4 on */
		if (parent->n == 0 ||
		    (parent->n >= 4 && (parent->n & (parent->n - 1)) == 0)) {
			/* from the blocks too, doubling: the old array stays
			 * there, unused, at most as large as the new */
			size_t alloc = parent->n ? 2 * parent->n : 4;
			struct ynode **kids =
			    carve_raw(b, alloc * sizeof(*parent->kids));

			if (parent->n)
				memcpy(kids, parent->kids,
				       parent->n * sizeof(*kids));
			parent->kids = kids;
		}
		parent->kids[parent->n++] = n;
	}
	return n;
}

static int
is_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	if (ev->data.scalar.length == 0)
		return 1;
	if (*v != '~' && *v != 'n' && *v != 'N')
		return 0; /* most text: one byte looked at */
	return strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* The anchor of a node event, or NULL. */
static const char *
anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

/* Handle one event.  Returns 1 at the end of the stream, 0 to go on, or
 * -1 after adding a diagnostic. */
static int
on_event(struct builder *b, const yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	struct ynode *n;
	int line = (int)m->line + 1, col = (int)m->column + 1;

	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (b->ndocs++ > 0) {
			diag_error(b->diags, b->file, line, col,
			           "a deck file holds one YAML document, and "
			           "a second one starts here");
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		diag_error(b->diags, b->file, line, col,
		           "aliases ('*%s') are not allowed in decks",
		           (const char *)ev->data.alias.anchor);
		return -1;
	case YAML_SCALAR_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (anchor(ev)) {
			diag_error(b->diags, b->file, line, col,
			           "anchors ('&%s') are not allowed in decks",
			           anchor(ev));
			return -1;
		}
		if (++b->nodes > YTREE_MAX_NODES) {
			diag_error(b->diags, b->file, line, col,
			           "too many values (a deck file may hold "
			           "at most %d)",
			           YTREE_MAX_NODES);
			return -1;
		}
		break;
	default:
		break;
	}

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > YTREE_MAX_SCALAR) {
			diag_error(b->diags, b->file, line, col,
			           "text is too long (%zu bytes; the limit "
			           "is %d KiB)",
			           ev->data.scalar.length,
			           YTREE_MAX_SCALAR / 1024);
			return -1;
		}
		if (memchr(ev->data.scalar.value, '\0',
		           ev->data.scalar.length)) {
			diag_error(b->diags, b->file, line, col,
			           "text holds a NUL character");
			return -1;
		}
		n = attach(b, YNODE_SCALAR, m);
		n->str = carve_raw(b, ev->data.scalar.length + 1);
		memcpy(n->str, ev->data.scalar.value, ev->data.scalar.length);
		n->str[ev->data.scalar.length] = '\0';
		n->len = ev->data.scalar.length;
		n->null = is_null(ev);
		n->plain_line =
		    ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    ev->end_mark.line == ev->start_mark.line;
		return 0;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == YTREE_MAX_DEPTH) {
			diag_error(b->diags, b->file, line, col,
			           "nesting is too deep (more than %d "
			           "levels)",
			           YTREE_MAX_DEPTH);
			return -1;
		}
		n = attach(b,
		           ev->type == YAML_MAPPING_START_EVENT ? YNODE_MAP
		                                                : YNODE_SEQ,
		           m);
		b->stack[b->depth++] = n;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return 0;
	default:
		return 0;
	}
}

int
ytree_parse(const char *file, const char *buf, size_t len, struct ynode **root,
            struct diag_list *diags)
{
	struct builder b = {
		.file = file, .buf = buf, .len = len, .diags = diags
	};
	yaml_parser_t parser;
	yaml_event_t ev;
	const char *nul, *wide;
	size_t bad;
	int rc = 0, r, truncated;

	*root = NULL;
	if (len > YTREE_MAX_FILE) {
		diag_error(diags, file, 0, 0,
		           "file is too large (%zu bytes; a deck file may "
		           "have at most %d MiB)",
		           len, YTREE_MAX_FILE / (1024 * 1024));
		return -EX_DATAERR;
	}
	wide = wide_encoding((const unsigned char *)buf, len);
	if (wide) {
		diag_error(diags, file, 1, 1,
		           "the file is %s; save it as UTF-8", wide);
		return -EX_DATAERR;
	}
	nul = memchr(buf, '\0', len);
	if (nul) {
		int line, col;

		locate(buf, len, (size_t)(nul - buf), &line, &col);
		diag_error(diags, file, line, col,
		           "the file holds a NUL byte (is it a binary "
		           "file?)");
		return -EX_DATAERR;
	}

	/* libyaml finds bad UTF-8 too, but reports the byte after it. */
	bad = utf8_invalid((const unsigned char *)buf, len, &truncated);
	if (bad < len) {
		int line, col;

		locate(buf, len, bad, &line, &col);
		if (truncated)
			diag_error(
			    diags, file, line, col,
			    "the file is not valid UTF-8 (it ends in the "
			    "middle of a character)");
		else
			diag_error(
			    diags, file, line, col,
			    "the file is not valid UTF-8 (byte 0x%02X is "
			    "not part of a valid character; save the file "
			    "as UTF-8)",
			    (unsigned char)buf[bad]);
		return -EX_DATAERR;
	}

	if (!yaml_parser_initialize(&parser))
		return -EX_SOFTWARE;
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&b, &parser);
			rc = -EX_DATAERR;
			break;
		}
		r = on_event(&b, &ev);
		yaml_event_delete(&ev);
		if (r < 0)
			rc = -EX_DATAERR;
		if (r != 0)
			break;
	}
	yaml_parser_delete(&parser);
	if (rc < 0 || b.root == NULL) {
		free_blocks(b.blocks);
	} else {
		((struct yroot *)b.root)->blocks = b.blocks;
		*root = b.root;
	}
	return rc;
}
