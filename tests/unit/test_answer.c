/*
 * test_answer.c - the answer checker as a table: a card, what the learner
 * typed, and the verdict, explanation and shown answer it must give.
 * Then the diff, the ratings, impossible cards, and the free-form date and
 * number-word parsers on their own.
 *
 * The cards are the bundled decks' own (us-rok-*.yaml), plus a few made up
 * for what the decks do not have (accents, ambiguous numeric dates).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "date.h"
#include "number.h"

#define MAXOPT 16

#define ZEROS_50 "00000000000000000000000000000000000000000000000000"
#define ZEROS_400                                                              \
	ZEROS_50 ZEROS_50 ZEROS_50 ZEROS_50 ZEROS_50 ZEROS_50 ZEROS_50 ZEROS_50

/* A card as the table writes it. */
struct tcard {
	enum card_type type;
	const char *a;
	const char *accept[MAXOPT];
	struct date date;
	double value;
	const char *unit;
	double tolerance;
	const char *options[MAXOPT]; /* choices or items */
	int shown[MAXOPT];           /* the shown order, when nshown > 0 */
	size_t nshown;
};

static void
build_card(const struct tcard *t, struct card *c)
{
	memset(c, 0, sizeof(*c));
	c->id = (char *)"t";
	c->type = t->type;
	c->a = (char *)t->a;
	c->date = t->date;
	c->value = t->value;
	c->unit = (char *)t->unit;
	c->tolerance = t->tolerance;
	for (size_t i = 0; i < MAXOPT && t->accept[i]; i++)
		strlist_push(&c->accept, t->accept[i]);
	for (size_t i = 0; i < MAXOPT && t->options[i]; i++)
		strlist_push(t->type == CARD_ORDER ? &c->items : &c->choices,
		             t->options[i]);
}

static void
free_card(struct card *c)
{
	strlist_release(&c->accept);
	strlist_release(&c->choices);
	strlist_release(&c->items);
}

/* ---- The cards ---------------------------------------------------------- */

#define DATE_CARD(y, m, d)                                                     \
	{                                                                      \
		.type = CARD_DATE, .date = { y, m, d }                         \
	}

static const struct tcard treaty_1882 = DATE_CARD(1882, 5, 22);
static const struct tcard taft_year = DATE_CARD(1905, 0, 0);
static const struct tcard involvement = DATE_CARD(1945, 0, 0);
static const struct tcard invasion = DATE_CARD(1950, 6, 25);
static const struct tcard pow_release = DATE_CARD(1953, 6, 18);
static const struct tcard armistice = DATE_CARD(1953, 7, 27);
static const struct tcard mdt = DATE_CARD(1953, 10, 1);
static const struct tcard agreed_minutes = DATE_CARD(1954, 11, 17);
static const struct tcard planning_staff = DATE_CARD(1968, 0, 0);
static const struct tcard field_army = DATE_CARD(1971, 0, 0);
static const struct tcard cfc = DATE_CARD(1978, 10, 0);
static const struct tcard peacetime = DATE_CARD(1994, 0, 0);
static const struct tcard wartime = DATE_CARD(2007, 0, 0);
static const struct tcard jan10 = DATE_CARD(1953, 1, 10);
static const struct tcard mar5 = DATE_CARD(1953, 3, 5);
static const struct tcard teutoburg = DATE_CARD(9, 9, 0);
static const struct tcard year_one = DATE_CARD(1, 0, 0);

static const struct tcard casualties = { .type = CARD_NUMBER,
	                                 .value = 142901,
	                                 .unit = "casualties" };
static const struct tcard us_kia = { .type = CARD_NUMBER,
	                             .value = 33629,
	                             .unit = "people" };
static const struct tcard econ_aid = {
	.type = CARD_NUMBER, .value = 2.3e9, .unit = "$", .tolerance = 1e8
};
static const struct tcard econ_gnp = {
	.type = CARD_NUMBER, .value = 8, .unit = "%", .tolerance = 1
};
static const struct tcard mil_share = { .type = CARD_NUMBER,
	                                .value = 30,
	                                .unit = "%" };
static const struct tcard mil_aid = {
	.type = CARD_NUMBER, .value = 1.4e9, .unit = "$", .tolerance = 1e8
};
static const struct tcard alliance_span = { .type = CARD_NUMBER,
	                                    .value = 60,
	                                    .unit = "years" };
static const struct tcard relations_span = { .type = CARD_NUMBER,
	                                     .value = 130,
	                                     .unit = "years" };
static const struct tcard great_powers = { .type = CARD_NUMBER, .value = 4 };
static const struct tcard taft_to_war = { .type = CARD_NUMBER,
	                                  .value = 45,
	                                  .unit = "years" };
static const struct tcard war_length = { .type = CARD_NUMBER,
	                                 .value = 3,
	                                 .unit = "years" };

static const struct tcard rhee = {
	.type = CARD_TEXT,
	.a = "Syngman Rhee",
	.accept = { "Rhee", "이승만", "Rhee Syngman", "Yi Seung-man",
	            "Lee Seung-man", "President Rhee" },
};
static const struct tcard ike = {
	.type = CARD_TEXT,
	.a = "Dwight D. Eisenhower",
	.accept = { "Eisenhower", "Dwight Eisenhower", "Ike",
	            "President Eisenhower" },
};
static const struct tcard dulles = {
	.type = CARD_TEXT,
	.a = "John Foster Dulles",
	.accept = { "Dulles", "Foster Dulles", "John Dulles" },
};
static const struct tcard macarthur = {
	.type = CARD_TEXT,
	.a = "Douglas MacArthur",
	.accept = { "MacArthur", "General MacArthur" },
};
static const struct tcard taft_katsura = {
	.type = CARD_TEXT,
	.a = "Taft-Katsura Agreement",
	.accept = { "Taft-Katsura", "Taft Katsura", "Taft-Katsura Memorandum",
	            "Katsura-Taft Agreement" },
};
static const struct tcard ship = {
	.type = CARD_TEXT,
	.a = "USS Ticonderoga",
	.accept = { "Ticonderoga", "the Ticonderoga", "U.S.S. Ticonderoga" },
};
static const struct tcard marti = { .type = CARD_TEXT, .a = "José Martí" };
static const struct tcard pyeongtaek = { .type = CARD_TEXT, .a = "Pyeongtaek" };
static const struct tcard dprk = {
	.type = CARD_TEXT,
	.a = "North Korea",
	.accept = { "Democratic People's Republic of Korea",
	            "조선민주주의인민공화국", "북한", "북조선" },
};
static const struct tcard rok = {
	.type = CARD_TEXT,
	.a = "South Korea",
	.accept = { "Republic of Korea", "대한민국", "한국", "남한" },
};
static const struct tcard joseon = {
	.type = CARD_TEXT,
	.a = "Joseon",
	.accept = { "Joseon Dynasty", "Chosun", "Choson", "Chosŏn",
	            "Yi dynasty", "Yi Joseon", "조선", "조선왕조" },
};
/* The case: both an accepted form and one with "Dynasty". */
static const struct tcard joseon_dynasty = {
	.type = CARD_TEXT,
	.a = "Joseon Dynasty",
	.accept = { "Choson" },
};
static const struct tcard dulles_only = { .type = CARD_TEXT,
	                                  .a = "John Foster Dulles" };
static const struct tcard mdt_name = { .type = CARD_TEXT,
	                               .a = "Mutual Defense Treaty" };
static const struct tcard usfk = { .type = CARD_TEXT, .a = "USFK" };

static const struct tcard gap_year = { .type = CARD_CLOZE, .a = "1953" };
static const struct tcard gap_lynchpin = { .type = CARD_CLOZE,
	                                   .a = "lynchpin",
	                                   .accept = { "linchpin" } };
static const struct tcard gap_nea = {
	.type = CARD_CLOZE,
	.a = "Northeast Asia",
	.accept = { "North East Asia", "NE Asia" },
};
static const struct tcard gap_g20 = { .type = CARD_CLOZE,
	                              .a = "G-20",
	                              .accept = { "G20", "Group of Twenty" } };
static const struct tcard gap_anti = { .type = CARD_CLOZE,
	                               .a = "anti-communist",
	                               .accept = { "anticommunist" } };
static const struct tcard gap_blood = { .type = CARD_CLOZE,
	                                .a = "Blood Alliance" };

/* Shown as 1. Florida 2. Idaho 3. Rhode Island 4. Texas 5. Ohio */
static const struct tcard idaho = {
	.type = CARD_CHOICE,
	.a = "Idaho",
	.options = { "Idaho", "Texas", "Florida", "Ohio", "Rhode Island" },
	.shown = { 2, 0, 4, 1, 3 },
	.nshown = 5,
};
/* Shown as 1. MacArthur 2. Dulles 3. Acheson 4. Marshall */
static const struct tcard negotiator = {
	.type = CARD_CHOICE,
	.a = "John Foster Dulles",
	.options = { "John Foster Dulles", "Dean Acheson", "George Marshall",
	             "Douglas MacArthur" },
	.shown = { 3, 0, 1, 2 },
	.nshown = 4,
};
static const struct tcard decade = {
	.type = CARD_CHOICE,
	.a = "1980s",
	.options = { "1950s", "1960s", "1970s", "1980s", "1990s" },
};
/* Shown as 1. 1968 2. 1953 3. 1950 4. 1945 */
static const struct tcard year_choice = {
	.type = CARD_CHOICE,
	.a = "1953",
	.options = { "1945", "1950", "1953", "1968" },
	.shown = { 3, 2, 1, 0 },
	.nshown = 4,
};
static const struct tcard not_similar = {
	.type = CARD_CHOICE,
	.a = "Taiwan",
	.options = { "Taiwan", "Japan", "Thailand", "the Philippines",
	             "Australia", "New Zealand" },
};
/* Two choices one slip apart: a slip between them picks neither. */
static const struct tcard twins = {
	.type = CARD_CHOICE,
	.a = "Mutual Defense Treaty",
	.options = { "Mutual Defense Treaty", "Mutual Defence Treaty",
	             "Agreed Minutes" },
};

/* Items shown as 1. Taft-Katsura 2. Armistice 3. 1882 treaty 4. MDT, so
 * the right order is 3 1 2 4. */
static const struct tcard agreements = {
	.type = CARD_ORDER,
	.options = { "Korea's first treaty with the United States",
	             "Taft-Katsura Agreement", "Armistice Agreement",
	             "US-ROK Mutual Defense Treaty" },
	.shown = { 1, 2, 0, 3 },
	.nshown = 4,
};
/* Right order: 2 6 4 7 1 5 3. */
static const struct tcard chronology = {
	.type = CARD_ORDER,
	.options = { "The Joseon-US Treaty", "The Taft-Katsura Agreement",
	             "Japan's surrender", "Syngman Rhee takes office",
	             "The North Korean invasion", "The Armistice Agreement",
	             "The Mutual Defense Treaty" },
	.shown = { 4, 0, 6, 2, 5, 1, 3 },
	.nshown = 7,
};
static const struct tcard three = {
	.type = CARD_ORDER,
	.options = { "1968", "1971", "1978" },
};
static const struct tcard twelve = {
	.type = CARD_ORDER,
	.options = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k",
	             "l" },
};
/* Shown in reverse: right order 5 4 3 2 1. */
static const struct tcard integration = {
	.type = CARD_ORDER,
	.options = { "Planning staff", "Field army", "CFC agreed",
	             "Peacetime control", "Wartime control path" },
	.shown = { 4, 3, 2, 1, 0 },
	.nshown = 5,
};

/* ---- The table ---------------------------------------------------------- */

#define W VERDICT_WRONG
#define P VERDICT_PARTIAL
#define C VERDICT_CLOSE
#define R VERDICT_RIGHT
/* Unreadable: not judged (WRONG with 'unreadable' set), asked again. */
#define U ((enum verdict)99)

/* 'explain' NONE: the explanation must be NULL; ANY (NULL): not checked. */
static const char NONE[] = "(no explanation)";
#define ANY NULL

static const char nd_lee[] = "\xe1\x84\x8b\xe1\x85\xb5\xe1\x84\x89\xe1\x85"
                             "\xb3\xe1\x86\xbc\xe1\x84\x86\xe1\x85\xa1\xe1"
                             "\x86\xab"; /* 이승만 as jamo (NFD) */

static const struct row {
	const char *name;
	const struct tcard *card;
	const char *typed;
	enum verdict verdict;
	const char *explain;
	const char *expected;
} rows[] = {
	/* dates: the Mutual Defense Treaty, 1953-10-01 */
	{ "mdt iso", &mdt, "1953-10-01", R, NONE, "1 October 1953" },
	{ "mdt month day, year", &mdt, "October 1, 1953", R, NONE, ANY },
	{ "mdt day month year", &mdt, "1 October 1953", R, NONE, ANY },
	{ "mdt short month", &mdt, "1 Oct 1953", R, NONE, ANY },
	{ "mdt oct. 1st,", &mdt, "Oct. 1st, 1953", R, NONE, ANY },
	{ "mdt no commas", &mdt, "Oct 1 1953", R, NONE, ANY },
	{ "mdt 1st of", &mdt, "1st of October 1953", R, NONE, ANY },
	{ "mdt us numeric ambiguous", &mdt, "10/1/1953", U,
	  "10/1/1953 is ambiguous: write 10 Jan 1953 or 1953-01-10", ANY },
	{ "mdt numeric spaces trimmed", &mdt, "  10/1/1953 ", U,
	  "10/1/1953 is ambiguous: write 10 Jan 1953 or 1953-01-10", ANY },
	{ "mdt day over 12 is not ambiguous", &agreed_minutes, "17/11/1954", R,
	  NONE, ANY },
	{ "mdt same day and month is not ambiguous", &mdt, "10/10/1953", W,
	  "right month, 9 days late", ANY },
	{ "mdt ambiguous for a year card is judged", &involvement, "1/10/1945",
	  R, NONE, ANY },
	{ "mdt day-first numeric ambiguous", &mdt, "1/10/1953", U,
	  "1/10/1953 is ambiguous: write 1 Oct 1953 or 1953-10-01", ANY },
	{ "mdt dotted ambiguous", &mdt, "01.10.1953", U,
	  "01.10.1953 is ambiguous: write 1 Oct 1953 or 1953-10-01", ANY },
	{ "mdt year first slashes", &mdt, "1953/10/01", R, NONE, ANY },
	{ "mdt d-mon-y", &mdt, "1-Oct-1953", R, NONE, ANY },
	{ "mdt lower case", &mdt, "october 1st 1953", R, NONE, ANY },
	{ "mdt upper case", &mdt, "OCTOBER 1 1953", R, NONE, ANY },
	{ "mdt weekday", &mdt, "Thursday, October 1, 1953", R, NONE, ANY },
	{ "mdt the 1st of", &mdt, "the 1st of October, 1953", R, NONE, ANY },
	{ "mdt year month day", &mdt, "1953 October 1", R, NONE, ANY },
	{ "mdt korean", &mdt, "1953년 10월 1일", R, NONE, ANY },
	{ "mdt sept 30", &mdt, "Sept 30, 1953", W, "1 day early", ANY },
	{ "mdt year-month", &mdt, "1953-10", P,
	  "right month; the day was asked", "1 October 1953" },
	{ "mdt month year", &mdt, "October 1953", P,
	  "right month; the day was asked", ANY },
	{ "mdt short month year", &mdt, "Oct 1953", P,
	  "right month; the day was asked", ANY },
	{ "mdt year only", &mdt, "1953", P, "right year; the day was asked",
	  ANY },
	{ "mdt korean year", &mdt, "1953년", P, "right year; the day was asked",
	  ANY },
	{ "mdt in year", &mdt, "in 1953", P, "right year; the day was asked",
	  ANY },
	{ "mdt 1935 is not 1953", &mdt, "1935", W, "18 years early", ANY },
	{ "mdt two years late", &mdt, "1955-10-01", W, "2 years late", ANY },
	{ "mdt 1950", &mdt, "1950", W, "3 years early", ANY },
	{ "mdt wrong month", &mdt, "1953-06", W,
	  "same year, wrong month (you said June)", ANY },
	{ "mdt wrong month, same day", &mdt, "1 June 1953", W,
	  "same year, wrong month (you said June)", ANY },
	{ "mdt days late", &mdt, "1953-10-05", W, "right month, 4 days late",
	  ANY },
	{ "mdt days early across months", &mdt, "27 September 1953", W,
	  "4 days early", ANY },
	{ "mdt a year early", &mdt, "1952-10-01", W, "1 year early", ANY },
	{ "mdt months late", &mdt, "1954-09", W, "11 months late", ANY },
	{ "mdt empty", &mdt, "", U, "no answer: type one, or :dunno to give up",
	  "1 October 1953" },
	{ "mdt spaces", &mdt, "   ", U,
	  "no answer: type one, or :dunno to give up", ANY },
	{ "mdt words", &mdt, "blah", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "mdt no year", &mdt, "October 1", P,
	  "right day and month; the year is missing", ANY },
	{ "mdt october 1st", &mdt, "October 1st", P,
	  "right day and month; the year is missing", "1 October 1953" },
	{ "mdt 1st of october", &mdt, "1st of October", P,
	  "right day and month; the year is missing", ANY },
	{ "mdt no year, wrong day", &mdt, "October 2nd", W,
	  "the year is missing, and the day is wrong", ANY },
	{ "mdt no year, wrong month", &mdt, "November 1", W,
	  "the year is missing, and the month is wrong", ANY },
	{ "mdt month only", &mdt, "October", W,
	  "the year and the day are missing", ANY },
	{ "cfc month only", &cfc, "October", P,
	  "right month; the year is missing", ANY },
	{ "cfc month and day", &cfc, "October 17", P,
	  "right month; the year is missing", ANY },
	{ "year card without a year", &taft_year, "October 1", U,
	  "not a date: the year is missing", ANY },
	{ "mdt 31 june", &mdt, "31 June 1953", U,
	  "not a date: June 1953 has 30 days", ANY },
	{ "mdt 13/13", &mdt, "13/13/1953", U,
	  "not a date: neither 13 nor 13 is a month", ANY },
	{ "mdt two-digit year", &mdt, "10/1/53", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "mdt month 13", &mdt, "1953-13-01", U,
	  "not a date: there is no month 13", ANY },
	{ "mdt next tuesday", &mdt, "next Tuesday", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "mdt run together", &mdt, "19531001", U,
	  "not a date: a number in a date has at most 4 digits (years go up "
	  "to 9999)",
	  ANY },
	{ "mdt minus iso", &mdt, "-1953-10-01", U,
	  "not a date: a date has no minus sign; write it like 1 October 1953",
	  ANY },
	{ "mdt huge year", &mdt, "1 October 99999999999999999999", U,
	  "not a date: a number in a date has at most 4 digits (years go up "
	  "to 9999)",
	  ANY },
	{ "mdt leading slash", &mdt, "/1953-10-01", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "mdt exponent", &mdt, "1e400", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "mdt hex", &mdt, "0x10", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "mdt inf", &mdt, "inf", U, "not a date: write it like 1 October 1953",
	  ANY },

	/* the armistice, 1953-07-27 */
	{ "armistice month day", &armistice, "July 27, 1953", R, NONE,
	  "27 July 1953" },
	{ "armistice day month", &armistice, "27 July 1953", R, NONE, ANY },
	{ "armistice us numeric", &armistice, "7/27/1953", R, NONE, ANY },
	{ "armistice day-first numeric", &armistice, "27/7/1953", R, NONE,
	  ANY },
	{ "armistice dotted", &armistice, "27.07.1953", R, NONE, ANY },
	{ "armistice month", &armistice, "July 1953", P,
	  "right month; the day was asked", ANY },
	{ "armistice year", &armistice, "1953", P,
	  "right year; the day was asked", ANY },
	{ "armistice day late", &armistice, "1953-07-28", W,
	  "right month, 1 day late", ANY },
	{ "armistice week late", &armistice, "1953-08-03", W, "7 days late",
	  ANY },
	{ "armistice month early, same day", &armistice, "June 27, 1953", W,
	  "same year, wrong month (you said June)", ANY },
	{ "armistice 1935", &armistice, "1935-07-27", W, "18 years early",
	  ANY },
	{ "armistice months early", &armistice, "November 1, 1952", W,
	  "8 months early", ANY },

	/* the 1882 treaty, 1882-05-22 */
	{ "1882 month day", &treaty_1882, "May 22, 1882", R, NONE,
	  "22 May 1882" },
	{ "1882 day month", &treaty_1882, "22 May 1882", R, NONE, ANY },
	{ "1882 us numeric", &treaty_1882, "5/22/1882", R, NONE, ANY },
	{ "1882 day-first", &treaty_1882, "22/5/1882", R, NONE, ANY },
	{ "1882 month", &treaty_1882, "May 1882", P,
	  "right month; the day was asked", ANY },
	{ "1882 year", &treaty_1882, "1882", P, "right year; the day was asked",
	  ANY },
	{ "1882 year late", &treaty_1882, "1883-05-22", W, "1 year late", ANY },
	{ "1882 days early", &treaty_1882, "1882-05-20", W,
	  "right month, 2 days early", ANY },
	{ "1882 years late", &treaty_1882, "May 22 1888", W, "6 years late",
	  ANY },
	{ "1882 swapped digits", &treaty_1882, "1828", W, "54 years early",
	  ANY },

	/* years asked */
	{ "1905", &taft_year, "1905", R, NONE, "1905" },
	/* found by fuzz_date: a year below 100 was shown as "1", which
	 * does not read as a year */
	{ "year 1 shown", &year_one, "AD 1", R, NONE, "AD 1" },
	{ "year 1 as 0001", &year_one, "0001", R, NONE, ANY },
	{ "year 1 as 1 CE", &year_one, "1 CE", R, NONE, ANY },
	{ "year 9 shown", &teutoburg, "September AD 9", R, NONE,
	  "September AD 9" },
	{ "year 9 after", &teutoburg, "Sept 9 AD", R, NONE, ANY },
	{ "year 9 day", &teutoburg, "9 September AD 9", R, NONE, ANY },
	{ "year 9 without AD", &teutoburg, "September 9", P,
	  "right month; the year is missing", ANY },
	{ "year 9 late", &teutoburg, "AD 10", W, "1 year late", ANY },
	{ "1905 with a minus", &taft_year, "-1905", U,
	  "not a date: a date has no minus sign; write it like 1 October 1953",
	  ANY },
	{ "1905 with a spaced minus", &taft_year, " - 1905", U,
	  "not a date: a date has no minus sign; write it like 1 October 1953",
	  ANY },
	{ "1905 with U+2212", &taft_year,
	  "\xe2\x88\x92"
	  "1905",
	  U,
	  "not a date: a date has no minus sign; write it like 1 October 1953",
	  ANY },
	{ "1905 more precise", &taft_year, "1905-09-05", R, NONE, ANY },
	{ "1905 in words", &taft_year, "September 5, 1905", R, NONE, ANY },
	{ "1905 late", &taft_year, "1907", W, "2 years late", ANY },
	{ "1905 as 1950", &taft_year, "1950", W, "45 years late", ANY },
	{ "1945", &involvement, "1945", R, NONE, "1945" },
	{ "1945 with a day", &involvement, "August 15, 1945", R, NONE, ANY },
	{ "1945 as 1954", &involvement, "1954", W, "9 years late", ANY },
	{ "1945 as 45", &involvement, "45", U,
	  "not a date: write it like 1 October 1953", ANY },
	{ "1968", &planning_staff, "1968", R, NONE, "1968" },
	{ "1968 as 1986", &planning_staff, "1986", W, "18 years late", ANY },
	{ "1968 with a month", &planning_staff, "January 1968", R, NONE, ANY },
	{ "1971", &field_army, "1971", R, NONE, "1971" },
	{ "1971 as 1917", &field_army, "1917", W, "54 years early", ANY },
	{ "1994", &peacetime, "1994", R, NONE, "1994" },
	{ "1994 as 1949", &peacetime, "1949", W, "45 years early", ANY },
	{ "1994 as 1995", &peacetime, "1995", W, "1 year late", ANY },
	{ "2007", &wartime, "2007", R, NONE, "2007" },
	{ "2007 as 2070", &wartime, "2070", W, "63 years late", ANY },
	{ "2007 as 2006", &wartime, "2006", W, "1 year early", ANY },

	/* the invasion, 1950-06-25 */
	{ "invasion month day", &invasion, "June 25, 1950", R, NONE,
	  "25 June 1950" },
	{ "invasion day month", &invasion, "25 June 1950", R, NONE, ANY },
	{ "invasion numeric", &invasion, "6/25/1950", R, NONE, ANY },
	{ "invasion day-first", &invasion, "25/6/1950", R, NONE, ANY },
	{ "invasion weekday", &invasion, "Sunday, June 25, 1950", R, NONE,
	  ANY },
	{ "invasion month", &invasion, "June 1950", P,
	  "right month; the day was asked", ANY },
	{ "invasion year", &invasion, "1950", P,
	  "right year; the day was asked", ANY },
	{ "invasion day late", &invasion, "1950-06-26", W,
	  "right month, 1 day late", ANY },
	{ "invasion month late", &invasion, "1950-07-25", W,
	  "same year, wrong month (you said July)", ANY },
	{ "invasion armistice year", &invasion, "1953-06-25", W, "3 years late",
	  ANY },

	/* the prisoners' release, 1953-06-18 */
	{ "pow month day", &pow_release, "June 18, 1953", R, NONE,
	  "18 June 1953" },
	{ "pow day month", &pow_release, "18 June 1953", R, NONE, ANY },
	{ "pow numeric", &pow_release, "6/18/1953", R, NONE, ANY },
	{ "pow ten days early", &pow_release, "1953-06-08", W,
	  "right month, 10 days early", ANY },
	{ "pow july", &pow_release, "1953-07-18", W,
	  "same year, wrong month (you said July)", ANY },
	{ "pow month", &pow_release, "June 1953", P,
	  "right month; the day was asked", ANY },

	/* the Agreed Minutes, 1954-11-17 */
	{ "minutes month day", &agreed_minutes, "November 17, 1954", R, NONE,
	  "17 November 1954" },
	{ "minutes short", &agreed_minutes, "17 Nov 1954", R, NONE, ANY },
	{ "minutes numeric", &agreed_minutes, "11/17/1954", R, NONE, ANY },
	{ "minutes day-first", &agreed_minutes, "17/11/1954", R, NONE, ANY },
	{ "minutes month", &agreed_minutes, "1954-11", P,
	  "right month; the day was asked", ANY },
	{ "minutes year early", &agreed_minutes, "1953-11-17", W,
	  "1 year early", ANY },
	{ "minutes days early", &agreed_minutes, "1954-11-07", W,
	  "right month, 10 days early", ANY },

	/* the Combined Forces Command, 1978-10 */
	{ "cfc iso", &cfc, "1978-10", R, NONE, "October 1978" },
	{ "cfc words", &cfc, "October 1978", R, NONE, ANY },
	{ "cfc short", &cfc, "Oct 1978", R, NONE, ANY },
	{ "cfc numeric", &cfc, "10/1978", R, NONE, ANY },
	{ "cfc more precise", &cfc, "1978-10-15", R, NONE, ANY },
	{ "cfc november", &cfc, "November 7, 1978", W,
	  "same year, wrong month (you said November)", ANY },
	{ "cfc year", &cfc, "1978", P, "right year; the month was asked", ANY },
	{ "cfc months late", &cfc, "1979-01", W, "3 months late", ANY },
	{ "cfc year early", &cfc, "1977-10", W, "1 year early", ANY },
	{ "cfc 1987", &cfc, "1987-10", W, "9 years late", ANY },

	/* day and month that read both ways */
	{ "10/1 is not judged either way", &jan10, "10/1/1953", U,
	  "10/1/1953 is ambiguous: write 10 Jan 1953 or 1953-01-10",
	  "10 January 1953" },
	{ "4/3 is not judged", &mar5, "4/3/1953", U,
	  "4/3/1953 is ambiguous: write 4 Mar 1953 or 1953-03-04", ANY },
	{ "10/2 is not judged", &mdt, "10/2/1953", U,
	  "10/2/1953 is ambiguous: write 10 Feb 1953 or 1953-02-10", ANY },
	{ "month-year is not ambiguous", &cfc, "10/1978", R, NONE, ANY },

	/* numbers: 142,901 casualties */
	{ "casualties commas", &casualties, "142,901", R, NONE,
	  "142,901 casualties" },
	{ "casualties plain", &casualties, "142901", R, NONE, ANY },
	{ "casualties spaced", &casualties, "142 901", R, NONE, ANY },
	{ "casualties with unit", &casualties, "142,901 casualties", R, NONE,
	  ANY },
	{ "casualties about", &casualties, "about 142,901", R, NONE, ANY },
	{ "casualties one short", &casualties, "142,900", W,
	  "too low: 142,900 is 1 short", ANY },
	{ "casualties high", &casualties, "150,000", W,
	  "too high: 150,000 is 7,099 more", ANY },
	{ "casualties swapped", &casualties, "142,091", W,
	  "too low: 142,091 is 810 short", ANY },
	{ "casualties decimal point", &casualties, "142.901", W,
	  "wrong scale: 142.901, not 142,901", ANY },
	{ "casualties words", &casualties,
	  "one hundred forty-two thousand nine hundred one", R, NONE, ANY },
	{ "casualties in days", &casualties, "142,901 days", W,
	  "wrong unit: the answer is a number of casualties, not days", ANY },
	{ "casualties not a number", &casualties, "lots", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "powers minus", &great_powers, "-4", W, "too low: -4 is 8 short",
	  ANY },
	{ "powers U+2212", &great_powers,
	  "\xe2\x88\x92"
	  "4",
	  W, "too low: -4 is 8 short", ANY },
	{ "powers minus zero", &great_powers, "-0", W, "too low: 0 is 4 short",
	  ANY },
	{ "powers past a double", &great_powers, "1" ZEROS_400, W,
	  "the number is too large (at most 1000 trillion)", ANY },
	{ "powers 30 digits", &great_powers, "111111111111111111111111111111",
	  W, "the number is too large (at most 1000 trillion)", ANY },
	{ "powers past 1000 trillion", &great_powers,
	  "100000000000000000000000 trillion", W,
	  "the number is too large (at most 1000 trillion)", ANY },
	{ "powers 1001 trillion dollars", &great_powers,
	  "about 1001 trillion powers", W,
	  "the number is too large (at most 1000 trillion)", ANY },
	{ "powers 1000 trillion", &great_powers, "1000 trillion", W,
	  "too high: 1000 trillion is 1000 trillion more", ANY },
	{ "powers long decimals", &great_powers, "4." ZEROS_400 "1", R, NONE,
	  ANY },
	{ "powers tiny", &great_powers, "0." ZEROS_400 "1", W,
	  "too low: 0 is 4 short", ANY },
	{ "powers exponent", &great_powers, "1e400", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "powers hex", &great_powers, "0x10", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "powers inf", &great_powers, "inf", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "powers nan", &great_powers, "nan", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "casualties dollars", &casualties, "$142,901", W,
	  "wrong unit: the answer is a number of casualties, not dollars",
	  ANY },

	/* 33,629 killed in action */
	{ "kia commas", &us_kia, "33,629", R, NONE, "33,629 people" },
	{ "kia plain", &us_kia, "33629", R, NONE, ANY },
	{ "kia words", &us_kia, "thirty-three thousand six hundred twenty-nine",
	  R, NONE, ANY },
	{ "kia words with and", &us_kia,
	  "thirty three thousand six hundred and twenty nine", R, NONE, ANY },
	{ "kia with unit", &us_kia, "33,629 people", R, NONE, ANY },
	{ "kia swapped digits", &us_kia, "33,692", W,
	  "too high: 33,692 is 63 more", ANY },
	{ "kia one digit off", &us_kia, "36,629", W,
	  "too high: 36,629 is 3,000 more", ANY },
	{ "kia rounded", &us_kia, "33 thousand", W,
	  "too low: 33,000 is 629 short", ANY },
	{ "kia all deaths", &us_kia, "54,246", W,
	  "too high: 54,246 is 20,617 more", ANY },

	/* $2.3 billion, within 0.1 billion */
	{ "econ dollars", &econ_aid, "$2.3 billion", R, NONE, "$2.3 billion" },
	{ "econ $2.3B", &econ_aid, "$2.3B", R, NONE, ANY },
	{ "econ no unit", &econ_aid, "2.3 billion", R, NONE, ANY },
	{ "econ in millions", &econ_aid, "2,300 million", R, NONE, ANY },
	{ "econ bn", &econ_aid, "2.3 bn", R, NONE, ANY },
	{ "econ dollars after", &econ_aid, "2.3 billion dollars", R, NONE,
	  ANY },
	{ "econ US$", &econ_aid, "US$2.3 billion", R, NONE, ANY },
	{ "econ words", &econ_aid, "two point three billion", R, NONE, ANY },
	{ "econ top of tolerance", &econ_aid, "$2.4 billion", R, NONE, ANY },
	{ "econ bottom of tolerance", &econ_aid, "2.2 billion", R, NONE, ANY },
	{ "econ inside tolerance", &econ_aid, "$2.35B", R, NONE, ANY },
	{ "econ all digits", &econ_aid, "2,300,000,000", R, NONE, ANY },
	{ "econ about", &econ_aid, "about $2.3 billion", R, NONE, ANY },
	{ "econ low", &econ_aid, "2 billion", W,
	  "too low: 2 billion is 300 million short", ANY },
	{ "econ just outside", &econ_aid, "2.45 billion", W,
	  "too high: 2.45 billion is 150 million more", ANY },
	{ "econ high", &econ_aid, "2.5 billion", W,
	  "too high: 2.5 billion is 200 million more", ANY },
	{ "econ percent", &econ_aid, "2.3%", W,
	  "wrong unit: the answer is in dollars, not a percentage", ANY },
	{ "econ no scale", &econ_aid, "2.3", W,
	  "wrong scale: 2.3, not 2.3 billion", ANY },
	{ "econ millions", &econ_aid, "2.3 million", W,
	  "wrong scale: 2.3 million, not 2.3 billion", ANY },
	{ "econ plural scale", &econ_aid, "2.3 billions", R, NONE, ANY },
	{ "econ USD after", &econ_aid, "2.3 billion USD", R, NONE, ANY },
	{ "econ military figure", &econ_aid, "1.4 billion", W,
	  "too low: 1.4 billion is 900 million short", ANY },

	/* 8% of GNP, within 1 */
	{ "gnp percent", &econ_gnp, "8%", R, NONE, "8%" },
	{ "gnp bare", &econ_gnp, "8", R, NONE, ANY },
	{ "gnp percent word", &econ_gnp, "8 percent", R, NONE, ANY },
	{ "gnp eight percent", &econ_gnp, "eight percent", R, NONE, ANY },
	{ "gnp eight", &econ_gnp, "eight", R, NONE, ANY },
	{ "gnp within tolerance", &econ_gnp, "9%", R, NONE, ANY },
	{ "gnp per cent", &econ_gnp, "7 per cent", R, NONE, ANY },
	{ "gnp roughly", &econ_gnp, "roughly 8%", R, NONE, ANY },
	{ "gnp high", &econ_gnp, "10%", W, "too high: 10 is 2 more", ANY },
	{ "gnp low", &econ_gnp, "6%", W, "too low: 6 is 2 short", ANY },
	{ "gnp dollars", &econ_gnp, "$8", W,
	  "wrong unit: the answer is a percentage, not dollars", ANY },
	{ "gnp dollars word", &econ_gnp, "8 dollars", W,
	  "wrong unit: the answer is a percentage, not dollars", ANY },
	{ "gnp fraction", &econ_gnp, "0.08", W,
	  "write it as a percentage: 0.08 is 8%", "8%" },
	{ "gnp other fraction", &econ_gnp, "0.5", W,
	  "write it as a percentage: 0.5 is 50%", ANY },
	{ "gnp fraction with %", &econ_gnp, "0.08%", W,
	  "too low: 0.08 is 7.92 short", ANY },
	{ "gnp plain figure", &econ_gnp, "8", R, NONE, ANY },
	{ "aid bil", &econ_aid, "1.7 bil", W,
	  "too low: 1.7 billion is 600 million short", ANY },
	{ "aid 2.3 bil", &econ_aid, "2.3 bil", R, NONE, ANY },
	{ "aid $2.3 Bil.", &econ_aid, "$2.3 Bil.", R, NONE, ANY },
	{ "aid bln", &econ_aid, "2.3 bln", R, NONE, ANY },
	{ "aid bn", &econ_aid, "2.3bn", R, NONE, ANY },
	{ "aid b", &econ_aid, "2.3 b", R, NONE, ANY },
	{ "aid mil", &econ_aid, "2,300 mil", R, NONE, ANY },
	{ "aid mln", &econ_aid, "2300 mln", R, NONE, ANY },
	{ "aid mn", &econ_aid, "2300mn", R, NONE, ANY },
	{ "aid m", &econ_aid, "2300 M", R, NONE, ANY },
	{ "aid thousand", &econ_aid, "2,300,000 thousand", R, NONE, ANY },
	{ "aid k", &econ_aid, "2300000k", R, NONE, ANY },
	{ "aid tr", &econ_aid, "0.0023 tr", R, NONE, ANY },
	{ "aid trn", &econ_aid, "0.0023 trn", R, NONE, ANY },
	{ "aid tn", &econ_aid, "0.0023 tn", R, NONE, ANY },
	{ "aid 2.3 mil", &econ_aid, "2.3 mil", W,
	  "wrong scale: 2.3 million, not 2.3 billion", ANY },

	/* more than 30% */
	{ "share percent", &mil_share, "30%", R, NONE, "30%" },
	{ "share more than", &mil_share, "more than 30%", R, NONE, ANY },
	{ "share over", &mil_share, "over 30 percent", R, NONE, ANY },
	{ "share words", &mil_share, "thirty percent", R, NONE, ANY },
	{ "share thirty", &mil_share, "thirty", R, NONE, ANY },
	{ "share 31", &mil_share, "31%", W, "too high: 31 is 1 more", ANY },
	{ "share a third", &mil_share, "a third", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },

	/* $1.4 billion, within 0.1 billion */
	{ "milaid dollars", &mil_aid, "$1.4 billion", R, NONE, "$1.4 billion" },
	{ "milaid B", &mil_aid, "1.4B", R, NONE, ANY },
	{ "milaid millions", &mil_aid, "1,400 million", R, NONE, ANY },
	{ "milaid edge", &mil_aid, "$1.5 billion", R, NONE, ANY },
	{ "milaid high", &mil_aid, "$1.6 billion", W,
	  "too high: 1.6 billion is 200 million more", ANY },
	{ "milaid economic figure", &mil_aid, "$2.3 billion", W,
	  "too high: 2.3 billion is 900 million more", ANY },
	{ "milaid percent", &mil_aid, "1.4%", W,
	  "wrong unit: the answer is in dollars, not a percentage", ANY },

	/* 60 years */
	{ "span bare", &alliance_span, "60", R, NONE, "60 years" },
	{ "span years", &alliance_span, "60 years", R, NONE, ANY },
	{ "span sixty", &alliance_span, "sixty", R, NONE, ANY },
	{ "span sixty years", &alliance_span, "sixty years", R, NONE, ANY },
	{ "span more than", &alliance_span, "more than 60 years", R, NONE,
	  ANY },
	{ "span unknown word", &alliance_span, "60 yrs", R, NONE, ANY },
	{ "span plus", &alliance_span, "60+", R, NONE, ANY },
	{ "span days", &alliance_span, "60 days", W,
	  "wrong unit: the answer is a number of years, not days", ANY },
	{ "span low", &alliance_span, "50", W, "too low: 50 is 10 short", ANY },
	{ "span ten times", &alliance_span, "600", W,
	  "too high: 600 is 540 more", ANY },
	{ "span percent", &alliance_span, "60%", W,
	  "wrong unit: the answer is a number of years, not a percentage",
	  ANY },
	{ "span one year", &alliance_span, "1 year", W,
	  "too low: 1 is 59 short", ANY },

	/* 130 years */
	{ "relations bare", &relations_span, "130", R, NONE, "130 years" },
	{ "relations hundred and thirty", &relations_span,
	  "one hundred and thirty", R, NONE, ANY },
	{ "relations a hundred and thirty", &relations_span,
	  "a hundred and thirty years", R, NONE, ANY },
	{ "relations no and", &relations_span, "one hundred thirty", R, NONE,
	  ANY },
	{ "relations low", &relations_span, "100", W,
	  "too low: 100 is 30 short", ANY },
	{ "relations a hundred", &relations_span, "a hundred", W,
	  "too low: 100 is 30 short", ANY },
	{ "relations months", &relations_span, "130 months", W,
	  "wrong unit: the answer is a number of years, not months", ANY },

	/* 4 great powers, no unit */
	{ "powers digit", &great_powers, "4", R, NONE, "4" },
	{ "powers word", &great_powers, "four", R, NONE, ANY },
	{ "powers with a noun", &great_powers, "four powers", R, NONE, ANY },
	{ "powers high", &great_powers, "5", W, "too high: 5 is 1 more", ANY },
	{ "powers percent", &great_powers, "4%", W,
	  "wrong unit: the answer is a plain number, not a percentage", ANY },
	{ "powers hedge words", &great_powers, "five or six", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "powers hedge digits", &great_powers, "4 or 5", U,
	  "not a number: write it like 142,901 or 2.3 billion", ANY },
	{ "taft to war words", &taft_to_war, "forty-five", R, NONE,
	  "45 years" },
	{ "taft to war misspelt forty", &taft_to_war, "fourty five", R, NONE,
	  ANY },
	{ "taft to war swapped", &taft_to_war, "54", W,
	  "too high: 54 is 9 more", ANY },
	{ "war length words", &war_length, "three years", R, NONE, "3 years" },
	{ "war length empty", &war_length, "", U,
	  "no answer: type one, or :dunno to give up", "3 years" },

	/* names: Syngman Rhee */
	{ "rhee exact", &rhee, "Syngman Rhee", R, NONE, "Syngman Rhee" },
	{ "rhee lower", &rhee, "syngman rhee", R, NONE, ANY },
	{ "rhee upper", &rhee, "SYNGMAN RHEE", R, NONE, ANY },
	{ "rhee spaces", &rhee, "  Syngman   Rhee  ", R, NONE, ANY },
	{ "rhee full stop", &rhee, "Syngman Rhee.", R, NONE, ANY },
	{ "rhee surname", &rhee, "Rhee", R, NONE, "Syngman Rhee" },
	{ "rhee surname lower", &rhee, "rhee", R, NONE, ANY },
	{ "rhee hangul", &rhee, "이승만", R, NONE, "Syngman Rhee" },
	{ "rhee hangul spaced", &rhee, "이 승만", R, NONE, ANY },
	{ "rhee hangul decomposed", &rhee, nd_lee, R, NONE, ANY },
	{ "rhee korean order", &rhee, "Rhee Syngman", R, NONE, ANY },
	{ "rhee romanised", &rhee, "Lee Seung-man", R, NONE, ANY },
	{ "rhee romanised no hyphen", &rhee, "Lee Seungman", R, NONE, ANY },
	{ "rhee rhea refused", &rhee, "Rhea", W,
	  "short answers must be spelled exactly", ANY },
	{ "rhee ree refused", &rhee, "Ree", W,
	  "short answers must be spelled exactly", ANY },
	{ "rhee full name ree", &rhee, "Syngman Ree", C,
	  "close: the spelling is Syngman Rhee", "Syngman Rhee" },
	{ "rhee singman", &rhee, "Singman Rhee", C,
	  "close: the spelling is Syngman Rhee", ANY },
	{ "rhee extra letter", &rhee, "Synghman Rhee", C,
	  "close: the spelling is Syngman Rhee", ANY },
	{ "rhee two slips", &rhee, "Sygman Ree", C,
	  "close: the spelling is Syngman Rhee", ANY },
	{ "rhee hangul one syllable off", &rhee, "이승민", W,
	  "short answers must be spelled exactly", ANY },
	{ "rhee other leader", &rhee, "Kim Il-sung", W, NONE, ANY },
	{ "rhee park", &rhee, "Park Chung-hee", W, NONE, ANY },
	/* a generic last word may be left off, added or changed */
	{ "choson dynasty", &joseon_dynasty, "Choson dynasty", R, NONE,
	  "Joseon Dynasty" },
	{ "choson", &joseon_dynasty, "Choson", R, NONE, ANY },
	{ "joseon without dynasty", &joseon_dynasty, "Joseon", R, NONE, ANY },
	{ "joseon kingdom", &joseon_dynasty, "Joseon Kingdom", R, NONE, ANY },
	{ "the generic word alone", &joseon_dynasty, "Dynasty", W, ANY, ANY },
	{ "a generic word in front is not dropped", &joseon_dynasty,
	  "Dynasty Choson", W, ANY, ANY },
	{ "choson dynasty misspelt", &joseon_dynasty, "Chosen Dynasty", W, ANY,
	  ANY },
	{ "taft-katsura treaty", &taft_katsura, "Taft-Katsura Treaty", R, NONE,
	  ANY },
	{ "mutual defense", &mdt_name, "Mutual Defense", R, NONE, ANY },
	{ "mutual defense pact", &mdt_name, "mutual defense pact", R, NONE,
	  ANY },
	/* an initial for a given name */
	{ "john f. dulles", &dulles_only, "John F. Dulles", R, NONE, ANY },
	{ "john f dulles", &dulles_only, "john f dulles", R, NONE, ANY },
	{ "j. f. dulles", &dulles_only, "J. F. Dulles", R, NONE, ANY },
	{ "j. foster dulles", &dulles_only, "J. Foster Dulles", R, NONE, ANY },
	{ "the surname is not an initial", &dulles_only, "John Foster D.", W,
	  ANY, ANY },
	{ "a wrong initial", &dulles_only, "John X. Dulles", W, ANY, ANY },
	{ "an initial for a missing name", &dulles_only, "J. Dulles", W, ANY,
	  ANY },
	{ "initials against accepted forms", &dulles, "F. Dulles", R, NONE,
	  ANY },
	{ "rhee empty", &rhee, "", U,
	  "no answer: type one, or :dunno to give up", "Syngman Rhee" },
	{ "rhee blank", &rhee, "   ", U,
	  "no answer: type one, or :dunno to give up", ANY },
	{ "rhee punctuation only", &rhee, "?!", U,
	  "no answer: type one, or :dunno to give up", ANY },

	/* Dwight D. Eisenhower */
	{ "ike exact", &ike, "Dwight D. Eisenhower", R, NONE,
	  "Dwight D. Eisenhower" },
	{ "ike no point", &ike, "dwight d eisenhower", R, NONE, ANY },
	{ "ike surname", &ike, "Eisenhower", R, NONE, ANY },
	{ "ike nickname", &ike, "Ike", R, NONE, ANY },
	{ "ike nickname lower", &ike, "ike", R, NONE, ANY },
	{ "ike president", &ike, "President Eisenhower", R, NONE, ANY },
	{ "ike eisenhour", &ike, "Eisenhour", C,
	  "close: the spelling is Eisenhower", "Dwight D. Eisenhower" },
	{ "ike eisenhauer", &ike, "Eisenhauer", C,
	  "close: the spelling is Eisenhower", ANY },
	{ "ike dropped e", &ike, "Eisenhowr", C,
	  "close: the spelling is Eisenhower", ANY },
	{ "ike full name slip", &ike, "Dwight D Eisenhour", C,
	  "close: the spelling is Dwight D. Eisenhower", ANY },
	{ "ike doubled r", &ike, "Eisenhowerr", C,
	  "close: the spelling is Eisenhower", ANY },
	{ "ike eisenstein", &ike, "Eisenstein", W, NONE, ANY },
	{ "ike truman", &ike, "Truman", W, NONE, ANY },
	{ "ike iek refused", &ike, "Iek", W,
	  "short answers must be spelled exactly", ANY },

	/* John Foster Dulles */
	{ "dulles full", &dulles, "John Foster Dulles", R, NONE,
	  "John Foster Dulles" },
	{ "dulles surname", &dulles, "Dulles", R, NONE, ANY },
	{ "dulles lower", &dulles, "dulles", R, NONE, ANY },
	{ "dulles one l", &dulles, "Dules", C, "close: the spelling is Dulles",
	  ANY },
	{ "dulles dullas", &dulles, "John Foster Dullas", C,
	  "close: the spelling is John Foster Dulles", ANY },
	{ "dulles dallas", &dulles, "Dallas", W, NONE, ANY },
	{ "dulles brother", &dulles, "Allen Dulles", W, NONE, ANY },

	/* Douglas MacArthur */
	{ "macarthur full", &macarthur, "Douglas MacArthur", R, NONE,
	  "Douglas MacArthur" },
	{ "macarthur surname", &macarthur, "MacArthur", R, NONE, ANY },
	{ "macarthur spaced", &macarthur, "Mac Arthur", R, NONE, ANY },
	{ "macarthur mc", &macarthur, "McArthur", C,
	  "close: the spelling is MacArthur", ANY },
	{ "macarthur full mc", &macarthur, "Douglas McArthur", C,
	  "close: the spelling is Douglas MacArthur", ANY },
	{ "macarthur arthur", &macarthur, "Arthur", W, NONE, ANY },

	/* Taft-Katsura */
	{ "taft full", &taft_katsura, "Taft-Katsura Agreement", R, NONE,
	  "Taft-Katsura Agreement" },
	{ "taft lower spaced", &taft_katsura, "taft katsura agreement", R, NONE,
	  ANY },
	{ "taft short", &taft_katsura, "Taft-Katsura", R, NONE, ANY },
	{ "taft run together", &taft_katsura, "TaftKatsura", R, NONE, ANY },
	{ "taft reversed", &taft_katsura, "Katsura-Taft Agreement", R, NONE,
	  ANY },
	{ "taft article", &taft_katsura, "the Taft-Katsura Agreement", R, NONE,
	  ANY },
	{ "taft agreemnt", &taft_katsura, "Taft-Katsura Agreemnt", C,
	  "close: the spelling is Taft-Katsura Agreement", ANY },
	{ "taft katsuro", &taft_katsura, "Taft Katsuro", C,
	  "close: the spelling is Taft-Katsura", ANY },
	{ "taft other treaty", &taft_katsura, "Root-Takahira Agreement", W,
	  NONE, ANY },

	/* USS Ticonderoga */
	{ "ship exact", &ship, "USS Ticonderoga", R, NONE, "USS Ticonderoga" },
	{ "ship dotted", &ship, "U.S.S. Ticonderoga", R, NONE, ANY },
	{ "ship lower", &ship, "uss ticonderoga", R, NONE, ANY },
	{ "ship name only", &ship, "Ticonderoga", R, NONE, ANY },
	{ "ship the", &ship, "the Ticonderoga", R, NONE, ANY },
	{ "ship doubled r", &ship, "Ticonderroga", C,
	  "close: the spelling is Ticonderoga", ANY },
	{ "ship uss slip", &ship, "USS Ticonderogo", C,
	  "close: the spelling is USS Ticonderoga", ANY },
	{ "ship other", &ship, "USS Constitution", W, NONE, ANY },

	/* accents and romanisation */
	{ "marti exact", &marti, "José Martí", R, NONE, "José Martí" },
	{ "marti no accents", &marti, "jose marti", R, NONE, ANY },
	{ "marti upper", &marti, "JOSE MARTI", R, NONE, ANY },
	{ "marti decomposed", &marti, "Jose\xcc\x81 Marti\xcc\x81", R, NONE,
	  ANY },
	{ "marti slip", &marti, "Jose Marty", C,
	  "close: the spelling is José Martí", ANY },
	{ "pyeongtaek exact", &pyeongtaek, "Pyeongtaek", R, NONE, ANY },
	{ "pyeongtaek old spelling", &pyeongtaek, "Pyongtaek", C,
	  "close: the spelling is Pyeongtaek", "Pyeongtaek" },
	{ "pyeongtaek hyphen", &pyeongtaek, "pyeong-taek", R, NONE, ANY },
	{ "pyeongtaek swapped", &pyeongtaek, "Pyeongteak", C,
	  "close: the spelling is Pyeongtaek", ANY },
	{ "pyeongtaek osan", &pyeongtaek, "Osan", W, NONE, ANY },

	/* North and South */
	{ "dprk north korea", &dprk, "North Korea", R, NONE, "North Korea" },
	{ "dprk full name", &dprk, "Democratic People's Republic of Korea", R,
	  NONE, "North Korea" },
	{ "dprk hyphen", &dprk, "north-korea", R, NONE, ANY },
	{ "dprk no apostrophe", &dprk, "Democratic Peoples Republic of Korea",
	  R, NONE, ANY },
	{ "dprk hangul", &dprk, "조선민주주의인민공화국", R, NONE, ANY },
	{ "dprk hangul one syllable off", &dprk, "조선민주주의인민공하국", C,
	  "close: the spelling is 조선민주주의인민공화국", ANY },
	{ "dprk hangul spaced", &dprk, "조선 민주주의 인민 공화국", R, NONE,
	  ANY },
	{ "dprk south is not close", &dprk, "South Korea", W, NONE, ANY },
	{ "dprk nroth", &dprk, "Nroth Korea", C,
	  "close: the spelling is North Korea", ANY },
	{ "rok hangul", &rok, "대한민국", R, NONE, "South Korea" },
	{ "rok hanguk", &rok, "한국", R, NONE, ANY },
	{ "rok article", &rok, "the Republic of Korea", R, NONE, ANY },
	{ "rok north is not close", &rok, "North Korea", W, NONE, ANY },
	{ "rok corea: a first letter differs", &rok, "Republic of Corea", W,
	  NONE, ANY },
	{ "joseon breve", &joseon, "Chosŏn", R, NONE, "Joseon" },
	{ "joseon plain", &joseon, "choson", R, NONE, ANY },
	{ "joseon hangul", &joseon, "조선", R, NONE, ANY },
	{ "joseon yi dynasty", &joseon, "Yi dynasty", R, NONE, "Joseon" },
	{ "joseon dynasty", &joseon, "Joseon dynasty", R, NONE, ANY },
	{ "joseon slip", &joseon, "Josen", C, "close: the spelling is Joseon",
	  ANY },
	{ "joseon goryeo", &joseon, "Goryeo", W, NONE, ANY },
	{ "mdt british spelling", &mdt_name, "Mutual Defence Treaty", C,
	  "close: the spelling is Mutual Defense Treaty", ANY },
	{ "mdt name article", &mdt_name, "the mutual defense treaty", R, NONE,
	  ANY },
	{ "mdt name other", &mdt_name, "Mutual Security Treaty", W, NONE, ANY },
	{ "usfk", &usfk, "USFK", R, NONE, "USFK" },
	{ "usfk lower", &usfk, "usfk", R, NONE, ANY },
	{ "usfk dotted", &usfk, "U.S.F.K.", R, NONE, ANY },
	{ "usfk one letter", &usfk, "USFC", W,
	  "short answers must be spelled exactly", ANY },
	{ "usfk swapped", &usfk, "USKF", W,
	  "short answers must be spelled exactly", ANY },

	/* cloze gaps */
	{ "gap year", &gap_year, "1953", R, NONE, "1953" },
	{ "gap year 1935", &gap_year, "1935", W, "numbers must be exact", ANY },
	{ "gap year 1954", &gap_year, "1954", W, "numbers must be exact", ANY },
	{ "gap lynchpin", &gap_lynchpin, "lynchpin", R, NONE, "lynchpin" },
	{ "gap linchpin", &gap_lynchpin, "linchpin", R, NONE, ANY },
	{ "gap lynch-pin", &gap_lynchpin, "Lynch-pin", R, NONE, ANY },
	{ "gap lynchpen", &gap_lynchpin, "lynchpen", C,
	  "close: the spelling is lynchpin", ANY },
	{ "gap keystone", &gap_lynchpin, "keystone", W, NONE, ANY },
	{ "gap northeast", &gap_nea, "Northeast Asia", R, NONE,
	  "Northeast Asia" },
	{ "gap north east", &gap_nea, "north east asia", R, NONE, ANY },
	{ "gap ne asia", &gap_nea, "NE Asia", R, NONE, ANY },
	{ "gap southeast is not close", &gap_nea, "Southeast Asia", W, NONE,
	  ANY },
	{ "gap aisa", &gap_nea, "Northeast Aisa", C,
	  "close: the spelling is Northeast Asia", ANY },
	{ "gap g20", &gap_g20, "G20", R, NONE, "G-20" },
	{ "gap g-20", &gap_g20, "g-20", R, NONE, ANY },
	{ "gap g 20", &gap_g20, "G 20", R, NONE, ANY },
	{ "gap g21", &gap_g20, "G21", W, "numbers must be exact", ANY },
	{ "gap group of twenty", &gap_g20, "group of twenty", R, NONE, ANY },
	{ "gap anticommunist", &gap_anti, "anticommunist", R, NONE, ANY },
	{ "gap anti communist", &gap_anti, "anti communist", R, NONE, ANY },
	{ "gap anti-comunist", &gap_anti, "anti-comunist", C,
	  "close: the spelling is anti-communist", ANY },
	{ "gap blood alliance", &gap_blood, "blood alliance", R, NONE, ANY },
	{ "gap aliance", &gap_blood, "Blood Aliance", C,
	  "close: the spelling is Blood Alliance", ANY },
	{ "gap empty", &gap_blood, "", U,
	  "no answer: type one, or :dunno to give up", "Blood Alliance" },

	/* choices: 1. Florida 2. Idaho 3. Rhode Island 4. Texas 5. Ohio */
	{ "idaho number", &idaho, "2", R, NONE, "2. Idaho" },
	{ "idaho letter", &idaho, "b", R, NONE, "2. Idaho" },
	{ "idaho capital letter", &idaho, "B", R, NONE, ANY },
	{ "idaho (b)", &idaho, "(b)", R, NONE, ANY },
	{ "idaho b)", &idaho, "b)", R, NONE, ANY },
	{ "idaho 2.", &idaho, "2.", R, NONE, ANY },
	{ "idaho text", &idaho, "Idaho", R, NONE, ANY },
	{ "idaho lower", &idaho, "idaho", R, NONE, ANY },
	{ "idaho upper", &idaho, "IDAHO", R, NONE, ANY },
	{ "idaho misspelt", &idaho, "Idaoh", C, "close: the spelling is Idaho",
	  "2. Idaho" },
	{ "idaho wrong number", &idaho, "1", W, "you chose 1. Florida", ANY },
	{ "idaho wrong letter", &idaho, "a", W, "you chose 1. Florida", ANY },
	{ "idaho wrong text", &idaho, "Texas", W, "you chose 4. Texas", ANY },
	{ "idaho two words", &idaho, "rhode island", W,
	  "you chose 3. Rhode Island", ANY },
	{ "idaho number too big", &idaho, "6", U, "there are only 5 choices",
	  ANY },
	{ "idaho zero", &idaho, "0", U, "there are only 5 choices", ANY },
	{ "idaho letter too far", &idaho, "f", U, "there are only 5 choices",
	  ANY },
	{ "idaho z", &idaho, "z", U, "there are only 5 choices", ANY },
	{ "idaho not a choice", &idaho, "Iowa", U,
	  "not one of the choices: type 1-5 or a choice's text", ANY },
	{ "idaho empty", &idaho, "", U,
	  "no answer: type one, or :dunno to give up", "2. Idaho" },
	{ "idaho short text", &idaho, "Ohi", U,
	  "not one of the choices: type 1-5 or a choice's text", ANY },
	{ "idaho misspelt wrong choice", &idaho, "Texsa", W,
	  "you chose 4. Texas", ANY },

	/* 1. MacArthur 2. Dulles 3. Acheson 4. Marshall */
	{ "negotiator number", &negotiator, "2", R, NONE,
	  "2. John Foster Dulles" },
	{ "negotiator letter", &negotiator, "b", R, NONE, ANY },
	{ "negotiator text", &negotiator, "John Foster Dulles", R, NONE, ANY },
	{ "negotiator lower", &negotiator, "john foster dulles", R, NONE, ANY },
	{ "negotiator misspelt", &negotiator, "John Foster Dullas", C,
	  "close: the spelling is John Foster Dulles", ANY },
	{ "negotiator first", &negotiator, "1", W,
	  "you chose 1. Douglas MacArthur", ANY },
	{ "negotiator d", &negotiator, "d", W, "you chose 4. George Marshall",
	  ANY },
	{ "negotiator 5", &negotiator, "5", U, "there are only 4 choices",
	  ANY },
	{ "negotiator e", &negotiator, "e", U, "there are only 4 choices",
	  ANY },
	{ "negotiator surname only", &negotiator, "Dulles", U,
	  "not one of the choices: type 1-4 or a choice's text", ANY },
	{ "decade number", &decade, "4", R, NONE, "4. 1980s" },
	{ "decade text", &decade, "1980s", R, NONE, ANY },
	{ "decade apostrophe", &decade, "1980's", R, NONE, ANY },
	{ "decade wrong", &decade, "1970s", W, "you chose 3. 1970s", ANY },
	{ "decade year", &decade, "1980", U, "there are only 5 choices", ANY },
	{ "decade digits slip", &decade, "1908s", U,
	  "not one of the choices: type 1-5 or a choice's text", ANY },
	{ "year choice number", &year_choice, "2", R, NONE, "2. 1953" },
	{ "year choice text", &year_choice, "1953", R, NONE, ANY },
	{ "year choice wrong text", &year_choice, "1950", W,
	  "you chose 3. 1950", ANY },
	{ "year choice 1935", &year_choice, "1935", U,
	  "there are only 4 choices", ANY },
	{ "similar philippines", &not_similar, "Philippines", W,
	  "you chose 4. the Philippines", ANY },
	{ "similar taiwan", &not_similar, "taiwan", R, NONE, "1. Taiwan" },
	{ "similar tiawan", &not_similar, "Tiawan", C,
	  "close: the spelling is Taiwan", ANY },
	{ "similar thialand", &not_similar, "Thialand", W,
	  "you chose 3. Thailand", ANY },
	{ "twins exact", &twins, "mutual defense treaty", R, NONE,
	  "1. Mutual Defense Treaty" },
	{ "twins the other", &twins, "Mutual Defence Treaty", W,
	  "you chose 2. Mutual Defence Treaty", ANY },
	{ "twins between", &twins, "Mutual Defenze Treaty", U,
	  "not one of the choices: type 1-3 or a choice's text", ANY },

	/* order: right is 3 1 2 4 */
	{ "order spaces", &agreements, "3 1 2 4", R, NONE, "3 1 2 4" },
	{ "order commas", &agreements, "3,1,2,4", R, NONE, ANY },
	{ "order run together", &agreements, "3124", R, NONE, ANY },
	{ "order comma space", &agreements, "3, 1, 2, 4", R, NONE, ANY },
	{ "order padded", &agreements, " 3 1 2 4 ", R, NONE, ANY },
	{ "order dashes", &agreements, "3-1-2-4", R, NONE, ANY },
	{ "order arrows", &agreements, "3 > 1 > 2 > 4", R, NONE, ANY },
	{ "order first two swapped", &agreements, "1 3 2 4", P,
	  "2 of 4 in place", "3 1 2 4" },
	{ "order middle swapped", &agreements, "3 2 1 4", P, "2 of 4 in place",
	  ANY },
	{ "order one moved", &agreements, "1 2 3 4", P,
	  "one item is out of place", ANY },
	{ "order half in place", &agreements, "4 1 2 3", P, "2 of 4 in place",
	  ANY },
	{ "order none in place", &agreements, "4 2 1 3", W, "0 of 4 in place",
	  ANY },
	{ "order none in place 2", &agreements, "2 4 3 1", W, "0 of 4 in place",
	  ANY },
	{ "order too few", &agreements, "3 1 2", U,
	  "give each number 1 to 4 once", ANY },
	{ "order too many", &agreements, "3 1 2 4 4", U,
	  "give each number 1 to 4 once", ANY },
	{ "order duplicate", &agreements, "3 1 1 4", U,
	  "give each number 1 to 4 once", ANY },
	{ "order out of range", &agreements, "3 1 2 5", U,
	  "give each number 1 to 4 once", ANY },
	{ "order zero", &agreements, "3 1 2 0", U,
	  "give each number 1 to 4 once", ANY },
	{ "order letters", &agreements, "a b c d", U,
	  "give each number 1 to 4 once", ANY },
	{ "order glued pair", &agreements, "31 2 4", U,
	  "give each number 1 to 4 once", ANY },
	{ "order points", &agreements, "3. 1. 2. 4.", R, NONE, ANY },
	{ "order empty", &agreements, "", U,
	  "no answer: type one, or :dunno to give up", "3 1 2 4" },

	/* right is 2 6 4 7 1 5 3 */
	{ "chronology right", &chronology, "2 6 4 7 1 5 3", R, NONE,
	  "2 6 4 7 1 5 3" },
	{ "chronology run together", &chronology, "2647153", R, NONE, ANY },
	{ "chronology commas", &chronology, "2,6,4,7,1,5,3", R, NONE, ANY },
	{ "chronology last two", &chronology, "2 6 4 7 1 3 5", P,
	  "5 of 7 in place", ANY },
	{ "chronology first two", &chronology, "6 2 4 7 1 5 3", P,
	  "5 of 7 in place", ANY },
	{ "chronology one moved", &chronology, "2 4 7 1 5 3 6", P,
	  "one item is out of place", ANY },
	{ "chronology as shown", &chronology, "1 2 3 4 5 6 7", W,
	  "0 of 7 in place", ANY },
	{ "chronology one missing", &chronology, "2 6 4 7 1 5", U,
	  "give each number 1 to 7 once", ANY },
	{ "chronology 8", &chronology, "2 6 4 7 1 5 8", U,
	  "give each number 1 to 7 once", ANY },
	{ "three right", &three, "1 2 3", R, NONE, "1 2 3" },
	{ "three run together", &three, "123", R, NONE, ANY },
	{ "three swapped", &three, "2 1 3", W, "1 of 3 in place", ANY },
	{ "three reversed", &three, "3 2 1", W, "1 of 3 in place", ANY },
	{ "twelve right", &twelve, "1 2 3 4 5 6 7 8 9 10 11 12", R, NONE,
	  "1 2 3 4 5 6 7 8 9 10 11 12" },
	{ "twelve cannot run together", &twelve, "123456789101112", U,
	  "give each number 1 to 12 once", ANY },
	{ "twelve last swapped", &twelve, "1 2 3 4 5 6 7 8 9 10 12 11", P,
	  "10 of 12 in place", ANY },
	{ "integration right", &integration, "5 4 3 2 1", R, NONE,
	  "5 4 3 2 1" },
	{ "integration last swapped", &integration, "5 4 3 1 2", P,
	  "3 of 5 in place", ANY },
	{ "integration muddled", &integration, "5 3 4 1 2", W,
	  "1 of 5 in place", ANY },
};

static void
test_table(void **state)
{
	size_t failures = 0, n = sizeof(rows) / sizeof(rows[0]);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		const struct row *t = &rows[i];
		struct card c;
		struct answer_result r;
		struct answer_view view = { t->card->shown, t->card->nshown };
		int rc;

		build_card(t->card, &c);
		rc = answer_check(&c, t->typed, &view, &r);
		if (rc != 0) {
			print_error("row '%s': answer_check returned %d\n",
			            t->name, rc);
			failures++;
			free_card(&c);
			continue;
		}
		if ((t->verdict == U) != (r.unreadable != 0) ||
		    (t->verdict != U && r.verdict != t->verdict) ||
		    (t->verdict == U && r.verdict != W)) {
			print_error(
			    "row '%s': typed '%s': verdict %s%s, want "
			    "%s (explain '%s')\n",
			    t->name, t->typed, answer_verdict_name(r.verdict),
			    r.unreadable ? " (unreadable)" : "",
			    t->verdict == U ? "unreadable"
			                    : answer_verdict_name(t->verdict),
			    r.explain ? r.explain : "(null)");
			failures++;
		}
		if (t->explain == NONE && r.explain != NULL) {
			print_error("row '%s': typed '%s': explain '%s', want "
			            "none\n",
			            t->name, t->typed, r.explain);
			failures++;
		} else if (t->explain != NONE && t->explain != NULL &&
		           (r.explain == NULL ||
		            strcmp(r.explain, t->explain) != 0)) {
			print_error("row '%s': typed '%s': explain '%s', want "
			            "'%s'\n",
			            t->name, t->typed,
			            r.explain ? r.explain : "(null)",
			            t->explain);
			failures++;
		}
		if (r.expected == NULL ||
		    (t->expected && strcmp(r.expected, t->expected) != 0)) {
			print_error("row '%s': expected '%s', want '%s'\n",
			            t->name, r.expected ? r.expected : "(null)",
			            t->expected ? t->expected : "(any)");
			failures++;
		}
		answer_result_release(&r);
		free_card(&c);
	}
	print_message("%zu rows, %zu failures\n", n, failures);
	assert_int_equal(failures, 0);
}

/* ---- Diff, ratings, impossible cards ------------------------------------ */

/* The diff written as one string: =same -missing +extra, '|' between. */
static char *
diff_string(const struct answer_result *r)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < r->ndiff; i++)
		strbuf_addf(&sb, "%s%c%s", i ? "|" : "", "=-+"[r->diff[i].kind],
		            r -> diff[i].text);
	return strbuf_detach(&sb);
}

static void
check_diff(const struct tcard *tc, const char *typed, const char *want)
{
	struct card c;
	struct answer_result r;
	char *got;

	build_card(tc, &c);
	assert_int_equal(answer_check(&c, typed, NULL, &r), 0);
	got = diff_string(&r);
	if (strcmp(got, want) != 0)
		print_error("diff of '%s': '%s', want '%s'\n", typed, got,
		            want);
	assert_string_equal(got, want);
	free(got);
	answer_result_release(&r);
	free_card(&c);
}

static void
test_diff(void **state)
{
	(void)state;
	check_diff(&rhee, "Syngman Rhee", "=Syngman Rhee");
	check_diff(&rhee, "syngman rhee", "=Syngman Rhee");
	check_diff(&rhee, "Singman Rhee", "=S|+i|-y|=ngman Rhee");
	check_diff(&rhee, "Rhea", "=Rhe|+a|-e");
	check_diff(&ike, "Eisenhour", "=Eisenho|+u|-we|=r");
	check_diff(&marti, "jose marti", "=José Martí");
	check_diff(&rhee, "이승민", "=이승|+민|-만");
	check_diff(&ship, "U.S.S. Ticonderoga",
	           "=U|+.|=S|+.|=S|+.|= Ticonderoga");
	check_diff(&rhee, "", "");
	check_diff(&mdt, "1953", "");
	check_diff(&idaho, "Idaoh", "=Ida|+o|=h|-o");
	check_diff(&idaho, "2", "");
	/* invalid UTF-8 is read as U+FFFD, never passed on */
	check_diff(&usfk, "US\xff", "=US|+\xef\xbf\xbd|-FK");
	/* the same characters also as typed, to show the answer exactly */
	{
		struct diff_seg *segs;
		size_t n;

		diff_text("syngmun jose", "Syngman José", &segs, &n);
		assert_int_equal(n, 4);
		assert_string_equal(segs[0].typed, "syngm");
		assert_string_equal(segs[0].text, "Syngm");
		assert_null(segs[1].typed);
		assert_string_equal(segs[3].typed, "n jose");
		assert_string_equal(segs[3].text, "n José");
		diff_free(segs, n);
	}
}

static void
test_rating(void **state)
{
	(void)state;
	assert_int_equal(answer_suggested_rating(VERDICT_WRONG, 0), 1);
	assert_int_equal(answer_suggested_rating(VERDICT_WRONG, 1), 1);
	assert_int_equal(answer_suggested_rating(VERDICT_PARTIAL, 0), 2);
	assert_int_equal(answer_suggested_rating(VERDICT_CLOSE, 0), 2);
	assert_int_equal(answer_suggested_rating(VERDICT_CLOSE, 1), 2);
	assert_int_equal(answer_suggested_rating(VERDICT_RIGHT, 0), 3);
	assert_int_equal(answer_suggested_rating(VERDICT_RIGHT, 1), 2);
	assert_string_equal(answer_verdict_name(VERDICT_WRONG), "wrong");
	assert_string_equal(answer_verdict_name(VERDICT_PARTIAL), "partial");
	assert_string_equal(answer_verdict_name(VERDICT_CLOSE), "close");
	assert_string_equal(answer_verdict_name(VERDICT_RIGHT), "right");
	answer_result_release(NULL);
}

static void
expect_impossible(const struct tcard *tc, const int *shown, size_t nshown)
{
	struct card c;
	struct answer_result r;
	struct answer_view view = { shown, nshown };

	build_card(tc, &c);
	assert_int_equal(answer_check(&c, "1", &view, &r), -1);
	assert_null(r.expected);
	assert_null(r.explain);
	assert_int_equal(r.ndiff, 0);
	answer_result_release(&r);
	free_card(&c);
}

static void
test_impossible(void **state)
{
	static const struct tcard no_answer = {
		.type = CARD_CHOICE, .a = "Guam", .options = { "Idaho", "Ohio" }
	};
	static const struct tcard no_items = { .type = CARD_ORDER };
	static const struct tcard text_no_a = { .type = CARD_TEXT };
	static const struct tcard bad_date = DATE_CARD(0, 0, 0);
	static const int dup[] = { 0, 0, 1, 2 };
	static const int out_of_range[] = { 0, 1, 2, 7 };
	static const int short_view[] = { 0, 1, 2 };
	static const int without_right[] = { 1, 2, 3, 4 };

	(void)state;
	expect_impossible(&no_answer, NULL, 0);
	expect_impossible(&no_items, NULL, 0);
	expect_impossible(&text_no_a, NULL, 0);
	expect_impossible(&bad_date, NULL, 0);
	expect_impossible(&agreements, dup, 4);
	expect_impossible(&agreements, out_of_range, 4);
	expect_impossible(&agreements, short_view, 3);
	expect_impossible(&idaho, without_right, 4);
	expect_impossible(&idaho, dup, 4);
}

/* ---- The parsers on their own ------------------------------------------- */

static void
test_date_text(void **state)
{
	static const struct {
		const char *in;
		int n;
		struct date d0, d1;
	} ok[] = {
		{ "1953-10-01", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "1953-10", 1, { 1953, 10, 0 }, { 0, 0, 0 } },
		{ "1953", 1, { 1953, 0, 0 }, { 0, 0, 0 } },
		{ " 1953 ", 1, { 1953, 0, 0 }, { 0, 0, 0 } },
		{ "1953-1-5", 1, { 1953, 1, 5 }, { 0, 0, 0 } },
		{ "October 1, 1953", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "Oct. 1st, 1953", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "1st of October 1953", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "Sept 3rd 1953", 1, { 1953, 9, 3 }, { 0, 0, 0 } },
		{ "sep 22nd 1953", 1, { 1953, 9, 22 }, { 0, 0, 0 } },
		{ "MAY 1882", 1, { 1882, 5, 0 }, { 0, 0, 0 } },
		{ "1882, May", 1, { 1882, 5, 0 }, { 0, 0, 0 } },
		{ "10/1/1953", 2, { 1953, 10, 1 }, { 1953, 1, 10 } },
		{ "1/10/1953", 2, { 1953, 1, 10 }, { 1953, 10, 1 } },
		{ "5/5/1953", 1, { 1953, 5, 5 }, { 0, 0, 0 } },
		{ "7/27/1953", 1, { 1953, 7, 27 }, { 0, 0, 0 } },
		{ "27/7/1953", 1, { 1953, 7, 27 }, { 0, 0, 0 } },
		{ "10/1953", 1, { 1953, 10, 0 }, { 0, 0, 0 } },
		{ "1953.10.01", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "1953년 10월 1일", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "1953년10월", 1, { 1953, 10, 0 }, { 0, 0, 0 } },
		{ "1953年10月1日", 1, { 1953, 10, 1 }, { 0, 0, 0 } },
		{ "29 February 2000", 1, { 2000, 2, 29 }, { 0, 0, 0 } },
		{ "AD 476", 1, { 476, 0, 0 }, { 0, 0, 0 } },
	};
	static const struct {
		const char *in, *why;
	} bad[] = {
		{ "", "write it like 1 October 1953" },
		{ "soon", "write it like 1 October 1953" },
		{ "53", "write it like 1 October 1953" },
		{ "October 1", "the year is missing" },
		{ "1 Oct", "the year is missing" },
		{ "October", "the year is missing" },
		{ "29 February 1953", "February 1953 has 28 days" },
		{ "2/30/1953", "February 1953 has 28 days" },
		{ "1953-02-30", "February 1953 has 28 days" },
		{ "0 October 1953", "there is no day 0" },
		{ "0/0/1953", "there is no day 0" },
		{ "1953-13", "there is no month 13" },
		{ "13/1953", "there is no month 13" },
		{ "1953년 13월", "there is no month 13" },
		{ "14/13/1953", "neither 14 nor 13 is a month" },
		{ "10/1/53", "write it like 1 October 1953" },
		{ "1953-10/01", "write it like 1 October 1953" },
		{ "October 1 1953 1954", "write it like 1 October 1953" },
		{ "12345", "a number in a date has at most 4 digits (years go "
		           "up to 9999)" },
		{ "-1953", "a date has no minus sign; write it like 1 October "
		           "1953" },
		{ "/1953", "write it like 1 October 1953" },
		{ ".1953", "write it like 1 October 1953" },
		{ "1 2 1953", "write it like 1 October 1953" },
		{ "Octember 1953", "write it like 1 October 1953" },
		{ "1953\xff", "write it like 1 October 1953" },
	};
	char why[120];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct date d[2];
		int n = date_parse_text(ok[i].in, d, why, sizeof(why));

		if (n != ok[i].n)
			print_error("'%s': %d readings (%s)\n", ok[i].in, n,
			            why);
		assert_int_equal(n, ok[i].n);
		assert_memory_equal(&d[0], &ok[i].d0, sizeof(d[0]));
		if (n == 2)
			assert_memory_equal(&d[1], &ok[i].d1, sizeof(d[1]));
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct date d[2];

		if (date_parse_text(bad[i].in, d, why, sizeof(why)) != -1)
			print_error("'%s' parsed\n", bad[i].in);
		assert_int_equal(
		    date_parse_text(bad[i].in, d, why, sizeof(why)), -1);
		if (strcmp(why, bad[i].why) != 0)
			print_error("'%s': '%s'\n", bad[i].in, why);
		assert_string_equal(why, bad[i].why);
	}
}

static void
test_date_words(void **state)
{
	static const struct date d1 = { 1953, 10, 1 }, d2 = { 1978, 10, 0 },
	                         d3 = { 1905, 0, 0 }, a = { 1, 1, 1 },
	                         b = { 1, 3, 1 }, c = { 2000, 3, 1 };
	char buf[64];

	(void)state;
	date_format_words(&d1, buf, sizeof(buf));
	assert_string_equal(buf, "1 October 1953");
	date_format_words(&d2, buf, sizeof(buf));
	assert_string_equal(buf, "October 1978");
	date_format_words(&d3, buf, sizeof(buf));
	assert_string_equal(buf, "1905");
	assert_int_equal(date_day_number(&a), 0);
	assert_int_equal(date_day_number(&b), 59);
	/* 2000-03-01 is 11017 days after 1970-01-01, day 719162 */
	assert_int_equal(date_day_number(&c), 719162 + 11017);
	/* from the armistice to the treaty */
	assert_int_equal(date_day_number(&d1) -
	                     date_day_number(&(struct date){ 1953, 7, 27 }),
	                 66);
}

static void
test_number_words(void **state)
{
	static const struct {
		const char *in;
		double v;
		enum number_unit unit;
	} ok[] = {
		{ "four", 4, NUMBER_PLAIN },
		{ "zero", 0, NUMBER_PLAIN },
		{ "Sixty", 60, NUMBER_PLAIN },
		{ "thirty", 30, NUMBER_PLAIN },
		{ "forty-five", 45, NUMBER_PLAIN },
		{ "a hundred", 100, NUMBER_PLAIN },
		{ "hundred", 100, NUMBER_PLAIN },
		{ "one hundred and thirty", 130, NUMBER_PLAIN },
		{ "a hundred and thirty", 130, NUMBER_PLAIN },
		{ "nineteen hundred", 1900, NUMBER_PLAIN },
		{ "thirty-three thousand six hundred twenty-nine", 33629,
		  NUMBER_PLAIN },
		{ "one hundred forty-two thousand, nine hundred and one",
		  142901, NUMBER_PLAIN },
		{ "a thousand", 1000, NUMBER_PLAIN },
		{ "two million three hundred thousand", 2.3e6, NUMBER_PLAIN },
		{ "two point three billion", 2.3e9, NUMBER_PLAIN },
		{ "one point four billion dollars", 1.4e9, NUMBER_DOLLARS },
		{ "$ two billion", 2e9, NUMBER_DOLLARS },
		{ "eight percent", 8, NUMBER_PERCENT },
		{ "eight per cent", 8, NUMBER_PERCENT },
		{ "thirty %", 30, NUMBER_PERCENT },
		{ "EIGHT PERCENT", 8, NUMBER_PERCENT },
		{ "fourty", 40, NUMBER_PLAIN },
		{ "twelve", 12, NUMBER_PLAIN },
	};
	static const struct {
		const char *in, *why;
	} bad[] = {
		{ "", "expected a number" },
		{ "lots", "'lots' is not a number word" },
		{ "twenty thirty", "'thirty' cannot come after 'twenty'" },
		{ "five twenty", "'twenty' cannot come after 'five'" },
		{ "nineteen fifty-three",
		  "'fifty' cannot come after 'nineteen'" },
		{ "fifteen five", "'five' cannot come after 'fifteen'" },
		{ "one thousand thousand",
		  "'thousand' cannot come after 'thousand'" },
		{ "two hundred hundred",
		  "'hundred' cannot come after 'hundred'" },
		{ "a", "expected a number" },
		{ "and five", "'and' cannot come first" },
		{ "five and", "expected a number" },
		{ "percent", "'percent' cannot come first" },
		{ "eight percent more", "unexpected 'more' after the number" },
		{ "zero five", "'five' cannot come after 'zero'" },
		{ "two point", "expected a number" },
		{ "142", "'142' is not a number word" },
		{ "eight per", "'per' is not a number word" },
		{ "five dollars percent",
		  "unexpected 'percent' after the number" },
	};
	char why[120];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct number n;

		if (number_parse_words(ok[i].in, &n, why, sizeof(why)) != 0)
			print_error("'%s': %s\n", ok[i].in, why);
		assert_int_equal(
		    number_parse_words(ok[i].in, &n, why, sizeof(why)), 0);
		if (n.value != ok[i].v)
			print_error("'%s': %f\n", ok[i].in, n.value);
		assert_true(n.value > ok[i].v - 1e-6 &&
		            n.value < ok[i].v + 1e-6);
		assert_int_equal(n.unit, ok[i].unit);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct number n;

		assert_int_equal(
		    number_parse_words(bad[i].in, &n, why, sizeof(why)), -1);
		if (strcmp(why, bad[i].why) != 0)
			print_error("'%s': '%s'\n", bad[i].in, why);
		assert_string_equal(why, bad[i].why);
	}
}

/* A megabyte of digits is too large, read in one pass, for a number card
 * and for a date card. */
static void
test_huge_answers(void **state)
{
	size_t n = 1 << 20;
	char *typed = malloc(n + 1);
	struct card c;
	struct answer_result r;

	(void)state;
	memset(typed, '9', n);
	typed[n] = '\0';
	build_card(&great_powers, &c);
	assert_int_equal(answer_check(&c, typed, NULL, &r), 0);
	assert_int_equal(r.verdict, VERDICT_WRONG);
	assert_string_equal(r.explain,
	                    "the number is too large (at most 1000 trillion)");
	answer_result_release(&r);
	typed[0] = '0';
	typed[1] = '.';
	assert_int_equal(answer_check(&c, typed, NULL, &r), 0);
	assert_string_equal(r.explain, "too low: 1 is 3 short");
	answer_result_release(&r);
	free_card(&c);
	typed[0] = typed[1] = '9';
	build_card(&mdt, &c);
	assert_int_equal(answer_check(&c, typed, NULL, &r), 0);
	assert_int_equal(r.verdict, VERDICT_WRONG);
	assert_string_equal(r.explain,
	                    "not a date: a number in a date has at most 4 "
	                    "digits (years go up to 9999)");
	answer_result_release(&r);
	free_card(&c);
	free(typed);
}

static void
test_number_answer(void **state)
{
	static const struct {
		const char *in;
		double v;
		enum number_unit unit;
		const char *rest;
	} ok[] = {
		{ "142,901", 142901, NUMBER_PLAIN, "" },
		{ "about 142,901 casualties", 142901, NUMBER_PLAIN,
		  "casualties" },
		{ "more than 60 years", 60, NUMBER_PLAIN, "years" },
		{ "60+", 60, NUMBER_PLAIN, "" },
		{ "~ 8 per cent", 8, NUMBER_PERCENT, "" },
		{ "US$2.3 billion", 2.3e9, NUMBER_DOLLARS, "" },
		{ "USD 1.4 bn", 1.4e9, NUMBER_DOLLARS, "" },
		{ "2.3 billions", 2.3e9, NUMBER_PLAIN, "" },
		{ "2.3 billion US dollars", 2.3e9, NUMBER_DOLLARS, "US" },
		{ "sixty years old", 60, NUMBER_PLAIN, "years old" },
		{ "eight percent", 8, NUMBER_PERCENT, "" },
		{ "4 great powers", 4, NUMBER_PLAIN, "great powers" },
	};
	static const char *const bad[] = {
		"",
		"lots",
		"5 or 6",
		"five to six",
		"$5%",
		"$5 percent",
		"5 dollars percent",
		"about",
		"60 years 70",
		"1 2",
	};
	char rest[64];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct number n;

		if (number_parse_answer(ok[i].in, &n, rest, sizeof(rest)) != 0)
			print_error("'%s' did not parse\n", ok[i].in);
		assert_int_equal(
		    number_parse_answer(ok[i].in, &n, rest, sizeof(rest)), 0);
		assert_true(n.value > ok[i].v - 1e-6 &&
		            n.value < ok[i].v + 1e-6);
		assert_int_equal(n.unit, ok[i].unit);
		assert_string_equal(rest, ok[i].rest);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct number n;

		if (number_parse_answer(bad[i], &n, NULL, 0) != -1)
			print_error("'%s' parsed\n", bad[i]);
		assert_int_equal(number_parse_answer(bad[i], &n, NULL, 0), -1);
	}
	assert_int_equal(number_unit_word("Dollars"), NUMBER_DOLLARS);
	assert_int_equal(number_unit_word("USD"), NUMBER_DOLLARS);
	assert_int_equal(number_unit_word("%"), NUMBER_PERCENT);
	assert_int_equal(number_unit_word("pct"), NUMBER_PERCENT);
	assert_int_equal(number_unit_word("years"), NUMBER_PLAIN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_rating),
		cmocka_unit_test(test_impossible),
		cmocka_unit_test(test_date_text),
		cmocka_unit_test(test_date_words),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_number_answer),
		cmocka_unit_test(test_huge_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
