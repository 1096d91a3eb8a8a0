/*
 * study.c - running a session from the command line.
 */
#include "study.h"

#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "exam.h"
#include "tty.h"

/*
 * As setting() below, for any kind: with 'yes' (a CHOICE setting) returns
 * 1 when the value is 'yes', else 0; -1 after a message.
 */
static int
setting_choice(struct store *st, const char *key, const char *yes,
               double *number, int *steps, int *nsteps)
{
	const struct cli_setting *s = cli_setting_find(key);
	int set, rc = 0;
	char *v = cli_setting_get(st, s, &set);

	if (cli_setting_parse(s, v, number, steps, nsteps) < 0) {
		diag_say("the setting '%s' is '%s'; it must be %s (fix it "
		         "with 'trainer config %s --reset')",
		         key, v, s->allowed, key);
		rc = -1;
	} else if (yes) {
		rc = strcmp(v, yes) == 0;
	}
	free(v);
	return rc;
}

/*
 * Read setting 'key' (stored, else its default) into '*number', or into
 * 'steps' and '*nsteps'.  The database is input too: a stored value that
 * is not one the setting takes (hex, inf, nan, out of range) is refused
 * with a message naming it; returns 0 or -1.
 */
static int
setting(struct store *st, const char *key, double *number, int *steps,
        int *nsteps)
{
	return setting_choice(st, key, NULL, number, steps, nsteps);
}

int
study_settings(struct store *st, struct fsrs_params *p, int *rollover,
               int *new_per_day)
{
	char *w = store_setting(st, "weights"), why[200];
	double retention, roll, per_day;

	fsrs_params_default(p);
	if (setting(st, "desired-retention", &retention, NULL, NULL) < 0 ||
	    setting(st, "rollover-hour", &roll, NULL, NULL) < 0 ||
	    setting(st, "new-per-day", &per_day, NULL, NULL) < 0 ||
	    setting(st, "learning-steps", NULL, p->learning, &p->nlearning) <
	        0 ||
	    setting(st, "relearning-steps", NULL, p->relearning,
	            &p->nrelearning) < 0) {
		free(w);
		return -1;
	}
	p->retention = retention;
	*rollover = (int)roll;
	*new_per_day = (int)per_day;
	if (w) {
		json_t *a = json_loads(w, 0, NULL);

		if (!json_is_array(a) || json_array_size(a) != FSRS_NWEIGHTS) {
			diag_say("the setting 'weights' must be a list of %d "
			         "numbers",
			         FSRS_NWEIGHTS);
			json_decref(a);
			free(w);
			return -1;
		}
		for (int i = 0; i < FSRS_NWEIGHTS; i++)
			p->w[i] =
			    json_number_value(json_array_get(a, (size_t)i));
		json_decref(a);
		free(w);
	}
	if (fsrs_params_finish(p, NULL, why, sizeof(why)) < 0) {
		diag_say("the scheduler settings are wrong: %s", why);
		return -1;
	}
	return 0;
}

static char *
filters_json(const struct study *s)
{
	json_t *o = json_object(), *tags = json_array();
	char *text;

	for (size_t i = 0; i < s->filter.tags.n; i++)
		json_array_append_new(tags, json_string(s->filter.tags.v[i]));
	json_object_set_new(o, "deck",
	                    s->filter.deck ? json_string(s->filter.deck)
	                                   : json_null());
	json_object_set_new(o, "tags", tags);
	if (s->mode == SESSION_REVIEW) {
		json_object_set_new(o, "new",
		                    s->new_per_day >= 0
		                        ? json_integer(s->new_per_day)
		                        : json_null());
		json_object_set_new(o, "limit",
		                    s->limit > 0 ? json_integer(s->limit)
		                                 : json_null());
	}
	if (s->mode == SESSION_QUIZ)
		json_object_set_new(o, "count", json_integer(s->count));
	if (s->chronology)
		json_object_set_new(o, "chronology", json_true());
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return text;
}

struct exam_cards {
	struct exam_plan ep;
	struct store_card *planned;
	size_t n;
	char *note;
};

struct at_risk {
	double recall;
	size_t i;
};

static int
risk_cmp(const void *a, const void *b)
{
	const struct at_risk *p = a, *q = b;

	if (p->recall != q->recall)
		return p->recall < q->recall ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

/*
 * Review with an exam set ('trainer config exam DATE', not past): the
 * plan's cards for today that are not due, most at risk first, and the
 * line that says so.  0 (nothing to add without an exam), or the exit
 * status after a message.
 */
static int
exam_cards(struct store *st, const struct study *s, long long now, int rollover,
           struct exam_cards *x)
{
	struct diag_list diags = { 0 };
	struct exam e;
	long long today = clock_when(now, rollover).day,
	          day_end = clock_day_end(now, rollover);
	int rc = exam_setting(st, today, &e), need = 0;
	size_t moved = 0, nrisk = 0;
	struct at_risk *risk;

	if (rc <= 0)
		return rc < 0 ? diag_status(EX_DATAERR) : 0;
	rc = exam_plan_make(st, &e, s->filter.deck, &s->filter.tags, now,
	                    &x->ep, &diags);
	if ((rc = diag_report(&diags, rc)) != 0)
		return rc;
	risk = xcalloc(x->ep.n + 1, sizeof(*risk));
	for (size_t i = 0; i < x->ep.n; i++) {
		const struct store_card *c = &x->ep.cards[i];

		if (x->ep.plan.cards[i].moved_day != today)
			continue;
		moved++;
		if (c->mem.state != FSRS_NEW &&
		    !fsrs_is_due(&c->mem, now, day_end) &&
		    c->buried_until <= now)
			risk[nrisk++] = (struct at_risk){
				x->ep.plan.cards[i].recall_scheduled, i
			};
	}
	xqsort(risk, nrisk, sizeof(*risk), risk_cmp);
	x->planned = xcalloc(nrisk + 1, sizeof(*x->planned));
	for (size_t i = 0; i < nrisk; i++)
		x->planned[x->n++] = x->ep.cards[risk[i].i];
	free(risk);
	if (x->ep.plan.ndays > 0)
		need = x->ep.plan.days[0].due + x->ep.plan.days[0].moved;
	if (x->ep.plan.ndays == 0)
		x->note = xasprintf("exam today (%s)", e.date);
	else
		x->note = xasprintf(
		    "exam in %zu day%s (%s): %d card%s need%s you today "
		    "(%zu brought forward for it)",
		    x->ep.plan.ndays, x->ep.plan.ndays == 1 ? "" : "s", e.date,
		    need, need == 1 ? "" : "s", need == 1 ? "s" : "", moved);
	return 0;
}

int
study_run(struct cli *cli, const struct command *cmd, const struct study *s)
{
	struct exam_cards exam = { 0 };
	struct store *st = NULL;
	struct diag_list diags = { 0 };
	struct session_opts o = { 0 };
	struct session_io io;
	struct fsrs_params params;
	struct tty *t = NULL;
	char *filters = NULL, *params_json = NULL;
	int rc, per_day, bury;
	double ahead;

	rc = cli_open_synced(cli, &st);
	if (rc != 0)
		return rc;
	cli_sync_auto(cli, st);
	if ((rc = cli_filter_check(&s->filter, cmd, st)) != 0)
		goto out;
	if (study_settings(st, &params, &o.rollover, &per_day) < 0) {
		rc = diag_status(EX_DATAERR);
		goto out;
	}
	filters = filters_json(s);
	o.mode = s->mode;
	o.deck = s->filter.deck;
	o.tags = &s->filter.tags;
	o.new_per_day = s->new_per_day >= 0 ? s->new_per_day : per_day;
	o.limit = s->limit;
	o.count = s->count;
	o.start = cli_now(cli);
	o.seed = cli->has_seed
	             ? cli->seed
	             : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	o.params = &params;
	o.filters = filters;
	if (setting(st, "learn-ahead", &ahead, NULL, NULL) < 0 ||
	    (bury = setting_choice(st, "bury-siblings", "on", NULL, NULL,
	                           NULL)) < 0 ||
	    (o.new_random = setting_choice(st, "new-order", "random", NULL,
	                                   NULL, NULL)) < 0) {
		rc = diag_status(EX_DATAERR);
		goto out;
	}
	if (s->mode == SESSION_REVIEW) {
		int on =
		    setting_choice(st, "chronology", "on", NULL, NULL, NULL);

		if (on < 0) {
			rc = diag_status(EX_DATAERR);
			goto out;
		}
		o.chronology = on ? STUDY_CHRONOLOGY_IN_REVIEW : 0;
	} else {
		o.chronology = s->chronology;
	}
	o.learn_ahead = (long long)ahead * 60;
	if (s->mode == SESSION_REVIEW) {
		if ((rc = exam_cards(st, s, o.start, o.rollover, &exam)) != 0)
			goto out;
		o.planned = exam.planned;
		o.nplanned = exam.n;
		o.exam_note = exam.note;
	}
	o.keep_siblings = !bury;

	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		/* readline needs the locale's character set for Hangul */
		const char *lc = setlocale(LC_CTYPE, "");

		if (lc == NULL || strcmp(lc, "C") == 0 ||
		    strcmp(lc, "POSIX") == 0)
			setlocale(LC_CTYPE, "C.UTF-8");
		t = tty_open_terminal(cli->color);
	} else {
		t = tty_open_plain(stdin, stdout);
	}
	tty_session_io(t, &io);
	o.params_json = params_json = store_params_json(&params);
	rc = session_run(st, &o, &io, &diags);
	tty_close(t);
	rc = diag_report(&diags, rc);
	/* what was answered is saved: a sync failing only warns */
	cli_sync_auto(cli, st);
	/* for the tests: how much the store read (not a time) */
	if (getenv("TRAINER_COUNT_WORK"))
		fprintf(stderr, "trainer: work: %lld\n", store_work(st));
out:
	free(exam.planned);
	free(exam.note);
	exam_plan_release(&exam.ep);
	free(filters);
	free(params_json);
	diag_list_release(&diags);
	store_close(st);
	return rc;
}
