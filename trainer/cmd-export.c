/*
 * cmd-export.c - "trainer export cards|reviews": the cards with their
 * state, or the review log in the columns the FSRS tools read, as CSV
 * (or the cards as JSON), one row at a time.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "out.h"

/* The review log as the FSRS optimizer reads it, then ours. */
#define REVIEWS_HEADER                                                         \
	"card_id,review_time,review_rating,review_state,review_duration,"      \
	"deck,card,answer,verdict\n"

struct review_rows {
	const char *deck; /* NULL: every deck */
	struct strbuf sb;
	size_t n;
};

static int
review_row(const struct store_review *r, void *arg)
{
	struct review_rows *w = arg;

	if (w->deck && strcmp(w->deck, r->deck) != 0)
		return 0;
	w->sb.len = 0;
	strbuf_addf(&w->sb, "%lld,%lld,%d,%d,%lld,", r->card, r->time * 1000,
	            r->rating, r->state_before, r->duration_ms);
	out_csv_field(&w->sb, r->deck);
	strbuf_addch(&w->sb, ',');
	out_csv_field(&w->sb, r->key);
	strbuf_addch(&w->sb, ',');
	out_csv_field(&w->sb, r->answer);
	strbuf_addch(&w->sb, ',');
	out_csv_field(&w->sb, r->verdict);
	strbuf_addch(&w->sb, '\n');
	fwrite(w->sb.buf, 1, w->sb.len, stdout);
	w->n++;
	return 0;
}

static int
export_reviews(struct cli *cli, const struct cli_filter *filter, int all)
{
	struct diag_list diags = { 0 };
	struct review_rows w = { .deck = filter->deck };
	struct store *st = NULL;
	int rc;

	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	if ((rc = cli_filter_check(filter, &cmd_export, st)) == 0) {
		fputs(REVIEWS_HEADER, stdout);
		rc = diag_report(
		    &diags,
		    store_reviews_each(st, all, 0, review_row, &w, &diags));
	}
	strbuf_release(&w.sb);
	store_close(st);
	return rc;
}

static int
run_export(struct cli *cli, const struct args *a)
{
	struct cli_filter filter = { 0 };
	const char *what = a->npos ? a->pos[0] : NULL;
	int csv = args_has(a, "csv"), json = args_has(a, "json"), rc;

	if (what == NULL)
		return cli_usage_error(&cmd_export,
		                       "export what? say cards or reviews");
	if (csv && json)
		return cli_usage_error(&cmd_export,
		                       "--csv or --json: one format at a time");
	cli_filter_from(&filter, a);
	if (strcmp(what, "cards") == 0) {
		struct cards_query q = { .format =
			                     json ? CARDS_JSON : CARDS_CSV };

		rc = args_has(a, "all")
		         ? cli_usage_error(&cmd_export,
		                           "--all is for 'export reviews' (the "
		                           "quiz and drill answers too)")
		         : cli_cards_list(cli, &cmd_export, &filter, &q);
	} else if (strcmp(what, "reviews") == 0) {
		rc = json ? cli_usage_error(&cmd_export,
		                            "the review log is exported as "
		                            "CSV (--csv)")
		     : filter.tags.n
		         ? cli_usage_error(&cmd_export,
		                           "--tag is for 'export cards' (the "
		                           "log keeps no tags)")
		         : export_reviews(cli, &filter, args_has(a, "all"));
	} else {
		rc = cli_usage_error(&cmd_export,
		                     "unknown export '%s' (say cards or "
		                     "reviews)",
		                     what);
	}
	strlist_release(&filter.tags);
	return rc;
}

static const struct optspec export_opts[] = {
	{ .name = "csv",
	  .kind = OPTK_FLAG,
	  .help = "CSV with a header line (the default)" },
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "the cards as one JSON array, as 'trainer cards --json'" },
	OPTS_FILTERS,
	{ .name = "all",
	  .kind = OPTK_FLAG,
	  .help = "reviews: the quiz and drill answers too (they do not "
	          "schedule)" },
	{ 0 },
};

const struct command cmd_export = {
	.name = "export",
	.args = "cards | reviews",
	.arg_names = OPTN_WORD,
	.arg_words = "cards reviews",
	.max_args = 1,
	.summary = "the cards or the review log as CSV or JSON, for other "
	           "tools",
	.about =
	    "export cards: every card with its state: id, deck, type, "
	    "question, answer,\n"
	    "tags (blank-separated), state, due (UTC), stability, "
	    "difficulty, reps,\n"
	    "lapses, suspended.\n"
	    "\n"
	    "export reviews: the answers that scheduled a card, oldest "
	    "first, in the\n"
	    "columns the FSRS optimizer reads: card_id, review_time (Unix "
	    "time in ms),\n"
	    "review_rating (1-4), review_state (the state before: 0 new, 1 "
	    "learning,\n"
	    "2 review, 3 relearning), review_duration (ms); then deck, card, "
	    "answer and\n"
	    "verdict.  With --all the quiz and drill answers too (rating 0 "
	    "when not rated).\n",
	.opts = export_opts,
	.run = run_export,
};
