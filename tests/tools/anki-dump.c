/*
 * anki-dump.c - print what import_read_anki reads from an Anki package,
 * for the tests: the deck, then one line per entry, then the counts and
 * the notes.  Line breaks inside a text print as "\n".
 *
 * usage: anki-dump FILE
 * Exits with the reader's status (65 for a malformed package), its
 * diagnostics on stderr.
 */
#include <stdio.h>

#include "deck.h"
#include "import.h"

static void
field(const char *key, const char *s)
{
	if (!s)
		return;
	printf(" %s=\"", key);
	for (; *s; s++)
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else
			putchar(*s);
	putchar('"');
}

int
main(int argc, char **argv)
{
	struct import_result r = { 0 };
	struct diag_list diags = { 0 };
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: anki-dump FILE\n");
		return 64;
	}
	rc = import_read_anki(argv[1], &r, &diags);
	diag_print(&diags, stderr);
	if (rc == 0) {
		printf("deck %s title %s\n", r.deck_name ? r.deck_name : "-",
		       r.deck_title ? r.deck_title : "-");
		for (size_t i = 0; i < r.n; i++) {
			const struct import_entry *e = &r.v[i];
			printf("%lld %s", e->note_id, deck_type_name(e->type));
			if (e->reverse)
				fputs(" reverse", stdout);
			field("key", e->source_key);
			field("q", e->q);
			field("a", e->a);
			field("text", e->text);
			field("hint", e->hint);
			field("note", e->note);
			for (size_t j = 0; j < e->tags.n; j++)
				printf("%s%s",
				       j ? "," : " tags=", e->tags.v[j]);
			putchar('\n');
		}
		printf("skipped %zu media %zu\n", r.skipped, r.media_dropped);
		for (size_t i = 0; i < r.notes.n; i++)
			printf("note: %s\n", r.notes.v[i]);
	}
	import_result_release(&r);
	diag_list_release(&diags);
	return rc < 0 ? -rc : 0;
}
