/*
 * study.h - what the review, quiz and drill commands share: open the
 * store and sync the decks, read the settings, pick the terminal or the
 * pipe, run the session, report.
 */
#ifndef TRAINER_STUDY_H
#define TRAINER_STUDY_H

#include "cli.h"
#include "session.h"

/* Review with the setting 'chronology' on: the questions after the cards. */
#define STUDY_CHRONOLOGY_IN_REVIEW 3

struct study {
	enum session_mode mode;
	struct cli_filter filter;
	int new_per_day; /* -1: the setting */
	int limit;
	int count;
	int chronology; /* quiz, drill: --chronology */
};

/*
 * The scheduler's parameters, the rollover hour and the new cards a day
 * from the store's settings.  Returns 0, or -1 after a message naming a
 * setting that is wrong.
 */
int study_settings(struct store *st, struct fsrs_params *p, int *rollover,
                   int *new_per_day);

/* Run a session of 's' for command 'cmd'; returns the exit status. */
int study_run(struct cli *cli, const struct command *cmd,
              const struct study *s);

#endif
