/*
 * session.c - review, quiz and drill sessions.
 *
 * The cards matching the filters are loaded once from the store.  A
 * review asks the due cards first (least likely remembered first), then
 * new cards up to the day's limit; a card still in its learning steps
 * waits in 'learning' until its step falls due, or comes early (up to
 * the learn-ahead setting, 20 minutes) when nothing else is left.  A quiz
 * asks 'count' random cards once; a drill asks every card until each was
 * answered right once.  Quiz and drill answers are logged but leave the
 * schedule alone.
 */
#include "session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answer.h"
#include "clock.h"
#include "isotime.h"

#define MAX_UNDO 64

static const char *const commands_help =
    ":hint     a hint (the answer then counts at most as Hard)\n"
    ":dunno    give up: see the answer, counted as wrong (also ?)\n"
    ":skip     skip this card (until tomorrow; in a quiz, another comes)\n"
    ":undo     take back the last answer (not in a quiz)\n"
    ":note     the note of the last card answered, naming it\n"
    ":suspend  never ask this card again (until unsuspended)\n"
    ":stats    how this session is going\n"
    ":help     this list\n"
    ":quit     end the session (Ctrl-D and Ctrl-C too)\n"
    "a unique start of a command is enough: :q, :hi, :no, :st\n";

/* A tag's tally in this session. */
struct tally {
	char *tag;
	int asked, right;
};

struct undo {
	long long review;
	size_t card;
	struct fsrs_card before;
	int counted_right;
	int from_learning; /* the card went to the learning list after */
	int from;          /* where it came from when it was asked */
	long long ms;      /* the time spent answering it */
};

/* A quiz answer to go over at the end. */
struct missed {
	size_t card;
	char *typed;
	char *expected; /* as it was shown (choice numbers) */
};

struct session {
	struct store *st;
	const struct session_opts *o;
	const struct session_io *io;
	struct diag_list *diags;
	struct store_card *cards;
	size_t ncards;
	long long start_ms;
	long long id; /* the session's row, 0 until the first question */
	uint64_t rng;

	size_t *queue; /* cards to ask, in order */
	size_t nqueue, qhead, qalloc;
	size_t *fresh; /* review: new cards in deck order */
	size_t nfresh, fhead;
	size_t *learning; /* review: cards waiting for their step */
	size_t nlearning;
	int new_left; /* review: new cards still allowed today */

	int asked, right;
	long long answer_ms; /* time spent answering, of the answers kept */
	int hinted_right;    /* quiz: right after a hint */
	struct tally *tallies;
	size_t ntallies;
	struct missed *missed; /* quiz: answered wrong, for the summary */
	size_t nmissed, missed_alloc;
	struct undo undo[MAX_UNDO];
	int nundo;
	long long last_card; /* index + 1 of the card answered last */
	int from;            /* where the card being asked came from */
	int quit;
	int interrupted;
};

static void say(struct session *s, enum session_style style, const char *fmt,
                ...) __attribute__((format(printf, 3, 4)));

static void
say(struct session *s, enum session_style style, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	s->io->say(s->io->ctx, style, text);
	free(text);
}

static long long
now(struct session *s)
{
	return s->o->start + (s->io->clock_ms(s->io->ctx) - s->start_ms) / 1000;
}

static uint64_t
rand64(struct session *s)
{
	uint64_t x = (s->rng += 0x9E3779B97F4A7C15ull);

	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

static void
shuffle(struct session *s, size_t *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rand64(s) % i, t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

void
session_format_interval(long long seconds, char *buf, size_t size)
{
	double d = (double)seconds / 86400;

	if (seconds < 60)
		snprintf(buf, size, "%llds", seconds < 0 ? 0 : seconds);
	else if (seconds < 3600)
		snprintf(buf, size, "%lldm", (seconds + 30) / 60);
	else if (seconds < 86400)
		snprintf(buf, size, "%lldh", (seconds + 1800) / 3600);
	else if (d < 30)
		snprintf(buf, size, "%.0fd", d);
	else if (d < 365)
		snprintf(buf, size, "%.1fmo", d / 30.4375);
	else
		snprintf(buf, size, "%.1fy", d / 365.25);
}

/* ---- the queue ---- */

/* A due card and what orders it: least likely remembered first, then
 * the longest overdue. */
struct due_key {
	double r;
	long long due;
	size_t card;
};

static int
due_key_cmp(const void *a, const void *b)
{
	const struct due_key *x = a, *y = b;

	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->card < y->card ? -1 : x->card > y->card;
}

/* Order the due cards in 'v' by their recall now. */
static void
sort_queue(struct session *s, size_t *v, size_t n)
{
	struct fsrs_when w = clock_when(s->o->start, s->o->rollover);
	struct due_key *k = xcalloc(n + 1, sizeof(*k));

	for (size_t i = 0; i < n; i++) {
		const struct store_card *c = &s->cards[v[i]];

		k[i].r = fsrs_retrievability(s->o->params, &c->mem, w);
		k[i].due = c->mem.due;
		k[i].card = v[i];
	}
	xqsort(k, n, sizeof(*k), due_key_cmp);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].card;
	free(k);
}

static int
available(const struct store_card *c, long long t)
{
	return !c->suspended && (c->buried_until == 0 || c->buried_until <= t);
}

/*
 * Are 'a' and 'b' siblings: two cards of one note, the gaps of one cloze
 * (ID.1, ID.2) or the two directions of a reversed card (ID, ID.reverse)?
 * Ids are letters, digits and dashes, so a '.' only starts such a suffix:
 * the note is the id up to it (note_len).
 */
static size_t
note_len(const struct store_card *c)
{
	return strcspn(c->card.id, ".");
}

static int
siblings(const struct store_card *a, const struct store_card *b)
{
	size_t la = note_len(a), lb = note_len(b);

	return a != b && la == lb && strncmp(a->card.id, b->card.id, la) == 0 &&
	       strcmp(a->deck, b->deck) == 0;
}

/* Drop from 'v[from..*n)' the siblings of card 'idx', calling 'bury' on
 * each; returns how many went. */
static size_t
drop_siblings(struct session *s, size_t *v, size_t from, size_t *n, size_t idx,
              long long until, int *rc)
{
	size_t kept = from, gone = 0;

	for (size_t i = from; i < *n; i++) {
		struct store_card *c = &s->cards[v[i]];

		if (!siblings(c, &s->cards[idx])) {
			v[kept++] = v[i];
			continue;
		}
		gone++;
		if (*rc == 0)
			*rc = store_bury(s->st, c->id, until, s->diags);
		c->buried_until = until;
	}
	*n = kept;
	return gone;
}

/*
 * Review: once a card is answered, its siblings that are new or due are
 * held until the next day (Anki's "bury siblings"), here and in the
 * store, so a later session today does not ask them either.
 */
static int
bury_siblings(struct session *s, size_t idx)
{
	long long until = clock_day_end(now(s), s->o->rollover);
	int rc = 0;

	if (s->o->mode != SESSION_REVIEW || s->o->keep_siblings)
		return 0;
	drop_siblings(s, s->queue, s->qhead, &s->nqueue, idx, until, &rc);
	drop_siblings(s, s->fresh, s->fhead, &s->nfresh, idx, until, &rc);
	return rc;
}

/* Does the card at 'at' in 'v' (of 'n') follow its sibling? */
static int
clash(struct session *s, const size_t *v, size_t n, size_t at)
{
	return at > 0 && at < n &&
	       siblings(&s->cards[v[at - 1]], &s->cards[v[at]]);
}

/* Swap places 'i' and 'j' when neither then follows or precedes a
 * sibling; 1 when done. */
static int
try_swap(struct session *s, size_t *v, size_t n, size_t i, size_t j)
{
	size_t t = v[i];

	v[i] = v[j];
	v[j] = t;
	if (!clash(s, v, n, i) && !clash(s, v, n, i + 1) &&
	    !clash(s, v, n, j) && !clash(s, v, n, j + 1))
		return 1;
	v[j] = v[i];
	v[i] = t;
	return 0;
}

/* A card in line, for spreading siblings out. */
struct spread {
	size_t card;
	size_t group;   /* the first place its note took in the line */
	size_t members; /* the cards of its note in the line */
	size_t pos;     /* its place in the line */
};

static int
spread_cmp(const void *a, const void *b)
{
	const struct spread *x = a, *y = b;

	if (x->members != y->members)
		return x->members > y->members ? -1 : 1;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * Spread the siblings in 'v' out: the cards by note, the largest notes
 * first, dealt to every other place (0, 2, 4..., then 1, 3...).  No two
 * siblings are then next to each other unless one note has more than
 * half the cards.
 */
static void
spread_out(struct session *s, size_t *v, size_t n)
{
	struct spread *sp = xcalloc(n + 1, sizeof(*sp));
	struct strmap first = { 0 };
	struct strlist keys = { 0 };
	size_t at = 0;

	for (size_t i = 0; i < n; i++) {
		const struct store_card *c = &s->cards[v[i]];
		char *key =
		    xasprintf("%s/%.*s", c->deck, (int)note_len(c), c->card.id);
		struct spread *g;

		strlist_push(&keys, key);
		free(key);
		g = strmap_put(&first, keys.v[keys.n - 1], &sp[i]);
		sp[i] = (struct spread){ v[i], g ? g->group : i, 0, i };
		sp[g ? g->group : i].members++;
	}
	for (size_t i = 0; i < n; i++)
		sp[i].members = sp[sp[i].group].members;
	xqsort(sp, n, sizeof(*sp), spread_cmp);
	for (size_t i = 0; i < n; i++) {
		v[at] = sp[i].card;
		at += 2;
		if (at >= n)
			at = 1;
	}
	strmap_release(&first);
	strlist_release(&keys);
	free(sp);
}

/*
 * Quiz and drill: no two siblings one after the other while other cards
 * are left (the one would give the other away).  A card that follows its
 * sibling changes places with another card where both then fit; when
 * that is not enough, the siblings are spread out.
 */
static void
keep_siblings_apart(struct session *s, size_t *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int done = !clash(s, v, n, i);

		for (size_t j = i + 1; !done && j < n; j++)
			done = try_swap(s, v, n, i, j);
		for (size_t j = 0; !done && j + 1 < i; j++)
			done = try_swap(s, v, n, i, j);
		if (!done) {
			spread_out(s, v, n);
			return;
		}
	}
}

/* A new card's place in the order: its place in its deck, then its deck. */
struct fresh_key {
	size_t card;
	size_t rank; /* its place among its deck's new cards */
	size_t deck; /* its deck's place among the decks */
};

static int
fresh_key_cmp(const void *a, const void *b)
{
	const struct fresh_key *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return (x->deck > y->deck) - (x->deck < y->deck);
}

/*
 * The new cards' order: in deck order, the decks taken in turns (the
 * first card of each deck, then the second...), not one deck after the
 * other; or, with new_random, shuffled from the seed and the day, so a
 * session started again the same day keeps the order.
 */
static void
order_fresh(struct session *s, long long today)
{
	struct fresh_key *k;
	size_t deck = 0, rank = 0;

	if (s->o->new_random) {
		uint64_t saved = s->rng;

		s->rng = s->o->seed ^ ((uint64_t)today * 0x9E3779B97F4A7C15ull);
		shuffle(s, s->fresh, s->nfresh);
		s->rng = saved;
		return;
	}
	k = xcalloc(s->nfresh + 1, sizeof(*k));
	/* the cards come in deck order: count the places as they come */
	for (size_t i = 0; i < s->nfresh; i++) {
		if (i > 0 && strcmp(s->cards[s->fresh[i]].deck,
		                    s->cards[s->fresh[i - 1]].deck) != 0) {
			deck++;
			rank = 0;
		}
		k[i] = (struct fresh_key){ s->fresh[i], rank++, deck };
	}
	xqsort(k, s->nfresh, sizeof(*k), fresh_key_cmp);
	for (size_t i = 0; i < s->nfresh; i++)
		s->fresh[i] = k[i].card;
	free(k);
}

static void
build_review(struct session *s)
{
	long long t = s->o->start;
	long long today = clock_when(t, s->o->rollover).day;
	long long day_end = clock_day_end(t, s->o->rollover);

	s->new_left = s->o->new_per_day - (int)store_new_on_day(s->st, today);
	if (s->new_left < 0)
		s->new_left = 0;
	for (size_t i = 0; i < s->ncards; i++) {
		const struct store_card *c = &s->cards[i];

		if (!available(c, t))
			continue;
		if (c->mem.state == FSRS_NEW)
			s->fresh[s->nfresh++] = i;
		else if (fsrs_is_due(&c->mem, t, day_end))
			s->queue[s->nqueue++] = i;
		else if (c->mem.state != FSRS_REVIEW &&
		         c->mem.due <= t + s->o->learn_ahead)
			s->learning[s->nlearning++] = i;
	}
	sort_queue(s, s->queue, s->nqueue);
	order_fresh(s, today);
}

static void
build_quiz(struct session *s)
{
	for (size_t i = 0; i < s->ncards; i++)
		if (!s->cards[i].suspended)
			s->queue[s->nqueue++] = i;
	shuffle(s, s->queue, s->nqueue);
	/* a quiz keeps the whole line: a card skipped makes room for the
	 * next, and the quiz ends after 'count' answers */
	keep_siblings_apart(s, s->queue, s->nqueue);
}

/* The index of the learning card due first, or -1. */
static long
first_learning(const struct session *s)
{
	long best = -1;

	for (size_t i = 0; i < s->nlearning; i++)
		if (best < 0 || s->cards[s->learning[i]].mem.due <
		                    s->cards[s->learning[best]].mem.due)
			best = (long)i;
	return best;
}

enum { FROM_QUEUE, FROM_FRESH, FROM_LEARNING };

static size_t
take_learning(struct session *s, long i)
{
	size_t card = s->learning[i];

	s->learning[i] = s->learning[--s->nlearning];
	s->from = FROM_LEARNING;
	return card;
}

/* Put card 'idx', being asked, back where it came from. */
static void
put_back(struct session *s, size_t idx)
{
	if (s->from == FROM_FRESH) {
		s->fhead--;
		s->new_left++;
	} else if (s->from == FROM_LEARNING) {
		s->learning[s->nlearning++] = idx;
	} else {
		s->qhead--;
	}
}

/* The next card to ask, or -1 when the session is done. */
static long
next_card(struct session *s)
{
	long l;

	if (s->o->mode == SESSION_REVIEW && s->o->limit > 0 &&
	    s->asked >= s->o->limit)
		return -1;
	s->from = FROM_QUEUE;
	if (s->o->mode == SESSION_QUIZ && s->asked >= s->o->count)
		return -1;
	if (s->o->mode != SESSION_REVIEW)
		return s->qhead < s->nqueue ? (long)s->queue[s->qhead++] : -1;
	l = first_learning(s);
	if (l >= 0 && s->cards[s->learning[l]].mem.due <= now(s))
		return (long)take_learning(s, l);
	s->from = FROM_QUEUE;
	if (s->qhead < s->nqueue)
		return (long)s->queue[s->qhead++];
	if (s->fhead < s->nfresh && s->new_left > 0) {
		s->new_left--;
		s->from = FROM_FRESH;
		return (long)s->fresh[s->fhead++];
	}
	if (l >= 0 &&
	    s->cards[s->learning[l]].mem.due <= now(s) + s->o->learn_ahead)
		return (long)take_learning(s, l);
	return -1;
}

/* ---- asking ---- */

static const char *
type_hint(const struct card *c, char *buf, size_t size)
{
	switch (c->type) {
	case CARD_DATE:
		return "a date";
	case CARD_NUMBER:
		if (c->unit && strcmp(c->unit, "$") == 0)
			return "a number, in dollars";
		if (c->unit && strcmp(c->unit, "%") == 0)
			return "a percentage";
		if (c->unit) {
			snprintf(buf, size, "a number (%s)", c->unit);
			return buf;
		}
		return "a number";
	case CARD_CHOICE:
		snprintf(buf, size, "choose 1-%zu", c->choices.n);
		return buf;
	case CARD_ORDER:
		return "put in order: type the numbers, like 2 1 3";
	case CARD_CLOZE:
		return "fill the gap";
	default:
		return NULL;
	}
}

static void
show_question(struct session *s, const struct store_card *sc, const int *shown,
              size_t nshown)
{
	const struct card *c = &sc->card;
	char buf[64], pos[64];
	const char *hint = type_hint(c, buf, sizeof(buf));

	if (s->o->mode == SESSION_QUIZ)
		snprintf(pos, sizeof(pos), "%d/%zu", s->asked + 1,
		         s->nqueue < (size_t)s->o->count ? s->nqueue
		                                         : (size_t)s->o->count);
	else if (s->o->mode == SESSION_DRILL)
		snprintf(pos, sizeof(pos), "%zu left",
		         s->nqueue - s->qhead + 1);
	else /* what is left, the card on screen included */
		snprintf(pos, sizeof(pos), "%zu due · %zu learning · %zu new",
		         s->nqueue - s->qhead + (s->from == FROM_QUEUE),
		         s->nlearning + (s->from == FROM_LEARNING),
		         (size_t)(s->new_left < (int)(s->nfresh - s->fhead)
		                      ? s->new_left
		                      : (int)(s->nfresh - s->fhead)) +
		             (s->from == FROM_FRESH));
	say(s, STYLE_TITLE, "\n[%s] %s%s%s", pos, sc->deck, hint ? " · " : "",
	    hint ? hint : "");
	if (s->o->mode == SESSION_REVIEW && s->from == FROM_LEARNING &&
	    sc->mem.due > now(s)) {
		/* learn-ahead: nothing else is left, so it comes early */
		char ivl[16];

		session_format_interval(sc->mem.due - now(s), ivl, sizeof(ivl));
		say(s, STYLE_TITLE, " · early: due in %s", ivl);
	}
	say(s, STYLE_TITLE, "\n");
	say(s, STYLE_QUESTION, "%s\n", c->q);
	for (size_t i = 0; i < nshown; i++)
		say(s, STYLE_PLAIN, "  %zu. %s\n", i + 1,
		    c->type == CARD_CHOICE ? c->choices.v[shown[i]]
		                           : c->items.v[shown[i]]);
}

/* The hint: the deck's, else one made from the answer. */
static char *
make_hint(const struct card *c, const int *shown, size_t nshown)
{
	struct strbuf sb = { 0 };

	if (c->hint)
		return xstrdup(c->hint);
	switch (c->type) {
	case CARD_DATE:
		strbuf_addf(&sb, "in the %d0s", c->date.year / 10);
		break;
	case CARD_NUMBER:
		strbuf_addf(&sb, "it starts with %c", c->a[strspn(c->a, "$ ")]);
		break;
	case CARD_CHOICE:
		for (size_t i = 0; i < nshown; i++)
			if (strcmp(c->choices.v[shown[i]], c->a) != 0) {
				strbuf_addf(&sb, "not %zu", i + 1);
				break;
			}
		break;
	case CARD_ORDER:
		for (size_t i = 0; i < nshown; i++)
			if (shown[i] == 0)
				strbuf_addf(&sb, "%zu comes first", i + 1);
		break;
	default: /* the first letter of each word */
		for (const char *p = c->a; *p;) {
			size_t n = strcspn(p, " ");
			size_t first = 1;

			while (first < n &&
			       ((unsigned char)p[first] & 0xC0) == 0x80)
				first++;
			strbuf_add(&sb, p, first);
			strbuf_adds(&sb, n > first ? "... " : " ");
			p += n;
			p += strspn(p, " ");
		}
		break;
	}
	return strbuf_detach(&sb);
}

static struct tally *
tally_for(struct session *s, const char *tag)
{
	for (size_t i = 0; i < s->ntallies; i++)
		if (strcmp(s->tallies[i].tag, tag) == 0)
			return &s->tallies[i];
	s->tallies =
	    xrealloc(s->tallies, (s->ntallies + 1) * sizeof(*s->tallies));
	s->tallies[s->ntallies] = (struct tally){ xstrdup(tag), 0, 0 };
	return &s->tallies[s->ntallies++];
}

static void
count_answer(struct session *s, const struct card *c, int right, long long ms,
             int sign)
{
	s->asked += sign;
	s->answer_ms += sign * ms;
	s->right += sign * right;
	for (size_t i = 0; i < c->tags.n; i++) {
		struct tally *t = tally_for(s, c->tags.v[i]);

		t->asked += sign;
		t->right += sign * right;
	}
}

/* Is the diff worth showing: the typed answer has at least half of the
 * expected one in it (a diff of two unrelated words is noise)? */
static int
diff_helps(const struct answer_result *r)
{
	size_t same = 0, missing = 0;

	for (size_t i = 0; i < r->ndiff; i++) {
		if (r->diff[i].kind == DIFF_SAME)
			same += strlen(r->diff[i].text);
		else if (r->diff[i].kind == DIFF_MISSING)
			missing += strlen(r->diff[i].text);
	}
	return r->ndiff > 0 && same >= missing;
}

static void
show_feedback(struct session *s, const struct card *c,
              const struct answer_result *r, const char *typed,
              const int *shown, size_t nshown)
{
	static const char *const words[] = {
		[VERDICT_WRONG] = "wrong",
		[VERDICT_PARTIAL] = "partly right",
		[VERDICT_CLOSE] = "close enough",
		[VERDICT_RIGHT] = "right",
	};
	enum session_style style = r->verdict == VERDICT_RIGHT   ? STYLE_RIGHT
	                           : r->verdict == VERDICT_WRONG ? STYLE_WRONG
	                                                         : STYLE_CLOSE;

	if (r->verdict == VERDICT_RIGHT)
		say(s, style, "%s: %s\n", words[r->verdict], r->expected);
	else if (r->verdict == VERDICT_CLOSE) /* said once, with the spelling */
		say(s, style, "close enough, accepted: the spelling is %s\n",
		    r->expected);
	else
		say(s, style, "%s: the answer is %s\n", words[r->verdict],
		    r->expected);
	if (r->explain && r->verdict != VERDICT_CLOSE)
		say(s, STYLE_PLAIN, "  %s\n", r->explain);
	if (r->verdict != VERDICT_RIGHT && *typed && diff_helps(r)) {
		/* two aligned lines: exactly what was typed, its extra
		 * characters marked; the alternative it came nearest to, its
		 * missing characters marked */
		struct strbuf want = { 0 };

		for (size_t i = 0; i < r->ndiff; i++)
			if (r->diff[i].kind != DIFF_EXTRA)
				strbuf_adds(&want, r->diff[i].text);
		say(s, STYLE_PLAIN, "  %-14s", "you typed:");
		for (size_t i = 0; i < r->ndiff; i++)
			if (r->diff[i].kind != DIFF_MISSING)
				s->io->say(s->io->ctx,
				           r->diff[i].kind == DIFF_SAME
				               ? STYLE_PLAIN
				               : STYLE_EXTRA,
				           r->diff[i].kind == DIFF_SAME
				               ? r->diff[i].typed
				               : r->diff[i].text);
		say(s, STYLE_PLAIN, "\n  %-14s",
		    c->a && want.len && strcmp(want.buf, c->a) != 0
		        ? "closest form:"
		        : "the answer:");
		for (size_t i = 0; i < r->ndiff; i++)
			if (r->diff[i].kind != DIFF_EXTRA)
				s->io->say(s->io->ctx,
				           r->diff[i].kind == DIFF_SAME
				               ? STYLE_PLAIN
				               : STYLE_MISSING,
				           r->diff[i].text);
		say(s, STYLE_PLAIN, "\n");
		strbuf_release(&want);
	}
	/* the items in the right order, with the numbers they were shown by */
	if (c->type == CARD_ORDER && r->verdict != VERDICT_RIGHT)
		for (size_t i = 0; i < c->items.n; i++)
			for (size_t j = 0; j < nshown; j++)
				if (shown[j] == (int)i)
					say(s, STYLE_PLAIN, "  %zu. %s\n",
					    j + 1, c->items.v[i]);
	if (c->note)
		say(s, STYLE_DIM, "  %s\n", c->note);
}

static const char *const rating_names[] = { "", "Again", "Hard", "Good",
	                                    "Easy" };

/* The rating as one key: 1-4 or a/h/g/e, Enter for the suggestion, u
 * to take the answer back (0). */
static int
rating_key(struct session *s, int suggested)
{
	static const char letters[] = "ahge";

	for (;;) {
		char prompt[96];
		int interrupted = 0, key;
		const char *l;

		snprintf(prompt, sizeof(prompt),
		         "rating 1-4 [Enter: %s, u: take back] ",
		         rating_names[suggested]);
		key = s->io->ask_key(s->io->ctx, prompt, &interrupted);
		if (key < 0) { /* keep the answer; end after it */
			s->quit = 1;
			s->interrupted |= interrupted;
			return suggested;
		}
		if (key == '\n' || key == ' ')
			return suggested;
		if (key >= '1' && key <= '4')
			return key - '0';
		if (key == 'u' || key == 'U')
			return 0;
		if (key >= 'A' && key <= 'Z')
			key += 'a' - 'A';
		if (key != 0 && (l = strchr(letters, key)) != NULL)
			return (int)(l - letters) + 1;
		say(s, STYLE_PLAIN,
		    "press 1 or a (Again), 2 or h (Hard), 3 or g (Good), 4 or "
		    "e (Easy), Enter for %s, or u to take the answer back\n",
		    rating_names[suggested]);
	}
}

/* The rating as a line (a terminal without keys). */
static int
rating_line(struct session *s, int suggested)
{
	for (;;) {
		char prompt[64];
		int interrupted = 0;
		char *line;

		snprintf(prompt, sizeof(prompt), "rating 1-4 [Enter: %s] ",
		         rating_names[suggested]);
		line = s->io->ask(s->io->ctx, prompt, &interrupted);
		if (line == NULL) { /* keep the answer; end after it */
			s->quit = 1;
			s->interrupted |= interrupted;
			return suggested;
		}
		if (line[strspn(line, " ")] == '\0') {
			free(line);
			return suggested;
		}
		if (line[0] >= '1' && line[0] <= '4' &&
		    line[1 + strspn(line + 1, " ")] == '\0') {
			int g = line[0] - '0';

			free(line);
			return g;
		}
		free(line);
		say(s, STYLE_PLAIN,
		    "type 1 (Again), 2 (Hard), 3 (Good) or 4 "
		    "(Easy), or Enter for %s\n",
		    rating_names[suggested]);
	}
}

/* Review: show what each rating would do and get the rating (1-4), or
 * 0 when the learner takes the answer back before it is saved. */
static int
choose_rating(struct session *s, const struct store_card *sc,
              struct fsrs_when w, int suggested, struct fsrs_card out[4])
{
	struct strbuf sb = { 0 };
	char ivl[16];

	fsrs_preview(s->o->params, &sc->mem, w, out);
	for (int g = 0; g < 4; g++) {
		session_format_interval(out[g].due - w.time, ivl, sizeof(ivl));
		strbuf_addf(&sb, "%s%s %s", g ? " · " : "", rating_names[g + 1],
		            ivl);
	}
	if (!s->io->interactive) {
		strbuf_release(&sb);
		return suggested;
	}
	say(s, STYLE_DIM, "%s\n", sb.buf);
	strbuf_release(&sb);
	return s->io->ask_key ? rating_key(s, suggested)
	                      : rating_line(s, suggested);
}

static int
ensure_session(struct session *s)
{
	static const char *const modes[] = { "review", "quiz", "drill" };

	if (s->id)
		return 0;
	return store_session_begin(s->st, modes[s->o->mode],
	                           s->o->filters ? s->o->filters : "{}", now(s),
	                           &s->id, s->diags);
}

/*
 * Save an answer.  When another session answered the card first, read
 * its state again into 'before' (which a->before points to), schedule
 * from there into 'after', and try again.
 */
static int
save_answer(struct session *s, struct store_card *sc, struct store_answer *a,
            struct fsrs_card *before, struct fsrs_card *after, int rating,
            long long *review)
{
	int rc = -EX_TEMPFAIL;

	for (int tries = 0; rc == -EX_TEMPFAIL && tries < 3; tries++) {
		struct diag_list conflict = { 0 };

		rc = store_answer(s->st, a, review, &conflict);
		if (rc == -EX_TEMPFAIL && tries < 2) {
			rc =
			    store_card_state(s->st, sc->id, &sc->mem, s->diags);
			if (rc == 0) {
				*before = sc->mem;
				if (a->after)
					fsrs_next(s->o->params, before, a->when,
					          (enum fsrs_rating)rating,
					          after);
				rc = -EX_TEMPFAIL;
			}
			diag_list_release(&conflict);
			continue;
		}
		diag_list_move_sorted(s->diags, &conflict);
	}
	return rc;
}

static const char *const command_names[] = {
	"hint", "dunno", "skip", "suspend", "undo",
	"note", "stats", "help", "quit",
};

/*
 * The command 'word' names: a whole name or a prefix of one only (":q",
 * ":hi", ":no", ":st"); "?" is help.  NULL after saying why: unknown, or
 * a prefix of several (":h" could be :hint or :help).
 */
static const char *
command_name(struct session *s, const char *word)
{
	const size_t n = sizeof(command_names) / sizeof(command_names[0]);
	size_t len = strlen(word), found = n, count = 0;
	struct strbuf sb = { 0 };

	if (strcmp(word, "?") == 0)
		return "help";
	for (size_t i = 0; len > 0 && i < n; i++) {
		if (strcmp(word, command_names[i]) == 0)
			return command_names[i];
		if (strncmp(word, command_names[i], len) == 0) {
			strbuf_addf(&sb, "%s:%s", count ? " or " : "",
			            command_names[i]);
			found = i;
			count++;
		}
	}
	if (count == 1) {
		strbuf_release(&sb);
		return command_names[found];
	}
	if (count > 1)
		say(s, STYLE_PLAIN, "':%s' could be %s\n", word, sb.buf);
	else
		say(s, STYLE_PLAIN, "unknown command ':%s'; :help lists them\n",
		    word);
	strbuf_release(&sb);
	return NULL;
}

/* Act on a ':' command; returns 1 when the card is done with (skip,
 * suspend, quit), 2 to give up on it (judged wrong), 0 to ask again. */
static int
command(struct session *s, size_t idx, const char *line, int *hinted,
        const int *shown, size_t nshown, int *undone)
{
	struct store_card *sc = &s->cards[idx];
	const char *cmd = command_name(s, line + 1);
	int rc;

	if (cmd == NULL) /* unknown or ambiguous: said so */
		return 0;
	if (strcmp(cmd, "hint") == 0) {
		char *h = make_hint(&sc->card, shown, nshown);

		say(s, STYLE_DIM, "hint: %s\n", h);
		free(h);
		*hinted = 1;
		return 0;
	}
	if (strcmp(cmd, "dunno") == 0)
		return 2;
	if (strcmp(cmd, "skip") == 0) {
		if (s->o->mode == SESSION_REVIEW) {
			long long until = clock_day_end(now(s), s->o->rollover);

			if ((rc = store_bury(s->st, sc->id, until, s->diags)) <
			    0)
				return rc;
			say(s, STYLE_DIM, "skipped until tomorrow\n");
		} else {
			say(s, STYLE_DIM, "skipped\n");
		}
		return 1;
	}
	if (strcmp(cmd, "suspend") == 0) {
		if ((rc = store_suspend(s->st, sc->id, 1, s->diags)) < 0)
			return rc;
		sc->suspended = 1;
		say(s, STYLE_DIM,
		    "suspended: this card will not be asked "
		    "again\n");
		return 1;
	}
	if (strcmp(cmd, "undo") == 0) {
		if (s->o->mode == SESSION_QUIZ) { /* an exam: answers stand */
			say(s, STYLE_DIM,
			    "in a quiz an answer stands: there "
			    "is no :undo\n");
			return 0;
		}
		*undone = 1;
		return 1;
	}
	if (strcmp(cmd, "note") == 0) {
		const struct card *c =
		    s->last_card ? &s->cards[s->last_card - 1].card : NULL;

		if (c == NULL)
			say(s, STYLE_DIM, "no card answered yet\n");
		else if (c->note)
			say(s, STYLE_DIM, "note of the last card (%s): %s\n",
			    c->q, c->note);
		else
			say(s, STYLE_DIM, "the last card (%s) has no note\n",
			    c->q);
		return 0;
	}
	if (strcmp(cmd, "stats") == 0) {
		char ivl[16];

		session_format_interval(
		    (s->io->clock_ms(s->io->ctx) - s->start_ms) / 1000, ivl,
		    sizeof(ivl));
		say(s, STYLE_DIM, "%d answered, %d right, %s so far\n",
		    s->asked, s->right, ivl);
		return 0;
	}
	if (strcmp(cmd, "help") == 0) {
		say(s, STYLE_DIM, "%s", commands_help);
		return 0;
	}
	/* quit */
	s->quit = 1;
	return 1;
}

/*
 * Take back the last answer of this session: 1 when it is gone, 0 when
 * there is none or the store refused (the learner is told why), or a
 * negative status after a store error.
 */
static int
undo_last(struct session *s)
{
	struct diag_list why = { 0 };
	struct undo *u;
	struct store_card *sc;
	int rc;

	if (s->nundo == 0) {
		say(s, STYLE_DIM, "nothing to take back\n");
		return 0;
	}
	u = &s->undo[--s->nundo];
	sc = &s->cards[u->card];
	rc = store_undo(s->st, u->review, &why);
	if (rc == -EX_DATAERR && why.n > 0) {
		/* answered again elsewhere since: that answer stays */
		say(s, STYLE_WRONG, "cannot take it back: %s\n", why.v[0].msg);
		diag_list_release(&why);
		return 0;
	}
	diag_list_move_sorted(s->diags, &why);
	if (rc < 0)
		return rc;
	sc->mem = u->before;
	count_answer(s, &sc->card, u->counted_right, u->ms, -1);
	if (u->from_learning)
		for (size_t i = 0; i < s->nlearning; i++)
			if (s->learning[i] == u->card) {
				s->learning[i] = s->learning[--s->nlearning];
				break;
			}
	if (s->o->mode == SESSION_QUIZ && !u->counted_right && s->nmissed > 0 &&
	    s->missed[s->nmissed - 1].card == u->card) {
		s->nmissed--;
		free(s->missed[s->nmissed].typed);
		free(s->missed[s->nmissed].expected);
	}
	if (s->o->mode == SESSION_DRILL && !u->counted_right)
		for (size_t i = s->qhead; i < s->nqueue; i++)
			if (s->queue[i] == u->card) {
				memmove(s->queue + i, s->queue + i + 1,
				        (s->nqueue - i - 1) *
				            sizeof(*s->queue));
				s->nqueue--;
				break;
			}
	/* the card is asked again at once, in the same place: a new card
	 * keeps the slot it took from the day's limit */
	say(s, STYLE_DIM, "taken back: that answer is gone\n");
	return 1;
}

/* Is 'line' a '?' alone: the learner gives up? */
static int
is_give_up(const char *line)
{
	line += strspn(line, " \t");
	return line[0] == '?' && line[1 + strspn(line + 1, " \t")] == '\0';
}

/* Ask card 'idx' until it is answered or left.  Returns 1 to go on with
 * the next card, 2 to ask card *again (undo), 0 to end, or a negative
 * status after a store error. */
static int
ask_card(struct session *s, size_t idx, long *again)
{
	struct store_card *sc = &s->cards[idx];
	const struct card *c = &sc->card;
	int shown[CARD_MAX_OPTIONS];
	size_t nshown = c->type == CARD_CHOICE  ? c->choices.n
	                : c->type == CARD_ORDER ? c->items.n
	                                        : 0;
	struct answer_view view = { shown, nshown };
	struct answer_result r;
	struct fsrs_card after, all[4];
	struct store_answer a = { 0 };
	long long asked_ms, review;
	int hinted = 0, rating = 0, rc, undone = 0, right, gave_up = 0;
	char *line = NULL;

	for (size_t i = 0; i < nshown; i++)
		shown[i] = (int)i;
	for (int tries = 0; nshown > 1 && tries < 100; tries++) {
		size_t in_order = 0;

		for (size_t i = nshown; i > 1; i--) {
			size_t j = rand64(s) % i;
			int t = shown[i - 1];

			shown[i - 1] = shown[j];
			shown[j] = t;
		}
		for (size_t i = 0; i < nshown; i++)
			in_order += shown[i] == (int)i;
		/* never show an order card already in order */
		if (c->type != CARD_ORDER || in_order < nshown)
			break;
	}
	show_question(s, sc, shown, nshown);
	asked_ms = s->io->clock_ms(s->io->ctx);
	for (;;) {
		int interrupted = 0;

		free(line);
		line = s->io->ask(s->io->ctx, "> ", &interrupted);
		if (line == NULL) {
			s->quit = 1;
			s->interrupted |= interrupted;
			return 0;
		}
		if (line[0] != ':' && is_give_up(line)) {
			gave_up = 1;
			break;
		}
		if (line[0] != ':') {
			if (answer_check(c, line, &view, &r) < 0) {
				free(line);
				return 1;
			}
			if (!r.unreadable)
				break;
			/* not judged: say why and read the next line */
			if (!s->io->interactive)
				say(s, STYLE_PLAIN, "> %s\n", line);
			say(s, STYLE_WRONG, "%s\n", r.explain);
			answer_result_release(&r);
			continue;
		}
		rc = command(s, idx, line, &hinted, shown, nshown, &undone);
		if (rc == 2) {
			gave_up = 1;
			break;
		}
		if (rc < 0) {
			free(line);
			return rc;
		}
		if (undone) {
			/* in a drill, the card on screen may be the copy of a
			 * wrong answer put back in the queue: taking that
			 * answer back takes the copy too */
			const struct undo *top =
			    s->nundo ? &s->undo[s->nundo - 1] : NULL;
			int copy = s->o->mode == SESSION_DRILL && top &&
			           top->card == idx && !top->counted_right;

			free(line);
			rc = undo_last(s);
			if (rc < 0)
				return rc;
			if (rc ==
			    0) { /* nothing to undo: ask this card again */
				undone = 0;
				line = NULL;
				continue;
			}
			/* ask the taken-back card now, this one after it */
			if (!copy)
				put_back(s, idx);
			*again = (long)s->undo[s->nundo].card;
			s->from = s->undo[s->nundo].from;
			return 2;
		}
		if (rc == 1) {
			free(line);
			return s->quit ? 0 : 1;
		}
	}

	if (gave_up) { /* :dunno or ?: wrong, with the answer shown */
		if (answer_check(c, "", &view, &r) < 0) {
			free(line);
			return 1;
		}
		r.unreadable = 0;
		free(r.explain);
		r.explain = xstrdup("given up");
	}
	right = r.verdict == VERDICT_RIGHT || r.verdict == VERDICT_CLOSE;
	if (!s->io->interactive)
		say(s, STYLE_PLAIN, "> %s\n", line);
	show_feedback(s, c, &r, line, shown, nshown);
	if ((rc = ensure_session(s)) < 0)
		goto out;
	a.card = sc->id;
	a.session = s->id;
	a.when = clock_when(now(s), s->o->rollover);
	a.answer = line;
	a.verdict = answer_verdict_name(r.verdict);
	a.hinted = hinted;
	a.duration_ms = s->io->clock_ms(s->io->ctx) - asked_ms;
	a.before = &sc->mem;
	if (s->o->mode == SESSION_REVIEW) {
		rating = choose_rating(
		    s, sc, a.when, answer_suggested_rating(r.verdict, hinted),
		    all);
		if (rating == 0) { /* 'u': nothing was saved; ask again */
			say(s, STYLE_DIM,
			    "taken back: that answer was not "
			    "saved\n");
			*again = (long)idx;
			rc = 2;
			goto out;
		}
		after = all[rating - 1];
		a.rating = rating;
		a.after = &after;
	}
	{
		struct fsrs_card before = sc->mem;

		a.before = &before;
		rc = save_answer(s, sc, &a, &before, &after, rating, &review);
		if (rc < 0)
			goto out;
		if (s->nundo == MAX_UNDO) {
			memmove(s->undo, s->undo + 1,
			        (MAX_UNDO - 1) * sizeof(*s->undo));
			s->nundo--;
		}
		s->undo[s->nundo] =
		    (struct undo){ review, idx,     before,       right,
			           0,      s->from, a.duration_ms };
		if (a.after)
			sc->mem = after;
	}
	count_answer(s, c, right, a.duration_ms, 1);
	if (right && hinted && s->o->mode == SESSION_QUIZ)
		s->hinted_right++; /* half the credit in the score */
	s->last_card = (long long)idx + 1;
	if (s->o->mode == SESSION_REVIEW) {
		char ivl[16];

		session_format_interval(after.due - a.when.time, ivl,
		                        sizeof(ivl));
		say(s, STYLE_DIM, "rated %s: next in %s\n",
		    rating_names[rating], ivl);
		if (after.state == FSRS_LEARNING ||
		    after.state == FSRS_RELEARNING ||
		    after.due <= a.when.time + s->o->learn_ahead) {
			s->learning[s->nlearning++] = idx;
			s->undo[s->nundo].from_learning = 1;
		}
	} else if (s->o->mode == SESSION_DRILL && !right) {
		/* back into the queue, a few cards later */
		size_t left = s->nqueue - s->qhead, at = left < 3 ? left : 3;

		s->queue = xgrow(s->queue, &s->qalloc, s->nqueue + 1,
		                 sizeof(*s->queue));
		memmove(s->queue + s->qhead + at + 1, s->queue + s->qhead + at,
		        (left - at) * sizeof(*s->queue));
		s->queue[s->qhead + at] = idx;
		s->nqueue++;
	} else if (s->o->mode == SESSION_QUIZ && !right) {
		s->missed = xgrow(s->missed, &s->missed_alloc, s->nmissed + 1,
		                  sizeof(*s->missed));
		s->missed[s->nmissed++] =
		    (struct missed){ idx, xstrdup(line), xstrdup(r.expected) };
	}
	s->nundo++;
	rc = s->quit ? 0 : 1;
out:
	answer_result_release(&r);
	free(line);
	return rc;
}

/* ---- the end ---- */

/* When the next card is due, and how many new cards are left today. */
static void
next_due(struct session *s)
{
	char when[32], ivl[16];
	long long next = 0;
	int newleft = (int)(s->nfresh - s->fhead) < s->new_left
	                  ? (int)(s->nfresh - s->fhead)
	                  : s->new_left;

	for (size_t i = 0; i < s->ncards; i++) {
		const struct store_card *c = &s->cards[i];

		if (c->mem.state != FSRS_NEW && !c->suspended &&
		    (next == 0 || c->mem.due < next))
			next = c->mem.due;
	}
	if (next && next <= now(s)) {
		say(s, STYLE_PLAIN, "some cards are still due");
	} else if (next) {
		clock_local_text(next, when, sizeof(when));
		session_format_interval(next - now(s), ivl, sizeof(ivl));
		say(s, STYLE_PLAIN, "next card due %s (in %s)", when, ivl);
	} else {
		say(s, STYLE_PLAIN, "no card is scheduled yet");
	}
	say(s, STYLE_PLAIN, "; %d new card%s left today\n", newleft,
	    newleft == 1 ? "" : "s");
}

/* Nothing to ask: say why, and what can be done instead. */
static void
nothing_to_ask(struct session *s)
{
	size_t suspended = 0;

	for (size_t i = 0; i < s->ncards; i++)
		suspended += s->cards[i].suspended != 0;
	if (s->ncards == 0) {
		say(s, STYLE_PLAIN, "no cards match\n");
		return;
	}
	if (suspended == s->ncards) {
		say(s, STYLE_PLAIN,
		    "every card that matches is suspended (%zu card%s)\n",
		    suspended, suspended == 1 ? "" : "s");
		return;
	}
	if (s->o->mode != SESSION_REVIEW)
		return;
	say(s, STYLE_PLAIN, "nothing is due now: ");
	next_due(s);
	say(s, STYLE_PLAIN,
	    "to study anyway: 'trainer quiz' or 'trainer drill'");
	if (s->nfresh > s->fhead)
		say(s, STYLE_PLAIN,
		    ", or 'trainer review --new N' for more "
		    "new cards than the day's limit");
	say(s, STYLE_PLAIN, "\n");
}

static void
summary(struct session *s)
{
	char spent[16], answering[16];

	/* the same figures as 'trainer sessions', rounded the same way */
	session_format_interval((s->io->clock_ms(s->io->ctx) - s->start_ms) /
	                            1000,
	                        spent, sizeof(spent));
	session_format_interval(s->answer_ms / 1000, answering,
	                        sizeof(answering));
	if (s->interrupted)
		say(s, STYLE_PLAIN,
		    "\ninterrupted: every answer given is saved\n");
	if (s->o->mode == SESSION_QUIZ && s->hinted_right > 0) {
		/* a right answer after a hint earns half a point */
		int halves = 2 * s->right - s->hinted_right;

		say(s, STYLE_TITLE,
		    "\nscore: %d%s/%d (%d%%), %d right after a "
		    "hint at half a point",
		    halves / 2, halves % 2 ? ".5" : "", s->asked,
		    percent(halves, 2LL * s->asked), s->hinted_right);
	} else if (s->o->mode == SESSION_QUIZ) {
		say(s, STYLE_TITLE, "\nscore: %d/%d (%d%%)", s->right, s->asked,
		    percent(s->right, s->asked));
	} else {
		say(s, STYLE_TITLE, "\n%d question%s, %d right (%d%%)",
		    s->asked, s->asked == 1 ? "" : "s", s->right,
		    percent(s->right, s->asked));
	}
	say(s, STYLE_TITLE, "; %s answering, %s in the session\n", answering,
	    spent);
	if (s->ntallies > 0) {
		struct strbuf sb = { 0 };

		for (size_t i = 0; i < s->ntallies; i++)
			if (s->tallies[i].asked > 0)
				strbuf_addf(
				    &sb, "%s%s %d/%d", sb.len ? ", " : "",
				    s->tallies[i].tag, s->tallies[i].right,
				    s->tallies[i].asked);
		if (sb.len)
			say(s, STYLE_PLAIN, "by tag: %s\n", sb.buf);
		strbuf_release(&sb);
	}
	for (size_t i = 0; i < s->nmissed; i++) {
		if (i == 0)
			say(s, STYLE_PLAIN, "to go over:\n");
		say(s, STYLE_WRONG, "  %s\n",
		    s->cards[s->missed[i].card].card.q);
		say(s, STYLE_PLAIN, "    you: %s; the answer: %s\n",
		    *s->missed[i].typed ? s->missed[i].typed : "(nothing)",
		    s->missed[i].expected);
	}
	if (s->o->mode == SESSION_REVIEW)
		next_due(s);
}

int
session_run(struct store *st, const struct session_opts *o,
            const struct session_io *io, struct diag_list *diags)
{
	struct session s = { 0 };
	struct store_filter f = { 0 };
	int rc = 0;
	long card;

	s.st = st;
	s.o = o;
	s.io = io;
	s.diags = diags;
	s.rng = o->seed;
	s.start_ms = io->clock_ms(io->ctx);
	f.deck = o->deck;
	f.tags = o->tags;
	if ((rc = store_cards(st, &f, &s.cards, &s.ncards, diags)) < 0)
		return rc;
	/* a drill can put a card back many times: room to grow */
	s.qalloc = s.ncards + 1;
	s.queue = xcalloc(s.qalloc, sizeof(size_t));
	s.fresh = xcalloc(s.ncards + 1, sizeof(size_t));
	s.learning = xcalloc(s.ncards + 1, sizeof(size_t));
	if (o->mode == SESSION_REVIEW)
		build_review(&s);
	else
		build_quiz(&s);

	if (s.nqueue == 0 && s.nlearning == 0 &&
	    (s.nfresh == 0 || s.new_left == 0)) {
		nothing_to_ask(&s);
		goto out;
	}

	while (!s.quit && (card = next_card(&s)) >= 0) {
		long again = -1;
		int asked = s.asked;

		for (;;) {
			rc = ask_card(&s, (size_t)card, &again);
			if (rc != 2)
				break;
			card = again; /* :undo: ask the taken-back card */
		}
		if (rc >= 0 && s.asked > asked)
			rc = bury_siblings(&s, (size_t)card);
		if (rc < 0)
			break;
	}
	/* what was answered is saved even when the store failed since */
	summary(&s);
	if (rc > 0)
		rc = 0;
	if (s.id && store_session_end(st, s.id, now(&s), diags) < 0 && rc == 0)
		rc = -EX_IOERR;
out:
	for (size_t i = 0; i < s.ntallies; i++)
		free(s.tallies[i].tag);
	for (size_t i = 0; i < s.nmissed; i++) {
		free(s.missed[i].typed);
		free(s.missed[i].expected);
	}
	free(s.tallies);
	free(s.missed);
	free(s.queue);
	free(s.fresh);
	free(s.learning);
	store_cards_free(s.cards, s.ncards);
	return rc < 0 ? rc : 0;
}
