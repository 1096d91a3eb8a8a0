/*
 * deck.c - decks of cards, loaded from YAML and validated.
 *
 * Loading runs in two steps: ytree reads the file into a bounded tree,
 * then the walkers below check the tree key by key and build the cards.
 * A walker reports a problem and carries on, so one run shows every
 * problem in the file; the diagnostics of a file are sorted by position
 * before they reach the caller.
 */
#include "deck.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "number.h"
#include "ytree.h"

#define NAME_MAX_LEN       64
#define SUGGEST_MAX_ERRORS 1000

static const char *const type_names[] = {
	[CARD_TEXT] = "text",     [CARD_DATE] = "date",
	[CARD_NUMBER] = "number", [CARD_CHOICE] = "choice",
	[CARD_ORDER] = "order",   [CARD_CLOZE] = "cloze",
};
#define NTYPES (sizeof(type_names) / sizeof(type_names[0]))

const char *
deck_type_name(enum card_type type)
{
	return (size_t)type < NTYPES ? type_names[type] : "?";
}

/*
 * Keys.  'words' are other names people reach for (used only to suggest
 * the right key); 'types' is a bit per card type the key belongs to.
 */
struct key {
	const char *name;
	const char *words;
	unsigned types;
	const char *what; /* for "missing 'a' (the answer)" */
};

#define T(x)      (1u << (x))
#define ALL_TYPES 0x3fu

enum {
	DK_DECK,
	DK_TITLE,
	DK_SOURCE,
	DK_DESCRIPTION,
	DK_CARDS,
	DK_COUNT,
};

static const struct key deck_keys[] = {
	[DK_DECK] = { "deck", "name id", 0, "the deck's name" },
	[DK_TITLE] = { "title", "name heading", 0, "the deck's title" },
	[DK_SOURCE] = { "source", "sources author", 0, NULL },
	[DK_DESCRIPTION] = { "description", "desc about summary", 0, NULL },
	[DK_CARDS] = { "cards", "card questions", 0, "the list of cards" },
};

enum {
	CK_ID,
	CK_TYPE,
	CK_Q,
	CK_A,
	CK_ACCEPT,
	CK_TAGS,
	CK_HINT,
	CK_NOTE,
	CK_REVERSE,
	CK_UNIT,
	CK_TOLERANCE,
	CK_CHOICES,
	CK_ITEMS,
	CK_TEXT,
	CK_SOURCE,
	CK_EVENT,
	CK_COUNT,
};

static const struct key card_keys[] = {
	[CK_ID] = { "id", "name key", ALL_TYPES, "its id" },
	[CK_TYPE] = { "type", "kind", ALL_TYPES, NULL },
	[CK_Q] = { "q", "question prompt ask", ALL_TYPES, "the question" },
	[CK_A] = { "a", "answer answers ans",
	           T(CARD_TEXT) | T(CARD_DATE) | T(CARD_NUMBER) |
	               T(CARD_CHOICE),
	           "the answer" },
	[CK_ACCEPT] = { "accept", "accepts accepted also alternatives aliases",
	                T(CARD_TEXT), NULL },
	[CK_TAGS] = { "tags", "tag labels categories", ALL_TYPES, NULL },
	[CK_HINT] = { "hint", "hints clue", ALL_TYPES, NULL },
	[CK_NOTE] = { "note", "notes explanation comment", ALL_TYPES, NULL },
	[CK_REVERSE] = { "reverse", "reversed both", T(CARD_TEXT), NULL },
	[CK_UNIT] = { "unit", "units", T(CARD_NUMBER), NULL },
	[CK_TOLERANCE] = { "tolerance", "tol margin", T(CARD_NUMBER), NULL },
	[CK_CHOICES] = { "choices", "choice options option", T(CARD_CHOICE),
	                 "the options" },
	[CK_ITEMS] = { "items", "item list sequence", T(CARD_ORDER),
	               "the items in order" },
	[CK_TEXT] = { "text", "cloze body", T(CARD_CLOZE),
	              "the text with {{gaps}}" },
	[CK_SOURCE] = { "source", "line where from ref reference", ALL_TYPES,
	                NULL },
	[CK_EVENT] = { "event", "events happening what", T(CARD_DATE), NULL },
};

/* Keys each card type must have. */
static const unsigned required_keys[] = {
	[CARD_TEXT] = 1u << CK_Q | 1u << CK_A,
	[CARD_DATE] = 1u << CK_Q | 1u << CK_A,
	[CARD_NUMBER] = 1u << CK_Q | 1u << CK_A,
	[CARD_CHOICE] = 1u << CK_Q | 1u << CK_A | 1u << CK_CHOICES,
	[CARD_ORDER] = 1u << CK_Q | 1u << CK_ITEMS,
	[CARD_CLOZE] = 1u << CK_TEXT,
};

/* Everything the walkers share while loading one file. */
struct loader {
	const char *file;
	struct diag_list *diags;
	struct deck *deck;
	struct ynode *root; /* the file's tree: the cards' strings */
	struct strmap ids;  /* id -> the node that first used it */
	size_t text;        /* bytes of text in the cards made so far */
	int text_reported;  /* DECK_MAX_TEXT was passed and said so */
};

static void err(struct loader *l, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err(struct loader *l, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error(l->diags, l->file, at->line, at->col, "%s", msg);
	free(msg);
}

static void err_at(struct loader *l, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
err_at(struct loader *l, int line, int col, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error(l->diags, l->file, line, col, "%s", msg);
	free(msg);
}

/* "a" or "an" before a card type's name. */
static const char *
article(enum card_type t)
{
	return t == CARD_ORDER ? "an" : "a";
}

/* ---- suggestions ---- */

/* suggest_distance of 'word' (of 'len' bytes) and 'cand', skipping the
 * edit distance when the lengths alone put 'cand' out of reach (it never
 * suggests past two edits): a file of unknown keys stays cheap. */
static size_t
key_distance(const char *word, size_t len, const char *cand)
{
	size_t n = strlen(cand);

	if (len > n + 2 || n > len + 2)
		return SIZE_MAX;
	return suggest_distance(word, cand);
}

/* The key in 'keys' that 'word' most likely meant, or NULL. */
static const char *
suggest_key(const char *word, const struct key *keys, size_t nkeys)
{
	char cand[64];
	size_t best = SIZE_MAX, len = strlen(word);
	const char *pick = NULL;

	for (size_t i = 0; i < nkeys; i++) {
		const char *w = keys[i].words;
		size_t d = key_distance(word, len, keys[i].name);

		while (w && *w) {
			size_t n = strcspn(w, " "), dw;

			if (n < sizeof(cand)) {
				memcpy(cand, w, n);
				cand[n] = '\0';
				dw = key_distance(word, len, cand);
				if (dw < d)
					d = dw;
			}
			w += n;
			w += *w == ' ';
		}
		if (d < best) {
			best = d;
			pick = keys[i].name;
		}
	}
	return pick;
}

/* ---- values ---- */

static int
is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/*
 * The text of the value of 'key', or NULL after reporting why there is
 * none.  Empty text is reported only when 'required'.
 */
static const char *
text_value(struct loader *l, const char *key, const struct ynode *v,
           int required)
{
	if (v->kind != YNODE_SCALAR) {
		err(l, v, "'%s' must be text, not %s", key, ytree_kind_name(v));
		return NULL;
	}
	if (v->null || is_blank(v->str)) {
		if (required)
			err(l, v, "'%s' is empty", key);
		return NULL;
	}
	return v->str;
}

static int
valid_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-'))
			return 0;
	return 1;
}

/* Check a name ('deck', 'id' or a tag); report and return -1 if bad. */
static int
check_name(struct loader *l, const char *what, const struct ynode *v,
           const char *s)
{
	if (strlen(s) > NAME_MAX_LEN) {
		err(l, v, "%s '%.20s...' is too long (at most %d characters)",
		    what, s, NAME_MAX_LEN);
		return -1;
	}
	if (!valid_name(s)) {
		err(l, v,
		    "%s '%s' must be lower case letters, digits and dashes, "
		    "starting with a letter or digit",
		    what, s);
		return -1;
	}
	return 0;
}

/*
 * Read a list of text into 'out' (the tree's strings, borrowed).  Each item
 * must be non-empty text (and a valid name when 'names').  With 'distinct' the
 * list is required and a duplicate (ignoring case) is an error; else duplicates
 * are dropped and an empty value means an empty list.  A list of more than
 * 'max' items is refused whole, before its items are looked at.
 */
static int
list_value(struct loader *l, const char *key, const struct ynode *v,
           struct strlist *out, int distinct, int names, size_t max)
{
	/* a few items are compared with those before them; a long list
	 * (up to 'max') through a map */
	struct strmap seen = { .icase = 1 };
	int rc = 0, mapped = v->kind == YNODE_SEQ && v->n > 8;
	unsigned kept = 0; /* without the map: the items compared with */

	if (v->kind == YNODE_SCALAR && v->null) {
		if (!distinct)
			return 0; /* an empty optional list: none */
		err(l, v, "'%s' is empty", key);
		return -1;
	}
	if (v->kind != YNODE_SEQ) {
		err(l, v, "'%s' must be a list, like [%s], not %s", key,
		    strcmp(key, "tags") == 0 ? "dates, people" : "one, two",
		    ytree_kind_name(v));
		return -1;
	}
	if (v->n > max) {
		err(l, v, "'%s' lists %zu items; the most is %zu", key, v->n,
		    max);
		return -1;
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		int dup;

		if (it->kind != YNODE_SCALAR) {
			err(l, it, "item %zu of '%s' must be text, not %s",
			    i + 1, key, ytree_kind_name(it));
			rc = -1;
			continue;
		}
		if (it->null || is_blank(it->str)) {
			err(l, it, "item %zu of '%s' is empty", i + 1, key);
			rc = -1;
			continue;
		}
		if (names && check_name(l, "tag", it, it->str) < 0) {
			rc = -1;
			continue;
		}
		if (mapped) {
			dup = strmap_put(&seen, it->str, (void *)it) != NULL;
		} else {
			dup = 0;
			for (size_t j = 0; j < i && !dup; j++)
				dup = (kept >> j & 1) &&
				      ascii_caseeq(v->kids[j]->str, it->str);
			if (!dup)
				kept |= 1u << i;
		}
		if (dup && distinct) {
			err(l, it, "'%s' is listed twice in '%s'", it->str,
			    key);
			rc = -1;
			continue;
		}
		if (!dup) { /* borrowed: see draft_release */
			out->v = xgrow(out->v, &out->alloc, out->n + 1,
			               sizeof(*out->v));
			out->v[out->n++] = it->str;
		}
	}
	strmap_release(&seen);
	return rc;
}

/* ---- mappings ---- */

/*
 * Walk the pairs of mapping 'm' against 'keys': report keys that are not
 * text, unknown or given twice, and fill 'slots' with the value of each
 * key given once (NULL when absent).  'where' names the mapping for the
 * message listing the keys.
 */
static void
read_keys(struct loader *l, const struct ynode *m, const struct key *keys,
          size_t nkeys, const struct ynode **slots, const struct ynode **at,
          const char *where)
{
	for (size_t k = 0; k < nkeys; k++)
		slots[k] = at[k] = NULL;
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const struct ynode *key = m->kids[i], *val = m->kids[i + 1];
		size_t k;

		if (key->kind != YNODE_SCALAR) {
			err(l, key, "a key must be a plain word, not %s",
			    ytree_kind_name(key));
			continue;
		}
		for (k = 0; k < nkeys; k++)
			if (strcmp(key->str, keys[k].name) == 0)
				break;
		if (k == nkeys) {
			/* past SUGGEST_MAX_ERRORS, a file is not a typo:
			 * spare it a suggestion per key */
			const char *s = l->diags->nerrors < SUGGEST_MAX_ERRORS
			                    ? suggest_key(key->str, keys, nkeys)
			                    : NULL;

			if (s)
				err(l, key,
				    "unknown key '%s' (did you mean "
				    "'%s'?)",
				    key->str, s);
			else
				err(l, key, "unknown key '%s' in %s", key->str,
				    where);
			continue;
		}
		if (at[k]) {
			err(l, key, "duplicate key '%s'", key->str);
			diag_note(l->diags, l->file, at[k]->line, at[k]->col,
			          "'%s' was first given here", key->str);
			continue;
		}
		at[k] = key;
		slots[k] = val;
	}
}

/* ---- cards ---- */

/* A card's copy of 's' (NULL for NULL), from the tree's blocks. */
static char *
keep(struct loader *l, const char *s)
{
	return s ? ytree_strndup(l->root, s, strlen(s)) : NULL;
}

/* A card's copy of the list 'src' (whose strings are the tree's, or
 * kept): the array from the tree's blocks, the strings shared. */
static void
keep_list(struct loader *l, struct strlist *dst, const struct strlist *src)
{
	memset(dst, 0, sizeof(*dst));
	if (src->n == 0)
		return;
	dst->v = ytree_alloc(l->root, (src->n + 1) * sizeof(*dst->v));
	memcpy(dst->v, src->v, src->n * sizeof(*dst->v));
	dst->v[src->n] = NULL;
	dst->n = dst->alloc = src->n;
}

static struct card *
new_card(struct loader *l, const char *id, const struct ynode *at)
{
	struct deck *d = l->deck;
	struct card *c;

	d->cards = xgrow(d->cards, &d->alloc, d->ncards + 1, sizeof(*c));
	c = &d->cards[d->ncards++];
	memset(c, 0, sizeof(*c));
	c->id = keep(l, id);
	c->line = at->line;
	c->col = at->col;
	return c;
}

void
card_release(struct card *c)
{
	free(c->id);
	free(c->q);
	free(c->a);
	strlist_release(&c->accept);
	strlist_release(&c->tags);
	strlist_release(&c->choices);
	strlist_release(&c->items);
	free(c->hint);
	free(c->note);
	free(c->event);
	free(c->unit);
	free(c->text);
	memset(c, 0, sizeof(*c));
}

/* What a card says, gathered before it becomes one or more cards. */
struct draft {
	enum card_type type;
	const char *id, *q, *a, *hint, *note, *unit, *text, *event;
	struct strlist accept, tags, choices, items;
	struct strlist gaps; /* cloze: the inside of each gap, as written */
	struct gap {
		size_t open, close; /* offsets of "{{" and past "}}" in text */
	} * gap_at;
	size_t gap_alloc;
	struct date date;
	double value, tolerance;
	int tolerance_percent;
	int reverse;
};

/* The draft's lists but its gaps borrow the tree's strings (the tree
 * outlives the draft): only their arrays are its own.  A card copies
 * what it keeps. */
static void
unborrow(struct strlist *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void
draft_release(struct draft *d)
{
	unborrow(&d->accept);
	unborrow(&d->tags);
	unborrow(&d->choices);
	unborrow(&d->items);
	strlist_release(&d->gaps);
	free(d->gap_at);
}

static void
fill_common(struct loader *l, struct card *c, const struct draft *d)
{
	c->type = d->type;
	keep_list(l, &c->tags, &d->tags);
	c->hint = (char *)d->hint; /* the tree's: see struct deck */
	c->note = (char *)d->note;
	c->event = (char *)d->event;
}

/*
 * Split the cloze text of 'd' into its gaps.  Each gap "{{a|b}}" adds its
 * raw inside to 'gaps' and its place to 'gap_at'.  Returns 0, or -1 after
 * reporting a malformed gap or more than CARD_MAX_GAPS of them.
 */
static int
cloze_gaps(struct loader *l, const struct ynode *v, struct draft *d)
{
	const char *text = d->text, *p = text;
	size_t n = 0, counted = 0;
	int line = v->line, col = v->col, rc = 0;

	while ((p = strstr(p, "{{")) != NULL) {
		const char *end = strstr(p + 2, "}}");
		size_t off = (size_t)(p - text);
		char *gap;

		n++;
		/* columns are counted on from the last gap: linear */
		if (v->plain_line) {
			col += (int)utf8_count(text + counted, off - counted);
			counted = off;
		}
		if (n > CARD_MAX_GAPS) {
			err_at(l, line, col,
			       "'text' has more than %d gaps (split it into "
			       "several cloze cards)",
			       CARD_MAX_GAPS);
			return -1;
		}
		if (end == NULL) {
			err_at(l, line, col,
			       "gap %zu in 'text' has '{{' but no '}}'", n);
			return -1;
		}
		gap = xstrndup(p + 2, (size_t)(end - p - 2));
		if (strstr(gap, "{{")) {
			err_at(l, line, col,
			       "gap %zu in 'text' holds another '{{'", n);
			free(gap);
			return -1;
		}
		if (is_blank(gap)) {
			err_at(l, line, col, "gap %zu in 'text' is empty", n);
			rc = -1;
		} else if (gap[0] == '|' || gap[strlen(gap) - 1] == '|' ||
		           strstr(gap, "||")) {
			err_at(l, line, col,
			       "gap %zu in 'text' has an empty alternative "
			       "(nothing next to a '|')",
			       n);
			rc = -1;
		}
		strlist_push(&d->gaps, gap);
		free(gap);
		d->gap_at =
		    xgrow(d->gap_at, &d->gap_alloc, n, sizeof(*d->gap_at));
		d->gap_at[n - 1].open = off;
		d->gap_at[n - 1].close = (size_t)(end + 2 - text);
		p = end + 2;
	}
	if (n == 0) {
		err(l, v,
		    "a cloze card needs at least one gap in 'text', "
		    "written {{like this}}");
		return -1;
	}
	return rc;
}

/* Text of the cloze 'd' with gap 'which' shown as [...] and the others
 * filled with their first alternative: one pass over the text. */
static char *
cloze_question(const struct draft *d, size_t which)
{
	struct strbuf sb = { 0 };
	size_t prev = 0;

	if (d->q) {
		strbuf_adds(&sb, d->q);
		strbuf_addch(&sb, '\n');
	}
	for (size_t i = 0; i < d->gaps.n; i++) {
		strbuf_add(&sb, d->text + prev, d->gap_at[i].open - prev);
		if (i == which)
			strbuf_adds(&sb, "[...]");
		else
			strbuf_add(&sb, d->gaps.v[i],
			           strcspn(d->gaps.v[i], "|"));
		prev = d->gap_at[i].close;
	}
	strbuf_adds(&sb, d->text + prev);
	return strbuf_detach(&sb);
}

static void
split_alternatives(const char *gap, struct strlist *out)
{
	const char *p = gap;

	for (;;) {
		size_t n = strcspn(p, "|");
		char *alt = xstrndup(p, n);

		strlist_push(out, alt);
		free(alt);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

/* Turn a checked draft into cards. */
static void
emit_cards(struct loader *l, struct draft *d, const struct ynode *card)
{
	struct card *c;

	if (d->type == CARD_CLOZE) {
		for (size_t i = 0; i < d->gaps.n; i++) {
			struct strlist alts = { 0 };
			char *id = xasprintf("%s.%zu", d->id, i + 1);

			char *q = cloze_question(d, i);
			struct strlist rest = { 0 };

			c = new_card(l, id, card);
			free(id);
			fill_common(l, c, d);
			c->q = keep(l, q);
			free(q);
			c->text = (char *)d->text;
			c->gap = i + 1;
			split_alternatives(d->gaps.v[i], &alts);
			for (size_t j = 0; j < alts.n; j++) {
				char *alt = keep(l, alts.v[j]);

				free(alts.v[j]);
				alts.v[j] = alt;
			}
			c->a = alts.v[0];
			rest.v = alts.v + 1;
			rest.n = alts.n - 1;
			keep_list(l, &c->accept, &rest);
			free(alts.v);
		}
		return;
	}

	c = new_card(l, d->id, card);
	fill_common(l, c, d);
	c->q = (char *)d->q;
	c->a = (char *)d->a;
	keep_list(l, &c->accept, &d->accept);
	keep_list(l, &c->choices, &d->choices);
	keep_list(l, &c->items, &d->items);
	c->date = d->date;
	c->value = d->value;
	c->unit = (char *)d->unit;
	c->tolerance = d->tolerance_percent ? d->value * d->tolerance / 100.0
	                                    : d->tolerance;
	if (c->tolerance < 0)
		c->tolerance = -c->tolerance;
	if (d->reverse) {
		char *id = xasprintf("%s.reverse", d->id);
		struct card *r = new_card(l, id, card);

		free(id);
		fill_common(l, r, d);
		r->q = (char *)d->a;
		r->a = (char *)d->q;
		r->reverse_of = 1;
	}
}

/* "card 'x'" or "card 3", for messages about a whole card. */
static char *
card_label(const struct draft *d, size_t index)
{
	return d->id ? xasprintf("card '%s'", d->id)
	             : xasprintf("card %zu", index);
}

static void
read_type(struct loader *l, const struct ynode *v, struct draft *d, int *known)
{
	const char *t = text_value(l, "type", v, 1);

	*known = 0;
	if (t == NULL)
		return;
	for (size_t i = 0; i < NTYPES; i++)
		if (strcmp(t, type_names[i]) == 0) {
			d->type = (enum card_type)i;
			*known = 1;
			return;
		}
	if (suggest(t, type_names, NTYPES))
		err(l, v, "unknown card type '%s' (did you mean '%s'?)", t,
		    suggest(t, type_names, NTYPES));
	else
		err(l, v,
		    "unknown card type '%s' (a card is text, date, number, "
		    "choice, order or cloze)",
		    t);
}

static void
read_id(struct loader *l, const struct ynode *v, struct draft *d)
{
	const struct ynode *first;

	d->id = text_value(l, "id", v, 1);
	if (d->id == NULL || check_name(l, "id", v, d->id) < 0) {
		d->id = NULL;
		return;
	}
	first = strmap_put(&l->ids, d->id, (void *)v);
	if (first) {
		err(l, v, "duplicate id '%s'", d->id);
		diag_note(l->diags, l->file, first->line, first->col,
		          "'%s' is first used here", d->id);
	}
}

/* Report keys that do not belong to the card's type, and forget them. */
static void
drop_foreign_keys(struct loader *l, const struct ynode **slot,
                  const struct ynode **at, const struct draft *d, int typed)
{
	for (size_t k = 0; k < CK_COUNT; k++) {
		unsigned types = card_keys[k].types;
		const char *only = NULL;

		if (at[k] == NULL || (types & T(d->type)))
			continue;
		for (size_t t = 0; t < NTYPES; t++)
			if (types == T(t))
				only = type_names[t];
		if (k == CK_A && d->type == CARD_ORDER)
			err(l, at[k],
			    "an order card has no 'a': list the "
			    "items in the right order in 'items'");
		else if (k == CK_A && d->type == CARD_CLOZE)
			err(l, at[k],
			    "a cloze card has no 'a': write each "
			    "answer as a {{gap}} in 'text'");
		else if (only && !typed)
			err(l, at[k],
			    "'%s' does not belong on a text card (did you "
			    "forget 'type: %s'?)",
			    card_keys[k].name, only);
		else if (only)
			err(l, at[k],
			    "'%s' does not belong on %s %s card (it is for %s "
			    "cards)",
			    card_keys[k].name, article(d->type),
			    type_names[d->type], only);
		else
			err(l, at[k], "'%s' does not belong on %s %s card",
			    card_keys[k].name, article(d->type),
			    type_names[d->type]);
		slot[k] = NULL;
	}
}

static void
read_answer(struct loader *l, const struct ynode *v, struct draft *d)
{
	char why[160];
	struct number num;

	d->a = text_value(l, "a", v, 1);
	if (d->a == NULL)
		return;
	switch (d->type) {
	case CARD_DATE:
		if (date_parse_iso(d->a, &d->date, why, sizeof(why)) < 0)
			err(l, v, "'%s' is not a date: %s", d->a, why);
		break;
	case CARD_NUMBER:
		if (number_parse(d->a, &num, why, sizeof(why)) < 0) {
			err(l, v, "'%s' is not a number: %s", d->a, why);
			break;
		}
		d->value = num.value;
		if (num.unit == NUMBER_DOLLARS)
			d->unit = "$";
		else if (num.unit == NUMBER_PERCENT)
			d->unit = "%";
		break;
	default:
		break;
	}
}

static void
read_unit(struct loader *l, const struct ynode *v, struct draft *d)
{
	const char *u = text_value(l, "unit", v, 1);

	if (u == NULL)
		return;
	if (d->unit && strcmp(d->unit, u) != 0) {
		err(l, v, "'unit' is '%s' but the answer is written in '%s'", u,
		    d->unit);
		return;
	}
	d->unit = u;
}

static void
read_tolerance(struct loader *l, const struct ynode *v, struct draft *d)
{
	const char *t = text_value(l, "tolerance", v, 1);
	struct number num;
	char why[160];

	if (t == NULL)
		return;
	if (number_parse(t, &num, why, sizeof(why)) < 0) {
		err(l, v, "the tolerance '%s' is not a number: %s", t, why);
		return;
	}
	if (num.value < 0) {
		err(l, v, "'tolerance' cannot be negative");
		return;
	}
	if (num.unit == NUMBER_DOLLARS &&
	    !(d->unit && strcmp(d->unit, "$") == 0)) {
		err(l, v, "'tolerance' is in dollars but the answer is not");
		return;
	}
	d->tolerance = num.value;
	d->tolerance_percent = num.unit == NUMBER_PERCENT;
}

static void
read_options(struct loader *l, const char *key, const struct ynode *v,
             struct strlist *out, const char *what)
{
	if (v->kind == YNODE_SEQ && v->n > CARD_MAX_OPTIONS) {
		err(l, v, "%s card has %zu %s; the most is %d", what, v->n, key,
		    CARD_MAX_OPTIONS);
		return;
	}
	if (list_value(l, key, v, out, 1, 0, CARD_MAX_OPTIONS) < 0)
		return;
	if (out->n < 2)
		err(l, v, "%s card needs at least two %s", what, key);
}

static void
check_choice(struct loader *l, const struct ynode *v, const struct draft *d)
{
	const char *close;

	if (d->a == NULL || d->choices.n == 0 ||
	    strlist_find(&d->choices, d->a) >= 0)
		return;
	close = suggest(d->a, (const char *const *)d->choices.v, d->choices.n);
	if (close)
		err(l, v,
		    "the answer '%s' is not one of the choices (did you "
		    "mean '%s'?)",
		    d->a, close);
	else
		err(l, v, "the answer '%s' is not one of the choices", d->a);
}

static size_t
text_bytes(const char *s)
{
	return s ? strlen(s) : 0;
}

static size_t
list_bytes(const struct strlist *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += strlen(l->v[i]) + 1;
	return n;
}

/* Bytes of text the cards made from 'd' will hold, near enough: each
 * cloze gap's card holds the whole text, a reversed card is two. */
static size_t
draft_bytes(const struct draft *d)
{
	size_t common = text_bytes(d->id) + text_bytes(d->hint) +
	                text_bytes(d->note) + text_bytes(d->event) +
	                list_bytes(&d->tags) + 16;

	if (d->type == CARD_CLOZE)
		return d->gaps.n * (common + text_bytes(d->q) + 1 +
		                    text_bytes(d->text)) +
		       list_bytes(&d->gaps);
	return (common + text_bytes(d->q) + text_bytes(d->a) +
	        list_bytes(&d->accept) + list_bytes(&d->choices) +
	        list_bytes(&d->items)) *
	       (d->reverse ? 2 : 1);
}

/* Refuse a card whose cards would hold more than CARD_MAX_TEXT, and the
 * card that takes the file past DECK_MAX_TEXT. */
static void
check_size(struct loader *l, const struct draft *d, const struct ynode *m,
           size_t index)
{
	size_t n = draft_bytes(d);
	char *label;

	if (n > CARD_MAX_TEXT) {
		label = card_label(d, index);
		if (d->type == CARD_CLOZE)
			err(l, m,
			    "%s makes %zu KiB of text (%zu gaps, each a card "
			    "holding the whole text); the most is %d KiB "
			    "(split the text into several cards)",
			    label, (n + 1023) / 1024, d->gaps.n,
			    CARD_MAX_TEXT / 1024);
		else
			err(l, m,
			    "%s holds %zu KiB of text; the most is %d KiB",
			    label, (n + 1023) / 1024, CARD_MAX_TEXT / 1024);
		free(label);
		return;
	}
	l->text += n;
	if (l->text > DECK_MAX_TEXT && !l->text_reported) {
		err(l, m,
		    "the cards up to here hold more than %d MiB of text "
		    "(each cloze gap and reversed card counts); split the "
		    "file into several decks",
		    DECK_MAX_TEXT / (1024 * 1024));
		l->text_reported = 1;
	}
}

/* Check the 'index'th card (from 1), mapping 'm', and add its cards. */
static void
read_card(struct loader *l, const struct ynode *m, size_t index)
{
	const struct ynode *slot[CK_COUNT], *at[CK_COUNT];
	struct draft d = { .type = CARD_TEXT };
	size_t errors = l->diags->nerrors;
	int typed = 1;
	char *label;

	if (m->kind == YNODE_SCALAR && m->null) {
		err(l, m, "card %zu is empty", index);
		return;
	}
	if (m->kind != YNODE_MAP) {
		err(l, m,
		    "card %zu must be a mapping with 'id', 'q' and 'a', not %s",
		    index, ytree_kind_name(m));
		return;
	}
	read_keys(l, m, card_keys, CK_COUNT, slot, at, "a card");
	if (slot[CK_TYPE])
		read_type(l, slot[CK_TYPE], &d, &typed);
	else
		typed = 0;
	if (slot[CK_ID])
		read_id(l, slot[CK_ID], &d);

	/* the label is made only for a message: most cards have none */
	label = NULL;
	if (at[CK_ID] == NULL) {
		label = card_label(&d, index);
		err(l, m, "%s has no 'id'", label);
	}
	if (slot[CK_TYPE] == NULL || typed) {
		for (size_t k = 0; k < CK_COUNT; k++)
			if (k != CK_ID && (required_keys[d.type] & 1u << k) &&
			    at[k] == NULL) {
				if (label == NULL)
					label = card_label(&d, index);
				err(l, m, "%s has no '%s' (%s)", label,
				    card_keys[k].name, card_keys[k].what);
			}
		drop_foreign_keys(l, slot, at, &d, slot[CK_TYPE] != NULL);
	} else {
		/* unknown type: check only what every card has */
		for (size_t k = 0; k < CK_COUNT; k++)
			if (card_keys[k].types != ALL_TYPES)
				slot[k] = NULL;
	}
	free(label);

	if (slot[CK_Q])
		d.q = text_value(l, "q", slot[CK_Q], d.type != CARD_CLOZE);
	if (slot[CK_HINT])
		d.hint = text_value(l, "hint", slot[CK_HINT], 0);
	if (slot[CK_NOTE])
		d.note = text_value(l, "note", slot[CK_NOTE], 0);
	if (slot[CK_SOURCE]) /* for the deck's writer only: checked, not kept */
		(void)text_value(l, "source", slot[CK_SOURCE], 0);
	if (slot[CK_EVENT])
		d.event = text_value(l, "event", slot[CK_EVENT], 1);
	if (slot[CK_TAGS])
		list_value(l, "tags", slot[CK_TAGS], &d.tags, 0, 1,
		           CARD_MAX_TAGS);
	if (slot[CK_ACCEPT])
		list_value(l, "accept", slot[CK_ACCEPT], &d.accept, 0, 0,
		           CARD_MAX_ACCEPT);
	if (slot[CK_REVERSE]) {
		const char *r = text_value(l, "reverse", slot[CK_REVERSE], 1);

		if (r && strcmp(r, "true") == 0)
			d.reverse = 1;
		else if (r && strcmp(r, "false") != 0)
			err(l, slot[CK_REVERSE],
			    "'reverse' must be true or false, not '%s'", r);
	}
	if (slot[CK_A])
		read_answer(l, slot[CK_A], &d);
	if (slot[CK_UNIT])
		read_unit(l, slot[CK_UNIT], &d);
	if (slot[CK_TOLERANCE])
		read_tolerance(l, slot[CK_TOLERANCE], &d);
	if (slot[CK_CHOICES]) {
		read_options(l, "choices", slot[CK_CHOICES], &d.choices,
		             "a choice");
		if (slot[CK_A])
			check_choice(l, slot[CK_A], &d);
	}
	if (slot[CK_ITEMS])
		read_options(l, "items", slot[CK_ITEMS], &d.items, "an order");
	if (slot[CK_TEXT]) {
		d.text = text_value(l, "text", slot[CK_TEXT], 1);
		if (d.text)
			cloze_gaps(l, slot[CK_TEXT], &d);
	}

	if (l->diags->nerrors == errors)
		check_size(l, &d, m, index);
	/* a file with any error gives no deck: make no cards for it */
	if (l->diags->nerrors == 0)
		emit_cards(l, &d, m);
	draft_release(&d);
}

static void
read_deck(struct loader *l, const struct ynode *root)
{
	const struct ynode *slot[DK_COUNT], *at[DK_COUNT];
	struct deck *deck = l->deck;
	const char *s;

	if (root == NULL || (root->kind == YNODE_SCALAR && root->null)) {
		diag_error(l->diags, l->file, 1, 1,
		           "the file holds no deck; a deck needs 'deck', "
		           "'title' and 'cards'");
		return;
	}
	if (root->kind != YNODE_MAP) {
		err(l, root,
		    "a deck must be a mapping with 'deck', 'title' and "
		    "'cards', not %s",
		    ytree_kind_name(root));
		return;
	}
	read_keys(l, root, deck_keys, DK_COUNT, slot, at,
	          "the deck (its keys are deck, title, source, description "
	          "and cards)");
	for (size_t k = 0; k < DK_COUNT; k++)
		if (deck_keys[k].what && at[k] == NULL)
			err(l, root, "the deck has no '%s' (%s)",
			    deck_keys[k].name, deck_keys[k].what);
	if (slot[DK_DECK] &&
	    (s = text_value(l, "deck", slot[DK_DECK], 1)) != NULL &&
	    check_name(l, "deck name", slot[DK_DECK], s) == 0) {
		deck->name = xstrdup(s);
		deck->name_line = slot[DK_DECK]->line;
		deck->name_col = slot[DK_DECK]->col;
	}
	if (slot[DK_TITLE] &&
	    (s = text_value(l, "title", slot[DK_TITLE], 1)) != NULL)
		deck->title = xstrdup(s);
	if (slot[DK_SOURCE] &&
	    (s = text_value(l, "source", slot[DK_SOURCE], 0)) != NULL)
		deck->source = xstrdup(s);
	if (slot[DK_DESCRIPTION] &&
	    (s = text_value(l, "description", slot[DK_DESCRIPTION], 0)) != NULL)
		deck->description = xstrdup(s);
	if (slot[DK_CARDS] == NULL)
		return;
	if (slot[DK_CARDS]->kind == YNODE_SCALAR && slot[DK_CARDS]->null) {
		err(l, slot[DK_CARDS],
		    "'cards' is empty; a deck needs at least one card");
		return;
	}
	if (slot[DK_CARDS]->kind != YNODE_SEQ) {
		err(l, slot[DK_CARDS],
		    "'cards' must be a list of cards, not %s",
		    ytree_kind_name(slot[DK_CARDS]));
		return;
	}
	if (slot[DK_CARDS]->n == 0) {
		err(l, slot[DK_CARDS],
		    "'cards' is empty; a deck needs at least one card");
		return;
	}
	for (size_t i = 0; i < slot[DK_CARDS]->n; i++)
		read_card(l, slot[DK_CARDS]->kids[i], i + 1);
}

/* ---- loading ---- */

int
deck_load_buffer(const char *file, const char *buf, size_t len,
                 struct deck **out, struct diag_list *diags)
{
	struct diag_list local = { 0 };
	struct ynode *root = NULL;
	struct loader l = { .file = file, .diags = &local };
	int rc;

	*out = NULL;
	l.deck = xcalloc(1, sizeof(*l.deck));
	l.deck->file = xstrdup(file);
	rc = ytree_parse(file, buf, len, &root, &local);
	/* the tree stays, its strings the cards' */
	l.deck->tree = l.root = root;
	if (rc == 0)
		read_deck(&l, root);
	if (rc == 0 && local.nerrors > 0)
		rc = -EX_DATAERR;
	diag_list_move_sorted(diags, &local);
	strmap_release(&l.ids);
	if (rc < 0) {
		deck_free(l.deck);
		return rc;
	}
	*out = l.deck;
	return 0;
}

void
deck_free_cards(struct deck *deck)
{
	free(deck->cards);
	ytree_free(deck->tree);
	deck->cards = NULL;
	deck->tree = NULL;
	deck->ncards = deck->alloc = 0;
}

void
deck_free(struct deck *deck)
{
	if (deck == NULL)
		return;
	deck_free_cards(deck);
	free(deck->file);
	free(deck->name);
	free(deck->title);
	free(deck->source);
	free(deck->description);
	free(deck);
}
