/*
 * cmd-drill.c - "trainer drill": cram until every card was right once.
 */
#include "cli.h"

#include "opt.h"
#include "study.h"

static int
run_drill(struct cli *cli, int argc, char **argv)
{
	static const struct opt opts[] = {
		OPT_FILTERS,
		{ NULL, 0, 0 },
	};
	struct study s = { .mode = SESSION_DRILL };
	struct optparse p;
	const char *value;
	int id, rc;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (cli_filter_option(&s.filter, id, value))
			continue;
		switch (id) {
		case OPT_ARG:
			rc = cli_usage_error(&cmd_drill,
			                     "unexpected argument '%s'", value);
			goto out;
		default:
			rc = cli_usage_error(&cmd_drill, "%s", p.error);
			goto out;
		}
	}
	rc = study_run(cli, &cmd_drill, &s);
out:
	strlist_release(&s.filter.tags);
	return rc;
}

const struct command cmd_drill = {
	.name = "drill",
	.usage = "[--deck D] [--tag T]...",
	.summary = "cram: cards come back until each was answered right",
	.help = "Asks every matching card in a random order; a card answered "
	        "wrong comes back\n"
	        "a few cards later, until each has been answered right once. "
	        "Answers are\n"
	        "logged; the schedule is not changed. 'trainer drill --tag "
	        "dates' drills the\n"
	        "key dates the night before an exam.\n"
	        "\n"
	        "options:\n"
	        "  --deck D   only the deck named D\n"
	        "  --tag T    only cards tagged T (repeat: any of them)\n",
	.run = run_drill,
};
