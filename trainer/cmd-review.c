/*
 * cmd-review.c - "trainer review": the daily session.
 */
#include "cli.h"

#include "opt.h"
#include "study.h"

static int
run_review(struct cli *cli, int argc, char **argv)
{
	enum { O_NEW = 1, O_LIMIT };
	static const struct opt opts[] = {
		{ "new", 1, O_NEW },
		{ "limit", 1, O_LIMIT },
		OPT_FILTERS,
		{ NULL, 0, 0 },
	};
	struct study s = { .mode = SESSION_REVIEW, .new_per_day = -1 };
	struct optparse p;
	const char *value;
	char why[160];
	long n;
	int id, rc;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (cli_filter_option(&s.filter, id, value))
			continue;
		switch (id) {
		case O_NEW:
			if (opt_long("new", value, 0, 9999, &n, why,
			             sizeof(why)) < 0) {
				rc = cli_usage_error(&cmd_review, "%s", why);
				goto out;
			}
			s.new_per_day = (int)n;
			break;
		case O_LIMIT:
			if (opt_long("limit", value, 1, 100000, &n, why,
			             sizeof(why)) < 0) {
				rc = cli_usage_error(&cmd_review, "%s", why);
				goto out;
			}
			s.limit = (int)n;
			break;
		case OPT_ARG:
			rc = cli_usage_error(&cmd_review,
			                     "unexpected argument '%s'", value);
			goto out;
		default:
			rc = cli_usage_error(&cmd_review, "%s", p.error);
			goto out;
		}
	}
	rc = study_run(cli, &cmd_review, &s);
out:
	strlist_release(&s.filter.tags);
	return rc;
}

const struct command cmd_review = {
	.name = "review",
	.usage = "[--deck D] [--tag T]... [--new N] [--limit N]",
	.summary = "the daily session: due cards, then new ones",
	.help = "Asks the cards that are due (the ones you are most likely to "
	        "have forgotten\n"
	        "first), then new cards up to the day's limit. Cards in their "
	        "learning steps\n"
	        "come back within the session. After each answer you see what "
	        "was right and\n"
	        "the suggested rating with what each rating would schedule: "
	        "Enter accepts it,\n"
	        "1-4 changes it. Every answer is saved before the next "
	        "question.\n"
	        "\n"
	        "options:\n"
	        "  --deck D   only the deck named D\n"
	        "  --tag T    only cards tagged T (repeat: any of them)\n"
	        "  --new N    new cards a day (default 20, counted across the "
	        "day's sessions)\n"
	        "  --limit N  at most N answers in this session\n"
	        "\n"
	        "At the answer prompt: :hint :skip :undo :note :suspend :stats "
	        ":help :quit\n"
	        "(Tab completes them). Ctrl-D or Ctrl-C ends with a summary.\n"
	        "When standard input is not a terminal, one answer is read "
	        "per line and the\n"
	        "suggested rating is taken.\n",
	.run = run_review,
};
