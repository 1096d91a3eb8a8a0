/*
 * optimize-eval.c - how well some weights predict the latest fifth of a
 * simulated log (sim-reviews' CSV; UTC days from 04:00), as 'trainer
 * optimize' compares weights:
 *
 *   optimize-eval FILE [w0,...,w20 | true]   prints "LOG_LOSS RMSE AUC"
 *
 * Without weights, the defaults; "true", the weights the log was drawn
 * from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	optimize_evaluate(&set, split, set.nitems, w, &m);
	printf("%.6f %.6f %.4f\n", m.log_loss, m.rmse_bins, m.auc);
	optimize_set_release(&set);
	free(r);
	return 0;
}
