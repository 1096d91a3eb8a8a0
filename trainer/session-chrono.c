/*
 * session-chrono.c - chronology questions in a session: made from the
 * events of the date cards (chrono.h), asked and judged as cards are
 * (answer.h), logged apart from the reviews; no schedule changes.
 */
#include "session.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "chrono.h"
#include "clock.h"
#include "wording.h"

#include "session-impl.h"

/* What came of one question. */
enum chrono_step {
	CS_RIGHT,
	CS_WRONG,
	CS_SKIPPED,
	CS_UNDO, /* the answer before was taken back: ask it again */
	CS_QUIT,
	CS_ERROR,
};

struct chrono_run {
	struct session *s;
	const struct chrono_event *ev;
	const struct store_card *cards; /* ev[i].card indexes it */
	uint64_t rng;
	int asked, right;
	long long last_id; /* the last answer logged, 0: none to take back */
	int last_right;    /* ... and whether it was right */
};

static const char *const kind_words[] = {
	[CHRONO_FIRST] = "which came first?",
	[CHRONO_ORDER] = "the order of events",
	[CHRONO_BETWEEN] = "how many years between?",
	[CHRONO_YEAR] = "what happened in that year?",
	[CHRONO_RELATIVE] = "before or after, and by how much?",
};

static uint64_t
next_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Is 'line' a '?' alone: the learner gives up? */
static int
is_give_up(const char *line)
{
	line += strspn(line, " \t");
	return line[0] == '?' && line[1 + strspn(line + 1, " \t")] == '\0';
}

/* The choices or items shuffled into 'shown' (an order never in order). */
static size_t
shuffle(struct chrono_run *r, const struct card *c, int *shown)
{
	size_t n = c->type == CARD_CHOICE  ? c->choices.n
	           : c->type == CARD_ORDER ? c->items.n
	                                   : 0;

	for (size_t i = 0; i < n; i++)
		shown[i] = (int)i;
	for (int tries = 0; n > 1 && tries < 100; tries++) {
		size_t in_order = 0;

		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(next_rand(&r->rng) % i);
			int t = shown[i - 1];

			shown[i - 1] = shown[j];
			shown[j] = t;
		}
		for (size_t i = 0; i < n; i++)
			in_order += shown[i] == (int)i;
		if (c->type != CARD_ORDER || in_order < n)
			break;
	}
	return n;
}

/* The cards of question 'q' as a JSON array of "deck/id" (free it). */
static char *
cards_json(const struct chrono_run *r, const struct chrono_question *q)
{
	json_t *a = json_array();
	char *text;

	for (size_t i = 0; i < q->nev; i++) {
		const struct store_card *sc = &r->cards[r->ev[q->ev[i]].card];
		char *key = xasprintf("%s/%s", sc->deck, sc->card.id);

		json_array_append_new(a, json_string(key));
		free(key);
	}
	text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return text;
}

static enum chrono_step
log_answer(struct chrono_run *r, const struct chrono_question *q,
           const char *line, const struct answer_result *res,
           long long asked_ms)
{
	struct session *s = r->s;
	struct store_chrono_answer a = { 0 };
	char *cards;
	int rc;

	if ((rc = session_ensure(s)) < 0) {
		s->status = rc;
		return CS_ERROR;
	}
	cards = cards_json(r, q);
	a.session = s->id;
	a.when = clock_when(session_now(s), s->o->rollover);
	a.kind = chrono_kind_name(q->kind);
	a.cards = cards;
	a.question = q->card.q;
	a.expected = res->expected;
	a.answer = line;
	a.verdict = answer_verdict_name(res->verdict);
	a.duration_ms = s->io->clock_ms(s->io->ctx) - asked_ms;
	rc = store_chrono_answer(s->st, &a, &r->last_id, s->diags);
	free(cards);
	if (rc < 0) {
		s->status = rc;
		return CS_ERROR;
	}
	return CS_RIGHT;
}

/* A ':' command while a chronology question is asked: CS_* to end the
 * question with, or -1 to read another reply. */
static int
command(struct chrono_run *r, const char *line, int *give_up)
{
	struct session *s = r->s;
	const char *cmd;
	char word[32];
	size_t n = strcspn(line + 1, " \t");

	snprintf(word, sizeof(word), "%.*s", (int)(n < 31 ? n : 31), line + 1);
	cmd = command_name(s->io, word);
	if (cmd == NULL)
		return -1;
	if (strcmp(cmd, "quit") == 0)
		return CS_QUIT;
	if (strcmp(cmd, "dunno") == 0) {
		*give_up = 1;
		return -1;
	}
	if (strcmp(cmd, "skip") == 0) {
		say(s->io, STYLE_DIM, "skipped\n");
		return CS_SKIPPED;
	}
	if (strcmp(cmd, "undo") == 0) {
		int rc;

		if (r->last_id == 0) {
			say(s->io, STYLE_DIM, "nothing to take back\n");
			return -1;
		}
		if ((rc = store_chrono_undo(s->st, r->last_id, s->diags)) < 0) {
			s->status = rc;
			return CS_ERROR;
		}
		r->last_id = 0;
		r->asked--;
		r->right -= r->last_right;
		say(s->io, STYLE_DIM, "taken back: that answer is gone\n");
		return CS_UNDO;
	}
	if (strcmp(cmd, "stats") == 0) {
		say(s->io, STYLE_DIM, "chronology so far: %d/%d right\n",
		    r->right, r->asked);
		return -1;
	}
	if (strcmp(cmd, "help") == 0) {
		say_help(s->io);
		return -1;
	}
	say(s->io, STYLE_DIM,
	    "':%s' is not for chronology questions: they have no hint, note "
	    "or schedule\n",
	    cmd);
	return -1;
}

static enum chrono_step
ask(struct chrono_run *r, const struct chrono_question *q, const char *pos)
{
	struct session *s = r->s;
	const struct card *c = &q->card;
	int shown[CHRONO_MAX_EVENTS];
	size_t nshown = shuffle(r, c, shown);
	struct answer_view view = { shown, nshown };
	struct answer_result res = { 0 };
	struct card plain;
	enum chrono_step st;
	long long asked_ms;
	char *line = NULL;
	int give_up = 0;

	say_chrono_question(s->io, pos, kind_words[q->kind], c, shown, nshown);
	asked_ms = s->io->clock_ms(s->io->ctx);
	for (;;) {
		int broke = 0, cmd;

		free(line);
		line = s->io->ask(s->io->ctx, "> ", &broke);
		if (line == NULL) {
			s->quit = 1;
			s->interrupted |= broke;
			return CS_QUIT;
		}
		if (line[0] == ':' && (cmd = command(r, line, &give_up)) >= 0) {
			free(line);
			if (cmd == CS_QUIT)
				s->quit = 1;
			return (enum chrono_step)cmd;
		}
		if (line[0] == ':' && !give_up)
			continue;
		if (is_give_up(line))
			give_up = 1;
		if (answer_check(c, give_up ? "" : line, &view, &res) < 0) {
			free(line);
			return CS_SKIPPED;
		}
		if (give_up) {
			res.unreadable = 0;
			res.verdict = VERDICT_WRONG;
			free(res.explain);
			res.explain = xstrdup("given up");
			break;
		}
		if (!res.unreadable)
			break;
		if (!s->io->interactive)
			say(s->io, STYLE_PLAIN, "> %s\n", line);
		say(s->io, STYLE_WRONG, "%s\n", res.explain);
		answer_result_release(&res);
	}
	if (!s->io->interactive)
		say(s->io, STYLE_PLAIN, "> %s\n", line);
	plain = *c;
	plain.note = NULL; /* the dates are said below, when it was wrong */
	say_feedback(s->io, &plain, &res, give_up ? "" : line, shown, nshown);
	r->last_right =
	    res.verdict == VERDICT_RIGHT || res.verdict == VERDICT_CLOSE;
	if (!r->last_right)
		say_chrono_dates(s->io, c->note);
	st = log_answer(r, q, give_up ? "" : line, &res, asked_ms);
	if (st != CS_ERROR) {
		r->asked++;
		r->right += r->last_right;
		st = r->last_right ? CS_RIGHT : CS_WRONG;
	}
	answer_result_release(&res);
	free(line);
	return st;
}

int
session_chrono(struct session *s, size_t count)
{
	struct store_filter f = { .deck = s->o->deck, .tags = s->o->tags };
	struct store_card *cards = NULL;
	struct chrono_event *ev = NULL;
	struct chrono_question *qs = NULL;
	struct chrono_run r = { .s = s };
	size_t n = 0, nev = 0, made = 0, *todo = NULL, ntodo = 0, alloc = 0;
	struct fsrs_when w = clock_when(s->o->start, s->o->rollover);
	int rc;

	if ((rc = store_cards(s->st, &f, &cards, &n, s->diags)) < 0)
		return rc;
	ev = xcalloc(n ? n : 1, sizeof(*ev));
	for (size_t i = 0; i < n; i++) {
		const struct card *c = &cards[i].card;

		if (c->type != CARD_DATE || c->event == NULL)
			continue;
		ev[nev].name = c->event;
		ev[nev].date = c->date;
		ev[nev].card = i;
		ev[nev].known =
		    cards[i].mem.state == FSRS_NEW
		        ? 0
		        : fsrs_retrievability(s->o->params, &cards[i].mem, w);
		nev++;
	}
	chrono_sort(ev, nev);
	qs = xcalloc(count ? count : 1, sizeof(*qs));
	made = chrono_quiz(ev, nev, count, s->o->seed ^ 0x6368726f6e6fULL, qs);
	if (made == 0) {
		say_no_chronology(s->io, nev);
		goto out;
	}
	r.ev = ev;
	r.cards = cards;
	r.rng = s->o->seed;
	for (size_t i = 0; i < made; i++) {
		todo = xgrow(todo, &alloc, ntodo + 1, sizeof(*todo));
		todo[ntodo++] = i;
	}
	for (size_t at = 0; at < ntodo && !s->quit;) {
		char pos[48];
		enum chrono_step st;

		if (s->o->mode == SESSION_DRILL)
			snprintf(pos, sizeof(pos), "%zu left", ntodo - at);
		else
			snprintf(pos, sizeof(pos), "%zu/%zu", at + 1, ntodo);
		st = ask(&r, &qs[todo[at]], pos);
		if (st == CS_ERROR)
			break;
		if (st == CS_UNDO) {
			if (at > 0)
				at--;
			continue;
		}
		if (st == CS_WRONG && s->o->mode == SESSION_DRILL) {
			/* it comes back after the next question */
			size_t to = at + 2 < ntodo ? at + 2 : ntodo;

			todo = xgrow(todo, &alloc, ntodo + 1, sizeof(*todo));
			memmove(todo + to + 1, todo + to,
			        (ntodo - to) * sizeof(*todo));
			todo[to] = todo[at];
			ntodo++;
		}
		at++;
	}
	say_chrono_summary(s->io, r.asked, r.right);
out:
	for (size_t i = 0; i < made; i++)
		chrono_question_release(&qs[i]);
	free(qs);
	free(todo);
	free(ev);
	store_cards_free(cards, n);
	return s->status;
}
