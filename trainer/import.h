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
	enum card_type type; /* any; the readers make CARD_TEXT, CARD_DATE,
	                        CARD_NUMBER and CARD_CLOZE */
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
	struct strlist choices; /* choice: the options (export deck) */
	struct strlist items;   /* order: the items in order (export deck) */
	char *tolerance;        /* number: as the deck writes it, or NULL */
	char *event;            /* date: the event's short name, or NULL */
	int reverse;            /* a text entry asked both ways */
	int line;               /* where it came from: the line (CSV), or 0 */
	long long note_id;      /* the Anki note id, or 0 */
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
 *
 * Every string is written double-quoted, so no content can break the
 * YAML.  Tags that are not valid names are made names (import_name) or
 * left out, duplicates (ignoring case) and tags past CARD_MAX_TAGS
 * dropped; 'accept' is written on text entries only, without blanks, the
 * answer itself or duplicates; a blank hint, note, unit or cloze 'q' is
 * not written.  The readers must give each entry a 'q' and 'a' that are
 * not blank (a date's 'a' in ISO form, a number's one number_parse
 * reads) or a cloze 'text' the loader takes; 'trainer import' loads the
 * deck back before writing it, so a slip is an internal error, not a
 * broken file.
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

/* ---- shared by the readers (import.c) ---- */

/* Is 's' a valid deck name, id or tag: 1 to 64 of [a-z0-9-], not
 * starting with '-' (as the deck loader checks them)? */
int import_valid_name(const char *s);

/*
 * 's' made into a name: ASCII letters lower-cased, digits kept, every
 * run of anything else one '-', no '-' at either end, cut to at most
 * 'max' bytes (at most 64) at a '-' when there is one.  Returns the name
 * (free it), or NULL when nothing is left ("Korea::History" gives
 * "korea-history", "한국" NULL).
 */
char *import_name(const char *s, size_t max);

/*
 * The text of the HTML 'html' as a card shows it: tags dropped, <br>,
 * <div>, <p> and <li> as line breaks, other runs of white space as one
 * space, entities decoded ("&amp;", "&nbsp;", "&#233;", "&#xE9;"; an
 * unknown one kept as written), <script> and <style> dropped with their
 * content, and each <img> and [sound:...] dropped and counted in
 * '*media_dropped' (may be NULL).  The text has no white space at either
 * end and at most one empty line in a row.  Returns it (free it).
 */
char *import_html_to_text(const char *html, size_t *media_dropped);

/*
 * Clean one field's text for a card: C0 and C1 control characters other
 * than tab and newline, DEL and U+FEFF dropped, CR LF and lone CR made
 * LF, white space cut at both ends.  'len' bytes of 's', valid UTF-8.
 * Returns it (free it).
 */
char *import_clean(const char *s, size_t len);

/*
 * What kind of card the answer 'a' to the question 'q' makes when the
 * whole answer reads as one date or one number:
 *   CARD_DATE    a date that reads one way only ("1 October 1953",
 *                "October 1953", "1953-10-01", a bare four-digit year
 *                unless the question asks "how many" or "how much"), its
 *                ISO form (YYYY, YYYY-MM or YYYY-MM-DD) in 'iso'
 *   CARD_NUMBER  a number as the deck loader reads one ("142,901", "8%",
 *                "2.3 billion", "$5 million"); digits, not words
 *   CARD_TEXT    anything else ("Seoul", "the 38th parallel", "one",
 *                "5 or 6"); '*ambiguous' is set to 1 (may be NULL) when
 *                it is a date that reads two ways ("10/1/1953")
 * 'iso' has room for 'size' bytes (at least 11).
 */
enum card_type import_detect_type(const char *q, const char *a, char *iso,
                                  size_t size, int *ambiguous);

/* ---- CSV and TSV (import-csv.c) ---- */

/*
 * A separator as given to --separator or --row-separator, or in Anki's
 * "#separator:" line: a name ("tab", "comma", "semicolon", "pipe",
 * "colon", "space", "newline"; any case), "\t" or "\n", or the text
 * itself (1 to 16 bytes, no line break).  Writes the separator into
 * 'out' ("" for a newline) and returns 0, or -1 when it is none.
 */
int import_separator(const char *name, char *out, size_t size);

/*
 * The field splitter.  Fields are separated by 'sep' (any string of 1 to
 * 16 bytes) and rows by 'row_sep' (NULL: a line break, LF, CR LF or a
 * lone CR).  With 'quotes', a field that starts with '"' (after blanks)
 * is quoted: it runs to the next lone '"', holds separators, line breaks
 * and '""' for a quote, and only blanks may follow it before the next
 * separator.  A '"' anywhere else is an ordinary character.
 */
struct import_csv {
	const char *file; /* for diagnostics */
	const char *buf;
	size_t len, pos;
	const char *sep, *row_sep;
	size_t seplen, row_seplen;
	int quotes;
	int line, col; /* of 'pos', from 1 */
};

/* Start splitting the 'len' bytes of 'buf' (after any BOM). */
void import_csv_init(struct import_csv *c, const char *file, const char *buf,
                     size_t len, const char *sep, const char *row_sep,
                     int quotes);

/*
 * The next row: its fields, as read (not cleaned), into 'fields'
 * (emptied first) and the line it starts on into '*line'.  Returns 1, 0
 * past the last row, or -EX_DATAERR with a diagnostic naming the line
 * and column (a quoted field never closed, text after a closing quote).
 * A row of one empty field (a blank line) is a row too.
 */
int import_csv_next(struct import_csv *c, struct strlist *fields, int *line,
                    struct diag_list *diags);

/* How to read a text file: NULL and 0 mean "find out". */
struct import_text_opts {
	const char *sep;     /* the field separator, or NULL */
	const char *row_sep; /* the row separator, or NULL: line breaks */
	int no_quotes;       /* '"' is an ordinary character */
	int html;            /* fields are HTML (as Anki's "#html:true") */
	int text_only;       /* no date or number cards */
	char sep_used[32];   /* out: the separator read with, for the report
	                        ("tab", "comma", "';'") */
	int sep_guessed;     /* out: it was guessed from the rows */
	int anki;            /* out: the file was an Anki package */
};

/*
 * Read the 'len' bytes of 'buf' (the file 'file') as CSV or TSV: a BOM
 * and Anki's "#key:value" header lines first, then a header row naming
 * the columns (question/front/term, answer/back/definition, tags, hint,
 * note/extra, id, accept) or rows of question and answer (read without
 * quotes, the answer runs to the end of the row).  Rows it
 * cannot use are skipped and said so in r->notes; a file that is not
 * UTF-8 or not well formed is -EX_DATAERR with a diagnostic naming the
 * line.  Returns 0.
 */
int import_parse_text(const char *file, const char *buf, size_t len,
                      struct import_text_opts *o, struct import_result *r,
                      struct diag_list *diags);

/* The same for the file at 'path' ("-": standard input, named so in
 * diagnostics), at most 64 MiB: -EX_NOINPUT when it cannot be read,
 * -EX_DATAERR when too large. */
int import_read_text(const char *path, struct import_text_opts *o,
                     struct import_result *r, struct diag_list *diags);

#endif
