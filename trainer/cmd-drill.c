/*
 * cmd-drill.c - "trainer drill": cram until every card was right once.
 */
#include "cli.h"

#include "opt.h"
#include "study.h"

static int
run_drill(struct cli *cli, const struct args *a)
{
	struct study s = { .mode = SESSION_DRILL };
	int rc;

	cli_filter_from(&s.filter, a);
	s.chronology = args_has(a, "chronology");
	rc = study_run(cli, &cmd_drill, &s);
	strlist_release(&s.filter.tags);
	return rc;
}

static const struct optspec drill_opts[] = {
	OPTS_FILTERS,
	{ .name = "chronology",
	  .kind = OPTK_FLAG,
	  .help = "ten chronology questions made from the date cards'\n"
	          "events, each until answered right" },
	{ 0 },
};

const struct command cmd_drill = {
	.name = "drill",
	.summary = "cram: cards come back until each was answered right",
	.about = "Asks every matching card in a random order; a card answered "
	         "wrong comes back\n"
	         "a few cards later, until each has been answered right once. "
	         "Answers are\n"
	         "logged; the schedule is not changed. 'trainer drill --tag "
	         "dates' drills the\n"
	         "key dates the night before an exam.\n",
	.opts = drill_opts,
	.run = run_drill,
};
