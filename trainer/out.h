/*
 * out.h - printing text that came from outside (decks, answers, files).
 *
 * Deck text may hold control characters and escape sequences; printed
 * raw they could move the cursor, change colours or worse.  Everything
 * from outside goes through out_safe, which shows them escaped.
 */
#ifndef TRAINER_OUT_H
#define TRAINER_OUT_H

#include <stdio.h>

enum {
	OUT_KEEP_NEWLINES = 1, /* print '\n' as a line break, not "\n" */
};

/*
 * Write 's' to 'fp' with C0 and C1 control characters and DEL shown as
 * "\t", "\n", "\x1b" or "\u009b" (line breaks kept when 'flags' has
 * OUT_KEEP_NEWLINES).
 */
void out_safe(FILE *fp, const char *s, int flags);

#endif
