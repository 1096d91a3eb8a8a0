/*
 * cmd-report.c - "trainer report --html FILE": the progress report as
 * one self-contained HTML file.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "isotime.h"
#include "opt.h"
#include "report-html.h"
#include "report.h"

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
	char why[160], *tmp = NULL, when[32], ebuf[128];
	size_t n = 0;
	long days;
	int id, rc;
	FILE *fp;

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
	if ((rc = report_load(cli, &cmd_report, &r)) != 0)
		goto out;
	if ((rc = stats_sessions(r.store, 50, &v, &n, &diags)) < 0) {
		diag_print(&diags, stderr);
		rc = diag_exit_code(rc);
		goto out;
	}
	/* written next to its place, then renamed: never half a report */
	tmp = xasprintf("%s.tmp", file);
	fp = fopen(tmp, "w");
	if (fp == NULL) {
		diag_error(&diags, tmp, 0, 0, "cannot write: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		diag_print(&diags, stderr);
		rc = EX_IOERR;
		goto out;
	}
	isotime_format_utc(cli_now(cli), when, sizeof(when));
	report_html_write(fp, &r.stats, v, n, when);
	if (ferror(fp) | (fclose(fp) != 0) || rename(tmp, file) != 0) {
		diag_error(&diags, file, 0, 0, "cannot write: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		diag_print(&diags, stderr);
		remove(tmp);
		rc = EX_IOERR;
		goto out;
	}
	printf("wrote %s\n", file);
	rc = r.deck_status;
out:
	free(tmp);
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
	        "  --html FILE  where to write it\n"
	        "  --deck D     only the deck named D\n"
	        "  --tag T      only cards tagged T (repeat: any of them)\n"
	        "  --days N     the forecast's length in days (default 14)\n",
	.run = run_report,
};
