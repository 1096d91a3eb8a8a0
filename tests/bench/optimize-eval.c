/*
 * optimize-eval.c - how well some weights predict the latest fifth of a
 * simulated log (sim-reviews' CSV; UTC days from 04:00), as 'trainer
 * optimize' compares weights:
 *
 *   optimize-eval FILE [w0,...,w20 | true | fit]
 *
 * prints "LOG_LOSS RMSE AUC": without weights, of the defaults; "true",
 * of the weights the log was drawn from; "fit", of the weights
 * optimize_fit gives on the rest, then the fit's time in seconds (the
 * fit alone, as the benchmark times fsrs-rs's) and its CPU seconds
 * (both threads).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "optimize.h"
#include "simulate.h"

int
main(int argc, char **argv)
{
	struct optimize_review *r = NULL;
	struct optimize_set set;
	struct optimize_metrics m;
	double w[FSRS_NWEIGHTS];
	size_t n = 0, alloc = 0, split;
	char line[256];
	FILE *fp = argc > 1 ? fopen(argv[1], "r") : NULL;

	if (fp == NULL) {
		fputs("usage: optimize-eval FILE [WEIGHTS | true]\n", stderr);
		return 64;
	}
	optimize_default_weights(w);
	if (argc > 2 && strcmp(argv[2], "true") == 0) {
		memcpy(w, sim_true_w, sizeof(w));
	} else if (argc > 2) {
		char *p = argv[2];

		for (int i = 0; i < FSRS_NWEIGHTS; i++) {
			w[i] = strtod(p, &p);
			if (*p == ',')
				p++;
		}
	}
	while (fgets(line, sizeof(line), fp)) {
		long long card, ms;
		int rating, state;

		if (sscanf(line, "%lld,%lld,%d,%d", &card, &ms, &rating,
		           &state) != 4)
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 4096;
			r = realloc(r, alloc * sizeof(*r));
		}
		r[n++] = (struct optimize_review){ card, ms,
			                           fsrs_day(ms / 1000, 0, 4),
			                           rating, state };
	}
	fclose(fp);
	optimize_set_build(&set, r, n);
	split = set.nitems - set.nitems / 5;
	if (argc > 2 && strcmp(argv[2], "fit") == 0) {
		struct optimize_config cfg;
		struct optimize_fit fit;
		struct timespec a, b, ca, cb;

		optimize_config_default(&cfg);
		clock_gettime(CLOCK_MONOTONIC, &a);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
		optimize_fit(&set, 0, split, &cfg, NULL, NULL, &fit);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
		clock_gettime(CLOCK_MONOTONIC, &b);
		optimize_evaluate(&set, split, set.nitems, fit.w, &m);
		printf("%.6f %.6f %.4f %.3f %.3f\n", m.log_loss, m.rmse_bins,
		       m.auc,
		       (double)(b.tv_sec - a.tv_sec) +
		           (double)(b.tv_nsec - a.tv_nsec) / 1e9,
		       (double)(cb.tv_sec - ca.tv_sec) +
		           (double)(cb.tv_nsec - ca.tv_nsec) / 1e9);
	} else {
		optimize_evaluate(&set, split, set.nitems, w, &m);
		printf("%.6f %.6f %.4f\n", m.log_loss, m.rmse_bins, m.auc);
	}
	optimize_set_release(&set);
	free(r);
	return 0;
}
