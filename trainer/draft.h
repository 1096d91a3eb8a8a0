/*
 * draft.h - a first draft of a deck from a history text: its dates,
 * figures, people, commands and treaties as cards for a teacher to edit.
 *
 * Pure engine code: text in, cards out.  No I/O, no clock, no globals.
 * Dates are read with date_parse_text and figures with number_parse and
 * number_parse_words, so a drafted answer is one the answer checker reads.
 *
 * The text is plain text or Markdown (UTF-8), or HTML whose tags are
 * stripped.  Paragraphs are split into sentences; the abbreviations of
 * titles and units ("Gen.", "Dr.", "No.", "U.S.", "e.g."), initials
 * ("Dwight D. Eisenhower") and decimals ("2.3") do not end one.  Every
 * card keeps the line of its sentence.
 */
#ifndef TRAINER_DRAFT_H
#define TRAINER_DRAFT_H

#include <stddef.h>

#include "deck.h"
#include "util.h"

/* What a card drills: each kind is one tag of the drafted deck. */
enum draft_kind {
	DRAFT_DATE,    /* tag "dates": a date card */
	DRAFT_FIGURE,  /* "figures": a number card */
	DRAFT_PERSON,  /* "people": a cloze of the name */
	DRAFT_COMMAND, /* "commands": a cloze of the name */
	DRAFT_TREATY,  /* "treaties": a cloze of the name */
	DRAFT_TERM,    /* "terms": an abbreviation and what it stands for */
	DRAFT_NKINDS,
};

/* "dates", "figures"...: the tag of a kind. */
const char *draft_kind_tag(enum draft_kind kind);

struct draft_card {
	enum draft_kind kind;
	enum card_type type; /* CARD_DATE, CARD_NUMBER, CARD_CLOZE, CARD_TEXT */
	char *id;            /* stable: made from the content */
	char *q;             /* the question; NULL on a cloze */
	char *a;         /* date: YYYY[-MM[-DD]]; number: "2.3 billion"; text */
	char *text;      /* cloze: the sentence with one {{gap|alternatives}} */
	char *unit;      /* number: "$", "%", a word, or NULL */
	char *tolerance; /* number: "0.1 billion", or NULL when exact */
	char *event;     /* date: a short name of the event */
	const char *tag; /* a commands/treaties abbreviation: that tag */
	int line;        /* the line of its sentence, from 1 */
	size_t at;       /* where its fact is in the text, for the order */
};

/* A sentence of the text: its bytes in 'clean' and its line. */
struct draft_sentence {
	size_t start, end;
	int line;
	int para; /* its paragraph, from 0 */
};

struct draft_result {
	char *clean; /* the text as read: tags and Markdown marks out */
	struct draft_sentence *sentences;
	size_t nsentences, salloc;
	struct draft_card *cards; /* in the text's order */
	size_t ncards, calloc;
	size_t counts[DRAFT_NKINDS];
};

/*
 * Draft the cards of the 'len' bytes of 'text'; 'html' says the text is
 * HTML (its tags are stripped, its entities decoded).  Fills 'r' (release
 * it with draft_release) with the sentences and the cards, duplicates
 * merged (the same fact twice keeps its first place), in the text's
 * order.  Never fails: a text with no facts gives no cards.
 */
void draft_text(const char *text, size_t len, int html, struct draft_result *r);

/* Does the text look like HTML (a tag such as <html>, <p> or <body>)? */
int draft_is_html(const char *text, size_t len);

/* The text of sentence 'i' of 'r' (free it). */
char *draft_sentence_text(const struct draft_result *r, size_t i);

void draft_release(struct draft_result *r);

/*
 * Append to 'out' the YAML of a deck named 'name' (a valid deck name)
 * titled 'title' with 'source' (NULL: none), holding the cards of 'r',
 * after a comment saying it is a draft.  The YAML passes 'trainer check'.
 */
void draft_yaml(const struct draft_result *r, const char *name,
                const char *title, const char *source, struct strbuf *out);

/* A deck name made from 'file' (its base name, lower case, dashes; free
 * it): "Reading 3.txt" is "reading-3". */
char *draft_deck_name(const char *file);

#endif
