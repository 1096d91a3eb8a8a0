/*
 * sim-reviews.c - a review log simulated from known weights
 * (simulate.h), as 'trainer export reviews' writes it:
 *
 *   sim-reviews CARDS [DAYS] > log.csv
 */
#include <stdio.h>
#include <stdlib.h>

#include "../bench/simulate.h"

int
main(int argc, char **argv)
{
	struct sim_log log = { 0 };
	int cards = argc > 1 ? atoi(argv[1]) : 5000;
	int days = argc > 2 ? atoi(argv[2]) : 365;

	if (cards < 1 || days < 1) {
		fputs("usage: sim-reviews CARDS [DAYS]\n", stderr);
		return 64;
	}
	sim_generate(&log, sim_true_w, cards, cards / 300 + 1, days, 42);
	puts("card_id,review_time,review_rating,review_state,review_duration");
	for (size_t i = 0; i < log.n; i++)
		printf("%lld,%lld,%d,%d,0\n", log.v[i].card,
		       log.v[i].time * 1000, log.v[i].rating, log.v[i].state);
	free(log.v);
	return 0;
}
