/*
 * cmd-quiz.c - "trainer quiz": exam mode.
 */
#include "cli.h"

#include "opt.h"
#include "study.h"

static int
run_quiz(struct cli *cli, const struct args *a)
{
	struct study s = { .mode = SESSION_QUIZ };
	int rc;

	cli_filter_from(&s.filter, a);
	s.count = (int)args_long(a, "count", 20);
	s.chronology = args_has(a, "chronology");
	rc = study_run(cli, &cmd_quiz, &s);
	strlist_release(&s.filter.tags);
	return rc;
}

static const struct optspec quiz_opts[] = {
	OPTS_FILTERS,
	{ .name = "count",
	  .kind = OPTK_LONG,
	  .meta = "N",
	  .min = 1,
	  .max = 10000,
	  .help = "how many questions (default 20)" },
	{ .name = "chronology",
	  .kind = OPTK_FLAG,
	  .help = "chronology questions made from the date cards' events\n"
	          "instead of the cards" },
	{ 0 },
};

const struct command cmd_quiz = {
	.name = "quiz",
	.summary = "exam mode: N random questions and a score",
	.about =
	    "Asks N random cards (default 20) once each and ends with "
	    "your score and the\n"
	    "answers you got wrong, with the right ones. Answers are "
	    "logged; the schedule\n"
	    "is not changed.\n"
	    "\n"
	    "With --chronology the questions are made from the events of "
	    "the date cards\n"
	    "('event:'): which came first, put 3 to 5 events in order, how "
	    "many years\n"
	    "between two, what happened in a year. They are logged with "
	    "the session and\n"
	    "counted in 'trainer stats'; no schedule changes.\n",
	.opts = quiz_opts,
	.run = run_quiz,
};
