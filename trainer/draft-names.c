/*
 * draft-names.c - the names of a text: commands and treaties ("... Command",
 * "... Treaty"), abbreviations explained in parentheses, and people, merged
 * over the whole text and made cloze cards on a sentence that gives
 * them a context.
 */
#include "draft-impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const command_ends = "Command Forces Army Corps";
static const char *const treaty_ends =
    "Treaty Agreement Minutes Pact Alliance Accord Accords Convention";
/* ---- names: "... Command", "... Treaty", abbreviations ---- */

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
	                      st->t[e].b + draft_tok_base(st, e) - st->t[b].b);

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
	size_t gb = st->t[b].b, ge = st->t[e].b + draft_tok_base(st, e),
	       words = 0;

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
		if (draft_appears_outside(st->s, en->forms.v[f], gb, ge))
			return;
	if (en->surname && draft_appears_outside(st->s, en->surname, gb, ge))
		return;
	en->placed = 1;
	en->sentence = st->index;
	en->b = gb;
	en->e = ge;
}

void
draft_find_names(struct builder *bd, struct sent *st)
{
	st->nnames = 0;
	for (size_t i = 1; i < st->nt; i++) {
		enum draft_kind kind;
		size_t b = i, e = i;
		char *key;
		struct entity *en;

		if (st->t[i].skip || !draft_tok_cap(st, i))
			continue;
		if (draft_tok_in(st, i, command_ends))
			kind = DRAFT_COMMAND;
		else if (draft_tok_in(st, i, treaty_ends))
			kind = DRAFT_TREATY;
		else
			continue;
		while (b > 0 && (draft_tok_cap(st, b - 1) || st->t[b].hy) &&
		       (draft_tok_spaced(st, b - 1) || st->t[b].hy) &&
		       !st->t[b - 1].skip &&
		       (draft_tok_base(st, b - 1) ==
		            st->t[b - 1].e - st->t[b - 1].b ||
		        draft_tok_is(st, b - 1, "People")))
			b--;
		while (b < i && !st->t[b].hy &&
		       draft_tok_in(st, b, draft_not_name))
			b++;
		if (b == i || draft_tok_in(st, b, draft_number_words))
			continue;
		/* "Treaty of Peace, Commerce, and Navigation" */
		if (draft_tok_is(st, i + 1, "of") && draft_tok_cap(st, i + 2) &&
		    draft_tok_spaced(st, i)) {
			size_t k = i + 2;

			e = k;
			while (k + 1 < st->nt) {
				if (draft_tok_cap(st, k + 1) &&
				    (draft_tok_spaced(st, k) ||
				     st->t[k + 1].hy ||
				     st->s[st->t[k].e] == ',')) {
					e = ++k;
				} else if (draft_tok_is(st, k + 1, "and") &&
				           draft_tok_cap(st, k + 2)) {
					e = k += 2;
				} else {
					break;
				}
			}
		}
		key =
		    draft_fold(st->s + st->t[b].b,
		               st->t[e].b + draft_tok_base(st, e) - st->t[b].b);
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
	if (draft_tok_in(st, w[0], "of the and for") &&
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
void
draft_find_abbreviations(struct builder *bd, struct sent *st)
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
			if (draft_tok_in(st, first, "of the and for") ||
			    (is_lower(f) ? f - 'a' + 'A' : f) != ab[0])
				continue;
			if (!spells(st, w, nw, ab, 0))
				continue;
			expansion = xstrndup(st->s + st->t[first].b,
			                     st->t[i - 1].e - st->t[first].b);
			if (draft_tok_in(st, i - 1, command_ends))
				kind = DRAFT_COMMAND;
			else if (draft_tok_in(st, i - 1, treaty_ends))
				kind = DRAFT_TREATY;
			key = draft_fold(ab, len);
			if (!draft_seen(bd, DRAFT_TERM, key)) {
				c = draft_add_card(bd, DRAFT_TERM, CARD_TEXT,
				                   st, t->b);
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
	const char *w;
	size_t len, caps = 0;
	char *lw;
	int lower;

	if (i >= st->nt || st->t[i].skip)
		return 0;
	w = st->s + st->t[i].b;
	len = draft_tok_base(st, i);
	if (st->t[i].hy)
		return 1; /* "Il-sung", "Sung-joo" */
	if (!is_upper(w[0]) || draft_tok_in(st, i, not_person) ||
	    draft_tok_in(st, i, draft_not_name) || draft_tok_month(st, i))
		return 0;
	for (size_t k = 0; k < len; k++)
		caps += is_upper(w[k]) || w[k] == '.';
	if (len > 1 && caps == len)
		return 0; /* "ROK", "U.S" */
	lw = draft_fold(w, len);
	lower = strlist_find(&bd->lower_words, lw) >= 0;
	free(lw);
	return !lower;
}

/* An initial ("D.") at token 'i'? */
static int
initial(const struct sent *st, size_t i)
{
	return i < st->nt && st->t[i].e - st->t[i].b == 1 &&
	       draft_tok_cap(st, i) && st->s[st->t[i].e] == '.';
}

/* The name from token 'k' on: its last token, or SIZE_MAX. */
static size_t
name_run(const struct builder *bd, const struct sent *st, size_t k)
{
	size_t e = SIZE_MAX;

	for (size_t i = k; i < st->nt && i < k + 5; i++) {
		if (i > k && !st->t[i].hy && !draft_tok_spaced(st, i - 1) &&
		    !initial(st, i - 1))
			break;
		if (!(name_word(bd, st, i) || (i > k && initial(st, i))) ||
		    (i == k && st->t[i].hy))
			break;
		e = i;
		if (draft_tok_base(st, i) != st->t[i].e - st->t[i].b)
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

	if (!inverted && e > b && draft_tok_in(st, b, first) &&
	    !st->t[b + 1].hy)
		i = b;

	while (!inverted && i > b && st->t[i].hy)
		i--;
	return xstrndup(st->s + st->t[i].b, draft_tok_base(st, i));
}

static void
note_person(struct builder *bd, const struct sent *st, size_t b, size_t e,
            char *sur)
{
	size_t end = st->t[e].b + draft_tok_base(st, e);
	char *form = xstrndup(st->s + st->t[b].b, end - st->t[b].b);
	char *key = draft_fold(form, strlen(form));
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

void
draft_find_people(struct builder *bd, struct sent *st, int para_start,
                  int reference)
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
				if (draft_tok_is(st, k, "and")) {
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
	if (para_start && draft_tok_is(st, 0, "By") && st->nt >= 3 &&
	    st->nt <= 5 && name_run(bd, st, 1) == st->nt - 1) {
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
					        draft_tok_lower(st, x) &&
					        draft_tok_in(st, x, role_words);
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

void
draft_entity_card(struct builder *bd, struct entity *en)
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
		char *fa = draft_fold(alts.v[k], strlen(alts.v[k]));
		char *fg = draft_fold(gap, strlen(gap));
		int dup = strcmp(fa, fg) == 0;

		for (size_t j = 0; j < k && !dup; j++) {
			char *fj = draft_fold(alts.v[j], strlen(alts.v[j]));

			dup = strcmp(fa, fj) == 0;
			free(fj);
		}
		free(fa);
		free(fg);
		if (dup || strchr(alts.v[k], '|') || strchr(alts.v[k], '{') ||
		    strchr(alts.v[k], '}') ||
		    draft_appears_outside(s, alts.v[k], en->b, en->e))
			continue;
		strbuf_addch(&sb, '|');
		strbuf_adds(&sb, alts.v[k]);
		nalt++;
	}
	strbuf_adds(&sb, "}}");
	add_plain(&sb, s, en->e, strlen(s));
	c = draft_add_card(bd, en->kind, CARD_CLOZE, &at, en->b);
	c->text = strbuf_detach(&sb);
	slug = draft_fold(en->surname ? en->surname : gap,
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
