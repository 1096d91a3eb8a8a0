/*
 * report.c - what stats and report share: the figures for the command
 * line's options, and the figures as JSON.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "exam.h"
#include "study.h"

/* The exam countdown, when an exam is set and not past. */
static int
exam_figures(struct report *r, long long today, long long now)
{
	struct diag_list diags = { 0 };
	struct exam_plan ep;
	struct exam e;
	struct stats *s = &r->stats;
	size_t sched = 0, planned = 0;
	int rc = exam_setting(r->store, today, &e);

	if (rc <= 0)
		return rc < 0 ? diag_status(EX_DATAERR) : 0;
	rc = exam_plan_make(r->store, &e, r->filter.deck, &r->filter.tags, now,
	                    &ep, &diags);
	if ((rc = diag_report(&diags, rc)) != 0)
		return rc;
	for (size_t i = 0; i < ep.n; i++) {
		const struct plan_card *c = &ep.plan.cards[i];

		sched += !c->fresh && c->recall_scheduled >= e.target;
		planned += c->recall_planned >= e.target;
	}
	s->exam_set = 1;
	snprintf(s->exam_date, sizeof(s->exam_date), "%s", e.date);
	s->exam_days_left = e.day - today;
	s->exam_target = e.target;
	s->exam_cards = (long long)ep.n;
	s->exam_at_target_scheduled = ep.n ? (double)sched / (double)ep.n : 0;
	s->exam_at_target_planned = ep.n ? (double)planned / (double)ep.n : 0;
	exam_plan_release(&ep);
	return 0;
}

int
report_load(struct cli *cli, const struct command *cmd, struct report *r)
{
	struct diag_list diags = { 0 };
	struct stats_query q = { 0 };
	struct fsrs_params params;
	int rc;

	/* the database as it is: read-only, the decks not synced */
	rc = cli_open_store(cli, &r->store);
	if (rc != 0)
		return rc;
	if ((rc = cli_filter_check(&r->filter, cmd, r->store)) != 0)
		return rc;
	if (study_settings(r->store, &params, &q.rollover, &q.new_per_day) < 0)
		return diag_status(EX_DATAERR);
	q.deck = r->filter.deck;
	q.tags = &r->filter.tags;
	q.now = cli_now(cli);
	q.today = clock_when(q.now, q.rollover).day;
	q.day_end = clock_day_end(q.now, q.rollover);
	q.utc_offset = clock_utc_offset(q.now);
	q.forecast_days = r->forecast_days;
	q.params = &params;
	if ((rc = diag_report(
	         &diags, stats_compute(r->store, &q, &r->stats, &diags))) != 0)
		return rc;
	return exam_figures(r, q.today, q.now);
}

void
report_release(struct report *r)
{
	stats_release(&r->stats);
	strlist_release(&r->filter.tags);
	store_close(r->store);
	r->store = NULL;
}

static json_t *
rate_json(long long answers, long long right)
{
	json_t *o = json_object();

	json_object_set_new(o, "answers", json_integer(answers));
	json_object_set_new(o, "right", json_integer(right));
	json_object_set_new(o, "rate",
	                    answers ? json_real((double)right / (double)answers)
	                            : json_null());
	return o;
}

static json_t *
windows_json(const struct stats_retention *r, json_t *o)
{
	char key[8];

	for (int w = 0; w < STATS_WINDOWS; w++) {
		snprintf(key, sizeof(key), "%d", stats_window_days[w]);
		json_object_set_new(o, key,
		                    rate_json(r->answers[w], r->right[w]));
	}
	return o;
}

json_t *
report_json(const struct stats *s)
{
	json_t *o = json_object(), *x, *a;
	char day[16];

	x = json_object();
	json_object_set_new(x, "answered", json_integer(s->today_answered));
	json_object_set_new(x, "right", json_integer(s->today_right));
	json_object_set_new(x, "seconds", json_integer(s->today_ms / 1000));
	json_object_set_new(x, "due_now", json_integer(s->due_now));
	json_object_set_new(x, "new_left", json_integer(s->new_left));
	json_object_set_new(o, "today", x);

	x = json_object();
	json_object_set_new(x, "total", json_integer(s->n_cards));
	json_object_set_new(x, "new", json_integer(s->n_new));
	json_object_set_new(x, "learning", json_integer(s->n_learning));
	json_object_set_new(x, "young", json_integer(s->n_young));
	json_object_set_new(x, "mature", json_integer(s->n_mature));
	json_object_set_new(x, "relearning", json_integer(s->n_relearning));
	json_object_set_new(x, "suspended", json_integer(s->n_suspended));
	json_object_set_new(x, "retired", json_integer(s->n_retired));
	json_object_set_new(o, "cards", x);

	json_object_set_new(o, "retention",
	                    windows_json(&s->retention, json_object()));
	a = json_array();
	for (size_t i = 0; i < s->ntags; i++) {
		x = json_object();
		json_object_set_new(x, "tag", json_string(s->tags[i].tag));
		json_object_set_new(x, "cards", json_integer(s->tags[i].cards));
		json_array_append_new(a,
		                      windows_json(&s->tags[i].retention, x));
	}
	json_object_set_new(o, "retention_by_tag", a);
	a = json_array();
	for (int w = 0; w < STATS_WEEKS; w++) {
		stats_day_label(s->calendar_first_day + 7 * w, day,
		                sizeof(day));
		x = rate_json(s->week_answers[w], s->week_right[w]);
		json_object_set_new(x, "week_from", json_string(day));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "retention_by_week", a);
	json_object_set_new(o, "average_retrievability",
	                    s->retrievability_cards
	                        ? json_real(s->avg_retrievability)
	                        : json_null());
	json_object_set_new(o, "retrievability_cards",
	                    json_integer(s->retrievability_cards));
	if (s->exam_set) {
		json_t *e = json_object();

		json_object_set_new(e, "date", json_string(s->exam_date));
		json_object_set_new(e, "days_left",
		                    json_integer(s->exam_days_left));
		json_object_set_new(e, "target", json_real(s->exam_target));
		json_object_set_new(e, "cards", json_integer(s->exam_cards));
		json_object_set_new(
		    e, "at_target_scheduled",
		    json_real(round(s->exam_at_target_scheduled * 1e4) / 1e4));
		json_object_set_new(
		    e, "at_target_planned",
		    json_real(round(s->exam_at_target_planned * 1e4) / 1e4));
		json_object_set_new(o, "exam", e);
	} else {
		json_object_set_new(o, "exam", json_null());
	}
	x = rate_json(s->chrono_answers, s->chrono_right);
	json_object_set_new(x, "days", json_integer(STATS_CHRONO_DAYS));
	json_object_set_new(o, "chronology", x);

	a = json_array();
	for (int d = 0; d < s->forecast_days; d++) {
		x = json_object();
		stats_day_label(s->calendar_first_day + STATS_CALENDAR_DAYS -
		                    1 + d,
		                day, sizeof(day));
		json_object_set_new(x, "day", json_string(day));
		json_object_set_new(x, "due", json_integer(s->forecast[d]));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "forecast", a);

	a = json_array();
	for (int d = 0; d < STATS_CALENDAR_DAYS; d++) {
		x = json_object();
		stats_day_label(s->calendar_first_day + d, day, sizeof(day));
		json_object_set_new(x, "day", json_string(day));
		json_object_set_new(x, "answers", json_integer(s->calendar[d]));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "calendar", a);
	x = json_object();
	json_object_set_new(x, "current", json_integer(s->streak_current));
	json_object_set_new(x, "longest", json_integer(s->streak_longest));
	json_object_set_new(o, "streak", x);

	a = json_array();
	for (int b = 0; b < STATS_STABILITY_BINS; b++) {
		x = json_object();
		json_object_set_new(x, "range",
		                    json_string(stats_stability_labels[b]));
		json_object_set_new(x, "cards",
		                    json_integer(s->stability_bins[b]));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "stability", a);

	a = json_array();
	for (size_t i = 0; i < s->nhardest; i++) {
		const struct stats_card *c = &s->hardest[i];

		x = json_object();
		json_object_set_new(x, "deck", json_string(c->deck));
		json_object_set_new(x, "id", json_string(c->key));
		json_object_set_new(x, "question", json_string(c->question));
		json_object_set_new(x, "lapses", json_integer(c->lapses));
		json_object_set_new(x, "reps", json_integer(c->reps));
		json_object_set_new(x, "stability", json_real(c->stability));
		json_object_set_new(x, "difficulty", json_real(c->difficulty));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "hardest", a);
	return o;
}
