/*
 * out.h - printing text that came from outside (decks, answers, files).
 *
 * Deck text may hold control characters and escape sequences; printed
 * raw they could move the cursor, change colours, or reorder what the
 * reader sees (bidi controls).  Everything from outside goes through
 * out_safe on a terminal and out_json in JSON: one escaping rule each.
 *
 * Escaped (the "unsafe" characters): C0 controls, DEL, C1 controls
 * (U+0080-U+009F), the bidi embeddings, overrides and isolates (U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line and paragraph
 * separators (U+2028, U+2029), and bytes that are not UTF-8.
 */
#ifndef TRAINER_OUT_H
#define TRAINER_OUT_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

enum {
	OUT_KEEP_NEWLINES = 1, /* print '\n' as a line break, not "\n" */
	OUT_ONE_LINE = 2,      /* print '\n' and '\t' as one space */
};

/*
 * Write 's' to 'fp' with the unsafe characters shown as "\t", "\n",
 * "\x1b" (a C0 control, DEL, or a byte that is not UTF-8) or "\u202e"
 * (line breaks kept when 'flags' has OUT_KEEP_NEWLINES).
 */
void out_safe(FILE *fp, const char *s, int flags);

/*
 * 's' with the unsafe characters escaped as out_safe does, as a new
 * string for messages that are built before they are printed.
 */
char *out_safe_dup(const char *s);

/*
 * Append 's' to 'sb' as a JSON string, quoted: escaped as out_json
 * prints a string (jansson's escapes, then the unsafe characters as
 * \uXXXX), so a document printed a piece at a time reads the same.  A
 * byte that is not UTF-8 becomes \ufffd.
 */
struct strbuf;
void out_json_string(struct strbuf *sb, const char *s);

/* The finite 'v' with %g in the fewest of 15 to 17 digits that read back
 * as the same double, into 'buf' (at least 32 bytes). */
void out_shortest_g(char *buf, size_t size, double v);

/*
 * Write 'j' as JSON text to 'fp' (json_dumps 'flags'), every unsafe
 * character in its strings written as a \uXXXX escape, then a newline.
 * Returns 0, or -1 when the JSON cannot be encoded.
 */
int out_json(FILE *fp, const json_t *j, size_t flags);

/* Append 's' to 'sb' as one CSV field (RFC 4180): quoted, with its
 * quotes doubled, when it holds a comma, a quote or a line break. */
void out_csv_field(struct strbuf *sb, const char *s);

#endif
