/*
 * answer.h - checking a typed answer against a card.
 *
 * Pure: no I/O, no clock, no globals that change.  The checker reads the
 * card and what the learner typed and returns a verdict, the answer to
 * show, one line saying what differed, and for written answers a
 * character diff of the typed text against the expected one.
 *
 * Written answers (text cards, cloze gaps, choices answered by their text)
 * are compared after Unicode normalisation (NFKC, case folded, accents
 * and other marks removed) with everything that is not a letter or a digit
 * dropped, and a leading "the", "a" or "an" ignored: "U.S.S.
 * Ticonderoga" is "USS Ticonderoga", "jose marti" is "José Martí".  Hangul
 * stays in syllables.  A card's 'accept' alternatives are as right as its
 * 'a'.  A close misspelling is CLOSE, with the right spelling in
 * 'explain'; see answer_check for how close.
 */
#ifndef TRAINER_ANSWER_H
#define TRAINER_ANSWER_H

#include <stddef.h>

#include "deck.h"
#include "diff.h"

/* Ordered from worst to best. */
enum verdict {
	VERDICT_WRONG,
	VERDICT_PARTIAL, /* right but less than was asked, or part in place */
	VERDICT_CLOSE,   /* a close misspelling: counts as right */
	VERDICT_RIGHT,
};

struct answer_result {
	enum verdict verdict;
	/* The answer to show, as a learner reads it: "1 October 1953",
	 * "$2.3 billion", "60 years", "Syngman Rhee", "2. Dulles" (the right
	 * choice with its number as shown), "3 1 2 4" (the shown numbers of
	 * the items in the right order).  Never NULL after answer_check. */
	char *expected;
	/* One short line saying what differed ("2 years late", "right year;
	 * the day was asked", "close: the spelling is Syngman Rhee"), or NULL
	 * when the answer is right, and for a wrong written answer when the
	 * diff says all there is. */
	char *explain;
	/* Written answers: the typed text against the alternative it matched
	 * or came nearest to, both in NFC, code point by code point, with
	 * case and accents counting as the same.  Segments of one kind are
	 * merged.  Empty (NULL, 0) for other answers and for no answer. */
	struct diff_seg *diff;
	size_t ndiff;
	/* The answer cannot be read as the card's kind (not a date, not a
	 * number, an ambiguous date, a choice out of range, an order that
	 * does not give each item once, nothing typed): it is not judged.
	 * 'explain' says why and how to write it; 'verdict' is WRONG. */
	int unreadable;
};

/*
 * What the learner saw.  For a choice card, shown[i] is the index in
 * card->choices of the option shown as number i + 1 (letter 'a' + i); for
 * an order card, the index in card->items of the item shown as number
 * i + 1.  A NULL view, or one with no 'shown', means the card's own order.
 */
struct answer_view {
	const int *shown;
	size_t nshown;
};

/*
 * Check 'typed' (UTF-8; invalid bytes are read as U+FFFD) against card
 * 'c'.  Fills '*out' (release it with answer_result_release) and returns
 * 0, or returns -1 with '*out' zeroed when the card or the view is
 * impossible (a choice card whose 'a' is not a shown choice, a view that
 * is not a permutation of the items, an unknown type...).
 *
 * Every type: an answer with no letter or digit ("", "  ", "?") is
 * unreadable, "no answer: type one, or :dunno to give up".  An unreadable
 * answer (see 'unreadable' above) is not judged: the learner is asked
 * again.
 *
 * text, cloze: RIGHT when the text matches 'a' or an 'accept'
 * alternative (see the top of this file), also when they differ only in
 * a generic last word (dynasty, kingdom, empire, treaty, agreement, pact,
 * accord) left off, added or changed ("Choson dynasty" for "Choson",
 * "Joseon" for "Joseon Dynasty"; never the only word), or when words
 * other than the last are given as their initials ("John F. Dulles", "J.
 * F. Dulles" for "John Foster Dulles").  CLOSE when it is a close
 * misspelling of one, explain "close: the spelling is X" (X that
 * alternative as written).  Close means: neither contains a digit, the
 * alternative has 5 letters or more, the first letters agree, the edit
 * distance (Damerau, in code points) is at most 1 for 5-8 letters and 2
 * beyond, and, when both have as many words, each word starts with the
 * same letter and is within 0 edits for 1-2 letters, 1 for 3-8 and 2
 * beyond ("South Korea" is not close to "North Korea").  A near miss
 * refused only for being short or for its digits says "short answers must
 * be spelled exactly" or "numbers must be exact"; other wrong text has no
 * explanation (the diff shows it).
 *
 * date: the forms of date_parse_text.  Typed at least as precisely as
 * asked and the same at the precision asked: RIGHT.  Less precise but
 * right as far as it goes: PARTIAL, "right year; the day was asked",
 * "right year; the month was asked", "right month; the day was asked".
 * Only the year missing ("October 1st"): PARTIAL when the month and day
 * asked are right, "right day and month; the year is missing" ("right
 * month; ..."), else WRONG, "the year is missing, and the day is wrong"
 * ("... the month is wrong", "the year and the day are missing"); for a
 * card asking only the year it is unreadable.
 * Else WRONG, saying how far off at the precision both have: "right
 * month, 4 days early" (same month), "3 days late" (within 31 days, on
 * another day of the month), "same year, wrong month (you said June)",
 * "8 months early" (under a year apart), "2 years late".  A day and month
 * that read both ways ("1/10/1953": both 12 or less and different) are
 * unreadable when the month or day is asked, "1/10/1953 is ambiguous:
 * write 1 Oct 1953 or 1953-10-01" (the day-first reading; for a year
 * card both readings have the year and are judged).  Not a date:
 * unreadable, "not a date: WHY", WHY from date_parse_text ("write it like
 * 1 October 1953", "June 1953 has 30 days"...).
 *
 * number: number_parse_answer (digits or words, hedges such as "about"
 * or "more than", unit words after).  RIGHT within card->tolerance.  A
 * '$', '%' or time unit that contradicts the card's unit: WRONG, "wrong
 * unit: the answer is a percentage, not dollars" (or "in dollars", "a
 * number of years", "a plain number"; "not days"...); a missing unit is
 * fine, and words that name no known unit are ignored ("4 powers").  A
 * fraction with no unit for a percentage of 1 or more: WRONG, "write it
 * as a percentage: 0.08 is 8%".  Off
 * by a power of a thousand: "wrong scale: 2.3 million, not 2.3 billion".
 * Otherwise "too high: 150,000 is 7,099 more" or "too low: 2 billion is
 * 300 million short".  Not one number: unreadable, "not a number: write
 * it like 142,901 or 2.3 billion".
 *
 * choice: the shown number ("2", "2."), letter ("b", "B", "(b)", "b)"),
 * or the choice's text by the written-answer rules; a close misspelling of
 * the right choice is CLOSE unless another choice is as close.  A number
 * out of range that is the text of a choice ("1953") is that choice.  A
 * wrong pick says "you chose 3. Texas"; out of range is unreadable,
 * "there are only 4 choices", and so is text that is no choice, "not one
 * of the choices: type 1-4 or a choice's text".
 *
 * order: the shown numbers in the right order, separated by spaces or any
 * of ",;/->." ("3 1 2 4", "3,1,2,4", "3 > 1 > 2 > 4"), or run together
 * when there are fewer than 10 items ("3124").  All in place: RIGHT.  At
 * least half in place and at least 2: PARTIAL, "2 of 4 in place"; with 4
 * items or more, one item moved elsewhere is PARTIAL too, "one item is out
 * of place".  Else WRONG, "1 of 4 in place".  Not each number once:
 * unreadable, "give each number 1 to 4 once".
 */
int answer_check(const struct card *c, const char *typed,
                 const struct answer_view *view, struct answer_result *out);

/* Free what 'r' holds and zero it; NULL and a zeroed result are fine. */
void answer_result_release(struct answer_result *r);

/*
 * The rating to suggest (FSRS: 1 Again, 2 Hard, 3 Good): WRONG gives 1,
 * PARTIAL and CLOSE give 2, RIGHT gives 3, or 2 when 'hinted' (a hint was
 * shown before answering).
 */
int answer_suggested_rating(enum verdict v, int hinted);

/* "wrong", "partial", "close", "right": the names the store logs. */
const char *answer_verdict_name(enum verdict v);

#endif
