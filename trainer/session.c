/*
 * session.c - the session loop: present a card, read a reply, record
 * the answer, requeue.
 *
 * The queue (queue.c) says which card comes next; the wording
 * (wording.c) says everything; this file reads the replies, checks the
 * answers, and commits each to the store before the next question.
 * Quiz and drill answers are logged but leave the schedule alone.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "clock.h"
#include "queue.h"
#include "wording.h"

#include "session-impl.h"

int
session_ensure(struct session *s)
{
	static const char *const modes[] = { "review", "quiz", "drill" };

	if (s->id)
		return 0;
	return store_session_begin(s->st, modes[s->o->mode],
	                           s->o->filters ? s->o->filters : "{}",
	                           session_now(s), &s->id, s->diags);
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

/* Is 'line' a '?' alone: the learner gives up? */
static int
is_give_up(const char *line)
{
	line += strspn(line, " \t");
	return line[0] == '?' && line[1 + strspn(line + 1, " \t")] == '\0';
}

/* Show card 'k->card' (its content read first), its choices or items
 * shuffled (an order card never in order): STEP_ASK, or STEP_DONE when
 * its content cannot be read (with a warning), or STEP_ERROR. */
static enum step
present(struct session *s, struct asking *k)
{
	const struct card *c = &s->cards[k->card].card;
	int rc;

	if (!s->cards[k->card].has_content &&
	    (rc = store_card_content(s->st, &s->cards[k->card], s->diags)) < 0)
		return rc == -EX_DATAERR ? STEP_DONE : session_failed(s, rc);

	k->nshown = c->type == CARD_CHOICE  ? c->choices.n
	            : c->type == CARD_ORDER ? c->items.n
	                                    : 0;
	for (size_t i = 0; i < k->nshown; i++)
		k->shown[i] = (int)i;
	for (int tries = 0; k->nshown > 1 && tries < 100; tries++) {
		size_t in_order = 0;

		for (size_t i = k->nshown; i > 1; i--) {
			size_t j = queue_rand(&s->q) % i;
			int t = k->shown[i - 1];

			k->shown[i - 1] = k->shown[j];
			k->shown[j] = t;
		}
		for (size_t i = 0; i < k->nshown; i++)
			in_order += k->shown[i] == (int)i;
		if (c->type != CARD_ORDER || in_order < k->nshown)
			break;
	}
	say_question(s->io, &s->q, k->card, session_now(s), k->shown,
	             k->nshown);
	k->asked_ms = s->io->clock_ms(s->io->ctx);
	return STEP_ASK;
}

/*
 * Read replies until one is an answer the card can judge, into 'r' and
 * '*line' (given up: judged as the empty answer), or a command ends the
 * card.  An answer that cannot be read as the card's kind is not judged:
 * the learner is told why and asked again.
 */
static enum step
read_reply(struct session *s, struct asking *k, char **line,
           struct answer_result *r)
{
	const struct card *c = &s->cards[k->card].card;
	struct answer_view view = { k->shown, k->nshown };
	enum step st = STEP_ASK;

	while (st == STEP_ASK) {
		int broke = 0;

		free(*line);
		*line = s->io->ask(s->io->ctx, "> ", &broke);
		if (*line == NULL) {
			s->quit = 1;
			s->interrupted |= broke;
			return STEP_DONE;
		}
		if ((*line)[0] == ':') {
			st = session_command(s, k, *line);
			continue;
		}
		if (is_give_up(*line)) {
			st = STEP_GIVE_UP;
			break;
		}
		if (answer_check(c, *line, &view, r) < 0)
			return STEP_DONE;
		if (!r->unreadable)
			return STEP_ANSWER;
		if (!s->io->interactive)
			say(s->io, STYLE_PLAIN, "> %s\n", *line);
		say(s->io, STYLE_WRONG, "%s\n", r->explain);
		answer_result_release(r);
	}
	if (st != STEP_GIVE_UP)
		return st;
	if (answer_check(c, "", &view, r) < 0)
		return STEP_DONE;
	r->unreadable = 0;
	free(r->explain);
	r->explain = xstrdup("given up");
	return STEP_ANSWER;
}

/*
 * Record the answer 'line' judged 'r': the rating in a review, then the
 * store, the queue, the score.  STEP_DONE, STEP_UNDO when the learner
 * took it back before it was saved ('u'), or STEP_ERROR.
 */
static enum step
record(struct session *s, struct asking *k, const char *line,
       const struct answer_result *r)
{
	struct store_card *sc = &s->cards[k->card];
	struct store_answer a = { 0 };
	struct fsrs_card before = sc->mem, after = sc->mem, all[4];
	struct queue_answer qa = { 0 };
	const struct queue_answer *kept;
	long long review, until;
	int right = r->verdict == VERDICT_RIGHT || r->verdict == VERDICT_CLOSE;
	int rating = 0, rc;

	if ((rc = session_ensure(s)) < 0)
		return session_failed(s, rc);
	a.card = sc->id;
	a.session = s->id;
	a.when = clock_when(session_now(s), s->o->rollover);
	a.answer = line;
	a.verdict = answer_verdict_name(r->verdict);
	a.hinted = k->hinted;
	a.duration_ms = s->io->clock_ms(s->io->ctx) - k->asked_ms;
	a.before = &before;
	a.mode = s->o->mode == SESSION_REVIEW ? "review"
	         : s->o->mode == SESSION_QUIZ ? "quiz"
	                                      : "drill";
	a.params = s->o->params_json;
	if (s->o->mode == SESSION_REVIEW) {
		rating =
		    ask_rating(s->io, s->o->params, &sc->mem, a.when,
		               answer_suggested_rating(r->verdict, k->hinted),
		               all, &s->quit, &s->interrupted);
		if (rating == 0) { /* 'u': nothing was saved; ask again */
			say(s->io, STYLE_DIM,
			    "taken back: that answer was not saved\n");
			return STEP_UNDO;
		}
		after = all[rating - 1];
		a.rating = rating;
		a.after = &after;
	}
	rc = save_answer(s, sc, &a, &before, &after, rating, &review);
	if (rc < 0)
		return session_failed(s, rc);
	qa = (struct queue_answer){ .review = review,
		                    .card = k->card,
		                    .before = before,
		                    .right = right,
		                    .ms = a.duration_ms };
	until = clock_day_end(a.when.time, s->o->rollover);
	if (s->o->mode == SESSION_REVIEW && !s->o->keep_siblings &&
	    (rc = store_bury_siblings(s->st, sc->id, until, a.when.time,
	                              s->rq.day_end, &qa.stored, &qa.nstored,
	                              s->diags)) < 0)
		return session_failed(s, rc);
	kept = queue_answered(&s->q, &qa, a.after, a.when.time, until);
	score_count(&s->score, &sc->card, right, a.duration_ms, 1);
	if (right && k->hinted && s->o->mode == SESSION_QUIZ)
		s->score.hinted_right++; /* half the credit in the score */
	if (s->o->mode == SESSION_QUIZ && !right)
		score_miss(&s->score, k->card, line, r->expected);
	s->last_card = (long long)k->card + 1;
	if (s->o->mode == SESSION_REVIEW) {
		char ivl[16];

		format_interval(after.due - a.when.time, ivl, sizeof(ivl));
		say(s->io, STYLE_DIM, "rated %s: next in %s\n",
		    rating_name(rating), ivl);
	}
	return kept->nstored > kept->nburied ? session_recount(s) : STEP_DONE;
}

/* Ask card 'card' until it is answered or left; on STEP_UNDO '*again' is
 * the card to ask now. */
static enum step
ask_card(struct session *s, size_t card, size_t *again)
{
	struct asking k = { .card = card };
	struct answer_result r = { 0 };
	char *line = NULL;
	enum step st;

	st = present(s, &k);
	if (st == STEP_ASK)
		st = read_reply(s, &k, &line, &r);
	if (st == STEP_ANSWER) {
		if (!s->io->interactive)
			say(s->io, STYLE_PLAIN, "> %s\n", line);
		say_feedback(s->io, &s->cards[card].card, &r, line, k.shown,
		             k.nshown);
		st = record(s, &k, line, &r);
		k.again = card; /* 'u' before it was saved: ask it again */
		answer_result_release(&r);
	}
	if (st == STEP_DONE && s->q.from != FROM_NONE && !s->quit)
		queue_drop(&s->q); /* could not be judged */
	*again = k.again;
	free(line);
	return st;
}

int
session_run(struct store *st, const struct session_opts *o,
            const struct session_io *io, struct diag_list *diags)
{
	struct session s = { 0 };
	struct queue_opts qo = { 0 };
	struct session_end end = { 0 };
	enum step step = STEP_DONE;
	long card;
	int rc;

	s.st = st;
	s.o = o;
	s.io = io;
	s.diags = diags;
	s.start_ms = io->clock_ms(io->ctx);
	s.rq =
	    (struct store_review_query){ o->deck, o->tags, o->start,
		                         clock_day_end(o->start, o->rollover),
		                         o->learn_ahead };
	qo.mode = o->mode;
	qo.when = clock_when(o->start, o->rollover);
	qo.day_end = s.rq.day_end;
	qo.params = o->params;
	if (o->mode == SESSION_REVIEW)
		qo.new_left =
		    o->new_per_day - (int)store_new_on_day(st, qo.when.day);
	qo.limit = o->limit;
	qo.count = o->count;
	qo.learn_ahead = o->learn_ahead;
	qo.seed = o->seed;
	qo.new_random = o->new_random;
	qo.keep_siblings = o->keep_siblings;
	if (o->chronology && o->mode != SESSION_REVIEW) {
		rc = session_chrono(&s, (size_t)(o->count > 0 ? o->count : 10));
		if (s.id &&
		    store_session_end(st, s.id, session_now(&s), diags) < 0 &&
		    rc == 0)
			rc = -EX_IOERR;
		goto out;
	}
	if ((rc = session_load(&s, qo.new_left > 0 ? qo.new_left : 0)) < 0)
		goto out;
	queue_init(&s.q, s.cards, s.ncards, &qo);
	queue_set_unloaded(&s.q, s.due_more, s.due_unloaded);
	if (o->exam_note)
		say(io, STYLE_TITLE, "%s\n", o->exam_note);

	if (queue_empty(&s.q)) {
		if ((rc = session_end_figures(&s, &end, 1)) == 0)
			say_nothing_to_ask(io, &s.q, &end, session_now(&s));
		goto out;
	}
	while (!s.quit && step != STEP_ERROR &&
	       (card = queue_next(&s.q, session_now(&s))) != -1) {
		size_t again = (size_t)card;

		if (card == QUEUE_MORE) {
			if ((rc = session_top_up(&s)) < 0)
				step = session_failed(&s, rc);
			continue;
		}
		do /* :undo: ask the card taken back */
			step = ask_card(&s, again, &again);
		while (step == STEP_UNDO);
	}
	/* a few chronology questions after the cards, unless the learner
	 * stopped */
	if (o->chronology > 0 && o->mode == SESSION_REVIEW && !s.quit &&
	    step != STEP_ERROR && s.status == 0)
		s.status = session_chrono(&s, (size_t)o->chronology);
	/* what was answered is saved even when the store failed since */
	if (session_end_figures(&s, &end, 0) < 0 && s.status == 0)
		s.status = -EX_IOERR;
	say_summary(io, &s.q, &s.score, &end, session_ms(&s), s.interrupted,
	            session_now(&s));
	rc = s.status;
	if (s.id && store_session_end(st, s.id, session_now(&s), diags) < 0 &&
	    rc == 0)
		rc = -EX_IOERR;
out:
	score_release(&s.score);
	queue_release(&s.q);
	store_cards_free(s.cards, s.ncards);
	free(s.ids);
	return rc;
}
