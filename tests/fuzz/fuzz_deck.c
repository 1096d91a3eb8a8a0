/*
 * fuzz_deck.c - libFuzzer target for the deck loader: any bytes must give
 * a deck or diagnostics, never a crash, a leak or a hang.
 */
#include <stddef.h>
#include <stdint.h>

#include "deck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = { 0 };
	struct deck *deck = NULL;

	deck_load_buffer("fuzz.yaml", (const char *)data, size, &deck, &diags);
	deck_free(deck);
	diag_list_release(&diags);
	return 0;
}
