/*
 * gen-reviews.c - write a review history for the replay benchmark:
 * "card,time,rating" rows, CARDS cards reviewed ROUNDS times each, in time
 * order, with ratings drawn like real use (Again 15%, Hard 15%, Good 60%,
 * Easy 10%) from a fixed seed.
 *
 * usage: gen-reviews CARDS ROUNDS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
main(int argc, char **argv)
{
	long cards = argc > 1 ? strtol(argv[1], NULL, 10) : 10000;
	long rounds = argc > 2 ? strtol(argv[2], NULL, 10) : 100;
	uint64_t x = 42;
	time_t base = 1767225600; /* 2026-01-01T00:00:00Z */
	char when[32];

	puts("card,time,rating");
	for (long r = 0; r < rounds; r++)
		for (long c = 0; c < cards; c++) {
			time_t t = base + r * 3 * 86400 + c;
			struct tm tm;
			unsigned roll;

			x = x * 6364136223846793005ull + 1442695040888963407ull;
			roll = (unsigned)(x >> 33) % 100;
			gmtime_r(&t, &tm);
			strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
			printf("c%ld,%s,%d\n", c, when,
			       roll < 15   ? 1
			       : roll < 30 ? 2
			       : roll < 90 ? 3
			                   : 4);
		}
	return 0;
}
