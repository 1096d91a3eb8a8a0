/*
 * anki-text.h - the text of Anki's fields: HTML reduced to text, cloze
 * deletions turned into our gaps, names made deck names and tags.  Used
 * by the Anki package reader (import-anki.c).  Pure: no I/O.
 */
#ifndef TRAINER_ANKI_TEXT_H
#define TRAINER_ANKI_TEXT_H
#include <stddef.h>

/* Where a cloze's markup was, in a field on its way from HTML to text:
 * control characters that no reduced text holds otherwise. */
#define ANKI_MARK_OPEN  '\x01'
#define ANKI_MARK_HINT  '\x02'
#define ANKI_MARK_CLOSE '\x03'

/*
 * Reduce the HTML of 's' to text: tags dropped (<br>, <div>, <p>, <li>
 * and the other blocks end a line, table cells a space; the content of
 * <script> and <style> dropped), entities decoded (the Latin-1 names, a
 * few others, numeric ones), whitespace folded into one space, <img>,
 * <audio>, <video>, <object>, <embed> and [sound:...] taken out and added
 * to '*media', control characters and malformed UTF-8 (as U+FFFD) taken
 * care of.  Lines are separated by '\n', none empty, none with spaces at
 * either end.  With 'marks', the ANKI_MARK_* characters are kept.
 * Returns an allocated string, maybe empty.
 */
char *anki_html_text(const char *s, int marks, size_t *media);

/*
 * Replace the cloze markup of the raw field 's' with ANKI_MARK_*
 * characters, as Anki reads it: "{{c" numbers "::" opens a cloze, "}}"
 * closes the innermost open one, the first "::" inside one starts its
 * hint.  An opening never closed stays text.  Any ANKI_MARK_* character
 * already in 's' is dropped.  Returns an allocated string.
 */
char *anki_cloze_mark(const char *s);

/*
 * Turn the marked, reduced text 's' into our cloze text ('*text', each
 * gap as {{answer}}, every cloze one gap whatever its number; "{{" and
 * "}}" elsewhere broken by a space, and a space between a gap's braces
 * and a brace beside them) and its hints ('*hint', "gap N: "
 * before each when there are several gaps, or NULL).  A cloze inside
 * another stays text of the outer one and sets '*nested'.  Returns the
 * number of gaps, or -1 with '*why' set (and nothing allocated) when the
 * note cannot be a cloze entry: no cloze, an empty one, an image
 * occlusion, more than CARD_MAX_GAPS.
 */
int anki_cloze_build(const char *s, char **text, char **hint, const char **why,
                     int *nested);

/*
 * 's' as a deck name or tag: accents taken off, lower-case ASCII letters
 * and digits kept, every other run one dash ('History::Korea' is
 * 'history-korea'), at most 64 bytes.  Returns an allocated string, or
 * NULL when nothing is left.
 */
char *anki_slug(const char *s);

#endif
