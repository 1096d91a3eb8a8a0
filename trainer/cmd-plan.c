/*
 * cmd-plan.c - "trainer plan --exam DATE": the predicted recall of every
 * card on an exam day, and a day-by-day plan (plan.h) that brings every
 * card to a target recall that day with the fewest reviews.
 */
#include "cli.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exam.h"
#include "opt.h"
#include "out.h"
#include "stats.h"

static double
round4(double x)
{
	return round(x * 1e4) / 1e4;
}

static const char *
day_text(long long day, char *buf, size_t size)
{
	stats_day_label(day, buf, size);
	return buf;
}

static void
print_text(const struct exam *e, const struct exam_plan *ep, int unicode)
{
	const struct plan *p = &ep->plan;
	long long max = 0, last_start = -1;
	char buf[16];

	printf("Exam on %s (%s%lld day%s), target recall %.0f%%\n", e->date,
	       p->ndays ? "in " : "today: ", (long long)p->ndays,
	       p->ndays == 1 ? "" : "s", e->target * 100);
	printf("Studied cards: %zu; below %.0f%% on the exam day: %zu under "
	       "their current schedule, %zu if never reviewed again\n",
	       p->studied, e->target * 100, p->below_scheduled,
	       p->below_untouched);
	for (size_t i = 0; i < p->ncards; i++)
		if (p->cards[i].start_day > last_start)
			last_start = p->cards[i].start_day;
	if (p->fresh == 0)
		puts("New cards: none left to start");
	else if (p->fresh_fit == p->fresh)
		printf("New cards: %zu not started; all fit before the exam at "
		       "the new-card limit (the last on %s)\n",
		       p->fresh, day_text(last_start, buf, sizeof(buf)));
	else
		printf("New cards: %zu not started; only %zu fit before the "
		       "exam at the new-card limit (raise new-per-day to fit "
		       "more)\n",
		       p->fresh, p->fresh_fit);
	if (p->ndays == 0) {
		puts("Nothing left to plan: the exam is today.");
		return;
	}
	printf("Plan: %lld review%s over %zu day%s (reviewing every card "
	       "every day: %lld); after it %s\n",
	       p->reviews, p->reviews == 1 ? "" : "s", p->ndays,
	       p->ndays == 1 ? "" : "s", p->every_day,
	       p->below_planned == 0 ? "every card is at the target"
	                             : "some cards stay below the target");
	if (p->below_planned)
		printf("  %zu card%s below the target even so (new cards that "
		       "do not fit, or too little time)\n",
		       p->below_planned, p->below_planned == 1 ? "" : "s");
	for (size_t i = 0; i < p->ndays; i++) {
		long long t = p->days[i].due + p->days[i].moved +
		              p->days[i].fresh_reviews;

		if (t > max)
			max = t;
	}
	printf("\n  %-10s %5s %6s %5s %6s\n", "day", "due", "moved", "new",
	       "total");
	for (size_t i = 0; i < p->ndays; i++) {
		const struct plan_day *d = &p->days[i];
		long long t = d->due + d->moved + d->fresh_reviews;
		long long w = max ? (t * 30 + max - 1) / max : 0;

		printf("  %-10s %5d %6d %5d %6lld ",
		       day_text(d->day, buf, sizeof(buf)), d->due, d->moved,
		       d->fresh, t);
		for (long long k = 0; k < w; k++)
			fputs(unicode ? "█" : "#", stdout);
		putchar('\n');
	}
	puts("\n'due': reviews on the day a card falls due; 'moved': reviews "
	     "brought forward\nso the card is at the target on the exam day; "
	     "'new': cards started (their\nfirst answers are in 'total').");
}

static int
print_json(const struct exam *e, const struct exam_plan *ep)
{
	const struct plan *p = &ep->plan;
	json_t *o = json_object(), *days = json_array(), *cards = json_array();
	json_t *fresh = json_object();
	char buf[16];
	int rc;

	json_object_set_new(o, "exam", json_string(e->date));
	json_object_set_new(o, "days_left", json_integer((json_int_t)p->ndays));
	json_object_set_new(o, "target", json_real(e->target));
	json_object_set_new(o, "studied", json_integer((json_int_t)p->studied));
	json_object_set_new(o, "below_target_scheduled",
	                    json_integer((json_int_t)p->below_scheduled));
	json_object_set_new(o, "below_target_untouched",
	                    json_integer((json_int_t)p->below_untouched));
	json_object_set_new(fresh, "cards", json_integer((json_int_t)p->fresh));
	json_object_set_new(fresh, "fit",
	                    json_integer((json_int_t)p->fresh_fit));
	json_object_set_new(o, "new", fresh);
	json_object_set_new(o, "reviews", json_integer(p->reviews));
	json_object_set_new(o, "every_day_reviews", json_integer(p->every_day));
	json_object_set_new(o, "below_target_planned",
	                    json_integer((json_int_t)p->below_planned));
	for (size_t i = 0; i < p->ndays; i++) {
		const struct plan_day *d = &p->days[i];
		json_t *x = json_object();

		json_object_set_new(
		    x, "day", json_string(day_text(d->day, buf, sizeof(buf))));
		json_object_set_new(x, "due", json_integer(d->due));
		json_object_set_new(x, "moved", json_integer(d->moved));
		json_object_set_new(x, "new", json_integer(d->fresh));
		json_object_set_new(x, "new_answers",
		                    json_integer(d->fresh_reviews));
		json_object_set_new(
		    x, "total",
		    json_integer(d->due + d->moved + d->fresh_reviews));
		json_array_append_new(days, x);
	}
	json_object_set_new(o, "days", days);
	for (size_t i = 0; i < ep->n; i++) {
		const struct plan_card *c = &p->cards[i];
		json_t *x = json_object();

		json_object_set_new(x, "deck", json_string(ep->cards[i].deck));
		json_object_set_new(x, "id", json_string(ep->cards[i].card.id));
		json_object_set_new(
		    x, "state",
		    json_string(fsrs_state_name(ep->cards[i].mem.state)));
		json_object_set_new(
		    x, "recall_untouched",
		    c->fresh ? json_null()
		             : json_real(round4(c->recall_untouched)));
		json_object_set_new(
		    x, "recall_scheduled",
		    c->fresh ? json_null()
		             : json_real(round4(c->recall_scheduled)));
		json_object_set_new(x, "recall_planned",
		                    json_real(round4(c->recall_planned)));
		json_object_set_new(x, "reviews", json_integer(c->reviews));
		json_object_set_new(
		    x, "moved_day",
		    c->moved_day >= 0
		        ? json_string(day_text(c->moved_day, buf, sizeof(buf)))
		        : json_null());
		json_object_set_new(
		    x, "start_day",
		    c->start_day >= 0
		        ? json_string(day_text(c->start_day, buf, sizeof(buf)))
		        : json_null());
		json_array_append_new(cards, x);
	}
	json_object_set_new(o, "cards", cards);
	rc = out_json(stdout, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	return rc < 0 ? EX_SOFTWARE : 0;
}

static int
run_plan(struct cli *cli, const struct args *a)
{
	struct cli_filter filter = { 0 };
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct exam e = { 0 };
	struct exam_plan ep = { 0 };
	const char *date = args_text(a, "exam"),
	           *target = args_text(a, "target");
	char why[200];
	int rc;

	cli_filter_from(&filter, a);
	if (date == NULL || strlen(date) != 10 || exam_day(date, &e.day) < 0) {
		rc = cli_usage_error(&cmd_plan,
		                     date ? "--exam must be a date like "
		                            "2027-01-15, not '%s'"
		                          : "say when the exam is: --exam DATE "
		                            "(like 2027-01-15)%s",
		                     date ? date : "");
		goto out;
	}
	snprintf(e.date, sizeof(e.date), "%s", date);
	e.target = 0.9;
	if (target &&
	    opt_double("target", target, FSRS_MIN_RETENTION, FSRS_MAX_RETENTION,
	               &e.target, why, sizeof(why)) < 0) {
		rc = cli_usage_error(&cmd_plan, "%s", why);
		goto out;
	}
	if ((rc = cli_open_store(cli, &st)) != 0)
		goto out;
	if ((rc = cli_filter_check(&filter, &cmd_plan, st)) != 0)
		goto out;
	rc = exam_plan_make(st, &e, filter.deck, &filter.tags, cli_now(cli),
	                    &ep, &diags);
	if (rc == -EX_USAGE) {
		diag_list_release(&diags);
		rc = cli_usage_error(&cmd_plan, "the exam date %s is past",
		                     date);
		goto out;
	}
	if ((rc = diag_report(&diags, rc)) != 0)
		goto out;
	if (args_has(a, "json"))
		rc = print_json(&e, &ep);
	else
		print_text(&e, &ep, !getenv("TRAINER_ASCII"));
out:
	exam_plan_release(&ep);
	store_close(st);
	strlist_release(&filter.tags);
	diag_list_release(&diags);
	return rc;
}

static const struct optspec plan_opts[] = {
	{ .name = "exam",
	  .kind = OPTK_TEXT,
	  .meta = "DATE",
	  .help = "the exam's date, like 2027-01-15" },
	{ .name = "target",
	  .kind = OPTK_TEXT,
	  .meta = "R",
	  .help = "the recall wanted on the exam day (default 0.9)" },
	OPTS_FILTERS,
	{ .name = "json", .kind = OPTK_FLAG, .help = "print JSON" },
	{ 0 },
};

const struct command cmd_plan = {
	.name = "plan",
	.usage = "--exam DATE [--target R] [--deck D] [--tag T]... [--json]",
	.summary = "a study plan to reach a target recall on exam day",
	.about =
	    "For every studied card, the recall FSRS predicts on the exam "
	    "day under its\n"
	    "current schedule; the new cards not started yet and whether "
	    "they fit before\n"
	    "the exam at the new-card limit; and a plan from today to the "
	    "day before the\n"
	    "exam, reviews per day, that brings every card to the target "
	    "that day with the\n"
	    "fewest reviews: each card is reviewed when due, and a review "
	    "is moved earlier\n"
	    "when its due date falls after the exam with its recall on the "
	    "day too low.\n"
	    "'trainer config exam DATE' makes review follow the plan.\n",
	.opts = plan_opts,
	.run = run_plan,
};
