/*
 * cmd-review.c - "trainer review": the daily session.
 */
#include "cli.h"

#include "opt.h"
#include "study.h"

static int
run_review(struct cli *cli, const struct args *a)
{
	struct study s = { .mode = SESSION_REVIEW };
	int rc;

	cli_filter_from(&s.filter, a);
	s.new_per_day = (int)args_long(a, "new", -1);
	s.limit = (int)args_long(a, "limit", 0);
	rc = study_run(cli, &cmd_review, &s);
	strlist_release(&s.filter.tags);
	return rc;
}

static const struct optspec review_opts[] = {
	OPTS_FILTERS,
	{ .name = "new",
	  .kind = OPTK_LONG,
	  .meta = "N",
	  .min = 0,
	  .max = 9999,
	  .help = "new cards a day (default 20, counted across the day's "
	          "sessions)" },
	{ .name = "limit",
	  .kind = OPTK_LONG,
	  .meta = "N",
	  .min = 1,
	  .max = 100000,
	  .help = "at most N answers in this session" },
	{ 0 },
};

const struct command cmd_review = {
	.name = "review",
	.summary = "the daily session: due cards, then new ones",
	.about = "Asks the cards that are due (the ones you are most likely to "
	         "have forgotten\n"
	         "first), then new cards up to the day's limit. Cards in their "
	         "learning steps\n"
	         "come back within the session. After each answer you see what "
	         "was right and\n"
	         "the suggested rating with what each rating would schedule: "
	         "Enter accepts it,\n"
	         "1-4 changes it. Every answer is saved before the next "
	         "question.\n",
	.opts = review_opts,
	.more = "At the answer prompt: :hint :skip :undo :note :suspend :stats "
	        ":help :quit\n"
	        "(Tab completes them). Ctrl-D or Ctrl-C ends with a summary.\n"
	        "When standard input is not a terminal, one answer is read "
	        "per line and the\n"
	        "suggested rating is taken.\n",
	.run = run_review,
};
