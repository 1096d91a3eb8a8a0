/*
 * cmd-optimize.c - "trainer optimize": FSRS-6's weights fitted to the
 * learner's own reviews (optimize.c), compared with the defaults on the
 * latest reviews held out, and kept when they predict those better.
 */
#include "cli.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "isotime.h"
#include "optimize.h"
#include "out.h"
#include "rfile.h"

#define FITTED_KEY "weights-fitted"  /* when, from how many reviews */
#define HOLDOUT    5                 /* 1 in 5 items held out, the last */
#define CSV_MAX    ((size_t)1 << 30) /* a review log's bytes */

struct log {
	struct optimize_review *v;
	size_t n, alloc;
	int rollover;
};

static void
log_add(struct log *l, long long card, long long ms, int rating, int state)
{
	long long t = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);

	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = (struct optimize_review){
		.card = card,
		.time = ms,
		.day = clock_when(t, l->rollover).day,
		.rating = rating,
		.state = state,
	};
}

static int
on_review(const struct store_review *r, void *arg)
{
	if (r->rating >= 1 && r->rating <= 4)
		log_add(arg, r->card, r->time * 1000, r->rating,
		        r->state_before);
	return 0;
}

/* ---- the CSV of 'trainer export reviews' ---- */

/* The fields of one CSV record from '*p' (quotes as RFC 4180 has them,
 * a record may span lines); '*line' counts the lines.  Returns the number
 * of fields (at most 'max' kept), or -1 at the end of the text. */
static int
csv_record(char **p, int *line, char **field, int max)
{
	char *s = *p, *out;
	int n = 0;

	if (*s == '\0')
		return -1;
	for (;;) {
		char *start = out = s;

		if (*s == '"') {
			s++;
			for (;;) {
				if (*s == '\0')
					break;
				if (*s == '"' && s[1] == '"') {
					*out++ = '"';
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					if (*s == '\n')
						(*line)++;
					*out++ = *s++;
				}
			}
			while (*s && *s != ',' && *s != '\n')
				s++;
		} else {
			while (*s && *s != ',' && *s != '\n')
				*out++ = *s++;
		}
		if (out > start && out[-1] == '\r' && (*s == '\n' || !*s))
			out--;
		if (n < max)
			field[n] = start;
		n++;
		if (*s == ',') {
			*out = '\0';
			s++;
			continue;
		}
		if (*s == '\n') {
			*out = '\0';
			s++;
			(*line)++;
		} else {
			*out = '\0';
		}
		break;
	}
	*p = s;
	return n;
}

static int
number(const char *s, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(s, &end, 10);
	return *s && *end == '\0' && errno == 0 ? 0 : -1;
}

enum { C_CARD, C_TIME, C_RATING, C_STATE, C_N };

/* Read 'path' ("-": standard input; the columns by the header's names,
 * review_state may be missing) into 'l'. */
static int
read_csv(const char *path, struct log *l, struct diag_list *diags)
{
	static const char *const names[C_N] = { "card_id", "review_time",
		                                "review_rating",
		                                "review_state" };
	char *text = NULL, *p, *f[64];
	int col[C_N] = { -1, -1, -1, -1 }, line = 1, n, rc;
	size_t len;

	rc = rfile_read(path, 1, CSV_MAX, "review log", &text, &len, diags);
	if (rc < 0)
		return rc;
	if (memchr(text, '\0', len)) {
		diag_error(diags, path, 0, 0, "it holds a NUL byte: not CSV");
		rc = -EX_DATAERR;
		goto out;
	}
	p = text;
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	n = csv_record(&p, &line, f, 64);
	for (int i = 0; i < (n < 64 ? n : 64); i++)
		for (int c = 0; c < C_N; c++)
			if (strcmp(f[i], names[c]) == 0 && col[c] < 0)
				col[c] = i;
	for (int c = 0; c < C_STATE; c++)
		if (col[c] < 0) {
			diag_error(diags, path, 1, 1,
			           "the header has no column '%s' (it needs "
			           "card_id, review_time, review_rating and "
			           "may have review_state)",
			           names[c]);
			rc = -EX_DATAERR;
			goto out;
		}
	for (int at = line; (n = csv_record(&p, &line, f, 64)) >= 0;
	     at = line) {
		long long card, ms, rating, state = -1;

		if (n == 1 && f[0][0] == '\0')
			continue; /* a blank line */
		for (int c = 0; c < C_N; c++)
			if (col[c] >= n || col[c] >= 64) {
				if (c == C_STATE && col[c] < 0)
					continue;
				diag_error(diags, path, at, 0,
				           "expected %d fields, found %d",
				           col[c] + 1, n);
				rc = -EX_DATAERR;
				goto out;
			}
		if (number(f[col[C_CARD]], &card) < 0 ||
		    number(f[col[C_TIME]], &ms) < 0) {
			diag_error(diags, path, at, 0,
			           "card_id and review_time must be whole "
			           "numbers (review_time in ms), not '%s' and "
			           "'%s'",
			           f[col[C_CARD]], f[col[C_TIME]]);
			rc = -EX_DATAERR;
			goto out;
		}
		if (number(f[col[C_RATING]], &rating) < 0 || rating < 0 ||
		    rating > 4) {
			diag_error(diags, path, at, 0,
			           "review_rating must be 0 to 4, not '%s'",
			           f[col[C_RATING]]);
			rc = -EX_DATAERR;
			goto out;
		}
		if (col[C_STATE] >= 0 && (number(f[col[C_STATE]], &state) < 0 ||
		                          state < 0 || state > 5)) {
			diag_error(diags, path, at, 0,
			           "review_state must be 0 to 5, not '%s'",
			           f[col[C_STATE]]);
			rc = -EX_DATAERR;
			goto out;
		}
		/* unrated answers and Anki's manual entries teach nothing */
		if (rating >= 1 && state != 5)
			log_add(l, card, ms, (int)rating, (int)state);
	}
out:
	free(text);
	return rc;
}

/* ---- the weights in use ---- */

int
cli_weights_info(struct store *st, struct cli_weights *w)
{
	char *v = st ? store_setting(st, "weights") : NULL;
	char *meta = st ? store_setting(st, FITTED_KEY) : NULL;

	memset(w, 0, sizeof(*w));
	w->set = v != NULL;
	if (meta) {
		json_t *o = json_loads(meta, 0, NULL);

		w->time = json_integer_value(json_object_get(o, "time"));
		w->reviews = json_integer_value(json_object_get(o, "reviews"));
		json_decref(o);
	}
	free(v);
	free(meta);
	return w->set;
}

char *
cli_weights_text(const struct cli_weights *w)
{
	char when[32];

	if (!w->set)
		return xstrdup("FSRS-6's defaults");
	if (w->time == 0)
		return xstrdup("set by hand");
	clock_local_text(w->time, when, sizeof(when));
	return xasprintf("fitted to %lld reviews on %s", w->reviews, when);
}

json_t *
cli_weights_json(const struct cli_weights *w)
{
	json_t *o = json_object();
	char when[32];

	json_object_set_new(o, "fitted", json_boolean(w->set && w->time));
	json_object_set_new(o, "set", json_boolean(w->set));
	if (w->set && w->time) {
		isotime_format_utc(w->time, when, sizeof(when));
		json_object_set_new(o, "since", json_string(when));
		json_object_set_new(o, "reviews", json_integer(w->reviews));
	} else {
		json_object_set_new(o, "since", json_null());
		json_object_set_new(o, "reviews", json_null());
	}
	return o;
}

/* ---- the command ---- */

static void
progress_bar(void *arg, int epoch, int epochs, size_t done, size_t total,
             double loss)
{
	const char *what = arg;
	int width = 30, full = total ? (int)(done * (size_t)width / total) : 0;
	char bar[64];

	for (int i = 0; i < width; i++)
		bar[i] = i < full ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\r%s: epoch %d/%d [%s] loss %.4f", what, epoch, epochs,
	        bar, loss);
	fflush(stderr);
}

static const char *
outcome_word(enum optimize_outcome o)
{
	return o == OPTIMIZE_TRAINED      ? "fitted"
	       : o == OPTIMIZE_PRETRAINED ? "pre-trained"
	                                  : "defaults";
}

/* Why the weights are what they are, for people. */
static char *
reason(const struct optimize_fit *f)
{
	switch (f->outcome) {
	case OPTIMIZE_TOO_FEW:
		if (f->kept < 8)
			return xasprintf(
			    "%zu of the %zu left after fsrs-rs's outlier "
			    "filter (a first rating needs 20 first reviews): "
			    "at least 8 are needed; the default weights stay",
			    f->kept, f->items);
		return xasprintf("no first rating has enough first reviews "
		                 "to draw its recall curve: the default "
		                 "weights stay");
	case OPTIMIZE_PRETRAINED:
		return xasprintf("%zu of the %zu left after fsrs-rs's outlier "
		                 "filter: only the first stabilities (w0-w3) "
		                 "are fitted; the rest need 64",
		                 f->kept, f->items);
	case OPTIMIZE_TRAINED:
		break;
	}
	return xasprintf("%zu of the %zu left after fsrs-rs's outlier filter: "
	                 "every weight fitted",
	                 f->kept, f->items);
}

static json_t *
metrics_json(const struct optimize_metrics *m)
{
	json_t *o = json_object();

	json_object_set_new(o, "log_loss", json_real(m->log_loss));
	json_object_set_new(o, "rmse_bins", json_real(m->rmse_bins));
	json_object_set_new(o, "auc", json_real(m->auc));
	return o;
}

static json_t *
weights_array(const double *w)
{
	json_t *a = json_array();

	for (int i = 0; i < FSRS_NWEIGHTS; i++)
		json_array_append_new(a, json_real(w[i]));
	return a;
}

/* The weights as the scheduler takes them (its clamps), as JSON text. */
static char *
weights_setting(double *w, int nrelearning)
{
	struct fsrs_params p;
	json_t *a;
	char *text;

	fsrs_params_default(&p);
	memcpy(p.w, w, sizeof(p.w));
	p.nrelearning = nrelearning;
	fsrs_params_finish(&p, NULL, NULL, 0);
	memcpy(w, p.w, sizeof(p.w));
	a = weights_array(w);
	text = json_dumps(a, JSON_COMPACT | JSON_REAL_PRECISION(10));
	json_decref(a);
	return text;
}

static int
reset(struct cli *cli)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	int rc;

	if ((rc = cli_open_writable(cli, &st)) != 0)
		return rc;
	rc = store_unset_setting(st, "weights", &diags);
	if (rc == 0)
		rc = store_unset_setting(st, FITTED_KEY, &diags);
	if ((rc = diag_report(&diags, rc)) == 0)
		puts("weights: FSRS-6's defaults again");
	store_close(st);
	return rc;
}

/* The settings the fit needs, from 'st' (NULL: the defaults). */
static int
read_settings(struct store *st, int *rollover, int *nrelearning)
{
	const struct cli_setting *s = cli_setting_find("rollover-hour");
	int steps[FSRS_MAX_STEPS], set, rc;
	double hour = 4;
	char *v = cli_setting_get(st, s, &set);

	rc = cli_setting_parse(s, v, &hour, NULL, NULL);
	free(v);
	s = cli_setting_find("relearning-steps");
	v = cli_setting_get(st, s, &set);
	if (rc == 0)
		rc = cli_setting_parse(s, v, NULL, steps, nrelearning);
	free(v);
	if (rc < 0) {
		diag_say("the settings rollover-hour and relearning-steps "
		         "must be valid (see 'trainer config')");
		return EX_DATAERR;
	}
	*rollover = (int)hour;
	return 0;
}

static int
run_optimize(struct cli *cli, const struct args *a)
{
	const char *file = args_text(a, "reviews");
	int json = args_has(a, "json"), dry = args_has(a, "dry-run") || file;
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct log l = { 0 };
	struct optimize_set set = { 0 };
	struct optimize_config cfg;
	struct optimize_fit fit, all;
	struct optimize_metrics mdef = { 0 }, mfit = { 0 };
	double def[FSRS_NWEIGHTS];
	size_t split;
	int rc = 0, better, saved = 0, bar;
	char *why = NULL;

	if (args_has(a, "reset")) {
		if (file || json || args_has(a, "dry-run"))
			return cli_usage_error(&cmd_optimize,
			                       "--reset takes no other option");
		return reset(cli);
	}
	optimize_config_default(&cfg);
	if (cli_db_path(cli) == NULL)
		return EX_USAGE;
	rc = store_open_readonly(cli_db_path(cli), &st, &diags);
	if (rc == -EX_NOINPUT && file) {
		diag_list_release(&diags);
		rc = 0;
	}
	if ((rc = diag_report(&diags, rc)) != 0)
		return rc;
	if ((rc = read_settings(st, &l.rollover, &cfg.nrelearning)) != 0)
		goto out;
	rc = file ? read_csv(file, &l, &diags)
	          : store_reviews_each(st, 0, 0, on_review, &l, &diags);
	if ((rc = diag_report(&diags, rc)) != 0)
		goto out;
	optimize_set_build(&set, l.v, l.n);
	split = set.nitems - set.nitems / HOLDOUT;
	bar = !json && isatty(STDERR_FILENO);
	optimize_fit(&set, 0, split, &cfg, bar ? progress_bar : NULL,
	             (void *)"fitting", &fit);
	if (bar && fit.steps)
		fputs("\r\033[K", stderr);
	optimize_default_weights(def);
	optimize_evaluate(&set, split, set.nitems, def, &mdef);
	optimize_evaluate(&set, split, set.nitems, fit.w, &mfit);
	/* better: a lower log loss, by more than rounding */
	better = fit.outcome != OPTIMIZE_TOO_FEW && mdef.n > 0 &&
	         mfit.log_loss < mdef.log_loss - 1e-9;
	why = reason(&fit);
	all = fit;
	if (better && !dry) {
		char *text, *meta;

		/* the latest reviews count most: fitted again on all */
		optimize_fit(&set, 0, set.nitems, &cfg,
		             bar ? progress_bar : NULL,
		             (void *)"fitting on all", &all);
		if (bar && all.steps)
			fputs("\r\033[K", stderr);
		if (all.outcome == OPTIMIZE_TOO_FEW)
			all = fit;
		store_close(st);
		st = NULL;
		if ((rc = cli_open_writable(cli, &st)) != 0)
			goto out;
		text = weights_setting(all.w, cfg.nrelearning);
		meta = xasprintf("{\"time\": %lld, \"reviews\": %zu}",
		                 cli_now(cli), l.n);
		rc = store_set_setting(st, "weights", text, &diags);
		if (rc == 0)
			rc = store_set_setting(st, FITTED_KEY, meta, &diags);
		free(text);
		free(meta);
		if ((rc = diag_report(&diags, rc)) != 0)
			goto out;
		saved = 1;
	}
	if (json) {
		json_t *o = json_object();

		json_object_set_new(o, "reviews",
		                    json_integer((json_int_t)l.n));
		json_object_set_new(o, "cards",
		                    json_integer((json_int_t)set.ncards));
		json_object_set_new(o, "items",
		                    json_integer((json_int_t)set.nitems));
		json_object_set_new(o, "fitted_on",
		                    json_integer((json_int_t)split));
		json_object_set_new(o, "held_out",
		                    json_integer((json_int_t)mdef.n));
		json_object_set_new(o, "outcome",
		                    json_string(outcome_word(fit.outcome)));
		json_object_set_new(o, "why", json_string(why));
		json_object_set_new(o, "default", metrics_json(&mdef));
		json_object_set_new(o, "fitted", metrics_json(&mfit));
		json_object_set_new(o, "better", json_boolean(better));
		json_object_set_new(o, "weights", weights_array(fit.w));
		json_object_set_new(o, "saved", json_boolean(saved));
		if (saved)
			json_object_set_new(o, "saved_weights",
			                    weights_array(all.w));
		out_json(stdout, o,
		         JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		             JSON_REAL_PRECISION(10));
		json_decref(o);
		goto out;
	}
	printf("%zu review%s of %zu card%s: %zu to predict, the first %zu "
	       "fitted, the latest %zu held out to compare\n",
	       l.n, l.n == 1 ? "" : "s", set.ncards, set.ncards == 1 ? "" : "s",
	       set.nitems, split, mdef.n);
	printf("%s\n", why);
	if (mdef.n > 0) {
		printf("\n%-16s %9s %11s %6s\n", "", "log loss", "RMSE(bins)",
		       "AUC");
		printf("%-16s %9.4f %11.4f %6.3f\n", "default weights",
		       mdef.log_loss, mdef.rmse_bins, mdef.auc);
		printf("%-16s %9.4f %11.4f %6.3f\n", "fitted weights",
		       mfit.log_loss, mfit.rmse_bins, mfit.auc);
	}
	printf("\nweights:");
	for (int i = 0; i < FSRS_NWEIGHTS; i++)
		printf(" %.4f", fit.w[i]);
	putchar('\n');
	if (saved)
		printf(
		    "saved: the weights fitted again on all %zu items are in "
		    "use from now on ('trainer optimize --reset' for the "
		    "defaults)\n",
		    set.nitems);
	else if (better)
		printf(
		    "not saved (%s): the fitted weights predict the held-out "
		    "reviews better\n",
		    file ? "--reviews only compares" : "--dry-run");
	else if (fit.outcome != OPTIMIZE_TOO_FEW)
		printf("not saved: the fitted weights predict the held-out "
		       "reviews no better than the defaults\n");
out:
	free(why);
	free(l.v);
	optimize_set_release(&set);
	store_close(st);
	return rc;
}

static const struct optspec optimize_opts[] = {
	{ .name = "dry-run",
	  .kind = OPTK_FLAG,
	  .help = "fit and compare, save nothing" },
	{ .name = "reviews",
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_FILE,
	  .help = "fit this CSV log instead ('-': standard input), saving "
	          "nothing\n(the layout of 'trainer export reviews'; "
	          "review_state may be\nmissing)" },
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "the weights and the figures as JSON" },
	{ .name = "reset",
	  .kind = OPTK_FLAG,
	  .help = "back to FSRS-6's default weights" },
	{ 0 },
};

const struct command cmd_optimize = {
	.name = "optimize",
	.summary = "fit the scheduler's weights to your own reviews",
	.about = "Fits FSRS-6's 21 weights to your review log as fsrs-rs "
	         "(Anki's optimizer)\n"
	         "does, on all but the latest fifth of it, then compares the "
	         "fitted and the\n"
	         "default weights on that fifth: log loss, RMSE over fsrs-rs's "
	         "bins and AUC\n"
	         "(lower, lower and higher are better).  When the fitted "
	         "weights do better,\n"
	         "they are fitted again on the whole log and used from then "
	         "on; 'trainer\n"
	         "stats' and 'trainer config' say which weights are in use.  "
	         "Only answers\n"
	         "that scheduled a card count (not quiz or drill).  Under 8 "
	         "reviews to learn\n"
	         "from the defaults stay; under 64 only w0-w3 are fitted.\n",
	.opts = optimize_opts,
	.run = run_optimize,
};
