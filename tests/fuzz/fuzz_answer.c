/*
 * fuzz_answer.c - libFuzzer target for the answer checker: any typed
 * bytes against a card of each type must give a verdict, never a crash,
 * a leak or a hang.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "deck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char deck[] =
    "deck: f\ntitle: F\ncards:\n"
    "  - {id: t, q: Q, a: Syngman Rhee, accept: [Rhee, 이승만]}\n"
    "  - {id: d, type: date, q: Q, a: 1953-10-01}\n"
    "  - {id: y, type: date, q: Q, a: 1978-10}\n"
    "  - {id: n, type: number, q: Q, a: 2.3 billion, unit: $, tolerance: "
    "0.1 billion}\n"
    "  - {id: p, type: number, q: Q, a: 8%, tolerance: 1}\n"
    "  - {id: c, type: choice, q: Q, choices: [Dulles, Acheson, Marshall],"
    " a: Dulles}\n"
    "  - {id: o, type: order, q: Q, items: [a, b, c, d]}\n"
    "  - {id: z, type: cloze, text: 'The {{Combined Forces Command|CFC}}'}\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct deck *d;
	struct diag_list diags = { 0 };
	char *typed = malloc(size + 1);

	if (d == NULL &&
	    deck_load_buffer("f.yaml", deck, sizeof(deck) - 1, &d, &diags) < 0)
		abort();
	diag_list_release(&diags);
	memcpy(typed, data, size);
	typed[size] = '\0';
	for (size_t i = 0; i < d->ncards; i++) {
		struct answer_result r;

		if (answer_check(&d->cards[i], typed, NULL, &r) < 0)
			abort();
		answer_result_release(&r);
	}
	free(typed);
	return 0;
}
