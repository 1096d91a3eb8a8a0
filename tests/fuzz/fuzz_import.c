/*
 * fuzz_import.c - libFuzzer target for the text import: any bytes give
 * entries or a diagnostic, never a crash; and the deck written from the
 * entries always loads (unless it passes a deck file's size bounds, which
 * 'trainer import' refuses as data).  The first byte picks the options:
 * HTML, no quotes, a row separator, the separator.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const seps[] = { NULL, ",", "\t", " - " };
	struct import_text_opts o = { 0 };
	struct import_result r = { 0 };
	struct diag_list diags = { 0 };
	struct strlist tags = { 0 };
	struct deck *deck = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (size == 0)
		return 0;
	o.html = data[0] & 1;
	o.no_quotes = (data[0] >> 1) & 1;
	o.row_sep = (data[0] >> 2) & 1 ? ";" : NULL;
	o.text_only = (data[0] >> 3) & 1;
	o.sep = seps[(data[0] >> 4) & 3];
	if (import_parse_text("f.csv", (const char *)data + 1, size - 1, &o, &r,
	                      &diags) == 0 &&
	    r.n > 0) {
		import_ids(&r);
		strlist_push(&tags, "fuzz");
		fp = open_memstream(&buf, &len);
		if (fp == NULL || import_write(&r, "f", "F", &tags, fp) < 0)
			abort();
		fclose(fp);
		diag_list_release(&diags);
		if (deck_load_buffer("f.yaml", buf, len, &deck, &diags) < 0 &&
		    len < 1024 * 1024)
			abort();
		deck_free(deck);
		free(buf);
		strlist_release(&tags);
	}
	import_result_release(&r);
	diag_list_release(&diags);
	return 0;
}
