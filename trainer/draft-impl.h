/*
 * draft-impl.h - what the parts of the draft module share (draft.c,
 * draft-text.c, draft-facts.c, draft-names.c): a sentence cut into words,
 * the builder that collects the cards, and the finders.  Private to the
 * module: nothing outside trainer/draft*.c includes it.
 */
#ifndef TRAINER_DRAFT_IMPL_H
#define TRAINER_DRAFT_IMPL_H

#include <stddef.h>

#include "draft.h"
#include "util.h"

/* A word of a sentence. */
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
	size_t at;     /* where it starts in the text */
	int reference; /* an entry of a reading list: "Place: Publisher, 1983."
	                */
	struct span {
		size_t b, e; /* tokens */
	} names[32];
	size_t nnames;
};

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

static inline int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
is_alnum(int c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

/* ---- reading (draft-text.c) ---- */

/* Clean 'text' (HTML or Markdown marks out) into r->clean and split it
 * into r->sentences. */
void draft_read(const char *text, size_t len, int html, struct draft_result *r);

/* Cut st->s into st->t; mark the words of parenthesised citations. */
void draft_tokenize(struct sent *st);
void draft_mark_citations(struct sent *st);

/* Token 'i' of 'st': its bytes without a possessive "'s"; is it the word
 * 'w', one of the blank-separated 'list' (any case)?  Capitalised, lower
 * case, all digits (and their value); only blanks between 'i' and 'i +
 * 1'; the text of tokens [b, e] (free it).  An 'i' past the end is no
 * word. */
size_t draft_tok_base(const struct sent *st, size_t i);
int draft_tok_is(const struct sent *st, size_t i, const char *w);
int draft_tok_in(const struct sent *st, size_t i, const char *list);
int draft_tok_cap(const struct sent *st, size_t i);
int draft_tok_lower(const struct sent *st, size_t i);
int draft_tok_digits(const struct sent *st, size_t i);
long draft_tok_long(const struct sent *st, size_t i);
int draft_tok_spaced(const struct sent *st, size_t i);
char *draft_tok_text(const struct sent *st, size_t b, size_t e);

/* 's' [0, n) folded for keys (lower case, no points, no final "'s"; free
 * it). */
char *draft_fold(const char *s, size_t n);
/* Does the word 'w' appear whole in 's' outside its bytes [gb, ge)? */
int draft_appears_outside(const char *s, const char *w, size_t gb, size_t ge);
/* A break between clauses (, ; : ( ) or a dash) in 's' [b, e)? */
int draft_clause_break(const char *s, size_t b, size_t e);

/* Capitalised words that start a phrase, not a name; number words;
 * words that are no unit of a figure (blank-separated). */
extern const char *const draft_not_name;
extern const char *const draft_number_words;
extern const char *const draft_unit_stop;

/* ---- cards (draft.c) ---- */

/* A new card of 'kind' for the fact at byte 'offset' of 'st'. */
struct draft_card *draft_add_card(struct builder *bd, enum draft_kind kind,
                                  enum card_type type, const struct sent *st,
                                  size_t offset);
/* Was the fact 'key' of 'kind' made already?  Notes it when not. */
int draft_seen(struct builder *bd, enum draft_kind kind, const char *key);

/* ---- the finders (draft-facts.c, draft-names.c) ---- */

/* Is token 'i' a month's name ("October", "Oct", "Sept")? */
int draft_tok_month(const struct sent *st, size_t i);
void draft_find_dates(struct builder *bd, struct sent *st);
void draft_find_figures(struct builder *bd, struct sent *st);
/* Names first: a date names its event after them. */
void draft_find_names(struct builder *bd, struct sent *st);
void draft_find_abbreviations(struct builder *bd, struct sent *st);
void draft_find_people(struct builder *bd, struct sent *st, int para_start,
                       int reference);
/* The cloze card of a merged name, on the sentence chosen for it. */
void draft_entity_card(struct builder *bd, struct entity *en);

#endif
