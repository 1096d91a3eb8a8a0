/*
 * cmd-history.c - "trainer history CARD": one card, its state, and every
 * answer and edit of it, oldest first.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "content.h"
#include "isotime.h"
#include "out.h"
#include "wording.h"

/* One line of the history: an answer or an edit, in time order. */
struct event {
	long long time;
	char *text;
};

struct events {
	struct event *v;
	size_t n, alloc;
	const char *type; /* the card's, to read its edits */
};

static void
add_event(struct events *e, long long time, char *text)
{
	e->v = xgrow(e->v, &e->alloc, e->n + 1, sizeof(*e->v));
	e->v[e->n].time = time;
	e->v[e->n].text = text;
	e->n++;
}

static int
on_answer(const struct store_review *r, void *arg)
{
	struct events *e = arg;
	struct strbuf sb = { 0 };
	char *answer = out_safe_dup(r->answer);

	strbuf_addf(&sb, "%-7s %-8s %-6s '%s'", r->mode ? r->mode : "-",
	            r->verdict, r->rating ? rating_name(r->rating) : "-",
	            answer);
	if (r->hinted)
		strbuf_adds(&sb, " (hinted)");
	if (r->scheduled) {
		char due[32];

		clock_local_text(r->due_after, due, sizeof(due));
		strbuf_addf(&sb, " -> %s, due %s",
		            fsrs_state_name((enum fsrs_state)r->state_after),
		            due);
	}
	free(answer);
	add_event(e, r->time, strbuf_detach(&sb));
	return 0;
}

/* "question 'a' -> 'b'" for a field that changed. */
static void
changed(struct strbuf *sb, const char *what, const char *a, const char *b)
{
	char *x, *y;

	if ((a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0))
		return;
	x = out_safe_dup(a ? a : "");
	y = out_safe_dup(b ? b : "");
	strbuf_addf(sb, "%s%s '%s' -> '%s'", sb->len ? "; " : "", what, x, y);
	free(x);
	free(y);
}

static char *
joined(const struct strlist *l)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < l->n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", l->v[i]);
	return l->n ? strbuf_detach(&sb) : NULL;
}

static int
on_edit(long long time, const char *old_content, const char *new_content,
        void *arg)
{
	struct events *e = arg;
	struct card a, b;
	struct strbuf sb = { 0 };
	char why[160];

	if (content_to_card("x", e->type, old_content, &a, why, sizeof(why)) <
	    0) {
		add_event(e, time, xstrdup("edited"));
		return 0;
	}
	if (content_to_card("x", e->type, new_content, &b, why, sizeof(why)) <
	    0) {
		card_release(&a);
		add_event(e, time, xstrdup("edited"));
		return 0;
	}

	changed(&sb, "question", a.q, b.q);
	changed(&sb, "answer", a.a, b.a);
	changed(&sb, "hint", a.hint, b.hint);
	changed(&sb, "note", a.note, b.note);
	{
		char *x = joined(&a.tags), *y = joined(&b.tags);
		char *u = joined(&a.accept), *v = joined(&b.accept);

		changed(&sb, "tags", x, y);
		changed(&sb, "accept", u, v);
		free(x);
		free(y);
		free(u);
		free(v);
	}
	add_event(e, time,
	          xasprintf("edited  %s", sb.len
	                                      ? sb.buf
	                                      : "(the same words: a list or a "
	                                        "number changed)"));
	strbuf_release(&sb);
	card_release(&a);
	card_release(&b);
	return 0;
}

static int
cmp_event(const void *x, const void *y)
{
	const struct event *a = x, *b = y;

	return (a->time > b->time) - (a->time < b->time);
}

static int
run_history(struct cli *cli, const struct args *a)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct store_card *c = NULL;
	struct events e = { 0 };
	char when[32];
	int rc;

	if (a->npos == 0)
		return cli_usage_error(&cmd_history,
		                       "which card? name it as deck/id (see "
		                       "'trainer cards')");
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	if ((rc = cli_find_card(&cmd_history, st, a->pos[0], &c)) != 0)
		goto out;
	e.type = deck_type_name(c->card.type);
	rc = store_reviews_each(st, 1, c->id, on_answer, &e, &diags);
	if (rc == 0)
		rc = store_card_edits(st, c->id, on_edit, &e, &diags);
	if ((rc = diag_report(&diags, rc)) != 0)
		goto out;
	fputs("card: ", stdout);
	out_safe(stdout, c->deck, 0);
	putchar('/');
	out_safe(stdout, c->card.id, 0);
	printf(" (%s)\nquestion: ", e.type);
	out_safe(stdout, c->card.q, 0);
	if (c->card.a) {
		fputs("\nanswer: ", stdout);
		out_safe(stdout, c->card.a, 0);
	}
	printf("\nstate: %s", fsrs_state_name(c->mem.state));
	if (c->mem.state != FSRS_NEW) {
		clock_local_text(c->mem.due, when, sizeof(when));
		printf(", due %s, stability %.1f days, difficulty %.1f, %d "
		       "answer%s, %d lapse%s",
		       when, c->mem.stability, c->mem.difficulty, c->mem.reps,
		       c->mem.reps == 1 ? "" : "s", c->mem.lapses,
		       c->mem.lapses == 1 ? "" : "s");
	}
	if (c->suspended)
		fputs(", suspended", stdout);
	putchar('\n');
	/* a stable sort: an answer and an edit in the same second stay in
	 * the order read */
	for (size_t i = 1; i < e.n; i++)
		for (size_t j = i; j > 0 && cmp_event(&e.v[j - 1], &e.v[j]) > 0;
		     j--) {
			struct event t = e.v[j];

			e.v[j] = e.v[j - 1];
			e.v[j - 1] = t;
		}
	if (e.n == 0)
		puts("\nnever answered");
	else
		putchar('\n');
	for (size_t i = 0; i < e.n; i++) {
		clock_local_text(e.v[i].time, when, sizeof(when));
		printf("%s  %s\n", when, e.v[i].text);
	}
out:
	for (size_t i = 0; i < e.n; i++)
		free(e.v[i].text);
	free(e.v);
	if (c)
		store_cards_free(c, 1);
	store_close(st);
	diag_list_release(&diags);
	return rc;
}

const struct command cmd_history = {
	.name = "history",
	.args = "CARD",
	.arg_names = OPTN_CARD,
	.max_args = 1,
	.summary = "one card's state, and every answer and edit of it",
	.about = "Shows the card named CARD (deck/id, or an id only one deck "
	         "has), its state,\n"
	         "then every answer given to it (the session's mode, the "
	         "verdict, the rating,\n"
	         "what was typed, the schedule it led to) and every edit of "
	         "its deck entry,\n"
	         "oldest first, in local time.\n",
	.run = run_history,
};
