/*
 * cmd-timeline.c - "trainer timeline": the events of the decks' date
 * cards in order, each with its date at the precision written, the gap
 * since the one before and the learner's state for it; on a terminal a
 * vertical timeline with a mark per decade, in HTML an SVG timeline, or
 * JSON.
 *
 * The events come from the deck files as they are now; the learner's
 * states from the progress database when there is one (read-only: the
 * timeline creates nothing).
 */
#include "cli.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chrono.h"
#include "clock.h"
#include "isotime.h"
#include "opt.h"
#include "out.h"
#include "study.h"
#include "wfile.h"

/* One event of the timeline, with what the learner knows of it. */
struct row {
	const char *deck;
	const struct card *card;
	int studied;          /* the store has a state for it */
	struct fsrs_card mem; /* when studied */
	double recall;        /* predicted now; -1 when new */
};

struct timeline {
	struct deckset decks;
	struct chrono_event *ev; /* sorted; ev[i].card indexes 'rows' */
	struct row *rows;
	size_t n;
};

static void
timeline_release(struct timeline *t)
{
	free(t->ev);
	free(t->rows);
	deckset_release(&t->decks);
}

static int
has_any_tag(const struct card *c, const struct strlist *tags)
{
	if (tags->n == 0)
		return 1;
	for (size_t i = 0; i < tags->n; i++)
		if (strlist_find(&c->tags, tags->v[i]) >= 0)
			return 1;
	return 0;
}

/* The learner's states, when there is a database: each row's 'mem' and
 * predicted recall at 'now'. */
static int
read_states(struct cli *cli, struct timeline *t, long long now)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct store_filter f = { .light = 1 };
	struct store_card *cards = NULL;
	struct fsrs_params params;
	struct strmap at = { 0 };
	struct strlist keys = { 0 };
	const char *path = cli_db_path(cli);
	size_t n = 0;
	int rollover, per_day, rc;

	if (path == NULL)
		return EX_USAGE;
	rc = store_open_readonly(path, &st, &diags);
	if (rc == -EX_NOINPUT) { /* nothing studied yet: every event new */
		diag_list_release(&diags);
		return 0;
	}
	if (rc < 0)
		return diag_report(&diags, rc);
	if (study_settings(st, &params, &rollover, &per_day) < 0) {
		rc = diag_status(EX_DATAERR);
		goto out;
	}
	if ((rc = store_cards(st, &f, &cards, &n, &diags)) < 0)
		goto out;
	for (size_t i = 0; i < t->n; i++)
		strlist_push(&keys, "");
	for (size_t i = 0; i < t->n; i++) {
		free(keys.v[i]);
		keys.v[i] =
		    xasprintf("%s/%s", t->rows[i].deck, t->rows[i].card->id);
		strmap_put(&at, keys.v[i], &t->rows[i]);
	}
	for (size_t i = 0; i < n; i++) {
		char *key = xasprintf("%s/%s", cards[i].deck, cards[i].card.id);
		struct row *r = strmap_get(&at, key);

		free(key);
		if (r == NULL || cards[i].mem.state == FSRS_NEW)
			continue;
		r->studied = 1;
		r->mem = cards[i].mem;
		r->recall = fsrs_retrievability(&params, &r->mem,
		                                clock_when(now, rollover));
	}
out:
	strmap_release(&at);
	strlist_release(&keys);
	store_cards_free(cards, n);
	store_close(st);
	return diag_report(&diags, rc);
}

static int
timeline_load(struct cli *cli, const struct cli_filter *filter,
              struct timeline *t, long long now)
{
	struct diag_list diags = { 0 };
	struct strlist names = { 0 }, tags = { 0 };
	size_t alloc = 0;
	int rc;

	rc = deckset_load(&t->decks, cli_decks_path(cli), &diags);
	if (rc == -EX_NOINPUT || (rc < 0 && t->decks.n == 0))
		return diag_report(&diags, rc);
	/* a deck with errors is reported and left out; the rest go on */
	diag_report(&diags, rc);
	for (size_t i = 0; i < t->decks.n; i++) {
		const struct deck *d = t->decks.v[i];

		strlist_push(&names, d->name);
		for (size_t k = 0; k < d->ncards; k++)
			for (size_t j = 0; j < d->cards[k].tags.n; j++)
				if (strlist_find(&tags, d->cards[k].tags.v[j]) <
				    0)
					strlist_push(&tags,
					             d->cards[k].tags.v[j]);
	}
	rc = cli_filter_check_names(filter, &cmd_timeline, &names, &tags);
	strlist_release(&names);
	strlist_release(&tags);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < t->decks.n; i++) {
		const struct deck *d = t->decks.v[i];

		if (filter->deck && strcmp(filter->deck, d->name) != 0)
			continue;
		for (size_t k = 0; k < d->ncards; k++) {
			const struct card *c = &d->cards[k];

			if (c->type != CARD_DATE || c->event == NULL ||
			    !has_any_tag(c, &filter->tags))
				continue;
			t->rows =
			    xgrow(t->rows, &alloc, t->n + 1, sizeof(*t->rows));
			t->rows[t->n] = (struct row){ .deck = d->name,
				                      .card = c,
				                      .recall = -1 };
			t->n++;
		}
	}
	if ((rc = read_states(cli, t, now)) != 0)
		return rc;
	t->ev = xcalloc(t->n ? t->n : 1, sizeof(*t->ev));
	for (size_t i = 0; i < t->n; i++) {
		t->ev[i].name = t->rows[i].card->event;
		t->ev[i].date = t->rows[i].card->date;
		t->ev[i].card = i;
		t->ev[i].known = t->rows[i].recall < 0 ? 0 : t->rows[i].recall;
	}
	chrono_sort(t->ev, t->n);
	return 0;
}

/* "new", "learning", "known 93%": the learner's state for row 'r'. */
static void
state_text(const struct row *r, char *buf, size_t size)
{
	if (!r->studied)
		snprintf(buf, size, "new");
	else if (r->mem.state == FSRS_REVIEW)
		snprintf(buf, size, "known %.0f%%", r->recall * 100);
	else
		snprintf(buf, size, "%s %.0f%%", fsrs_state_name(r->mem.state),
		         r->recall * 100);
}

static const char *
precision_name(const struct date *d)
{
	return d->day ? "day" : d->month ? "month" : "year";
}

/* ---- the terminal ------------------------------------------------------ */

static void
print_text(const struct timeline *t)
{
	int decade = 0;

	if (t->n == 0) {
		puts("no events: give date cards an 'event' (see "
		     "decks/README.md)");
		return;
	}
	printf("%zu event%s, %d to %d\n\n", t->n, t->n == 1 ? "" : "s",
	       t->ev[0].date.year, t->ev[t->n - 1].date.year);
	decade = t->ev[0].date.year / 10 * 10 - 10;
	for (size_t i = 0; i < t->n; i++) {
		const struct chrono_event *e = &t->ev[i];
		const struct row *r = &t->rows[e->card];
		int same =
		    i > 0 && chrono_same_date(&t->ev[i - 1].date, &e->date);
		char when[64], gap[64], state[32], label[16] = "";

		/* a mark for each decade up to this event's */
		while (decade + 10 <= e->date.year / 10 * 10) {
			decade += 10;
			if (decade < e->date.year / 10 * 10)
				printf("%ds ┆\n", decade);
			else
				snprintf(label, sizeof(label), "%ds", decade);
		}
		date_format_words(&e->date, when, sizeof(when));
		gap[0] = '\0';
		if (i > 0 && !same) {
			chrono_gap_text(&t->ev[i - 1].date, &e->date, gap + 1,
			                sizeof(gap) - 1);
			gap[0] = '+';
			if (strncmp(gap + 1, "the same", 8) == 0)
				memmove(gap, gap + 1, strlen(gap));
		}
		state_text(r, state, sizeof(state));
		printf("%-5s %s %-17s %-18s ", label, same ? "│" : "●",
		       same ? "" : when, gap);
		out_safe(stdout, e->name, OUT_ONE_LINE);
		printf("  [%s]\n", state);
	}
}

/* ---- JSON -------------------------------------------------------------- */

static int
print_json(const struct timeline *t)
{
	json_t *o = json_object(), *a = json_array();
	int rc;

	for (size_t i = 0; i < t->n; i++) {
		const struct chrono_event *e = &t->ev[i];
		const struct row *r = &t->rows[e->card];
		json_t *j = json_object();
		char iso[16], when[64], gap[64];
		long gap_days;
		long af, al, bf, bl;

		date_format_iso(&e->date, iso, sizeof(iso));
		date_format_words(&e->date, when, sizeof(when));
		json_object_set_new(j, "deck", json_string(r->deck));
		json_object_set_new(j, "id", json_string(r->card->id));
		json_object_set_new(j, "event", json_string(e->name));
		json_object_set_new(j, "date", json_string(iso));
		json_object_set_new(j, "date_text", json_string(when));
		json_object_set_new(j, "precision",
		                    json_string(precision_name(&e->date)));
		if (i > 0) {
			chrono_span(&t->ev[i - 1].date, &af, &al);
			chrono_span(&e->date, &bf, &bl);
			gap_days = bf - af;
			chrono_gap_text(&t->ev[i - 1].date, &e->date, gap,
			                sizeof(gap));
			json_object_set_new(j, "gap", json_string(gap));
			json_object_set_new(j, "gap_days",
			                    json_integer(gap_days));
			json_object_set_new(j, "same_date_as_previous",
			                    json_boolean(chrono_same_date(
			                        &t->ev[i - 1].date, &e->date)));
		} else {
			json_object_set_new(j, "gap", json_null());
			json_object_set_new(j, "gap_days", json_null());
			json_object_set_new(j, "same_date_as_previous",
			                    json_false());
		}
		json_object_set_new(
		    j, "state",
		    json_string(r->studied ? fsrs_state_name(r->mem.state)
		                           : "new"));
		json_object_set_new(
		    j, "recall",
		    r->studied ? json_real(round(r->recall * 1e4) / 1e4)
		               : json_null());
		json_array_append_new(a, j);
	}
	json_object_set_new(o, "count", json_integer((json_int_t)t->n));
	json_object_set_new(o, "events", a);
	rc = out_json(stdout, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	return rc < 0 ? EX_SOFTWARE : 0;
}

/* ---- HTML -------------------------------------------------------------- */

/* Text with &, <, > and " escaped; control characters dropped. */
static void
esc(FILE *fp, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '&')
			fputs("&amp;", fp);
		else if (*p == '<')
			fputs("&lt;", fp);
		else if (*p == '>')
			fputs("&gt;", fp);
		else if (*p == '"')
			fputs("&quot;", fp);
		else if (*p >= 0x20 && *p != 0x7f)
			fputc(*p, fp);
		else if (*p == '\n' || *p == '\t')
			fputc(' ', fp);
	}
}

#define SVG_PX_YEAR 9.0  /* pixels a year on the axis */
#define SVG_LINE    17.0 /* pixels between two labels, at least */
#define SVG_TOP     24.0
#define SVG_AXIS    70.0 /* x of the axis */

/* Where on the axis the middle of the span from day 'f' to day 'l'
 * falls (day 0 is 1 January of year 1). */
static double
year_y(double y0, int first_decade, long f, long l)
{
	double year = 1 + (double)(f + l) / 2 / 365.2425;

	return y0 + (year - first_decade) * SVG_PX_YEAR;
}

static void
write_html(FILE *fp, const struct timeline *t, const char *when)
{
	double y0, *label_y = xcalloc(t->n ? t->n : 1, sizeof(*label_y));
	double height = 0, last = -1e9;
	int first_decade = 0, last_year = 0;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	      "charset=\"utf-8\">\n<title>Timeline</title>\n<style>"
	      "body{font:15px/1.45 system-ui,sans-serif;color:#1b1f24;"
	      "background:#fff;max-width:980px;margin:2em auto;padding:0 1em}"
	      "svg{max-width:100%;height:auto}svg text{font-size:12px;"
	      "fill:#1b1f24}.axis{stroke:#59636e;stroke-width:2}"
	      ".tick{stroke:#59636e}.decade{fill:#59636e;font-weight:600}"
	      ".lead{stroke:#d0d7de}.new{fill:#fff;stroke:#59636e}"
	      ".learning{fill:#d4a72c}.known{fill:#1a7f37}.date{fill:#59636e}"
	      "@media print{body{margin:0;max-width:none}}"
	      "</style></head><body>\n<h1>Timeline</h1>\n",
	      fp);
	fprintf(fp, "<p>%zu event%s; states as of ", t->n,
	        t->n == 1 ? "" : "s");
	esc(fp, when);
	fputs(". Filled green: known; amber: learning; open: new.</p>\n", fp);
	if (t->n == 0) {
		fputs("<p>No events: give date cards an "
		      "<code>event</code>.</p>\n</body></html>\n",
		      fp);
		free(label_y);
		return;
	}
	first_decade = t->ev[0].date.year / 10 * 10;
	last_year = t->ev[t->n - 1].date.year;
	y0 = SVG_TOP;
	/* each label as near its date as the ones above it allow */
	for (size_t i = 0; i < t->n; i++) {
		long f, l;
		double y;

		chrono_span(&t->ev[i].date, &f, &l);
		y = year_y(y0, first_decade, f, l);
		label_y[i] = y < last + SVG_LINE ? last + SVG_LINE : y;
		last = label_y[i];
	}
	height = last + SVG_TOP;
	{
		double axis_end =
		    y0 + (last_year + 1 - first_decade) * SVG_PX_YEAR;

		if (axis_end + SVG_TOP > height)
			height = axis_end + SVG_TOP;
		fprintf(
		    fp,
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "viewBox=\"0 0 900 %.0f\" width=\"900\" "
		    "height=\"%.0f\" role=\"img\" aria-label=\"timeline\">\n",
		    height, height);
		fprintf(fp,
		        "<line class=\"axis\" x1=\"%.0f\" y1=\"%.1f\" "
		        "x2=\"%.0f\" y2=\"%.1f\"/>\n",
		        SVG_AXIS, y0, SVG_AXIS, axis_end);
		for (int d = first_decade; d <= last_year; d += 10) {
			double y = y0 + (d - first_decade) * SVG_PX_YEAR;

			fprintf(fp,
			        "<line class=\"tick\" x1=\"%.0f\" y1=\"%.1f\" "
			        "x2=\"%.0f\" y2=\"%.1f\"/><text "
			        "class=\"decade\" x=\"%.0f\" y=\"%.1f\" "
			        "text-anchor=\"end\">%ds</text>\n",
			        SVG_AXIS - 8, y, SVG_AXIS, y, SVG_AXIS - 12,
			        y + 4, d);
		}
	}
	for (size_t i = 0; i < t->n; i++) {
		const struct chrono_event *e = &t->ev[i];
		const struct row *r = &t->rows[e->card];
		const char *cls = !r->studied                   ? "new"
		                  : r->mem.state == FSRS_REVIEW ? "known"
		                                                : "learning";
		long f, l;
		double y;
		char whenw[64], state[32];

		chrono_span(&e->date, &f, &l);
		y = year_y(y0, first_decade, f, l);
		date_format_words(&e->date, whenw, sizeof(whenw));
		state_text(r, state, sizeof(state));
		fprintf(fp,
		        "<g><line class=\"lead\" x1=\"%.0f\" y1=\"%.1f\" "
		        "x2=\"%.0f\" y2=\"%.1f\"/><circle class=\"%s\" "
		        "cx=\"%.0f\" cy=\"%.1f\" r=\"4.5\"/>",
		        SVG_AXIS, y, SVG_AXIS + 40, label_y[i] - 4, cls,
		        SVG_AXIS, y);
		fprintf(fp,
		        "<text x=\"%.0f\" y=\"%.1f\"><tspan "
		        "class=\"date\">",
		        SVG_AXIS + 46, label_y[i]);
		esc(fp, whenw);
		fputs("</tspan> ", fp);
		esc(fp, e->name);
		fputs(" <tspan class=\"date\">(", fp);
		esc(fp, state);
		fputs(")</tspan></text></g>\n", fp);
	}
	fputs("</svg>\n</body></html>\n", fp);
	free(label_y);
}

static int
run_timeline(struct cli *cli, const struct args *a)
{
	struct cli_filter filter = { 0 };
	struct timeline t = { 0 };
	struct diag_list diags = { 0 };
	struct wfile wf = { 0 };
	const char *file = args_text(a, "html");
	long long now = cli_now(cli);
	int rc;

	cli_filter_from(&filter, a);
	if (file && args_has(a, "json")) {
		rc = cli_usage_error(&cmd_timeline,
		                     "--html and --json cannot go together");
		goto out;
	}
	if (file &&
	    (rc = diag_report(&diags, wfile_open(&wf, file, 0, &diags))) != 0)
		goto out;
	if ((rc = timeline_load(cli, &filter, &t, now)) != 0)
		goto out;
	if (file) {
		char when[32];

		isotime_format_utc(now, when, sizeof(when));
		write_html(wf.fp, &t, when);
		if ((rc = diag_report(&diags, wfile_commit(&wf, &diags))) != 0)
			goto out;
		if (strcmp(file, "-") != 0) {
			fputs("wrote ", stdout);
			out_safe(stdout, file, 0);
			putchar('\n');
		}
	} else if (args_has(a, "json")) {
		rc = print_json(&t);
	} else {
		print_text(&t);
	}
out:
	wfile_abort(&wf);
	timeline_release(&t);
	strlist_release(&filter.tags);
	diag_list_release(&diags);
	return diag_status(rc);
}

static const struct optspec timeline_opts[] = {
	OPTS_FILTERS,
	{ .name = "html",
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_OUTPUT,
	  .help = "write an HTML page with an SVG timeline ('-': standard "
	          "output)" },
	{ .name = "json", .kind = OPTK_FLAG, .help = "print JSON" },
	{ 0 },
};

const struct command cmd_timeline = {
	.name = "timeline",
	.summary = "the events of the date cards in order",
	.about = "Lists the events of the decks' date cards ('event:') in "
	         "order, each with its\n"
	         "date at the precision written, the gap since the one "
	         "before, and what you\n"
	         "know of it: new, learning, or known with the recall "
	         "predicted now. Events\n"
	         "on the same date stand together. On a terminal a vertical "
	         "timeline with a\n"
	         "mark for each decade; --html writes a page with an SVG "
	         "timeline (no\n"
	         "scripts, nothing from the network) that prints well.\n",
	.opts = timeline_opts,
	.run = run_timeline,
};
