/*
 * lint.h - warnings about cards that load but teach badly.
 *
 * A deck that loads without errors can still be a poor deck.  The linter
 * looks for what a machine can see and adds a DIAG_WARNING, at the card's
 * line and column, for each:
 *
 *   giveaway   a cloze gap whose answer (any of its alternatives) is shown
 *              elsewhere while the gap is asked: in the text around it, in
 *              another gap (shown filled with its first alternative) or in
 *              the hint.  Words are compared whole and folded as answers
 *              are (case, accents and punctuation do not count; a leading
 *              "the", "a" or "an" of a longer answer is left off), so
 *              "Korea" is given away by "KOREA," but not by "Korean", and
 *              "인천" by "인천" but not by "인천은".
 *   reverse    a text card with 'reverse: true' and no 'accept' list: its
 *              answer must be typed as written, and the reversed card
 *              takes only 'q' ('accept' never applies to it).
 *   precision  a date card whose question does not ask for the precision
 *              its answer has (see lint_date_question).
 *   event      a date card without 'event', or whose event has the name
 *              (folded as answers are) of an earlier card's in the deck.
 *
 * Only 'trainer check' lints; loading a deck for review never does.
 * Pure: no printing, no exit, no clock.
 */
#ifndef TRAINER_LINT_H
#define TRAINER_LINT_H

#include <stddef.h>

#include "deck.h"
#include "diag.h"

/*
 * Add a warning to 'diags' for each problem above in the cards of 'deck',
 * in the order of the cards; 'deck->file' names the file.  Returns the
 * number of warnings added.
 */
size_t lint_deck(const struct deck *deck, struct diag_list *diags);

/*
 * What a date question asks, read from its words (folded as answers are,
 * whole words only):
 *
 *   LINT_ASKS_DAY    it names the day: "date", "day", "exact", "exactly",
 *                    "precise", "precisely" ("On what date", "what day",
 *                    "when exactly", "give the date")
 *   LINT_ASKS_MONTH  it names the month: "month"
 *   LINT_WANTS_DAY   it asks for a day for sure: "date" (not in "to date"
 *                    or "up to date"), or "what day" / "which day" ("Armed
 *                    Forces Day" alone is a name, not a question)
 *   LINT_WANTS_MONTH "what month" / "which month"
 *
 * A card whose answer has a day wants LINT_ASKS_DAY; one whose answer is a
 * month wants LINT_ASKS_MONTH and not LINT_WANTS_DAY; one whose answer is
 * a year wants neither LINT_WANTS_DAY nor LINT_WANTS_MONTH.  A year
 * question need not say "year": a learner who types more than the year
 * is still right.  Returns the flags that hold for 'q'.
 */
enum {
	LINT_ASKS_DAY = 1 << 0,
	LINT_ASKS_MONTH = 1 << 1,
	LINT_WANTS_DAY = 1 << 2,
	LINT_WANTS_MONTH = 1 << 3,
};
unsigned lint_date_question(const char *q);

#endif
