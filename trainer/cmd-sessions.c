/*
 * cmd-sessions.c - "trainer sessions": past sessions, newest first, and
 * how the share of right answers moves from session to session.
 */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "isotime.h"
#include "opt.h"
#include "out.h"
#include "wording.h"
#include "stats.h"

/* Compare the mean rate of the newest half with the older half. */
static const char *
trend(const struct stats_session *v, size_t n, double *recent, double *earlier)
{
	double a = 0, b = 0;
	size_t na = 0, nb = 0, half;

	*recent = *earlier = -1;
	half = 0;
	for (size_t i = 0; i < n; i++)
		half += v[i].questions > 0;
	half /= 2;
	if (half == 0)
		return NULL;
	for (size_t i = 0, k = 0; i < n; i++) {
		double r;

		if (v[i].questions == 0)
			continue;
		r = (double)v[i].right / (double)v[i].questions;
		if (k++ < half) {
			a += r;
			na++;
		} else {
			b += r;
			nb++;
		}
	}
	*recent = a / (double)na;
	*earlier = b / (double)nb;
	if (*recent > *earlier + 0.05)
		return "rising";
	if (*recent < *earlier - 0.05)
		return "falling";
	return "steady";
}

/* "deck us-rok, tags dates+people" from the filters' JSON. */
static char *
filters_text(const char *filters)
{
	json_t *o = json_loads(filters, 0, NULL), *v;
	struct strbuf sb = { 0 };
	size_t i;

	if ((v = json_object_get(o, "deck")) && json_is_string(v))
		strbuf_addf(&sb, "deck %s", json_string_value(v));
	if (json_array_size(json_object_get(o, "tags"))) {
		strbuf_adds(&sb, sb.len ? ", tags " : "tags ");
		json_array_foreach(json_object_get(o, "tags"), i, v)
		    strbuf_addf(&sb, "%s%s", i ? "+" : "",
		                json_string_value(v));
	}
	json_decref(o);
	if (sb.len == 0)
		strbuf_adds(&sb, "all");
	return strbuf_detach(&sb);
}

static int
run_sessions(struct cli *cli, const struct args *args)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct stats_session *v = NULL;
	const char *dir;
	double recent, earlier;
	size_t n = 0;
	long limit = args_long(args, "limit", 20);
	int json = args_has(args, "json"), rc;

	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	if ((rc = diag_report(
	         &diags, stats_sessions(st, (int)limit, &v, &n, &diags))) != 0)
		goto out;
	dir = trend(v, n, &recent, &earlier);
	if (json) {
		json_t *o = json_object(), *a = json_array(),
		       *t = json_object(), *rates = json_array();

		for (size_t i = 0; i < n; i++) {
			json_t *x = json_object();
			char iso[32];
			json_t *f = json_loads(v[i].filters, 0, NULL);

			json_object_set_new(x, "id", json_integer(v[i].id));
			isotime_format_utc(v[i].started, iso, sizeof(iso));
			json_object_set_new(x, "started", json_string(iso));
			if (v[i].ended) {
				isotime_format_utc(v[i].ended, iso,
				                   sizeof(iso));
				json_object_set_new(x, "ended",
				                    json_string(iso));
			} else {
				json_object_set_new(x, "ended", json_null());
			}
			json_object_set_new(x, "mode", json_string(v[i].mode));
			json_object_set_new(x, "filters",
			                    f ? f : json_object());
			json_object_set_new(x, "questions",
			                    json_integer(v[i].questions));
			json_object_set_new(x, "right",
			                    json_integer(v[i].right));
			json_object_set_new(
			    x, "rate",
			    v[i].questions ? json_real((double)v[i].right /
			                               (double)v[i].questions)
			                   : json_null());
			json_object_set_new(
			    x, "seconds",
			    json_integer(v[i].duration_ms / 1000));
			json_array_append_new(a, x);
		}
		for (size_t i = n; i-- > 0;)
			if (v[i].questions)
				json_array_append_new(
				    rates, json_real((double)v[i].right /
				                     (double)v[i].questions));
		json_object_set_new(t, "rates", rates);
		json_object_set_new(t, "recent",
		                    dir ? json_real(recent) : json_null());
		json_object_set_new(t, "earlier",
		                    dir ? json_real(earlier) : json_null());
		json_object_set_new(t, "direction",
		                    dir ? json_string(dir) : json_null());
		json_object_set_new(o, "sessions", a);
		json_object_set_new(o, "trend", t);
		out_json(stdout, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
		goto out;
	}
	if (n == 0) {
		puts("no sessions yet");
		goto out;
	}
	printf("%-16s  %-6s  %-20s %9s  %-12s %9s\n", "started", "mode",
	       "cards", "questions", "right", "answering");
	for (size_t i = 0; i < n; i++) {
		char when[32], spent[16], right[32];
		char *f = filters_text(v[i].filters);

		clock_local_text(v[i].started, when, sizeof(when));
		format_interval(v[i].duration_ms / 1000, spent, sizeof(spent));
		if (v[i].questions)
			snprintf(right, sizeof(right), "%lld (%d%%)",
			         v[i].right,
			         percent(v[i].right, v[i].questions));
		else
			snprintf(right, sizeof(right), "-");
		printf("%-16s  %-6s  ", when, v[i].mode);
		out_safe(stdout, f, 0);
		printf("%*s %9lld  %-12s %9s%s\n",
		       (int)(f[0] && strlen(f) < 20 ? 20 - strlen(f) : 0), "",
		       v[i].questions, right, spent,
		       v[i].ended ? "" : "  (not ended)");
		free(f);
	}
	if (dir) {
		static const char *const spark[] = { "▁", "▂", "▃", "▄",
			                             "▅", "▆", "▇", "█" };

		printf("\nright answers, oldest to newest: ");
		for (size_t i = n; i-- > 0;) {
			int k;

			if (!v[i].questions)
				continue;
			k = (int)(v[i].right * 7 / v[i].questions);
			fputs(cli->color
			          ? spark[k]
			          : (const char *[]){ "0", "1", "2", "3", "4",
			                              "5", "6", "7" }[k],
			      stdout);
		}
		printf("\ntrend: %s (%.0f%% in the newer half of these "
		       "sessions, %.0f%% in the older)\n",
		       dir, recent * 100, earlier * 100);
	}
out:
	stats_sessions_free(v, n);
	store_close(st);
	diag_list_release(&diags);
	return rc;
}

static const struct optspec sessions_opts[] = {
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "the same as JSON (keys in the README)" },
	{ .name = "limit",
	  .kind = OPTK_LONG,
	  .meta = "N",
	  .min = 1,
	  .max = 100000,
	  .help = "how many sessions (default 20)" },
	{ 0 },
};

const struct command cmd_sessions = {
	.name = "sessions",
	.summary = "past sessions and the trend of right answers",
	.about = "Lists the last N sessions (default 20), newest first: when, "
	         "mode, which cards,\n"
	         "questions, right answers and time spent; then the share of "
	         "right answers from\n"
	         "session to session and whether it is rising or falling.\n",
	.opts = sessions_opts,
	.run = run_sessions,
};
