/*
 * cmd-suspend.c - "trainer suspend CARD..." and "trainer unsuspend
 * CARD...": keep cards out of every session, or let them back in.  The
 * cards are named ("deck/id", or an id only one deck has) or selected with
 * --deck and --tag; all of them change in one transaction, or none.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "out.h"

/* The cards picked so far, each once, in the order they were named. */
struct picked {
	struct store_card *v;
	size_t n, alloc;
};

/* Move the 'n' cards 'v' (from store_cards) into 'p', dropping those
 * already there; frees 'v'. */
static void
take(struct picked *p, struct store_card *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		while (j < p->n && p->v[j].id != v[i].id)
			j++;
		if (j < p->n) {
			free(v[i].deck);
			card_release(&v[i].card);
			continue;
		}
		p->v = xgrow(p->v, &p->alloc, p->n + 1, sizeof(*p->v));
		p->v[p->n++] = v[i];
	}
	free(v);
}

/* Add the card called 'name' to 'p'.  Returns 0, or the exit status
 * after a message. */
static int
pick_named(const struct command *cmd, struct store *st, const char *name,
           struct picked *p)
{
	struct store_card *v = NULL;
	int rc = cli_find_card(cmd, st, name, &v);

	if (rc == 0)
		take(p, v, 1);
	return rc;
}

/* Add the cards that --deck and --tag select to 'p'.  Returns 0 or the
 * exit status after a message. */
static int
pick_filtered(const struct command *cmd, struct store *st,
              const struct cli_filter *filter, struct picked *p)
{
	struct diag_list diags = { 0 };
	struct store_filter f = { .deck = filter->deck, .tags = &filter->tags };
	struct store_card *v = NULL;
	size_t n = 0;
	int rc;

	if ((rc = cli_filter_check(filter, cmd, st)) != 0)
		return rc;
	if ((rc = diag_report(&diags, store_cards(st, &f, &v, &n, &diags))) !=
	    0) {
		store_cards_free(v, n);
		return rc;
	}
	take(p, v, n);
	return 0;
}

static int
run_suspend_cmd(const struct command *cmd, int on, struct cli *cli,
                const struct args *a)
{
	struct cli_filter filter = { 0 };
	struct strlist names = { 0 };
	struct diag_list diags = { 0 };
	struct picked p = { 0 };
	struct store *st = NULL;
	long long *ids = NULL;
	size_t nids = 0;
	int rc = 0;

	cli_filter_from(&filter, a);
	for (int i = 0; i < a->npos; i++)
		strlist_push(&names, a->pos[i]);
	if (names.n == 0 && filter.deck == NULL && filter.tags.n == 0) {
		rc = cli_usage_error(cmd,
		                     "which cards? name them (deck/id or id) "
		                     "or select them with --deck or --tag");
		goto out;
	}
	if ((rc = cli_open_synced(cli, &st)) != 0)
		goto out;
	/* every card is found before any changes: a wrong name changes
	 * nothing */
	for (size_t i = 0; i < names.n; i++)
		if ((rc = pick_named(cmd, st, names.v[i], &p)) != 0)
			goto out;
	if ((filter.deck || filter.tags.n) &&
	    (rc = pick_filtered(cmd, st, &filter, &p)) != 0)
		goto out;
	if (p.n == 0) {
		puts("no cards match");
		goto out;
	}
	ids = xcalloc(p.n, sizeof(*ids));
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].suspended != on)
			ids[nids++] = p.v[i].id;
	if ((rc = diag_report(
	         &diags, store_suspend_cards(st, ids, nids, on, &diags))) != 0)
		goto out;
	for (size_t i = 0; i < p.n; i++) {
		int changed = p.v[i].suspended != on;

		if (changed)
			fputs(on ? "suspended " : "unsuspended ", stdout);
		out_safe(stdout, p.v[i].deck, 0);
		putchar('/');
		out_safe(stdout, p.v[i].card.id, 0);
		if (!changed)
			fputs(on ? " was already suspended"
			         : " was not suspended",
			      stdout);
		putchar('\n');
	}
out:
	free(ids);
	store_cards_free(p.v, p.n);
	store_close(st);
	strlist_release(&names);
	strlist_release(&filter.tags);
	diag_list_release(&diags);
	return rc;
}

static int
run_suspend(struct cli *cli, const struct args *a)
{
	return run_suspend_cmd(&cmd_suspend, 1, cli, a);
}

static int
run_unsuspend(struct cli *cli, const struct args *a)
{
	return run_suspend_cmd(&cmd_unsuspend, 0, cli, a);
}

#define SUSPEND_ABOUT                                                          \
	"CARD is deck/id, or an id that only one deck has (see 'trainer "      \
	"cards'); the\n"                                                       \
	"gaps of a cloze are ID.1, ID.2...; the reverse of a card is "         \
	"ID.reverse.\n"

static const struct optspec suspend_opts[] = {
	{ .name = "deck",
	  .kind = OPTK_TEXT,
	  .meta = "D",
	  .names = OPTN_DECK,
	  .help = "the cards of the deck named D" },
	{ .name = "tag",
	  .kind = OPTK_TEXT,
	  .meta = "T",
	  .names = OPTN_TAG,
	  .repeat = 1,
	  .help = "the cards tagged T (repeat: any of them; with --deck, in "
	          "it)" },
	{ 0 },
};

const struct command cmd_suspend = {
	.name = "suspend",
	.args = "[CARD...]",
	.arg_names = OPTN_CARD,
	.max_args = -1,
	.summary = "keep cards out of every session until unsuspended",
	.about = "Suspends the cards named and the cards selected: no review, "
	         "quiz or drill\n"
	         "asks them until 'trainer unsuspend'. Their history is kept. "
	         "All change at once,\n"
	         "or none (a name that matches no card changes nothing).\n"
	         "\n" SUSPEND_ABOUT,
	.opts = suspend_opts,
	.run = run_suspend,
};

const struct command cmd_unsuspend = {
	.name = "unsuspend",
	.args = "[CARD...]",
	.arg_names = OPTN_CARD,
	.max_args = -1,
	.summary = "let suspended cards back into the sessions",
	.about = "Unsuspends the cards named and the cards selected: they are "
	         "asked again as\n"
	         "their schedule says. 'trainer cards --suspended' lists the "
	         "suspended cards.\n"
	         "\n" SUSPEND_ABOUT,
	.opts = suspend_opts,
	.run = run_unsuspend,
};
