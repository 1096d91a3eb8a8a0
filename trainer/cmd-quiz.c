/*
 * cmd-quiz.c - "trainer quiz": exam mode.
 */
#include "cli.h"

#include "opt.h"
#include "study.h"

static int
run_quiz(struct cli *cli, int argc, char **argv)
{
	enum { O_COUNT = 1 };
	static const struct opt opts[] = {
		{ "count", 1, O_COUNT },
		OPT_FILTERS,
		{ NULL, 0, 0 },
	};
	struct study s = { .mode = SESSION_QUIZ, .count = 20 };
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
		case O_COUNT:
			if (opt_long("count", value, 1, 10000, &n, why,
			             sizeof(why)) < 0) {
				rc = cli_usage_error(&cmd_quiz, "%s", why);
				goto out;
			}
			s.count = (int)n;
			break;
		case OPT_ARG:
			rc = cli_usage_error(&cmd_quiz,
			                     "unexpected argument '%s'", value);
			goto out;
		default:
			rc = cli_usage_error(&cmd_quiz, "%s", p.error);
			goto out;
		}
	}
	rc = study_run(cli, &cmd_quiz, &s);
out:
	strlist_release(&s.filter.tags);
	return rc;
}

const struct command cmd_quiz = {
	.name = "quiz",
	.usage = "[--deck D] [--tag T]... [--count N]",
	.summary = "exam mode: N random questions and a score",
	.help = "Asks N random cards (default 20) once each and ends with "
	        "your score and the\n"
	        "answers you got wrong, with the right ones. Answers are "
	        "logged; the schedule\n"
	        "is not changed.\n"
	        "\n"
	        "options:\n"
	        "  --deck D   only the deck named D\n"
	        "  --tag T    only cards tagged T (repeat: any of them)\n"
	        "  --count N  how many questions (default 20)\n",
	.run = run_quiz,
};
