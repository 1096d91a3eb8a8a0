/*
 * import.h - decks made from other tools' files: CSV and TSV (with
 * Anki's and Quizlet's text exports), Anki packages.
 *
 * A reader turns a file into entries, each one card entry as a deck
 * author writes it (a cloze entry holds all its gaps, a reversed text
 * entry is one entry with 'reverse'); import_write turns the entries into
 * the YAML of one deck that 'trainer check' passes.  Readers never print:
 * what they skipped and why goes into the import's counts and notes, a
 * malformed file into diagnostics naming the line (CSV) or the note id
 * (Anki).
 *
 * Engine code: no terminal, no clock.
 */
#ifndef TRAINER_IMPORT_H
#define TRAINER_IMPORT_H
#include <stddef.h>
#include <stdio.h>

#include "deck.h"
#include "diag.h"
#include "util.h"

/* One card entry of the deck to write. */
struct import_entry {
	char *id;            /* NULL: derived from the content (import_ids) */
	char *source_key;    /* what the id is derived from when stable, such
	                        as an Anki note's guid; NULL: the content */
	enum card_type type; /* CARD_TEXT, CARD_DATE, CARD_NUMBER, CARD_CLOZE */
	char *q;             /* the question; NULL on a cloze entry */
	char *a;             /* the answer as written (a date or a number as
	                        text: "1953-10-01", "2.3 billion"); NULL on a
	                        cloze entry */
	char *text;          /* cloze: the text, each gap as {{answer}} */
	char *hint;          /* NULL when none */
	char *note;          /* NULL when none */
	char *unit;          /* number: the unit, or NULL */
	struct strlist accept;
	struct strlist tags;
	int reverse;       /* a text entry asked both ways */
	int line;          /* where it came from: the line (CSV), or 0 */
	long long note_id; /* the Anki note id, or 0 */
};

/* What an import read, for the report on stderr. */
struct import_result {
	char *deck_name; /* from the file (Anki) or NULL: the caller names it */
	char *deck_title; /* NULL: the caller's */
	struct import_entry *v;
	size_t n, alloc;
	size_t skipped;       /* rows or notes not imported */
	size_t media_dropped; /* [sound:...] and <img> taken out */
	struct strlist notes; /* one line per thing skipped or changed, such
	                         as "note 1650000000001: note type 'Image
	                         Occlusion' has no question and answer" */
};

/* Add a zeroed entry to 'r' and return it. */
struct import_entry *import_add(struct import_result *r);
void import_result_release(struct import_result *r);

/*
 * Give every entry without an id one derived stably from its source_key
 * or, without one, from its content (the same file imported twice gives
 * the same ids), unique within the deck and valid as a deck id.
 */
void import_ids(struct import_result *r);

/*
 * Write 'r' as the YAML of one deck named 'name' (a valid deck name)
 * titled 'title', with 'tags' added to every card, to 'out'.  Returns 0,
 * or -EX_IOERR when writing fails.
 */
int import_write(const struct import_result *r, const char *name,
                 const char *title, const struct strlist *tags, FILE *out);

/*
 * Read the Anki package (.apkg or .colpkg, legacy or current format) at
 * 'path' into 'r' (zeroed by the caller; release it with
 * import_result_release whatever the outcome): one entry per note, its
 * source_key the note's guid, deck_name and deck_title from the Anki deck
 * of most notes.  Returns 0, -EX_NOINPUT when the file cannot be opened,
 * or -EX_DATAERR when it is no Anki package or a note is malformed (each
 * problem in 'diags', naming the note id).
 */
int import_read_anki(const char *path, struct import_result *r,
                     struct diag_list *diags);

#endif
