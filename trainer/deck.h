/*
 * deck.h - decks of cards, loaded from YAML and validated.
 *
 * A deck file is one YAML mapping (see decks/README.md).  Loading checks
 * everything a deck author can get wrong and reports every problem as a
 * diagnostic with file, line and column; a deck with any error is not
 * returned.  Cards are expanded on load: each cloze gap becomes its own
 * card ("ID.1", "ID.2"...) and a text card with 'reverse: true' gains a
 * reversed twin ("ID.reverse").  Derived ids contain a '.', which deck
 * authors cannot write, so they never collide.
 *
 * The loader reads files but never prints, exits, or reads the clock.
 */
#ifndef TRAINER_DECK_H
#define TRAINER_DECK_H

#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "util.h"

enum card_type {
	CARD_TEXT,
	CARD_DATE,
	CARD_NUMBER,
	CARD_CHOICE,
	CARD_ORDER,
	CARD_CLOZE,
};

#define CARD_MAX_OPTIONS 26 /* choices and order items: a to z */

/*
 * Bounds that keep loading linear and small: a deck file (at most 4 MiB,
 * see ytree.h) can never make the loader do much more work than reading
 * it.  decks/README.md lists them for deck authors.
 */
#define CARD_MAX_GAPS   50           /* gaps in one cloze card */
#define CARD_MAX_TAGS   64           /* items of 'tags' */
#define CARD_MAX_ACCEPT 64           /* items of 'accept' */
#define CARD_MAX_TEXT   (256 * 1024) /* bytes of text one card entry makes */
#define DECK_MAX_TEXT   (32 * 1024 * 1024) /* ... all the cards of a file */

/* Bumped whenever loading the same file can give different cards, so
 * the store knows to read unchanged deck files again. */
#define DECK_LOADER_VERSION 1

struct card {
	char *id;
	enum card_type type;
	char *q; /* the question as asked; cloze: the text, gap as [...] */
	char *a; /* the answer as written; NULL for order cards */
	struct strlist accept; /* other accepted answers */
	struct strlist tags;
	struct strlist choices; /* choice: the options, as written */
	struct strlist items;   /* order: the items, in the right order */
	char *hint;             /* NULL when none */
	char *note;             /* NULL when none */
	char *event;            /* date: a short name of the event, or NULL */
	struct date date;       /* date: the answer and its precision */
	double value;           /* number: the answer, scale applied */
	char *unit;             /* number: "$", "%", a word, or NULL */
	double tolerance;       /* number: allowed distance (absolute) */
	char *text;             /* cloze: the text as written, every gap in
	                           {{...}}; NULL for other types */
	size_t gap;             /* cloze: the gap of 'text' asked, from 1 */
	int reverse_of;         /* 1 for the twin made by 'reverse: true' */
	int line;               /* where the card starts in its file */
	int col;
};

struct deck {
	char *file; /* the path it was loaded from */
	char *name; /* 'deck': [a-z0-9][a-z0-9-]* */
	char *title;
	char *source;      /* NULL when none */
	char *description; /* NULL when none */
	int name_line;     /* where 'deck' is given */
	int name_col;
	/* the cards' strings and lists are carved from the tree of the
	 * file (ytree.h), freed with it by deck_free_cards: no card of a
	 * deck is given to card_release */
	struct card *cards;
	size_t ncards;
	size_t alloc;
	struct ynode *tree;
};

/* "text", "date"...: the name of a card type as written in decks. */
const char *deck_type_name(enum card_type type);

/*
 * Load a deck from the 'len' bytes of 'buf'; 'file' names it in
 * diagnostics.  Returns 0 and sets '*out' (free with deck_free), or
 * -EX_DATAERR with every problem added to 'diags' and '*out' NULL.
 */
int deck_load_buffer(const char *file, const char *buf, size_t len,
                     struct deck **out, struct diag_list *diags);

/* Free a deck; NULL is fine. */
void deck_free(struct deck *deck);
/* Free the cards of 'deck' only, keeping its name and file (a checker
 * done with the cards still needs them for the names of later decks). */
void deck_free_cards(struct deck *deck);

/* Free what a card holds (not the card itself); it is zeroed after. */
void card_release(struct card *c);

#endif
