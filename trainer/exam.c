/*
 * exam.c - the exam the learner prepares for, and its plan.
 */
#include "exam.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "date.h"
#include "study.h"

int
exam_day(const char *iso, long long *day)
{
	static const struct date epoch = { 1970, 1, 1 };
	struct date d;
	char why[80];

	if (date_parse_iso(iso, &d, why, sizeof(why)) < 0 || d.day == 0)
		return -1;
	*day = date_day_number(&d) - date_day_number(&epoch);
	return 0;
}

int
exam_setting(struct store *st, long long today, struct exam *e)
{
	const struct cli_setting *s = cli_setting_find("exam"),
	                         *t = cli_setting_find("exam-target");
	int set, rc = 1;
	char *v = cli_setting_get(st, s, &set), *tv = NULL;

	memset(e, 0, sizeof(*e));
	if (strcmp(v, "none") == 0) {
		rc = 0;
		goto out;
	}
	if (exam_day(v, &e->day) < 0) {
		diag_say("the setting 'exam' is '%s'; it must be %s (fix it "
		         "with 'trainer config exam --reset')",
		         v, s->allowed);
		rc = -1;
		goto out;
	}
	tv = cli_setting_get(st, t, &set);
	if (cli_setting_parse(t, tv, &e->target, NULL, NULL) < 0) {
		diag_say("the setting 'exam-target' is '%s'; it must be %s "
		         "(fix it with 'trainer config exam-target --reset')",
		         tv, t->allowed);
		rc = -1;
		goto out;
	}
	snprintf(e->date, sizeof(e->date), "%s", v);
	if (e->day < today)
		rc = 0; /* past: expired */
out:
	free(v);
	free(tv);
	return rc;
}

int
exam_plan_make(struct store *st, const struct exam *e, const char *deck,
               const struct strlist *tags, long long now, struct exam_plan *out,
               struct diag_list *diags)
{
	struct store_filter f = { .deck = deck, .tags = tags, .light = 1 };
	struct plan_query q = { 0 };
	struct fsrs_params params;
	struct fsrs_card *mem = NULL;
	struct store_card *all = NULL;
	size_t n = 0, k = 0;
	int rollover, per_day, rc;

	memset(out, 0, sizeof(*out));
	if (study_settings(st, &params, &rollover, &per_day) < 0)
		return -EX_DATAERR;
	if ((rc = store_cards(st, &f, &all, &n, diags)) < 0)
		return rc;
	/* the suspended cards are out of every session: out of the plan */
	for (size_t i = 0; i < n; i++) {
		if (all[i].suspended) {
			free(all[i].deck);
			card_release(&all[i].card);
			continue;
		}
		all[k++] = all[i];
	}
	out->cards = all;
	out->n = k;
	mem = xcalloc(k ? k : 1, sizeof(*mem));
	for (size_t i = 0; i < k; i++)
		mem[i] = all[i].mem;
	q.params = &params;
	q.now = now;
	q.today = clock_when(now, rollover).day;
	q.today_start = clock_day_start(q.today, rollover, now);
	q.exam = e->day;
	q.target = e->target;
	q.new_per_day = per_day;
	q.new_left_today = per_day - (int)store_new_on_day(st, q.today);
	if (q.new_left_today < 0)
		q.new_left_today = 0;
	out->today = q.today;
	rc = plan_make(&q, mem, k, &out->plan) < 0 ? -EX_USAGE : 0;
	free(mem);
	return rc;
}

void
exam_plan_release(struct exam_plan *p)
{
	store_cards_free(p->cards, p->n);
	plan_release(&p->plan);
	memset(p, 0, sizeof(*p));
}
