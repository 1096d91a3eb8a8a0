/*
 * report-html.c - the progress report as one self-contained HTML file.
 */
#include "report-html.h"

#include <stdlib.h>
#include <string.h>

static const char style[] =
    ":root{--fg:#1b1f24;--bg:#ffffff;--muted:#59636e;--line:#d0d7de;"
    "--bar:#2f6fbd;--good:#1a7f37;--bad:#cf222e;"
    "--l0:#ebedf0;--l1:#9be9a8;--l2:#40c463;--l3:#30a14e;--l4:#216e39}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;"
    "--muted:#9198a1;--line:#30363d;--bar:#4f8fdb;--good:#3fb950;"
    "--bad:#f85149;--l0:#161b22;--l1:#0e4429;--l2:#006d32;--l3:#26a641;"
    "--l4:#39d353}}"
    "body{font:15px/1.45 system-ui,sans-serif;color:var(--fg);"
    "background:var(--bg);max-width:980px;margin:2em auto;padding:0 1em}"
    "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;"
    "border-bottom:1px solid var(--line)}"
    "table{border-collapse:collapse}td,th{padding:.2em .8em .2em 0;"
    "text-align:left;border-bottom:1px solid var(--line)}"
    "td.n,th.n{text-align:right}.muted{color:var(--muted)}"
    ".big{font-size:1.6em;font-weight:600}.kpi{display:inline-block;"
    "margin:0 2em 1em 0}svg{max-width:100%;height:auto}"
    "svg text{fill:var(--muted);font-size:10px}"
    ".bar{fill:var(--bar)}.good{fill:var(--good)}"
    ".l0{fill:var(--l0)}.l1{fill:var(--l1)}.l2{fill:var(--l2)}"
    ".l3{fill:var(--l3)}.l4{fill:var(--l4)}"
    "@media print{body{margin:0;max-width:none}section{"
    "break-inside:avoid}:root{--fg:#000;--bg:#fff}}";

/* Text with &, <, > and " escaped; control characters dropped. */
static void
esc(FILE *fp, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			if (*p >= 0x20 && *p != 0x7f)
				fputc(*p, fp);
			else if (*p == '\n' || *p == '\t')
				fputc(' ', fp);
		}
	}
}

static void
kpi(FILE *fp, const char *label, const char *key, long long v)
{
	fprintf(fp,
	        "<div class=\"kpi\"><div class=\"big\" data-stat=\"%s\">%lld"
	        "</div><div class=\"muted\">%s</div></div>\n",
	        key, v, label);
}

static void
rate_cell(FILE *fp, const char *key, long long answers, long long right)
{
	if (answers == 0)
		fprintf(fp,
		        "<td class=\"n\" data-stat=\"%s.answers\" "
		        "data-value=\"0\">-</td>",
		        key);
	else
		fprintf(fp,
		        "<td class=\"n\" data-stat=\"%s.answers\" data-value=\""
		        "%lld\">%lld%% <span class=\"muted\">(%lld/%lld)</span>"
		        "</td>",
		        key, answers, (right * 100 + answers / 2) / answers,
		        right, answers);
}

/* Vertical bars for 'n' values, 'w' pixels each, 'h' high. */
static void
bars(FILE *fp, const long long *v, int n, int w, int h,
     const char *const *labels, int label_every)
{
	long long max = 1;

	for (int i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	fprintf(fp,
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	        "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
	        n * w + 40, h + 30, n * w + 40, h + 30);
	fprintf(fp, "<text x=\"0\" y=\"10\">%lld</text>\n", max);
	for (int i = 0; i < n; i++) {
		int bh = (int)(v[i] * h / max);

		fprintf(fp,
		        "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" "
		        "height=\"%d\"><title>",
		        30 + i * w, h - bh + 5, w > 2 ? w - 1 : w, bh);
		if (labels)
			esc(fp, labels[i]);
		fprintf(fp, ": %lld</title></rect>\n", v[i]);
		if (labels && label_every && i % label_every == 0) {
			fprintf(fp, "<text x=\"%d\" y=\"%d\">", 30 + i * w,
			        h + 22);
			esc(fp, labels[i]);
			fputs("</text>\n", fp);
		}
	}
	fputs("</svg>\n", fp);
}

static void
calendar(FILE *fp, const struct stats *s)
{
	long long first =
	    s->calendar_first_day - stats_weekday(s->calendar_first_day);
	long long max = 0;
	char day[16];

	for (int d = 0; d < STATS_CALENDAR_DAYS; d++)
		if (s->calendar[d] > max)
			max = s->calendar[d];
	fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"470\" "
	      "height=\"110\" viewBox=\"0 0 470 110\" role=\"img\">\n",
	      fp);
	for (long long d = first;
	     d < s->calendar_first_day + STATS_CALENDAR_DAYS; d++) {
		long long i = d - s->calendar_first_day, v;
		int col = (int)((d - first) / 7), row = stats_weekday(d);
		int level;

		if (i < 0)
			continue;
		v = s->calendar[i];
		level = v == 0     ? 0
		        : max <= 1 ? 4
		                   : 1 + (int)((v - 1) * 4 / max);
		stats_day_label(d, day, sizeof(day));
		fprintf(
		    fp,
		    "<rect class=\"l%d\" x=\"%d\" y=\"%d\" width=\"13\" "
		    "height=\"13\" rx=\"2\" data-day=\"%s\" data-value=\"%lld"
		    "\"><title>%s: %lld</title></rect>\n",
		    level > 4 ? 4 : level, 30 + col * 16, 5 + row * 15, day, v,
		    day, v);
	}
	fputs("<text x=\"0\" y=\"16\">Mon</text><text x=\"0\" y=\"61\">Thu"
	      "</text><text x=\"0\" y=\"106\">Sun</text>\n</svg>\n",
	      fp);
}

void
report_html_write(FILE *fp, const struct stats *s,
                  const struct stats_session *sessions, size_t nsessions,
                  const char *generated)
{
	char days[STATS_CALENDAR_DAYS][16];
	const char *labels[STATS_CALENDAR_DAYS];
	long long weekly[STATS_WEEKS];

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	      "charset=\"utf-8\"/>\n<meta name=\"viewport\" "
	      "content=\"width=device-width, initial-scale=1\"/>\n<meta "
	      "name=\"color-scheme\" content=\"light dark\"/>\n<title>trainer: "
	      "progress report</title>\n<style>",
	      fp);
	fputs(style, fp);
	fputs("</style>\n</head>\n<body>\n<h1>Progress report</h1>\n<p "
	      "class=\"muted\">Made ",
	      fp);
	esc(fp, generated);
	fputs(" by trainer.</p>\n", fp);

	if (s->exam_set) {
		fputs("<section>\n<h2>Exam ", fp);
		esc(fp, s->exam_date);
		fputs("</h2>\n", fp);
		kpi(fp, "days left", "exam.days_left", s->exam_days_left);
		fprintf(fp,
		        "<p>Predicted at the target recall (<span "
		        "data-stat=\"exam.target\">%.2f</span>) on the day: "
		        "<b data-stat=\"exam.at_target_scheduled\">%.0f%%</b> "
		        "of the cards on their current schedule, <b "
		        "data-stat=\"exam.at_target_planned\">%.0f%%</b> with "
		        "the plan.</p>\n</section>\n",
		        s->exam_target, s->exam_at_target_scheduled * 100,
		        s->exam_at_target_planned * 100);
	}
	fputs("<section>\n<h2>Today</h2>\n", fp);
	kpi(fp, "answered", "today.answered", s->today_answered);
	kpi(fp, "right", "today.right", s->today_right);
	kpi(fp, "seconds spent", "today.seconds", s->today_ms / 1000);
	kpi(fp, "due now", "today.due_now", s->due_now);
	kpi(fp, "new cards left", "today.new_left", s->new_left);
	fputs("</section>\n<section>\n<h2>Cards</h2>\n", fp);
	kpi(fp, "in all", "cards.total", s->n_cards);
	kpi(fp, "new", "cards.new", s->n_new);
	kpi(fp, "learning", "cards.learning", s->n_learning);
	kpi(fp, "young (under 21 days)", "cards.young", s->n_young);
	kpi(fp, "mature", "cards.mature", s->n_mature);
	kpi(fp, "relearning", "cards.relearning", s->n_relearning);
	kpi(fp, "suspended", "cards.suspended", s->n_suspended);
	kpi(fp, "retired", "cards.retired", s->n_retired);
	if (s->chrono_answers) {
		fputs("</section>\n<section>\n<h2>Chronology questions, the "
		      "last 30 days</h2>\n",
		      fp);
		kpi(fp, "answered", "chronology.answers", s->chrono_answers);
		kpi(fp, "right", "chronology.right", s->chrono_right);
	}

	fputs("</section>\n<section>\n<h2>Answers per day, the last 26 "
	      "weeks</h2>\n",
	      fp);
	calendar(fp, s);
	fprintf(fp,
	        "<p>Streak: <b data-stat=\"streak.current\">%d</b> days; "
	        "longest <b data-stat=\"streak.longest\">%d</b>.</p>\n",
	        s->streak_current, s->streak_longest);
	for (int d = 0; d < STATS_CALENDAR_DAYS; d++) {
		stats_day_label(s->calendar_first_day + d, days[d], 16);
		labels[d] = days[d];
	}
	bars(fp, s->calendar, STATS_CALENDAR_DAYS, 4, 80, labels, 30);

	fputs("</section>\n<section>\n<h2>True retention</h2>\n<p "
	      "class=\"muted\">The share of answers to cards in review that "
	      "passed (Hard, Good or Easy).</p>\n<table>\n<tr><th></th><th "
	      "class=\"n\">7 days</th><th class=\"n\">30 days</th><th "
	      "class=\"n\">365 days</th><th class=\"n\">cards</th></tr>\n<tr>"
	      "<td>all cards</td>",
	      fp);
	for (int w = 0; w < STATS_WINDOWS; w++) {
		char key[32];

		snprintf(key, sizeof(key), "retention.%d",
		         stats_window_days[w]);
		rate_cell(fp, key, s->retention.answers[w],
		          s->retention.right[w]);
	}
	fprintf(fp, "<td class=\"n\">%lld</td></tr>\n", s->n_cards);
	for (size_t i = 0; i < s->ntags; i++) {
		fputs("<tr><td>", fp);
		esc(fp, s->tags[i].tag);
		fputs("</td>", fp);
		for (int w = 0; w < STATS_WINDOWS; w++) {
			char key[128];

			snprintf(key, sizeof(key), "retention_by_tag.%s.%d",
			         s->tags[i].tag, stats_window_days[w]);
			rate_cell(fp, key, s->tags[i].retention.answers[w],
			          s->tags[i].retention.right[w]);
		}
		fprintf(fp, "<td class=\"n\">%lld</td></tr>\n",
		        s->tags[i].cards);
	}
	fputs("</table>\n", fp);
	if (s->retrievability_cards)
		fprintf(fp,
		        "<p>Predicted recall now: <b>%.0f%%</b> on average "
		        "over <span data-stat=\"retrievability_cards\">%lld"
		        "</span> cards.</p>\n",
		        s->avg_retrievability * 100, s->retrievability_cards);
	fputs("<p class=\"muted\">Retention per week, oldest first (%):</p>\n",
	      fp);
	for (int w = 0; w < STATS_WEEKS; w++) {
		weekly[w] =
		    s->week_answers[w]
		        ? (s->week_right[w] * 100 + s->week_answers[w] / 2) /
		              s->week_answers[w]
		        : 0;
		labels[w] = days[w * 7];
	}
	bars(fp, weekly, STATS_WEEKS, 16, 80, labels, 4);

	fprintf(fp, "</section>\n<section>\n<h2>Due in the next %d days</h2>\n",
	        s->forecast_days);
	{
		char(*fd)[16] = calloc((size_t)s->forecast_days + 1, 16);
		const char **fl =
		    calloc((size_t)s->forecast_days + 1, sizeof(*fl));

		for (int d = 0; fd && fl && d < s->forecast_days; d++) {
			stats_day_label(s->calendar_first_day +
			                    STATS_CALENDAR_DAYS - 1 + d,
			                fd[d], 16);
			fl[d] = fd[d];
		}
		if (fd && fl)
			bars(fp, s->forecast, s->forecast_days,
			     s->forecast_days > 60 ? 4 : 24, 100, fl,
			     s->forecast_days > 60 ? 30 : 2);
		free(fd);
		free(fl);
	}
	fprintf(fp,
	        "<p>Due today: <b data-stat=\"forecast.0.due\">%lld</b>"
	        "</p>\n",
	        s->forecast_days ? s->forecast[0] : 0);

	fputs("</section>\n<section>\n<h2>Stability</h2>\n<p class=\"muted\">"
	      "How long each card is expected to stay at 90% recall.</p>\n",
	      fp);
	bars(fp, s->stability_bins, STATS_STABILITY_BINS, 40, 80,
	     stats_stability_labels, 1);

	if (s->nhardest) {
		fputs("</section>\n<section>\n<h2>Hardest cards</h2>\n<table>\n"
		      "<tr><th class=\"n\">lapses</th><th class=\"n\">stability"
		      "</th><th>card</th><th>question</th></tr>\n",
		      fp);
		for (size_t i = 0; i < s->nhardest; i++) {
			fprintf(fp,
			        "<tr><td class=\"n\">%d</td><td class=\"n\">"
			        "%.1fd</td><td>",
			        s->hardest[i].lapses, s->hardest[i].stability);
			esc(fp, s->hardest[i].deck);
			fputc('/', fp);
			esc(fp, s->hardest[i].key);
			fputs("</td><td>", fp);
			esc(fp, s->hardest[i].question);
			fputs("</td></tr>\n", fp);
		}
		fputs("</table>\n", fp);
	}

	fputs("</section>\n<section>\n<h2>Sessions</h2>\n<table>\n<tr><th>"
	      "started</th><th>mode</th><th class=\"n\">questions</th><th "
	      "class=\"n\">right</th><th class=\"n\">minutes</th></tr>\n",
	      fp);
	for (size_t i = 0; i < nsessions; i++) {
		char iso[32];

		stats_day_label(sessions[i].started / 86400, iso, sizeof(iso));
		fprintf(fp, "<tr data-session=\"%lld\"><td>", sessions[i].id);
		{
			char when[64];
			long long t = sessions[i].started;

			snprintf(when, sizeof(when), "%s %02lld:%02lld UTC",
			         iso, (t % 86400) / 3600, (t % 3600) / 60);
			esc(fp, when);
		}
		fputs("</td><td>", fp);
		esc(fp, sessions[i].mode);
		fprintf(
		    fp,
		    "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td>"
		    "<td class=\"n\">%.1f</td></tr>\n",
		    sessions[i].questions, sessions[i].right,
		    (double)sessions[i].duration_ms / 60000);
	}
	fputs("</table>\n</section>\n</body>\n</html>\n", fp);
}
