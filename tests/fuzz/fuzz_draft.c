/*
 * fuzz_draft.c - libFuzzer target for the draft engine: any bytes must
 * draft without a crash, a leak or a hang, and a draft of UTF-8 text must
 * load as a deck with no error (the promise of 'trainer draft').
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "deck.h"
#include "draft.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is 's' UTF-8 with no NUL (what 'trainer draft' accepts)? */
static int
utf8(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = s[i] < 0x80             ? 1
		             : (s[i] & 0xe0) == 0xc0 ? 2
		             : (s[i] & 0xf0) == 0xe0 ? 3
		             : (s[i] & 0xf8) == 0xf0 ? 4
		                                     : 0;

		if (len == 0 || s[i] == 0 || s[i] == 0xc0 || s[i] == 0xc1 ||
		    s[i] > 0xf4 || i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct draft_result r;
	struct strbuf yaml = { 0 };
	struct diag_list diags = { 0 };
	struct deck *deck = NULL;
	char *text = xstrndup((const char *)data, size);

	draft_text(text, size, draft_is_html(text, size), &r);
	if (r.ncards > 0 && utf8(data, size)) {
		draft_yaml(&r, "fuzz", "Fuzz", NULL, &yaml);
		if (deck_load_buffer("fuzz.yaml", yaml.buf, yaml.len, &deck,
		                     &diags) != 0)
			abort(); /* a draft that 'trainer check' refuses */
	}
	deck_free(deck);
	diag_list_release(&diags);
	strbuf_release(&yaml);
	draft_release(&r);
	free(text);
	return 0;
}
