/*
 * study.c - running a session from the command line.
 */
#include "study.h"

#include <jansson.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "opt.h"
#include "tty.h"

/* A setting as a number within [lo, hi]; 'fallback' when unset. */
static int
setting_number(struct store *st, const char *key, double lo, double hi,
               double fallback, double *out)
{
	char *v = store_setting(st, key), why[200];
	double d;

	if (v == NULL) {
		*out = fallback;
		return 0;
	}
	/* the database is input too: decimal only, no hex, inf or nan */
	if (opt_double(key, v, lo, hi, &d, why, sizeof(why)) < 0) {
		diag_say("the setting '%s' is '%s'; it must be a number from "
		         "%g to %g",
		         key, v, lo, hi);
		free(v);
		return -1;
	}
	free(v);
	*out = d;
	return 0;
}

int
study_settings(struct store *st, struct fsrs_params *p, int *rollover,
               int *new_per_day)
{
	char *w = store_setting(st, "weights"), why[200];
	double retention, roll, per_day;

	fsrs_params_default(p);
	if (setting_number(st, "desired_retention", FSRS_MIN_RETENTION,
	                   FSRS_MAX_RETENTION, 0.9, &retention) < 0 ||
	    setting_number(st, "rollover_hour", 0, 23, CLOCK_DEFAULT_ROLLOVER,
	                   &roll) < 0 ||
	    setting_number(st, "new_per_day", 0, 9999, 20, &per_day) < 0) {
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
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return text;
}

int
study_run(struct cli *cli, const struct command *cmd, const struct study *s)
{
	struct store *st = NULL;
	struct diag_list diags = { 0 };
	struct session_opts o = { 0 };
	struct session_io io;
	struct fsrs_params params;
	struct tty *t = NULL;
	char *filters = NULL;
	int rc, per_day;

	rc = cli_open_synced(cli, &st);
	if (rc != 0)
		return rc;
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
	rc = session_run(st, &o, &io, &diags);
	tty_close(t);
	rc = diag_report(&diags, rc);
out:
	free(filters);
	diag_list_release(&diags);
	store_close(st);
	return rc;
}
