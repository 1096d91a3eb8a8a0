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
run_report(struct cli *cli, int argc, char **argv)
{
	enum { O_HTML = 1, O_DAYS };
	static const struct opt opts[] = {
		{ "html", 1, O_HTML },
		{ "days", 1, O_DAYS },
		OPT_FILTERS,
		{ NULL, 0, 0 },
	};
	struct report r = { .forecast_days = 14 };
	struct diag_list diags = { 0 };
	struct stats_session *v = NULL;
	struct optparse p;
	const char *value, *file = NULL;
	struct wfile wf = { 0 };
	char why[160], when[32];
	size_t n = 0;
	long days;
	int id, rc;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (cli_filter_option(&r.filter, id, value))
			continue;
		switch (id) {
		case O_HTML:
			file = value;
			break;
		case O_DAYS:
			if (opt_long("days", value, 1, 366, &days, why,
			             sizeof(why)) < 0) {
				rc = cli_usage_error(&cmd_report, "%s", why);
				goto out;
			}
			r.forecast_days = (int)days;
			break;
		case OPT_ARG:
			rc = cli_usage_error(&cmd_report,
			                     "unexpected argument '%s'", value);
			goto out;
		default:
			rc = cli_usage_error(&cmd_report, "%s", p.error);
			goto out;
		}
	}
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

const struct command cmd_report = {
	.name = "report",
	.usage = "--html FILE [--deck D] [--tag T]... [--days N]",
	.summary = "the progress report as one HTML file with charts",
	.help = "Writes one self-contained HTML file (no scripts, nothing "
	        "from the network)\n"
	        "with the calendar of answers, the due forecast, retention "
	        "over time and per\n"
	        "tag, answers per day, the distribution of stability, the "
	        "hardest cards and\n"
	        "the session history, readable in light and dark mode and "
	        "printable.\n"
	        "\n"
	        "options:\n"
	        "  --html FILE  where to write it ('-': standard output)\n"
	        "  --deck D     only the deck named D\n"
	        "  --tag T      only cards tagged T (repeat: any of them)\n"
	        "  --days N     the forecast's length in days (default 14)\n",
	.run = run_report,
};
