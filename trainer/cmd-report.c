/*
 * cmd-report.c - "trainer report --html FILE": the progress report as
 * one self-contained HTML file.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "isotime.h"
#include "opt.h"
#include "report-html.h"
#include "report.h"
#include "wfile.h"
#include "out.h"

static int
run_report(struct cli *cli, const struct args *a)
{
	struct report r = { .forecast_days = 14 };
	struct diag_list diags = { 0 };
	struct stats_session *v = NULL;
	const char *file = args_text(a, "html");
	struct wfile wf = { 0 };
	char when[32];
	size_t n = 0;
	int rc;

	cli_filter_from(&r.filter, a);
	r.forecast_days = (int)args_long(a, "days", 14);
	if (file == NULL) {
		rc = cli_usage_error(&cmd_report,
		                     "say where to write it: --html FILE");
		goto out;
	}
	/* a target that must not be replaced is refused before any work;
	 * the report is written beside it, then renamed: never half a one */
	if ((rc = diag_report(&diags, wfile_open(&wf, file, 0, &diags))) != 0)
		goto out;
	if ((rc = report_load(cli, &cmd_report, &r)) != 0)
		goto out;
	if ((rc = diag_report(
	         &diags, stats_sessions(r.store, 50, &v, &n, &diags))) != 0)
		goto out;
	isotime_format_utc(cli_now(cli), when, sizeof(when));
	report_html_write(wf.fp, &r.stats, v, n, when);
	if ((rc = diag_report(&diags, wfile_commit(&wf, &diags))) != 0)
		goto out;
	if (strcmp(file, "-") != 0) {
		fputs("wrote ", stdout);
		out_safe(stdout, file, 0);
		putchar('\n');
	}
out:
	wfile_abort(&wf);
	stats_sessions_free(v, n);
	report_release(&r);
	diag_list_release(&diags);
	return rc;
}

static const struct optspec report_opts[] = {
	{ .name = "html",
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_OUTPUT,
	  .help = "where to write it ('-': standard output)" },
	OPTS_FILTERS,
	{ .name = "days",
	  .kind = OPTK_LONG,
	  .meta = "N",
	  .min = 1,
	  .max = 366,
	  .help = "the forecast's length in days (default 14)" },
	{ 0 },
};

const struct command cmd_report = {
	.name = "report",
	.usage = "--html FILE [--deck D] [--tag T]... [--days N]",
	.summary = "the progress report as one HTML file with charts",
	.about = "Writes one self-contained HTML file (no scripts, nothing "
	         "from the network)\n"
	         "with the calendar of answers, the due forecast, retention "
	         "over time and per\n"
	         "tag, answers per day, the distribution of stability, the "
	         "hardest cards and\n"
	         "the session history, readable in light and dark mode and "
	         "printable.\n",
	.opts = report_opts,
	.run = run_report,
};
