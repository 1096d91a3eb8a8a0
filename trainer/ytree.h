/*
 * ytree.h - a YAML document read into a small, bounded tree.
 *
 * libyaml's own document loader expands aliases (a few lines can demand
 * gigabytes) and keeps duplicate keys silently, so decks are read from the
 * event stream into this tree instead.  The reader refuses what no deck
 * needs: anchors and aliases, nesting deeper than YTREE_MAX_DEPTH, scalars
 * longer than YTREE_MAX_SCALAR, files larger than YTREE_MAX_FILE, more
 * than YTREE_MAX_NODES values, NUL bytes, bad UTF-8, and a second
 * document.  Every refusal is a diagnostic with file, line and column.
 */
#ifndef TRAINER_YTREE_H
#define TRAINER_YTREE_H

#include <stddef.h>

#include "diag.h"

#define YTREE_MAX_DEPTH  32
#define YTREE_MAX_SCALAR (64 * 1024)
#define YTREE_MAX_FILE   (4 * 1024 * 1024)
#define YTREE_MAX_NODES  500000

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP,
};

struct ynode {
	/* Scalars: the text (NUL-terminated; may hold no NUL inside). */
	char *str;
	size_t len;
	/* Sequences: n items.  Mappings: n/2 pairs, key then value. */
	struct ynode **kids;
	size_t n;
	int line; /* from 1 */
	int col;  /* from 1, in characters */
	/* a plain scalar on one line: its text starts at 'col' and byte k
	 * of 'str' is at 'col' plus the characters before it */
	int plain_line;
	unsigned char kind; /* enum ynode_kind */
	unsigned char null; /* a plain empty, '~' or 'null': no value given */
};

/*
 * Read 'len' bytes of 'buf' as one YAML document.  'file' names it in
 * diagnostics.  Returns 0 and sets '*root' (NULL for an empty stream), or
 * -EX_DATAERR with diagnostics added and '*root' NULL.
 */
int ytree_parse(const char *file, const char *buf, size_t len,
                struct ynode **root, struct diag_list *diags);

/* 'size' bytes (aligned for any type, not cleared), and a copy of the 'n'
 * bytes at 's' with a NUL added, from the blocks of the tree of 'root':
 * they are freed with it, for what is made from the tree and lives as
 * long (a deck's cards). */
void *ytree_alloc(struct ynode *root, size_t size);
char *ytree_strndup(struct ynode *root, const char *s, size_t n);

/* Free a tree from its root; NULL is fine. */
void ytree_free(struct ynode *n);

/* The kind of 'n' in words, for messages: "text", "a list", "a mapping". */
const char *ytree_kind_name(const struct ynode *n);

#endif
