/*
 * report.h - what stats and report share: loading the figures for the
 * command line's options, the figures as JSON, and day labels.
 */
#ifndef TRAINER_REPORT_H
#define TRAINER_REPORT_H

#include <jansson.h>

#include "cli.h"
#include "stats.h"

struct report {
	struct cli_filter filter;
	int forecast_days;
	struct stats stats;
	struct store *store;
};

/* Open the store (syncing the decks), read the settings and compute the
 * figures of 'r'; returns 0 or the exit status after a message. */
int report_load(struct cli *cli, const struct command *cmd, struct report *r);
void report_release(struct report *r);

/* Every figure under the keys documented in the README. */
json_t *report_json(const struct stats *s);

#endif
