/*
 * cmd-stats.c - "trainer stats": the progress report in the terminal, or
 * as JSON with stable keys (documented in the README).
 */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "isotime.h"
#include "opt.h"
#include "out.h"
#include "report.h"
#include "wording.h"
#include "stats.h"

/* "91% (45/49)" or "-" */
static void
print_rate(long long answers, long long right)
{
	if (answers == 0)
		printf("%-14s", "-");
	else {
		char buf[48];

		snprintf(buf, sizeof(buf), "%lld%% (%lld/%lld)",
		         (right * 100 + answers / 2) / answers, right, answers);
		printf("%-14s", buf);
	}
}

static void
print_bar(long long v, long long max, int width, int unicode)
{
	long long n = max ? (v * width + max - 1) / max : 0;

	for (long long i = 0; i < n; i++)
		fputs(unicode ? "█" : "#", stdout);
}

static void
print_text(const struct stats *s, int unicode)
{
	char spent[16], day[16];
	long long max = 0, cmax = 0;
	static const char *const shades_u[] = { "·", "░", "▒", "▓", "█" };
	static const char *const shades_a[] = { ".", "-", "+", "*", "#" };
	static const char *const weekdays[] = { "Mon", "Tue", "Wed", "Thu",
		                                "Fri", "Sat", "Sun" };

	format_interval(s->today_ms / 1000, spent, sizeof(spent));
	printf("Today: %lld answered, %lld right, %s spent; %lld due now, "
	       "%lld new card%s left\n",
	       s->today_answered, s->today_right, spent, s->due_now,
	       s->new_left, s->new_left == 1 ? "" : "s");
	printf("Cards: %lld: new %lld, learning %lld, young %lld, mature %lld, "
	       "relearning %lld, suspended %lld, retired %lld\n",
	       s->n_cards, s->n_new, s->n_learning, s->n_young, s->n_mature,
	       s->n_relearning, s->n_suspended, s->n_retired);
	printf("\nTrue retention (review answers passed)\n  %-16s", "");
	for (int w = 0; w < STATS_WINDOWS; w++) {
		char label[16];

		snprintf(label, sizeof(label), "%d days", stats_window_days[w]);
		printf("%-14s", label);
	}
	printf("\n  %-16s", "all cards");
	for (int w = 0; w < STATS_WINDOWS; w++)
		print_rate(s->retention.answers[w], s->retention.right[w]);
	putchar('\n');
	for (size_t i = 0; i < s->ntags; i++) {
		char *tag = out_safe_dup(s->tags[i].tag);

		printf("  %-16.16s", tag);
		free(tag);
		for (int w = 0; w < STATS_WINDOWS; w++)
			print_rate(s->tags[i].retention.answers[w],
			           s->tags[i].retention.right[w]);
		putchar('\n');
	}
	if (s->retrievability_cards)
		printf("Predicted recall now: %.0f%% on average over %lld "
		       "card%s\n",
		       s->avg_retrievability * 100, s->retrievability_cards,
		       s->retrievability_cards == 1 ? "" : "s");
	if (s->exam_set)
		printf(
		    "Exam %s: in %lld day%s; %.0f%% of %lld cards predicted at "
		    "%.0f%% recall that day on their current schedule, %.0f%% "
		    "with the plan ('trainer plan')\n",
		    s->exam_date, s->exam_days_left,
		    s->exam_days_left == 1 ? "" : "s",
		    s->exam_at_target_scheduled * 100, s->exam_cards,
		    s->exam_target * 100, s->exam_at_target_planned * 100);
	if (s->chrono_answers)
		printf("Chronology: %lld/%lld right in the last %d days "
		       "(%.0f%%)\n",
		       s->chrono_right, s->chrono_answers, STATS_CHRONO_DAYS,
		       100.0 * (double)s->chrono_right /
		           (double)s->chrono_answers);

	printf("\nDue in the next %d days\n", s->forecast_days);
	for (int d = 0; d < s->forecast_days; d++)
		if (s->forecast[d] > max)
			max = s->forecast[d];
	for (int d = 0; d < s->forecast_days; d++) {
		stats_day_label(s->calendar_first_day + STATS_CALENDAR_DAYS -
		                    1 + d,
		                day, sizeof(day));
		printf("  %s %4lld ", d == 0 ? "today     " : day,
		       s->forecast[d]);
		print_bar(s->forecast[d], max, 40, unicode);
		putchar('\n');
	}

	printf("\nAnswers per day, the last 26 weeks (streak: %d day%s, "
	       "longest %d)\n",
	       s->streak_current, s->streak_current == 1 ? "" : "s",
	       s->streak_longest);
	for (int d = 0; d < STATS_CALENDAR_DAYS; d++)
		if (s->calendar[d] > cmax)
			cmax = s->calendar[d];
	for (int wd = 0; wd < 7; wd++) {
		/* the first column starts on the Monday of the first week */
		long long first = s->calendar_first_day -
		                  stats_weekday(s->calendar_first_day);

		printf("  %s ", weekdays[wd]);
		for (long long d = first + wd;
		     d < s->calendar_first_day + STATS_CALENDAR_DAYS; d += 7) {
			long long i = d - s->calendar_first_day, v;
			int level;

			if (i < 0) {
				putchar(' ');
				continue;
			}
			v = s->calendar[i];
			level = v == 0      ? 0
			        : cmax <= 1 ? 4
			                    : 1 + (int)((v - 1) * 4 / cmax);
			fputs(unicode ? shades_u[level > 4 ? 4 : level]
			              : shades_a[level > 4 ? 4 : level],
			      stdout);
		}
		putchar('\n');
	}

	if (s->nhardest) {
		printf("\nHardest cards\n");
		for (size_t i = 0; i < s->nhardest; i++) {
			const struct stats_card *c = &s->hardest[i];

			printf("  %d lapse%s, stability %.1fd  ", c->lapses,
			       c->lapses == 1 ? "" : "s", c->stability);
			out_safe(stdout, c->deck, 0);
			putchar('/');
			out_safe(stdout, c->key, 0);
			fputs("  ", stdout);
			out_safe(stdout, c->question, OUT_ONE_LINE);
			putchar('\n');
		}
	}
}

static int
run_stats(struct cli *cli, const struct args *a)
{
	struct report r = { .forecast_days = 14 };
	struct cli_weights weights;
	int json = args_has(a, "json"), rc;

	cli_filter_from(&r.filter, a);
	r.forecast_days = (int)args_long(a, "days", 14);
	rc = report_load(cli, &cmd_stats, &r);
	if (rc != 0)
		goto out;
	cli_weights_info(r.store, &weights);
	if (json) {
		json_t *o = report_json(&r.stats);

		json_object_set_new(o, "weights", cli_weights_json(&weights));
		out_json(stdout, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
	} else {
		char *text = cli_weights_text(&weights);

		print_text(&r.stats, cli->color);
		printf("\nWeights: %s\n", text);
		free(text);
	}
out:
	report_release(&r);
	return rc;
}

static const struct optspec stats_opts[] = {
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "every figure as JSON (keys in the README)" },
	OPTS_FILTERS,
	{ .name = "days",
	  .kind = OPTK_LONG,
	  .meta = "N",
	  .min = 1,
	  .max = 3650,
	  .help = "the forecast's length in days (default 14)" },
	{ 0 },
};

const struct command cmd_stats = {
	.name = "stats",
	.summary = "progress: today, cards by state, retention, forecast",
	.about =
	    "Today's answers, the cards by state (new, learning, young and "
	    "mature review\n"
	    "cards, relearning, suspended, retired), true retention (the "
	    "share of answers\n"
	    "to cards in review that passed) over 7, 30 and 365 days for "
	    "all cards and per\n"
	    "tag, the average predicted recall now, the cards due each day "
	    "ahead, a\n"
	    "calendar of answers per day with your streak, and the hardest "
	    "cards.\n",
	.opts = stats_opts,
	.run = run_stats,
};
