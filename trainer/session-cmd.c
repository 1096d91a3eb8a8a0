/*
 * session-cmd.c - the commands a learner types in a session (:hint,
 * :skip, :undo...; see wording.c for the list).
 */
#include "session-impl.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"

/*
 * Take back the last answer of this session; the card on screen, 'k',
 * goes back first.  STEP_UNDO when it is gone, STEP_ASK when there is
 * none or the store refused (the learner is told why), STEP_ERROR.
 */
static enum step
undo_last(struct session *s, struct asking *k)
{
	struct diag_list why = { 0 };
	const struct queue_answer *u = queue_last(&s->q);
	int rc;

	if (u == NULL) {
		say(s->io, STYLE_DIM, "nothing to take back\n");
		return STEP_ASK;
	}
	rc = store_undo(s->st, u->review, &why);
	if (rc == -EX_DATAERR && why.n > 0) {
		/* answered again elsewhere since: that answer stays */
		say(s->io, STYLE_WRONG, "cannot take it back: %s\n",
		    why.v[0].msg);
		diag_list_release(&why);
		return STEP_ASK;
	}
	diag_list_move_sorted(s->diags, &why);
	if (rc < 0)
		return session_failed(s, rc);
	queue_put_back(&s->q, k->card);
	u = queue_undo(&s->q);
	k->again = u->card;
	/* :note names the card answered before it: the one taken back is
	 * asked again, and its note would give the answer away */
	s->last_card =
	    queue_last(&s->q) ? (long long)queue_last(&s->q)->card + 1 : 0;
	score_count(&s->score, &s->cards[u->card].card, u->right, u->ms, -1);
	for (size_t i = 0; i < u->nstored; i++) /* its siblings' burial */
		if ((rc = store_bury_restore(s->st, u->stored[i].card,
		                             u->stored[i].before, s->diags)) <
		    0)
			return session_failed(s, rc);
	if (u->nstored > u->nburied && session_recount(s) == STEP_ERROR)
		return STEP_ERROR;
	say(s->io, STYLE_DIM, "taken back: that answer is gone\n");
	return STEP_UNDO;
}

enum step
session_command(struct session *s, struct asking *k, const char *line)
{
	struct store_card *sc = &s->cards[k->card];
	const char *cmd = command_name(s->io, line + 1);

	if (cmd == NULL) /* unknown or ambiguous: said so */
		return STEP_ASK;
	if (strcmp(cmd, "hint") == 0) {
		char *h = make_hint(&sc->card, k->shown, k->nshown);

		say(s->io, STYLE_DIM, "hint: %s\n", h);
		free(h);
		k->hinted = 1;
		return STEP_ASK;
	}
	if (strcmp(cmd, "dunno") == 0)
		return STEP_GIVE_UP;
	if (strcmp(cmd, "skip") == 0 && s->o->mode == SESSION_REVIEW) {
		int rc = store_skip(
		    s->st, sc->id,
		    clock_day_end(session_now(s), s->o->rollover), s->diags);

		if (rc < 0)
			return session_failed(s, rc);
		say(s->io, STYLE_DIM, "skipped until tomorrow\n");
		queue_drop(&s->q);
		return STEP_DONE;
	}
	if (strcmp(cmd, "skip") == 0) { /* in a quiz, another comes */
		say(s->io, STYLE_DIM, "skipped\n");
		queue_drop(&s->q);
		return STEP_DONE;
	}
	if (strcmp(cmd, "suspend") == 0) {
		int rc = store_suspend(s->st, sc->id, 1, s->diags);

		if (rc < 0)
			return session_failed(s, rc);
		sc->suspended = 1;
		say(s->io, STYLE_DIM,
		    "suspended: this card will not be asked again\n");
		queue_drop(&s->q);
		return STEP_DONE;
	}
	if (strcmp(cmd, "undo") == 0 && s->o->mode == SESSION_QUIZ) {
		say(s->io, STYLE_DIM,
		    "in a quiz an answer stands: there is no :undo\n");
		return STEP_ASK;
	}
	if (strcmp(cmd, "undo") == 0)
		return undo_last(s, k);
	if (strcmp(cmd, "note") == 0) {
		say_note(s->io, s->last_card ? &s->cards[s->last_card - 1].card
		                             : NULL);
		return STEP_ASK;
	}
	if (strcmp(cmd, "stats") == 0) {
		say_stats(s->io, &s->score, session_ms(s));
		return STEP_ASK;
	}
	if (strcmp(cmd, "help") == 0) {
		say_help(s->io);
		return STEP_ASK;
	}
	s->quit = 1; /* quit */
	return STEP_DONE;
}
