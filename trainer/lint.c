/*
 * lint.c - warnings about cards that load but teach badly.
 */
#include "lint.h"

#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* Folded as answers are (see answer.h): NFKC, case folded, without marks
 * or default-ignorable characters. */
#define FOLD_FLAGS                                                             \
	(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |                \
	 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE)

/* ---- words ------------------------------------------------------------ */

/*
 * Text as a list of folded words, each with the place it is shown in.  A
 * break (s NULL) stands between things that are not read together, such
 * as the text and the hint, or on either side of the gap asked: no run of
 * words matches across it.
 */
struct word {
	char *s;       /* folded UTF-8; NULL for a break */
	int place;     /* where the word starts */
	int place_end; /* where it ends: a word can run on over a gap */
};

struct words {
	struct word *v;
	size_t n;
	size_t alloc;
	struct strbuf cur; /* the word being read, which may go on */
	int cur_place, cur_place_end;
	int joiner; /* a point or apostrophe came after 'cur' */
};

static void
words_push(struct words *w, char *s, int place, int place_end)
{
	w->v = xgrow(w->v, &w->alloc, w->n + 1, sizeof(*w->v));
	w->v[w->n].s = s;
	w->v[w->n].place = place;
	w->v[w->n].place_end = place_end;
	w->n++;
}

/* End the word being read, if any. */
static void
words_end(struct words *w)
{
	w->joiner = 0;
	if (w->cur.len > 0)
		words_push(w, strbuf_detach(&w->cur), w->cur_place,
		           w->cur_place_end);
}

static void
words_break(struct words *w)
{
	words_end(w);
	words_push(w, NULL, 0, 0);
}

/* Letters, marks and digits make words; anything else parts them. */
static int
is_word_char(utf8proc_int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);

	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* A point or an apostrophe between letters does not part them: "U.N."
 * is the word "un", as "UN" is; "People's" is "peoples". */
static int
is_joiner(utf8proc_int32_t cp)
{
	return cp == '.' || cp == '\'' || cp == 0x2019;
}

/*
 * Read the 'len' bytes of 's', shown in 'place', into 'w'.  A word at the
 * end may go on in the next piece ("{{Korea}}n"): words_end ends it.
 */
static void
words_add(struct words *w, const char *s, size_t len, int place)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n, pos = 0;

	if (len == 0)
		return;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &m,
	                 FOLD_FLAGS);
	if (n < 0) { /* not UTF-8: the loader lets none through */
		words_break(w);
		return;
	}
	while (pos < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(m + pos, n - pos, &cp);

		if (k <= 0)
			break;
		if (is_joiner(cp) && w->cur.len > 0 && !w->joiner) {
			w->joiner = 1;
		} else if (!is_word_char(cp)) {
			words_end(w);
		} else {
			w->joiner = 0;
			if (w->cur.len == 0)
				w->cur_place = place;
			w->cur_place_end = place;
			strbuf_add(&w->cur, (const char *)m + pos, (size_t)k);
		}
		pos += k;
	}
	free(m);
}

static void
words_release(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].s);
	free(w->v);
	strbuf_release(&w->cur);
	memset(w, 0, sizeof(*w));
}

static int
word_is(const struct words *w, size_t i, const char *s)
{
	return i < w->n && w->v[i].s && strcmp(w->v[i].s, s) == 0;
}

/* An answer as words, without a leading article when more follows. */
static void
answer_words(const char *answer, struct words *w)
{
	words_add(w, answer, strlen(answer), 0);
	words_end(w);
	if (w->n > 1 && (word_is(w, 0, "the") || word_is(w, 0, "a") ||
	                 word_is(w, 0, "an"))) {
		free(w->v[0].s);
		memmove(w->v, w->v + 1, (w->n - 1) * sizeof(*w->v));
		w->n--;
	}
}

static int
same_word(const struct word *a, const struct word *b)
{
	return a->s && b->s && strcmp(a->s, b->s) == 0;
}

/*
 * Find every run of 'hay' that is the words of 'pat' and set seen[P] for
 * each place P its words are shown in.  Returns whether there was one.
 * Linear in both (Knuth-Morris-Pratt, and each word marked once), however
 * the words repeat.
 */
static int
find_runs(const struct words *pat, const struct words *hay, unsigned char *seen)
{
	size_t *fail, k = 0, marked = 0;
	int found = 0;

	if (pat->n == 0)
		return 0;
	fail = xcalloc(pat->n, sizeof(*fail));
	for (size_t i = 1; i < pat->n; i++) {
		while (k > 0 && !same_word(&pat->v[i], &pat->v[k]))
			k = fail[k - 1];
		if (same_word(&pat->v[i], &pat->v[k]))
			k++;
		fail[i] = k;
	}
	k = 0;
	for (size_t i = 0; i < hay->n; i++) {
		while (k > 0 && !same_word(&hay->v[i], &pat->v[k]))
			k = fail[k - 1];
		if (same_word(&hay->v[i], &pat->v[k]))
			k++;
		if (k < pat->n)
			continue;
		found = 1;
		for (size_t j = i + 1 - k; j <= i; j++) {
			if (j < marked)
				continue;
			seen[hay->v[j].place] = 1;
			seen[hay->v[j].place_end] = 1;
		}
		marked = i + 1;
		k = fail[k - 1];
	}
	free(fail);
	return found;
}

/* ---- cloze giveaways -------------------------------------------------- */

/* Where a cloze card shows text: the text, the hint, or gap j at
 * PLACE_GAP + j (j from 1). */
enum { PLACE_TEXT, PLACE_HINT, PLACE_GAP };

/* "taft-katsura-trade" for the gap card "taft-katsura-trade.2". */
static char *
family_id(const struct card *c)
{
	const char *dot = strrchr(c->id, '.');

	return dot ? xstrndup(c->id, (size_t)(dot - c->id)) : xstrdup(c->id);
}

/*
 * What cloze card 'c' shows while its gap is asked, as words: the text
 * with the other gaps filled with their first alternative (as
 * deck.c's cloze_question shows it), the asked gap a break, then the
 * hint.  Returns the number of gaps.
 */
static size_t
shown_words(const struct card *c, struct words *w)
{
	const char *p = c->text, *open;
	size_t ngaps = 0;

	while ((open = strstr(p, "{{")) != NULL) {
		const char *in = open + 2, *close = strstr(in, "}}");
		const char *bar;

		if (close == NULL) /* the loader refuses it */
			break;
		words_add(w, p, (size_t)(open - p), PLACE_TEXT);
		ngaps++;
		if (ngaps == c->gap) {
			words_break(w);
		} else {
			bar = memchr(in, '|', (size_t)(close - in));
			words_add(w, in, (size_t)((bar ? bar : close) - in),
			          PLACE_GAP + (int)ngaps);
		}
		p = close + 2;
	}
	words_add(w, p, strlen(p), PLACE_TEXT);
	if (c->hint) {
		words_break(w);
		words_add(w, c->hint, strlen(c->hint), PLACE_HINT);
	}
	words_end(w);
	return ngaps;
}

/* "the text, gap 3 and the hint": the places set in 'seen'. */
static char *
places_text(const unsigned char *seen, size_t ngaps)
{
	struct strlist names = { 0 };
	struct strbuf sb = { 0 };

	if (seen[PLACE_TEXT])
		strlist_push(&names, "the text");
	for (size_t j = 1; j <= ngaps; j++)
		if (seen[PLACE_GAP + j]) {
			char *g = xasprintf("gap %zu", j);

			strlist_push(&names, g);
			free(g);
		}
	if (seen[PLACE_HINT])
		strlist_push(&names, "the hint");
	for (size_t i = 0; i < names.n; i++) {
		if (i > 0)
			strbuf_adds(&sb, i + 1 == names.n ? " and " : ", ");
		strbuf_adds(&sb, names.v[i]);
	}
	strlist_release(&names);
	return strbuf_detach(&sb);
}

/* Does an alternative of the gap 'c' asks show elsewhere?  One warning
 * for the first alternative that does, naming every place it shows. */
static size_t
lint_cloze(const struct deck *deck, const struct card *c,
           struct diag_list *diags)
{
	struct words shown = { 0 };
	size_t ngaps = shown_words(c, &shown), nwarn = 0;
	unsigned char *seen = xcalloc(PLACE_GAP + ngaps + 1, 1);

	for (size_t i = 0; i <= c->accept.n && nwarn == 0; i++) {
		const char *alt = i == 0 ? c->a : c->accept.v[i - 1];
		struct words pat = { 0 };

		answer_words(alt, &pat);
		if (find_runs(&pat, &shown, seen)) {
			char *id = family_id(c),
			     *where = places_text(seen, ngaps);

			diag_add(diags, DIAG_WARNING, deck->file, c->line,
			         c->col,
			         "gap %zu of '%s' is given away: its answer "
			         "'%s' also appears in %s",
			         c->gap, id, alt, where);
			free(id);
			free(where);
			nwarn++;
		}
		words_release(&pat);
	}
	free(seen);
	words_release(&shown);
	return nwarn;
}

/* ---- reversed cards --------------------------------------------------- */

/* 'c' is a card and 'twin' the card after it, perhaps its reverse. */
static size_t
lint_reverse(const struct deck *deck, const struct card *c,
             const struct card *twin, struct diag_list *diags)
{
	if (twin == NULL || !twin->reverse_of || c->accept.n > 0)
		return 0;
	diag_add(diags, DIAG_WARNING, deck->file, c->line, c->col,
	         "card '%s' is reversed but has no 'accept' list: '%s' "
	         "must be typed as written (list the other right answers in "
	         "'accept')",
	         c->id, c->a);
	return 1;
}

/* ---- date precision --------------------------------------------------- */

unsigned
lint_date_question(const char *q)
{
	struct words w = { 0 };
	unsigned flags = 0;

	words_add(&w, q, strlen(q), 0);
	words_end(&w);
	for (size_t i = 0; i < w.n; i++) {
		int asked = i > 0 && (word_is(&w, i - 1, "what") ||
		                      word_is(&w, i - 1, "which"));

		if (word_is(&w, i, "date")) {
			flags |= LINT_ASKS_DAY;
			if (!(i > 0 && word_is(&w, i - 1, "to")))
				flags |= LINT_WANTS_DAY;
		} else if (word_is(&w, i, "day")) {
			flags |= LINT_ASKS_DAY | (asked ? LINT_WANTS_DAY : 0);
		} else if (word_is(&w, i, "exact") ||
		           word_is(&w, i, "exactly") ||
		           word_is(&w, i, "precise") ||
		           word_is(&w, i, "precisely")) {
			flags |= LINT_ASKS_DAY;
		} else if (word_is(&w, i, "month")) {
			flags |=
			    LINT_ASKS_MONTH | (asked ? LINT_WANTS_MONTH : 0);
		}
	}
	words_release(&w);
	return flags;
}

static size_t
lint_date(const struct deck *deck, const struct card *c,
          struct diag_list *diags)
{
	unsigned asks = lint_date_question(c->q);
	const char *what, *problem = NULL, *ask;
	char when[64];

	date_format_words(&c->date, when, sizeof(when));
	if (c->date.day) {
		what = "a day";
		ask = "On what date";
		if (!(asks & LINT_ASKS_DAY))
			problem = "does not ask for the date";
	} else if (c->date.month) {
		what = "a month";
		ask = "In which month";
		if (asks & LINT_WANTS_DAY)
			problem = "asks for the date";
		else if (!(asks & LINT_ASKS_MONTH))
			problem = "does not ask for the month";
	} else {
		what = "only a year";
		ask = "In what year";
		if (asks & LINT_WANTS_DAY)
			problem = "asks for the date";
		else if (asks & LINT_WANTS_MONTH)
			problem = "asks for the month";
	}
	if (problem == NULL)
		return 0;
	diag_add(diags, DIAG_WARNING, deck->file, c->line, c->col,
	         "the answer of '%s' is %s (%s) but its question %s (ask "
	         "\"%s ...?\")",
	         c->id, what, when, problem, ask);
	return 1;
}

/* ---- events ----------------------------------------------------------- */

/* 'event' folded as answers are, its words one space apart, for
 * comparing names (free it). */
static char *
folded_event(const char *event)
{
	struct words w = { 0 };
	struct strbuf sb = { 0 };

	words_add(&w, event, strlen(event), 0);
	words_end(&w);
	for (size_t i = 0; i < w.n; i++) {
		if (i > 0)
			strbuf_addch(&sb, ' ');
		strbuf_adds(&sb, w.v[i].s);
	}
	words_release(&w);
	return sb.len ? strbuf_detach(&sb) : xstrdup("");
}

/* The events named so far in a deck, folded: name -> its first card. */
struct events {
	struct strmap first;
	char **names; /* the keys of 'first', one per card (or NULL) */
};

/* Has date card 'c' (the i'th) an event, named once in the deck? */
static size_t
lint_event(const struct deck *deck, size_t i, struct events *ev,
           struct diag_list *diags)
{
	const struct card *c = &deck->cards[i], *first;

	if (c->event == NULL) {
		diag_add(diags, DIAG_WARNING, deck->file, c->line, c->col,
		         "the date card '%s' has no 'event' (a short name of "
		         "what happened, for 'trainer timeline' and chronology "
		         "questions)",
		         c->id);
		return 1;
	}
	ev->names[i] = folded_event(c->event);
	first = strmap_put(&ev->first, ev->names[i], (void *)c);
	if (first == NULL)
		return 0;
	diag_add(diags, DIAG_WARNING, deck->file, c->line, c->col,
	         "the event '%s' of '%s' has the same name as that of '%s' "
	         "(line %d): name each event once",
	         c->event, c->id, first->id, first->line);
	return 1;
}

/* ---- the deck --------------------------------------------------------- */

size_t
lint_deck(const struct deck *deck, struct diag_list *diags)
{
	struct events ev = { { 0 }, NULL };
	size_t n = 0;

	ev.names = xcalloc(deck->ncards + 1, sizeof(*ev.names));
	for (size_t i = 0; i < deck->ncards; i++) {
		const struct card *c = &deck->cards[i];

		if (c->type == CARD_CLOZE && c->text)
			n += lint_cloze(deck, c, diags);
		else if (c->type == CARD_TEXT && !c->reverse_of)
			n += lint_reverse(deck, c,
			                  i + 1 < deck->ncards ? c + 1 : NULL,
			                  diags);
		else if (c->type == CARD_DATE)
			n += lint_date(deck, c, diags) +
			     lint_event(deck, i, &ev, diags);
	}
	strmap_release(&ev.first);
	for (size_t i = 0; i < deck->ncards; i++)
		free(ev.names[i]);
	free(ev.names);
	return n;
}
