/*
 * fuzz_deck.c - libFuzzer target for the deck loader and the linter: any
 * bytes must give a deck or diagnostics, never a crash, a leak or a hang.
 */
#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = { 0 };
	struct deck *deck = NULL;

	if (deck_load_buffer("fuzz.yaml", (const char *)data, size, &deck,
	                     &diags) == 0)
		lint_deck(deck, &diags);
	deck_free(deck);
	diag_list_release(&diags);
	return 0;
}
