/*
 * answer.c - checking a typed answer against a card.
 */
#include "answer.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "date.h"
#include "number.h"
#include "util.h"

#define MAX_CODEPOINTS 1000 /* longer answers are compared on this much */
#define FAR            64   /* edit distances are counted up to this */

/* NFKC, case folded, without marks or default-ignorable characters. */
#define FOLD_FLAGS                                                             \
	(UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |              \
	 UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |            \
	 UTF8PROC_IGNORE)

static const char *const verdict_names[] = { "wrong", "partial", "close",
	                                     "right" };

const char *
answer_verdict_name(enum verdict v)
{
	if ((unsigned)v >= sizeof(verdict_names) / sizeof(verdict_names[0]))
		return "wrong";
	return verdict_names[v];
}

int
answer_suggested_rating(enum verdict v, int hinted)
{
	if (v == VERDICT_WRONG)
		return 1;
	if (v == VERDICT_RIGHT && !hinted)
		return 3;
	return 2;
}

void
answer_result_release(struct answer_result *r)
{
	if (r == NULL)
		return;
	free(r->expected);
	free(r->explain);
	diff_free(r->diff, r->ndiff);
	memset(r, 0, sizeof(*r));
}

/* ---- Unicode text ----------------------------------------------------- */

/* A copy of 's' with each invalid UTF-8 sequence replaced by U+FFFD. */
static char *
valid_utf8(const char *s)
{
	struct strbuf sb = { 0 };
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

		if (n <= 0) {
			strbuf_adds(&sb, "\xef\xbf\xbd");
			p++;
			continue;
		}
		strbuf_add(&sb, (const char *)p, (size_t)n);
		p += n;
	}
	return strbuf_detach(&sb);
}

/* A written answer as compared: its letters and digits, folded. */
struct folded {
	utf8proc_int32_t *cp;
	size_t n;
	size_t *word; /* where each word starts in 'cp' */
	size_t nwords;
	int has_digit;
};

static int
is_word_char(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Is word 'w' of 'f' the ASCII word 'a'? */
static int
word_is(const struct folded *f, size_t w, const char *a)
{
	size_t start = f->word[w];
	size_t end = w + 1 < f->nwords ? f->word[w + 1] : f->n;

	if (end - start != strlen(a))
		return 0;
	for (size_t i = start; i < end; i++)
		if (f->cp[i] != (unsigned char)a[i - start])
			return 0;
	return 1;
}

static void
fold(const char *s, struct folded *f)
{
	char *clean = valid_utf8(s);
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t len, pos = 0;
	int in_word = 0;

	memset(f, 0, sizeof(*f));
	f->cp = xmalloc(sizeof(*f->cp) * MAX_CODEPOINTS);
	f->word = xmalloc(sizeof(*f->word) * MAX_CODEPOINTS);
	len = utf8proc_map((const utf8proc_uint8_t *)clean, 0, &m, FOLD_FLAGS);
	free(clean);
	while (len > 0 && pos < len && f->n < MAX_CODEPOINTS) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(m + pos, len - pos, &cp);

		if (k <= 0)
			break;
		pos += k;
		if (!is_word_char(cp)) {
			in_word = 0;
			continue;
		}
		if (!in_word)
			f->word[f->nwords++] = f->n;
		in_word = 1;
		f->cp[f->n++] = cp;
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ND ||
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_NL ||
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_NO)
			f->has_digit = 1;
	}
	free(m);
	/* a leading article, when more follows */
	if (f->nwords > 1 && (word_is(f, 0, "the") || word_is(f, 0, "a") ||
	                      word_is(f, 0, "an"))) {
		size_t cut = f->word[1];

		memmove(f->cp, f->cp + cut, (f->n - cut) * sizeof(*f->cp));
		f->n -= cut;
		for (size_t i = 1; i < f->nwords; i++)
			f->word[i - 1] = f->word[i] - cut;
		f->nwords--;
	}
}

static void
folded_release(struct folded *f)
{
	free(f->cp);
	free(f->word);
	memset(f, 0, sizeof(*f));
}

/* Edits a misspelling of an answer of 'len' letters may have. */
static size_t
close_limit(size_t len)
{
	return len < 5 ? 0 : len <= 8 ? 1 : 2;
}

/* The same for one word of a longer answer. */
static size_t
word_limit(size_t len)
{
	return len <= 2 ? 0 : len <= 8 ? 1 : 2;
}

/* How a written answer compares with one alternative. */
struct match {
	int exact;
	int close;       /* a close misspelling */
	int refused;     /* near, but short or with digits: must be exact */
	int digits;      /* either has digits */
	size_t distance; /* up to FAR */
};

/* Words that name what kind of thing a name is, which may be left off
 * or added at the end: "Choson dynasty" is "Choson", "Joseon" is "Joseon
 * Dynasty". */
static const char *const generic_words[] = { "dynasty", "kingdom",   "empire",
	                                     "treaty",  "agreement", "pact",
	                                     "accord" };

/* The code points of 'f' without a generic last word (when more words
 * come before it). */
static size_t
core_length(const struct folded *f)
{
	if (f->nwords < 2)
		return f->n;
	for (size_t i = 0; i < sizeof(generic_words) / sizeof(generic_words[0]);
	     i++)
		if (word_is(f, f->nwords - 1, generic_words[i]))
			return f->word[f->nwords - 1];
	return f->n;
}

/* The same 'na' and 'nb' code points? */
static int
same_cps(const utf8proc_int32_t *a, size_t na, const utf8proc_int32_t *b,
         size_t nb)
{
	return na == nb && memcmp(a, b, na * sizeof(*a)) == 0;
}

/*
 * Is typed 't' the same name as 'w' but for a generic last word or
 * initials?  Both without a generic last word are the same ("Choson
 * dynasty", "Choson"); or they have as many words, the last the same, and
 * each other word the same or its initial ("John F. Dulles", "J. F.
 * Dulles" for "John Foster Dulles").
 */
static int
same_name(const struct folded *t, const struct folded *w)
{
	size_t tn = core_length(t), wn = core_length(w);

	if (tn > 0 && same_cps(t->cp, tn, w->cp, wn))
		return 1;
	if (t->nwords != w->nwords || t->nwords < 2)
		return 0;
	for (size_t i = 0; i < w->nwords; i++) {
		size_t ts = t->word[i], ws = w->word[i];
		size_t te = i + 1 < t->nwords ? t->word[i + 1] : t->n;
		size_t we = i + 1 < w->nwords ? w->word[i + 1] : w->n;

		if (same_cps(t->cp + ts, te - ts, w->cp + ws, we - ws))
			continue;
		if (i + 1 == w->nwords || te - ts != 1 || we - ws < 2 ||
		    t->cp[ts] != w->cp[ws] || t->has_digit)
			return 0;
	}
	return 1;
}

static void
match_one(const struct folded *t, const char *alt, struct match *m)
{
	struct folded w;
	size_t lim;

	memset(m, 0, sizeof(*m));
	fold(alt, &w);
	m->exact = t->n == w.n && t->n > 0 &&
	           memcmp(t->cp, w.cp, t->n * sizeof(*t->cp)) == 0;
	m->exact = m->exact || (t->n > 0 && same_name(t, &w));
	m->distance = edit_distance_cp(t->cp, t->n, w.cp, w.n, FAR);
	lim = close_limit(w.n);
	m->digits = t->has_digit || w.has_digit;
	if (m->exact || t->n == 0)
		goto out;
	if (lim == 0 || m->digits) {
		m->refused = m->distance <= (lim ? lim : 1);
		goto out;
	}
	if (m->distance > lim || t->cp[0] != w.cp[0])
		goto out;
	if (t->nwords == w.nwords)
		for (size_t i = 0; i < w.nwords; i++) {
			size_t ts = t->word[i], ws = w.word[i];
			size_t te = i + 1 < t->nwords ? t->word[i + 1] : t->n;
			size_t we = i + 1 < w.nwords ? w.word[i + 1] : w.n;
			size_t wl = word_limit(we - ws);

			if (t->cp[ts] != w.cp[ws] ||
			    edit_distance_cp(t->cp + ts, te - ts, w.cp + ws,
			                     we - ws, wl) > wl)
				goto out;
		}
	m->close = 1;
out:
	folded_release(&w);
}

/* Fill r->diff: 'typed' against 'want'. */
static void
make_diff(struct answer_result *r, const char *typed, const char *want)
{
	char *t = valid_utf8(typed);

	diff_text(t, want, &r->diff, &r->ndiff);
	free(t);
}

/* ---- Written answers ---------------------------------------------------- */

/* Judge 'typed' against the alternatives 'alts'; set '*which' to the one
 * it matched or came nearest to. */
static void
check_written(const char *typed, const char *const *alts, size_t nalts,
              struct answer_result *r, size_t *which)
{
	struct folded t;
	size_t best = 0, best_close = SIZE_MAX, near = SIZE_MAX;
	size_t best_distance = SIZE_MAX;
	int refused = 0, refused_digits = 0;

	fold(typed, &t);
	r->verdict = VERDICT_WRONG;
	for (size_t i = 0; i < nalts; i++) {
		struct match m;

		match_one(&t, alts[i], &m);
		if (m.exact) {
			r->verdict = VERDICT_RIGHT;
			best = i;
			goto out;
		}
		if (m.close && (best_close == SIZE_MAX || m.distance < near)) {
			best_close = i;
			near = m.distance;
		}
		if (m.refused && !refused) {
			refused = 1;
			refused_digits = m.digits;
		}
		if (m.distance < best_distance) {
			best_distance = m.distance;
			best = i;
		}
	}
	if (best_close != SIZE_MAX) {
		r->verdict = VERDICT_CLOSE;
		best = best_close;
		r->explain = xasprintf("close: the spelling is %s", alts[best]);
	} else if (refused) {
		r->explain = xstrdup(
		    refused_digits ? "numbers must be exact"
		                   : "short answers must be spelled exactly");
	}
out:
	*which = best;
	folded_release(&t);
}

static int
check_text(const struct card *c, const char *typed, struct answer_result *r)
{
	const char **alts;
	size_t which;

	if (c->a == NULL)
		return -1;
	alts = xmalloc(sizeof(*alts) * (c->accept.n + 1));
	alts[0] = c->a;
	for (size_t i = 0; i < c->accept.n; i++)
		alts[i + 1] = c->accept.v[i];
	r->expected = xstrdup(c->a);
	check_written(typed, alts, c->accept.n + 1, r, &which);
	make_diff(r, typed, alts[which]);
	free(alts);
	return 0;
}

/* ---- Dates -------------------------------------------------------------- */

static const char *
plural(long n)
{
	return n == 1 || n == -1 ? "" : "s";
}

/* "3 years early", "1 day late". */
static char *
how_far(long n, const char *unit)
{
	return xasprintf("%ld %s%s %s", labs(n), unit, plural(n),
	                 n < 0 ? "early" : "late");
}

/* Judge the typed date 't' against the asked 'e'; fill the verdict and
 * explain of 'r'. */
static void
judge_date(const struct date *e, const struct date *t, struct answer_result *r)
{
	int pe = e->month == 0 ? 0 : e->day == 0 ? 1 : 2; /* precision */
	int pt = t->month == 0 ? 0 : t->day == 0 ? 1 : 2;
	int p = pe < pt ? pe : pt;
	static const char *const part[] = { "year", "month", "day" };
	long days, months;

	free(r->explain);
	r->explain = NULL;
	if (t->year == e->year && (p < 1 || t->month == e->month) &&
	    (p < 2 || t->day == e->day)) {
		if (pt >= pe) {
			r->verdict = VERDICT_RIGHT;
			return;
		}
		r->verdict = VERDICT_PARTIAL;
		r->explain =
		    xasprintf("right %s; the %s was asked", part[pt], part[pe]);
		return;
	}
	r->verdict = VERDICT_WRONG;
	days = date_day_number(t) - date_day_number(e);
	months = (t->year - e->year) * 12L + (t->month - e->month);
	if (p == 2 && t->year == e->year && t->month == e->month)
		r->explain =
		    xasprintf("right month, %ld day%s %s", labs(days),
		              plural(days), days < 0 ? "early" : "late");
	else if (p == 2 && labs(days) <= 31 && t->day != e->day)
		r->explain = how_far(days, "day");
	else if (p >= 1 && t->year == e->year)
		r->explain = xasprintf("same year, wrong month (you said %s)",
		                       date_month_names[t->month - 1]);
	else if (p >= 1 && labs(months) < 12)
		r->explain = how_far(months, "month");
	else
		r->explain = how_far(t->year - e->year, "year");
}

static int
check_date(const struct card *c, const char *typed, struct answer_result *r)
{
	struct date d[2];
	char why[120], buf[64];
	int n;

	if (c->date.year < 1 || c->date.month < 0 || c->date.month > 12 ||
	    c->date.day < 0 || (c->date.day > 0 && c->date.month == 0))
		return -1;
	date_format_words(&c->date, buf, sizeof(buf));
	r->expected = xstrdup(buf);
	n = date_parse_text(typed, d, why, sizeof(why));
	if (n < 0 && d[0].year == 0 && d[0].month > 0 && c->date.month > 0) {
		/* "October 1st": judged as far as it goes, the year missing */
		const struct date *e = &c->date;

		r->verdict = VERDICT_WRONG;
		if (d[0].month != e->month)
			r->explain = xstrdup(
			    "the year is missing, and the month is wrong");
		else if (e->day > 0 && d[0].day == 0)
			r->explain =
			    xstrdup("the year and the day are missing");
		else if (e->day > 0 && d[0].day != e->day)
			r->explain = xstrdup(
			    "the year is missing, and the day is wrong");
		else {
			r->verdict = VERDICT_PARTIAL;
			r->explain =
			    xasprintf("right %s; the year is missing",
			              e->day > 0 ? "day and month" : "month");
		}
		return 0;
	}
	if (n < 0) {
		r->verdict = VERDICT_WRONG;
		r->unreadable = 1;
		r->explain = xasprintf("not a date: %s", why);
		return 0;
	}
	if (n == 2 && c->date.month > 0) {
		/* 1/10/1953: 10 January or 1 October; the month is asked */
		char *t = valid_utf8(typed);
		size_t len;
		const char *p = t + strspn(t, " \t");

		len = strlen(p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		date_format_iso(&d[1], buf, sizeof(buf));
		r->verdict = VERDICT_WRONG;
		r->unreadable = 1;
		r->explain = xasprintf(
		    "%.*s is ambiguous: write %d %.3s %d or %s", (int)len, p,
		    d[1].day, date_month_names[d[1].month - 1], d[1].year, buf);
		free(t);
		return 0;
	}
	judge_date(&c->date, &d[0], r);
	if (n == 2) {
		struct answer_result other = { 0 };
		long far0 =
		    labs(date_day_number(&d[0]) - date_day_number(&c->date));
		long far1 =
		    labs(date_day_number(&d[1]) - date_day_number(&c->date));

		judge_date(&c->date, &d[1], &other);
		if (other.verdict > r->verdict ||
		    (other.verdict == r->verdict && far1 < far0)) {
			free(r->explain);
			r->explain = other.explain;
			r->verdict = other.verdict;
			other.explain = NULL;
		}
		answer_result_release(&other);
	}
	return 0;
}

/* ---- Numbers ------------------------------------------------------------ */

/* What a unit is: a '$', a '%', one of these words for time, or else. */
enum unit_kind { U_NONE, U_DOLLARS, U_PERCENT, U_TIME, U_OTHER };

static const char *const time_units[] = { "second", "minute", "hour",
	                                  "day",    "week",   "month",
	                                  "year",   "decade", "century" };

struct unit {
	enum unit_kind kind;
	size_t time; /* U_TIME: index in time_units */
};

/* Read one unit word ('n' bytes at 'w'); U_NONE when it names none. */
static struct unit
unit_word(const char *w, size_t n)
{
	struct unit u = { U_NONE, 0 };
	char buf[32];

	if (n == 0 || n >= sizeof(buf))
		return u;
	memcpy(buf, w, n);
	buf[n] = '\0';
	switch (number_unit_word(buf)) {
	case NUMBER_DOLLARS:
		u.kind = U_DOLLARS;
		return u;
	case NUMBER_PERCENT:
		u.kind = U_PERCENT;
		return u;
	default:
		break;
	}
	for (size_t i = 0; i < sizeof(time_units) / sizeof(time_units[0]);
	     i++) {
		size_t k = strlen(time_units[i]);

		if ((n == k || (n == k + 1 && (w[k] == 's' || w[k] == 'S'))) &&
		    strncasecmp(w, time_units[i], k) == 0) {
			u.kind = U_TIME;
			u.time = i;
		}
	}
	if (n == 9 && strncasecmp(w, "centuries", 9) == 0) {
		u.kind = U_TIME;
		u.time = 8;
	}
	return u;
}

/* The unit of card 'c'. */
static struct unit
card_unit(const struct card *c)
{
	struct unit u = { U_NONE, 0 };

	if (c->unit == NULL || c->unit[0] == '\0')
		return u;
	u = unit_word(c->unit, strlen(c->unit));
	if (u.kind == U_NONE)
		u.kind = U_OTHER;
	return u;
}

/* "a percentage", "in dollars", "a number of years", "a plain number". */
static const char *
unit_phrase(const struct card *c, struct unit u, char *buf, size_t size)
{
	switch (u.kind) {
	case U_DOLLARS:
		return "in dollars";
	case U_PERCENT:
		return "a percentage";
	case U_TIME:
	case U_OTHER:
		snprintf(buf, size, "a number of %s", c->unit);
		return buf;
	default:
		return "a plain number";
	}
}

/* The time unit among the words typed after a figure, if any. */
static struct unit
typed_time_unit(const char *rest)
{
	struct unit u = { U_NONE, 0 };

	while (*rest) {
		size_t n = strcspn(rest, " ");
		struct unit w = unit_word(rest, n);

		if (w.kind == U_TIME && u.kind == U_NONE)
			u = w;
		rest += n + (rest[n] == ' ');
	}
	return u;
}

/* Write 'v' with the card's unit: "$2.3 billion", "8%", "60 years". */
static char *
with_unit(const struct card *c, double v)
{
	char buf[64];

	number_format_words(v, buf, sizeof(buf));
	if (c->unit == NULL || c->unit[0] == '\0')
		return xstrdup(buf);
	if (strcmp(c->unit, "$") == 0)
		return v < 0 ? xasprintf("-$%s", buf + 1)
		             : xasprintf("$%s", buf);
	if (strcmp(c->unit, "%") == 0)
		return xasprintf("%s%%", buf);
	return xasprintf("%s %s", buf, c->unit);
}

static int
within(double a, double b, double tolerance)
{
	double eps = 1e-9 * (fabs(b) > 1 ? fabs(b) : 1);

	return fabs(a - b) <= tolerance + eps;
}

static int
check_number(const struct card *c, const char *typed, struct answer_result *r)
{
	struct number num;
	struct unit got = { U_NONE, 0 }, want = card_unit(c);
	char a[64], b[64], rest[128], phrase[96];
	double diff;

	if (!isfinite(c->value) || !isfinite(c->tolerance))
		return -1;
	r->expected = with_unit(c, c->value);
	r->verdict = VERDICT_WRONG;
	switch (number_parse_answer(typed, &num, rest, sizeof(rest))) {
	case 0:
		break;
	case NUMBER_RANGE:
		r->explain = xstrdup(NUMBER_TOO_LARGE);
		return 0;
	default:
		r->unreadable = 1;
		r->explain = xstrdup(
		    "not a number: write it like 142,901 or 2.3 billion");
		return 0;
	}
	if (num.unit == NUMBER_DOLLARS)
		got.kind = U_DOLLARS;
	else if (num.unit == NUMBER_PERCENT)
		got.kind = U_PERCENT;
	else
		got = typed_time_unit(rest);
	if (got.kind != U_NONE &&
	    (got.kind != want.kind ||
	     (got.kind == U_TIME && got.time != want.time))) {
		if (got.kind == U_DOLLARS)
			snprintf(a, sizeof(a), "dollars");
		else if (got.kind == U_PERCENT)
			snprintf(a, sizeof(a), "a percentage");
		else if (got.time == 8)
			snprintf(a, sizeof(a), "centuries");
		else
			snprintf(a, sizeof(a), "%ss", time_units[got.time]);
		r->explain =
		    xasprintf("wrong unit: the answer is %s, not %s",
		              unit_phrase(c, want, phrase, sizeof(phrase)), a);
		return 0;
	}
	if (want.kind == U_PERCENT && got.kind == U_NONE &&
	    fabs(num.value) < 1 && fabs(c->value) >= 1) {
		/* 0.08 for 8%: a fraction, not a percentage */
		number_format_words(num.value, a, sizeof(a));
		number_format_words(num.value * 100, b, sizeof(b));
		r->explain =
		    xasprintf("write it as a percentage: %s is %s%%", a, b);
		return 0;
	}
	if (within(num.value, c->value, c->tolerance)) {
		r->verdict = VERDICT_RIGHT;
		return 0;
	}
	number_format_words(num.value, a, sizeof(a));
	for (int k = -4; k <= 4 && num.value != 0; k++)
		if (k != 0 &&
		    within(num.value * pow(1000, k), c->value, c->tolerance)) {
			number_format_words(c->value, b, sizeof(b));
			r->explain = xasprintf("wrong scale: %s, not %s", a, b);
			return 0;
		}
	diff = num.value - c->value;
	number_format_words(fabs(diff), b, sizeof(b));
	r->explain = xasprintf("too %s: %s is %s %s", diff > 0 ? "high" : "low",
	                       a, b, diff > 0 ? "more" : "short");
	return 0;
}

/* ---- Choices and order -------------------------------------------------- */

/* The shown order: 'view' checked against 'n' options, or 0, 1, 2...
 * Returns the array (free it) and sets '*nshown', or NULL. */
static int *
shown_order(const struct answer_view *view, size_t n, size_t *nshown)
{
	int *v, *seen;

	if (view == NULL || view->shown == NULL || view->nshown == 0) {
		v = xmalloc(sizeof(*v) * (n ? n : 1));
		for (size_t i = 0; i < n; i++)
			v[i] = (int)i;
		*nshown = n;
		return v;
	}
	if (view->nshown > n)
		return NULL;
	seen = xcalloc(n ? n : 1, sizeof(*seen));
	v = xmalloc(sizeof(*v) * view->nshown);
	for (size_t i = 0; i < view->nshown; i++) {
		int k = view->shown[i];

		if (k < 0 || (size_t)k >= n || seen[k]) {
			free(seen);
			free(v);
			return NULL;
		}
		seen[k] = 1;
		v[i] = k;
	}
	free(seen);
	*nshown = view->nshown;
	return v;
}

/* Read a choice typed by position: "2", "b", "(B)", "b)", "2.".  Returns
 * the position from 1, 0 when it is not one, or -1 for a number too large
 * to be one. */
static long
typed_position(const char *typed)
{
	char buf[16];
	size_t n = 0;

	for (const char *p = typed; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '(' || *p == ')' ||
		    *p == '.' || *p == '[' || *p == ']')
			continue;
		if (n + 1 >= sizeof(buf))
			return 0;
		buf[n++] = *p;
	}
	buf[n] = '\0';
	if (n == 1 && ((buf[0] >= 'a' && buf[0] <= 'z') ||
	               (buf[0] >= 'A' && buf[0] <= 'Z')))
		return (buf[0] | 0x20) - 'a' + 1;
	if (n == 0 || strspn(buf, "0123456789") != n)
		return 0;
	if (n > 3 || strtol(buf, NULL, 10) == 0)
		return -1;
	return strtol(buf, NULL, 10);
}

static int
check_choice(const struct card *c, const char *typed,
             const struct answer_view *view, struct answer_result *r)
{
	size_t nshown, right_pos = SIZE_MAX;
	int right = c->a ? strlist_find(&c->choices, c->a) : -1;
	int *shown = shown_order(view, c->choices.n, &nshown);
	long pos;
	int rc = -1;

	if (right < 0 || shown == NULL)
		goto out;
	for (size_t i = 0; i < nshown; i++)
		if (shown[i] == right)
			right_pos = i;
	if (right_pos == SIZE_MAX)
		goto out;
	rc = 0;
	r->expected = xasprintf("%zu. %s", right_pos + 1, c->a);
	r->verdict = VERDICT_WRONG;
	pos = typed_position(typed);
	if (pos < 0 || (size_t)pos > nshown) {
		/* out of range, unless it is the text of a choice ("1950") */
		const char **alts = xmalloc(sizeof(*alts) * nshown);
		struct answer_result t = { 0 };
		size_t which;

		for (size_t i = 0; i < nshown; i++)
			alts[i] = c->choices.v[shown[i]];
		check_written(typed, alts, nshown, &t, &which);
		pos = t.verdict == VERDICT_RIGHT ? (long)which + 1 : -1;
		answer_result_release(&t);
		free(alts);
		if (pos < 0) {
			r->unreadable = 1;
			r->explain =
			    xasprintf("there are only %zu choices", nshown);
			goto out;
		}
	}
	if (pos > 0) {
		if ((size_t)pos - 1 == right_pos)
			r->verdict = VERDICT_RIGHT;
		else
			r->explain = xasprintf("you chose %ld. %s", pos,
			                       c->choices.v[shown[pos - 1]]);
		goto out;
	}
	/* By text: exactly one choice, or the one choice nearest to it */
	{
		struct folded t;
		struct match m, best = { .distance = SIZE_MAX };
		size_t best_pos = SIZE_MAX;
		int tie = 0;

		fold(typed, &t);
		for (size_t i = 0; i < nshown; i++) {
			match_one(&t, c->choices.v[shown[i]], &m);
			if (m.exact) {
				best = m;
				best_pos = i;
				tie = 0;
				break;
			}
			if (!m.close)
				continue;
			if (m.distance < best.distance) {
				best = m;
				best_pos = i;
				tie = 0;
			} else if (m.distance == best.distance) {
				tie = 1;
			}
		}
		folded_release(&t);
		if (best_pos == right_pos && best.exact)
			r->verdict = VERDICT_RIGHT;
		else if (best_pos == right_pos && !tie) {
			r->verdict = VERDICT_CLOSE;
			r->explain =
			    xasprintf("close: the spelling is %s", c->a);
		} else if (best_pos != SIZE_MAX && best_pos != right_pos &&
		           (best.exact || !tie))
			r->explain =
			    xasprintf("you chose %zu. %s", best_pos + 1,
			              c->choices.v[shown[best_pos]]);
		else {
			r->unreadable = 1;
			r->explain = xasprintf("not one of the choices: type "
			                       "1-%zu or a choice's text",
			                       nshown);
		}
		if (!r->unreadable)
			make_diff(r, typed, c->a);
	}
out:
	free(shown);
	return rc;
}

/* The numbers typed for an order card, in '*v' (free it); -1 when the
 * text holds anything but numbers and separators. */
static int
typed_numbers(const char *typed, size_t nitems, long **v, size_t *n)
{
	const char *p = typed;
	size_t alloc = 0, ndigits = 0, nruns = 0;

	*v = NULL;
	*n = 0;
	for (const char *q = typed; *q; q++) {
		if (*q >= '0' && *q <= '9') {
			ndigits++;
			if (q == typed || q[-1] < '0' || q[-1] > '9')
				nruns++;
		} else if (strchr(" \t,;/->.", *q) == NULL) {
			return -1;
		}
	}
	while (*p) {
		long x = 0;
		int digits = 0;

		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		/* "3124": one digit a number, when there are fewer than 10 */
		if (nruns == 1 && ndigits > 1 && nitems < 10) {
			x = *p++ - '0';
		} else {
			while (*p >= '0' && *p <= '9') {
				if (++digits <= 4)
					x = x * 10 + (*p - '0');
				p++;
			}
		}
		*v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
		(*v)[(*n)++] = x;
	}
	return 0;
}

/* The length of the longest increasing run, not necessarily adjacent. */
static size_t
longest_increasing(const int *v, size_t n)
{
	size_t best = 0, *len = xcalloc(n ? n : 1, sizeof(*len));

	for (size_t i = 0; i < n; i++) {
		len[i] = 1;
		for (size_t j = 0; j < i; j++)
			if (v[j] < v[i] && len[j] + 1 > len[i])
				len[i] = len[j] + 1;
		if (len[i] > best)
			best = len[i];
	}
	free(len);
	return best;
}

static int
check_order(const struct card *c, const char *typed,
            const struct answer_view *view, struct answer_result *r)
{
	size_t nshown, n = c->items.n, ntyped = 0, in_place = 0;
	int *shown = shown_order(view, n, &nshown), *picked = NULL;
	long *nums = NULL;
	struct strbuf sb = { 0 };
	int rc = -1;

	if (shown == NULL || n == 0 || nshown != n)
		goto out;
	rc = 0;
	/* the shown number of each item, in the right order */
	for (size_t item = 0; item < n; item++)
		for (size_t i = 0; i < n; i++)
			if ((size_t)shown[i] == item)
				strbuf_addf(&sb, "%s%zu", item ? " " : "",
				            i + 1);
	r->expected = strbuf_detach(&sb);
	r->verdict = VERDICT_WRONG;
	picked = xcalloc(n, sizeof(*picked));
	if (typed_numbers(typed, n, &nums, &ntyped) < 0 || ntyped != n)
		goto not_permutation;
	for (size_t i = 0; i < n; i++) {
		int item;

		if (nums[i] < 1 || (size_t)nums[i] > n)
			goto not_permutation;
		item = shown[nums[i] - 1];
		for (size_t j = 0; j < i; j++)
			if (picked[j] == item)
				goto not_permutation;
		picked[i] = item;
		if ((size_t)item == i)
			in_place++;
	}
	if (in_place == n) {
		r->verdict = VERDICT_RIGHT;
	} else if (in_place * 2 >= n && in_place >= 2) {
		r->verdict = VERDICT_PARTIAL;
		r->explain = xasprintf("%zu of %zu in place", in_place, n);
	} else if (n >= 4 && longest_increasing(picked, n) == n - 1) {
		r->verdict = VERDICT_PARTIAL;
		r->explain = xstrdup("one item is out of place");
	} else {
		r->explain = xasprintf("%zu of %zu in place", in_place, n);
	}
	goto out;
not_permutation:
	r->unreadable = 1;
	r->explain = xasprintf("give each number 1 to %zu once", n);
out:
	free(nums);
	free(picked);
	free(shown);
	return rc;
}

/* ---- The checker -------------------------------------------------------- */

int
answer_check(const struct card *c, const char *typed,
             const struct answer_view *view, struct answer_result *out)
{
	struct folded t;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (typed == NULL)
		typed = "";
	switch (c->type) {
	case CARD_TEXT:
	case CARD_CLOZE:
		rc = check_text(c, typed, out);
		break;
	case CARD_DATE:
		rc = check_date(c, typed, out);
		break;
	case CARD_NUMBER:
		rc = check_number(c, typed, out);
		break;
	case CARD_CHOICE:
		rc = check_choice(c, typed, view, out);
		break;
	case CARD_ORDER:
		rc = check_order(c, typed, view, out);
		break;
	}
	if (rc < 0) {
		answer_result_release(out);
		return -1;
	}
	/* nothing but spaces and punctuation */
	fold(typed, &t);
	if (t.n == 0) {
		out->verdict = VERDICT_WRONG;
		out->unreadable = 1;
		free(out->explain);
		out->explain =
		    xstrdup("no answer: type one, or :dunno to give up");
		diff_free(out->diff, out->ndiff);
		out->diff = NULL;
		out->ndiff = 0;
	}
	folded_release(&t);
	return 0;
}
