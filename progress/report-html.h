/*
 * report-html.h - the progress report as one self-contained HTML file:
 * inline SVG charts, no scripts, nothing fetched from the network,
 * readable in light and dark mode and in print.  The file is well-formed
 * XML, and every headline figure carries data-stat="KEY" with KEY its
 * path in 'trainer stats --json', so tests and scripts can read it back.
 */
#ifndef PROGRESS_REPORT_HTML_H
#define PROGRESS_REPORT_HTML_H

#include <stdio.h>

#include "stats.h"

/* Write the report to 'fp'; 'generated' is shown as its date. */
void report_html_write(FILE *fp, const struct stats *s,
                       const struct stats_session *sessions, size_t nsessions,
                       const char *generated);

#endif
