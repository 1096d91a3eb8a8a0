/*
 * draft.c - a first draft of a deck from a history text.
 *
 * The text is cleaned (HTML tags, Markdown marks), split into paragraphs
 * and sentences, and each sentence into words; then each finder walks the
 * words: dates, figures, names ending in Command, Treaty..., abbreviations
 * in parentheses, people.  Parenthesised citations ("(see ..., 2014,
 * 24)") are skipped.  Cards are merged by their fact, kept in the text's
 * order and given ids from their content.  The finders are in
 * draft-text.c (reading), draft-facts.c (dates, figures) and
 * draft-names.c (names, abbreviations, people); draft-impl.h is what
 * they share.
 */
#include "draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft-impl.h"

const char *
draft_kind_tag(enum draft_kind kind)
{
	static const char *const tags[DRAFT_NKINDS] = {
		"dates", "figures", "people", "commands", "treaties", "terms",
	};

	return kind < DRAFT_NKINDS ? tags[kind] : "terms";
}

struct draft_card *
draft_add_card(struct builder *bd, enum draft_kind kind, enum card_type type,
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
int
draft_seen(struct builder *bd, enum draft_kind kind, const char *key)
{
	char *k = xasprintf("%d|%s", (int)kind, key);
	int found = strlist_find(&bd->seen, k) >= 0;

	if (!found)
		strlist_push(&bd->seen, k);
	free(k);
	return found;
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
	struct builder bd = { .r = r };
	struct sent *sents;

	memset(r, 0, sizeof(*r));
	draft_read(text, len, html, r);
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
		draft_tokenize(st);
		draft_mark_citations(st);
		for (size_t k = 0; k < st->nt; k++)
			if (draft_tok_lower(st, k) && !st->t[k].hy) {
				char *w = draft_fold(st->s + st->t[k].b,
				                     draft_tok_base(st, k));

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
			    strlen(bd.texts[k]) >= 5 &&
			    strspn(bd.texts[k] + strlen(bd.texts[k]) - 5,
			           "0123456789") == 4)
				reference = 1;
		st->reference = reference;
		draft_find_names(&bd, st);
		draft_find_abbreviations(&bd, st);
		draft_find_dates(&bd, st);
		draft_find_figures(&bd, st);
		draft_find_people(&bd, st, start, reference);
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
			draft_entity_card(&bd, en);
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
		} else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
		           (unsigned char)s[1] <= 0x9f &&
		           (unsigned char)s[1] != 0x85) {
			/* C1 controls: YAML does not take them raw */
			strbuf_addf(sb, "\\x%02x", (unsigned char)s[1]);
			s++;
		} else if (c == 0xef && (unsigned char)s[1] == 0xbf &&
		           ((unsigned char)s[2] == 0xbe ||
		            (unsigned char)s[2] == 0xbf)) {
			strbuf_addf(sb, "\\uff%s",
			            (unsigned char)s[2] == 0xbe ? "fe" : "ff");
			s += 2;
		} else {
			strbuf_addch(sb, c);
		}
	}
	strbuf_addch(sb, '"');
}

/* The key of a date card's event (the timeline and chronology read it). */
#ifndef DRAFT_EVENT_KEY
#define DRAFT_EVENT_KEY "event"
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
