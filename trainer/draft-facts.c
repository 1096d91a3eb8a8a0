/*
 * draft-facts.c - the dates and the figures of a sentence, as date and number
 * cards: the question is the sentence with the fact blanked, a date card
 * names its event.  Dates are read with date_parse_text, figures with
 * number_parse and number_parse_words.
 */
#include "draft-impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "number.h"

/* ---- questions ---- */

/* Append 's' [b, e) to 'sb' without a full stop at its end. */
static void
add_trimmed(struct strbuf *sb, const char *s, size_t b, size_t e)
{
	while (e > b && (is_space(s[e - 1]) || s[e - 1] == '.' ||
	                 s[e - 1] == ';' || s[e - 1] == ','))
		e--;
	strbuf_add(sb, s + b, e - b);
}

/*
 * 'prefix' and the sentence with its bytes [gb, ge) as a blank: a short
 * sentence comes after the one or two before it in its paragraph (a
 * citation's year needs its title); a long one loses the clauses after
 * the blank.
 */
static char *
blanked(struct builder *bd, const struct sent *st, size_t gb, size_t ge,
        const char *prefix)
{
	struct strbuf sb = { 0 };
	const struct draft_result *r = bd->r;
	const char *s = st->s;
	size_t end = st->n, first = st->index;

	strbuf_adds(&sb, prefix);
	if (st->nt < 8)
		while (first > 0 && st->index - first < 2 &&
		       r->sentences[first - 1].para ==
		           r->sentences[st->index].para)
			first--;
	for (size_t k = first; k < st->index; k++) {
		strbuf_adds(&sb, bd->texts[k]);
		strbuf_addch(&sb, ' ');
	}
	if (st->nt > 25) {
		static const char *const cuts[] = { ", ",          "; ",
			                            " which ",     " who ",
			                            " while ",     " and ",
			                            "\xe2\x80\x94" };

		/* the first break after the blank that leaves 10 words */
		for (size_t k = ge; k < st->n && end == st->n; k++) {
			size_t words = 0;
			int brk = 0;

			for (size_t c = 0; c < sizeof(cuts) / sizeof(cuts[0]);
			     c++)
				brk |= strncmp(s + k, cuts[c],
				               strlen(cuts[c])) == 0;
			/* not inside a date: "June 25th, 1950" */
			if (!brk || (s[k] == ',' && is_digit(s[k + 2])))
				continue;
			for (size_t j = 0; j < k; j++)
				words += s[j] == ' ';
			if (words >= 10)
				end = k;
		}
	}
	if (first == st->index && gb > 0 && is_upper(s[0]) && is_lower(s[1]) &&
	    st->nt > 1 && draft_tok_in(st, 0, draft_not_name) && !st->t[1].hy &&
	    !(draft_tok_cap(st, 1) && is_lower(s[st->t[1].b + 1]))) {
		strbuf_addch(&sb, s[0] - 'A' + 'a');
		strbuf_add(&sb, s + 1, gb - 1);
	} else {
		strbuf_add(&sb, s, gb);
	}
	strbuf_adds(&sb, "___");
	add_trimmed(&sb, s, ge, end);
	return strbuf_detach(&sb);
}

/* Lower-case the first letter of 'text' when its first word is a small
 * word ("The treaty..."), in place. */
static void
lower_first(char *text)
{
	size_t n = strcspn(text, " ");
	char w[16];

	if (n == 0 || n >= sizeof(w) || !is_upper(text[0]))
		return;
	memcpy(w, text, n);
	w[n] = '\0';
	for (const char *p = draft_not_name; *p;) {
		size_t k = strcspn(p, " ");

		if (k == n && strncmp(p, w, k) == 0) {
			text[0] = (char)(text[0] - 'A' + 'a');
			return;
		}
		p += k;
		while (*p == ' ')
			p++;
	}
}

static const char *const prepositions =
    "in on by since from until till of during at the to mid early late "
    "around about circa c ca before after between through throughout as";

/* A short name of the event dated by tokens [tb, te]: a treaty or
 * command named near it, else the clause's subject and verb. */
static char *
event_name(const struct sent *st, size_t tb, size_t te, const char *role)
{
	size_t best = SIZE_MAX, dist = 9, b, e;
	struct strbuf sb = { 0 };
	char *out;

	if (st->reference) {
		/* "Author. Title. Place: Publisher, 1983.": the title, and
		 * the year at the end is when it was published */
		const char *s = st->s, *place = NULL, *title = s;

		for (const char *p = strstr(s, ". "); p;
		     p = strstr(p + 1, ". "))
			if (strchr(p + 2, ':') &&
			    strchr(p + 2, ':') < s + st->n)
				place = p;
		for (const char *p = strstr(s, ". "); place && p && p < place;
		     p = strstr(p + 1, ". "))
			if (is_upper(p[2]))
				title = p + 2; /* "Finley, James P. The..." */
		if (place && title < place) {
			size_t words = 0, n = 0;

			while (title + n < place && words < 10)
				words += title[n++] == ' ';
			strbuf_add(&sb, title, n - (title[n - 1] == ' '));
			if (tb + 1 == st->nt && role == NULL)
				strbuf_adds(&sb, " published");
			goto named;
		}
	}

	for (size_t k = 0; k < st->nnames; k++) {
		const struct span *n = &st->names[k];
		size_t d = n->e < tb ? tb - n->e : n->b > te ? n->b - te : 0;

		if (d < dist &&
		    !draft_clause_break(
		        st->s, n->e < tb ? st->t[n->e].e : st->t[te].e,
		        n->e < tb ? st->t[tb].b : st->t[n->b].b)) {
			dist = d;
			best = k;
		}
	}
	if (best != SIZE_MAX) {
		const struct span *n = &st->names[best];

		strbuf_add(&sb, st->s + st->t[n->b].b,
		           st->t[n->e].b + draft_tok_base(st, n->e) -
		               st->t[n->b].b);
		/* its verb: "... Agreement signed in 1905", "On 25 June 1950
		 * the Korean People's Army crossed" */
		for (size_t k = n->e + 1;
		     k < (n->e < tb ? tb : st->nt) && k < n->e + 4; k++) {
			size_t len = st->t[k].e - st->t[k].b;

			if (draft_tok_lower(st, k) && len > 3 &&
			    strncmp(st->s + st->t[k].e - 2, "ed", 2) == 0) {
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[k].b, len);
				break;
			}
		}
	} else {
		b = tb;
		while (
		    b > 0 &&
		    !draft_clause_break(st->s, st->t[b - 1].e, st->t[b].b) &&
		    !draft_tok_in(st, b - 1,
		                  "when while which that after before because "
		                  "whereas where"))
			b--;
		e = tb;
		while (e > b && (draft_tok_in(st, e - 1, prepositions) ||
		                 st->t[e - 1].skip))
			e--;
		if (b >= 1 && b < e && draft_tok_in(st, b - 1, "who which"))
			b--; /* "Pyongyang, which fell on" */
		if (e - b >= 1 && b >= 2 && draft_tok_in(st, b, "who which") &&
		    draft_tok_cap(st, b - 1)) {
			/* "Queen Seondeok, who reigned from...": the name */
			size_t n = b - 1;

			while (n > 0 && draft_tok_cap(st, n - 1) &&
			       draft_tok_spaced(st, n - 1) && b - n < 4)
				n--;
			strbuf_add(&sb, st->s + st->t[n].b,
			           st->t[b - 1].b + draft_tok_base(st, b - 1) -
			               st->t[n].b);
			b++;
			if (e - b > 6)
				e = b + 6;
			if (e > b) {
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[b].b,
				           st->t[e - 1].e - st->t[b].b);
			}
			goto named;
		}
		if (e - b < 2 && b > 0) {
			/* "Korea, 1871-1982": the clause before the comma */
			e = b;
			b--;
			while (b > 0 && !draft_clause_break(
			                    st->s, st->t[b - 1].e, st->t[b].b))
				b--;
		} else if (e - b >= 2 && b > 1 &&
		           draft_tok_in(st, b,
		                        "had has have was were is are did "
		                        "would could")) {
			/* "Dean Rusk and Charles Bonesteel, had proposed":
			 * the subject before the comma, then the verb */
			size_t sb_ = b - 1, sv = b, ev = e;

			while (sb_ > 0 &&
			       !draft_clause_break(st->s, st->t[sb_ - 1].e,
			                           st->t[sb_].b))
				sb_--;
			if (b - sb_ <= 6) {
				strbuf_add(&sb, st->s + st->t[sb_].b,
				           st->t[b - 1].e - st->t[sb_].b);
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[sv].b,
				           st->t[ev - 1].e - st->t[sv].b);
				goto named;
			}
		}
		if (e - b < 2) {
			/* "In 1978, both countries agreed...": what follows */
			b = te + 1;
			while (b < st->nt && draft_tok_in(st, b, prepositions))
				b++;
			e = b;
			while (e < st->nt && e - b < 8 &&
			       (e == b ||
			        !draft_clause_break(st->s, st->t[e - 1].e,
			                            st->t[e].b)))
				e++;
		}
		if (e - b > 9)
			e = b + 9;
		while (e > b + 1 &&
		       (draft_tok_in(st, e - 1, prepositions) ||
		        draft_tok_in(st, e - 1,
		                     "his her its their did was were a an and "
		                     "that which who not is are further then "
		                     "following")))
			e--;
		if (e > b && e <= st->nt)
			strbuf_add(&sb, st->s + st->t[b].b,
			           st->t[e - 1].e - st->t[b].b);
		else
			strbuf_adds(&sb, "the event");
	}
named:
	if (role)
		strbuf_addf(&sb, " (%s)", role);
	out = strbuf_detach(&sb);
	if (!st->reference)
		lower_first(out);
	return out;
}

/* ---- dates ---- */

int
draft_tok_month(const struct sent *st, size_t i)
{
	size_t len;

	if (!draft_tok_cap(st, i))
		return 0;
	len = st->t[i].e - st->t[i].b;
	if (len == 4 && strncmp(st->s + st->t[i].b, "Sept", 4) == 0)
		return 1;
	for (int m = 0; m < 12; m++)
		if (len >= 3 && len <= strlen(date_month_names[m]) &&
		    strncasecmp(st->s + st->t[i].b, date_month_names[m], len) ==
		        0)
			return 1;
	return 0;
}

/* May token 'i' be part of a date written with the month in words? */
static int
date_part(const struct sent *st, size_t i)
{
	const char *w = st->s + st->t[i].b;
	size_t len = st->t[i].e - st->t[i].b, d = 0;

	if (st->t[i].skip || st->t[i].used || st->t[i].hy)
		return 0;
	while (d < len && is_digit(w[d]))
		d++;
	if (d == len)
		return len <= 4;
	if (d > 0 && d <= 2 && len == d + 2)
		return 1; /* "1st", "25th" */
	return draft_tok_month(st, i) || draft_tok_in(st, i, "of the");
}

/* Only blanks, commas and points between tokens 'k' and 'k + 1'? */
static int
date_gap(const struct sent *st, size_t k)
{
	for (size_t j = st->t[k].e; j < st->t[k + 1].b; j++)
		if (st->s[j] != ' ' && st->s[j] != ',' && st->s[j] != '.')
			return 0;
	return 1;
}

static void date_range_card(struct builder *bd, struct sent *st, size_t at,
                            size_t rb, size_t re, const struct date *d,
                            const char *role);

static void
date_card(struct builder *bd, struct sent *st, size_t tb, size_t te,
          const struct date *d, const char *role)
{
	date_range_card(bd, st, tb, tb, te, d, role);
}

/* The date card of 'd' at tokens [rb, re] (the blank: 'at' alone when
 * it is one end of a range). */
static void
date_range_card(struct builder *bd, struct sent *st, size_t at, size_t rb,
                size_t re, const struct date *d, const char *role)
{
	size_t tb = role ? at : rb, te = role ? at : re;
	static const char *const prefix[] = { "When: ", "In which month: ",
		                              "On what date: " };
	char iso[16], *event, *key, *fe;
	int precision = d->day ? 2 : d->month ? 1 : 0;
	struct draft_card *c;

	for (size_t k = tb; k <= te; k++)
		st->t[k].used = 1;
	date_format_iso(d, iso, sizeof(iso));
	event = event_name(st, rb, re, role);
	fe = draft_fold(event, strlen(event));
	/* a day, or a month, is one fact wherever it is written; a year
	 * may date several events */
	key = d->month ? xstrdup(iso) : xasprintf("%s|%s", iso, fe);
	free(fe);
	if (draft_seen(bd, DRAFT_DATE, key)) {
		free(key);
		free(event);
		return;
	}
	free(key);
	c = draft_add_card(bd, DRAFT_DATE, CARD_DATE, st, st->t[tb].b);
	c->a = xstrdup(iso);
	c->event = event;
	c->q = blanked(bd, st, st->t[tb].b, st->t[te].e, prefix[precision]);
	{
		/* the date and the first words of its event */
		char words[40];
		size_t k = 0, spaces = 0;

		for (const char *p = event; *p && k + 1 < sizeof(words); p++) {
			if (*p == ' ' && ++spaces == 3)
				break;
			words[k++] = *p;
		}
		words[k] = '\0';
		c->id = xasprintf("date-%s-%s", iso, words);
	}
}

/* Parse tokens [b, e] as one date: 1 and '*d', or 0. */
static int
parse_span(const struct sent *st, size_t b, size_t e, struct date *d)
{
	char *text = draft_tok_text(st, b, e), why[128];
	struct date out[2];
	int n = date_parse_text(text, out, why, sizeof(why));

	free(text);
	if (n == 1)
		*d = out[0];
	return n == 1;
}

static const char *const year_context =
    "in since by from until till to before after during of circa c ca "
    "around about early late mid year years summer spring autumn fall "
    "winter between and through throughout";

static int
is_year(const struct sent *st, size_t i)
{
	long y;
	size_t len = i < st->nt ? st->t[i].e - st->t[i].b : 0;

	if (!draft_tok_digits(st, i) || st->t[i].skip || st->t[i].used)
		return 0;
	y = draft_tok_long(st, i);
	if (len == 4)
		return y >= 1000 && y <= 2100;
	/* "in 660", "from 632 to 647": a year when nothing it counts
	 * follows */
	return len == 3 && y >= 100 && st->s[st->t[i].b] != '0' &&
	       (draft_tok_in(st, i - 1, "in by from until since to and") ||
	        (draft_tok_in(st, i - 2, "from between") &&
	         draft_tok_in(st, i - 1, "AD CE"))) &&
	       !(draft_tok_lower(st, i + 1) &&
	         !draft_tok_in(st, i + 1, draft_unit_stop) &&
	         draft_tok_spaced(st, i));
}

void
draft_find_dates(struct builder *bd, struct sent *st)
{
	for (size_t i = 0; i < st->nt; i++) {
		struct date d = { 0, 0, 0 };
		size_t bb = 0, be = 0;
		int found = 0;

		if (st->t[i].skip || st->t[i].used)
			continue;
		if (draft_tok_month(st, i)) {
			/* "October 1st, 1953", "1 Oct 1953", "October 1978" */
			size_t lo = i >= 2 ? i - 2 : 0;

			for (size_t b = lo; b <= i && !found; b++) {
				int ok = 1;

				for (size_t k = b; k < i; k++)
					ok = ok && date_part(st, k) &&
					     (k > b ||
					      !draft_tok_in(st, k, "of the"));
				for (size_t e =
				         (i + 3 < st->nt ? i + 3 : st->nt - 1) +
				         1;
				     ok && !found && e-- > i;) {
					int has_year = 0, clean = 1;

					for (size_t k = b; k <= e; k++) {
						clean =
						    clean && (k == i ||
						              date_part(st, k));
						has_year =
						    has_year ||
						    (draft_tok_digits(st, k) &&
						     st->t[k].e - st->t[k].b >=
						         3);
						if (k < e)
							clean = clean &&
							        date_gap(st, k);
					}
					if (clean && has_year &&
					    draft_tok_digits(st, e) &&
					    parse_span(st, b, e, &d)) {
						found = 1;
						bb = b;
						be = e;
					}
				}
			}
			if (found)
				date_card(bd, st, bb, be, &d, NULL);
			continue;
		}
		if (!draft_tok_digits(st, i))
			continue;
		if (draft_tok_in(st, i + 1, "BC BCE") ||
		    draft_tok_in(st, i - 1, "BC")) {
			st->t[i].used = 1; /* no year before AD 1 in a deck */
			continue;
		}
		if (draft_tok_in(st, i - 1, "AD CE") ||
		    draft_tok_in(st, i + 1, "AD CE")) {
			size_t b = draft_tok_in(st, i - 1, "AD CE") ? i - 1 : i;
			size_t e = b == i ? i + 1 : i;

			if (!parse_span(st, b, e, &d))
				continue;
			if (b < i && draft_tok_in(st, i + 1, "to until") &&
			    draft_tok_digits(st, i + 2) &&
			    draft_tok_long(st, i + 2) > draft_tok_long(st, i)) {
				/* "from AD 391 to 413" */
				struct date z = {
					(int)draft_tok_long(st, i + 2), 0, 0
				};

				date_range_card(bd, st, i, b, i + 2, &d,
				                "start");
				date_range_card(bd, st, i + 2, b, i + 2, &z,
				                "end");
			} else {
				date_card(bd, st, b, e, &d, NULL);
			}
			continue;
		}
		if (!is_year(st, i))
			continue;
		/* "1953-10-01", "1953-10" */
		if (i + 1 < st->nt && st->t[i + 1].hy &&
		    draft_tok_digits(st, i + 1) &&
		    st->t[i + 1].e - st->t[i + 1].b == 2 &&
		    st->s[st->t[i + 1].b - 1] == '-') {
			size_t e = i + 1;

			if (i + 2 < st->nt && st->t[i + 2].hy &&
			    draft_tok_digits(st, i + 2) &&
			    st->t[i + 2].e - st->t[i + 2].b == 2)
				e = i + 2;
			if (parse_span(st, i, e, &d))
				date_card(bd, st, i, e, &d, NULL);
			continue;
		}
		/* "1953-1961", "from 1950 to 1953" */
		if ((i + 1 < st->nt && st->t[i + 1].hy && is_year(st, i + 1)) ||
		    (draft_tok_in(st, i - 1, "from between") &&
		     draft_tok_in(st, i + 1, "to and until through till") &&
		     is_year(st, i + 2))) {
			size_t j = st->t[i + 1].hy ? i + 1 : i + 2;
			long y1 = draft_tok_long(st, i),
			     y2 = draft_tok_long(st, j);

			if (y2 > y1 && y2 - y1 <= 300) {
				struct date a = { (int)y1, 0, 0 };
				struct date z = { (int)y2, 0, 0 };

				date_range_card(bd, st, i, i, j, &a, "start");
				date_range_card(bd, st, j, i, j, &z, "end");
				continue;
			}
		}
		if (draft_tok_in(st, i - 1, year_context) ||
		    (i + 1 == st->nt && st->t[i].b >= 2 &&
		     st->s[st->t[i].b - 2] == ',') ||
		    (st->t[i].b > 0 && st->s[st->t[i].b - 1] == '(' &&
		     st->s[st->t[i].e] == ')')) {
			d.year = (int)draft_tok_long(st, i);
			date_card(bd, st, i, i, &d, NULL);
		}
	}
}

/* ---- figures ---- */

static const char *const hedges =
    "estimated roughly about approximately around nearly almost over some "
    "neared approaching circa";

/* Does token 'i' end in 's' (a plural, most likely)? */
static int
plural(const struct sent *st, size_t i)
{
	size_t len = draft_tok_base(st, i);

	return len > 2 && st->s[st->t[i].b + len - 1] == 's' &&
	       !draft_tok_in(st, i, "is was has as its this us");
}

/* The written precision of a figure: the place of its last digit when
 * that is not a trailing zero ("2.3" is 0.1, "8" is 1, "30" is none). */
static double
written_place(const char *digits)
{
	const char *dot = strchr(digits, '.');
	size_t len = strspn(digits, "0123456789.,");

	if (dot && (size_t)(dot - digits) < len)
		return pow(10, -(double)(len - (size_t)(dot - digits) - 1));
	return len > 0 && digits[len - 1] != '0' ? 1 : 0;
}

/* A tolerance for a hedged figure: 5% of it, at least one step of its
 * last written digit, to one significant digit. */
static char *
tolerance_text(double value, double place)
{
	double t = fabs(value) * 0.05, p;
	char buf[64];

	if (place > t)
		t = place;
	if (t <= 0)
		return NULL;
	p = pow(10, floor(log10(t)));
	t = floor(t / p + 0.5) * p;
	number_format_words(t, buf, sizeof(buf));
	return xstrdup(buf);
}

void
draft_find_figures(struct builder *bd, struct sent *st)
{
	for (size_t i = 0; i < st->nt; i++) {
		const struct tok *t = &st->t[i];
		struct number num = { 0, NUMBER_PLAIN };
		size_t b = i, e = i, k, ue = 0;
		int dollars = t->b > 0 && st->s[t->b - 1] == '$';
		int pct = 0, scaled = 0, hedged;
		double place = 0;
		char why[128], *unit = NULL, *text, *key, abuf[64];
		struct draft_card *c;
		const char *prefix;

		if (t->skip || t->used)
			continue;
		if (is_digit(st->s[t->b])) {
			struct strbuf sb = { 0 };

			if ((t->hy && i > 0 && !draft_tok_digits(st, i - 1)) ||
			    draft_tok_in(
			        st, i - 1,
			        "No Number Article Resolution page p pp "
			        "Chapter Section Vol Volume Route Hill") ||
			    (is_year(st, i) && !dollars))
				continue;
			if (dollars)
				strbuf_addch(&sb, '$');
			strbuf_add(&sb, st->s + t->b, t->e - t->b);
			if (draft_tok_in(st, i + 1,
			                 "thousand million billion trillion") &&
			    draft_tok_spaced(st, i)) {
				e = i + 1;
				strbuf_addch(&sb, ' ');
				strbuf_add(&sb, st->s + st->t[e].b,
				           st->t[e].e - st->t[e].b);
			}
			if (st->s[st->t[e].e] == '%') {
				pct = 1;
				strbuf_addch(&sb, '%');
			}
			text = strbuf_detach(&sb);
			place = written_place(st->s + t->b);
			if (number_parse(text, &num, why, sizeof(why)) != 0) {
				free(text);
				continue;
			}
			scaled = e > i || !is_digit(st->s[t->e - 1]);
			if (scaled && e == i) {
				/* "$2.3B": the scale of the last digit */
				struct number one;
				char *unit_of =
				    xstrndup(st->s + t->b, t->e - t->b);

				unit_of[strspn(unit_of, "0123456789.,")] = '\0';
				if (number_parse(text + dollars, &one, why,
				                 sizeof(why)) == 0 &&
				    strtod(unit_of, NULL) > 0)
					place *=
					    one.value / strtod(unit_of, NULL);
				free(unit_of);
			} else if (scaled) {
				place *= num.value / strtod(st->s + t->b, NULL);
			}
			free(text);
		} else if (draft_tok_in(st, i, draft_number_words)) {
			if (t->hy &&
			    !draft_tok_in(st, i - 1, draft_number_words))
				continue;
			while (e + 1 < st->nt &&
			       (draft_tok_spaced(st, e) || st->t[e + 1].hy) &&
			       (draft_tok_in(st, e + 1, draft_number_words) ||
			        (draft_tok_is(st, e + 1, "and") &&
			         draft_tok_in(st, e + 2, draft_number_words))))
				e++;
			if (e + 1 < st->nt && st->t[e + 1].hy &&
			    draft_tok_in(
			        st, e + 1,
			        "first second third fourth fifth sixth "
			        "seventh eighth ninth tenth")) {
				i = e + 1; /* "Twenty-first": an ordinal */
				continue;
			}
			if (draft_tok_in(st, b,
			                 "hundred thousand million billion") &&
			    draft_tok_in(st, b - 1, "a one") &&
			    draft_tok_spaced(st, b - 1))
				b--; /* "a thousand" */
			text = draft_tok_text(st, b, e);
			if (number_parse_words(text, &num, why, sizeof(why)) !=
			        0 ||
			    num.value < 2 ||
			    (e == b && num.value < 20 &&
			     draft_tok_in(
			         st, b - 1,
			         "the both these those its their his her our "
			         "all"))) {
				free(text);
				i = e;
				continue;
			}
			free(text);
			place = fmod(num.value, 10) != 0 ? 1 : 0;
			scaled = num.value >= 1e6;
		} else {
			continue;
		}
		/* the unit */
		k = e + 1;
		if (dollars || num.unit == NUMBER_DOLLARS) {
			unit = xstrdup("$");
		} else if (pct || draft_tok_is(st, k, "percent") ||
		           (draft_tok_is(st, k, "per") &&
		            draft_tok_is(st, k + 1, "cent"))) {
			unit = xstrdup("%");
		} else if (k < st->nt && st->t[k].hy &&
		           draft_tok_lower(st, k)) {
			/* "four-star" */
			unit =
			    xasprintf("%.*ss", (int)(st->t[k].e - st->t[k].b),
			              st->s + st->t[k].b);
			ue = k;
		} else if (k < st->nt && draft_tok_spaced(st, e)) {
			if (draft_tok_cap(st, k) &&
			    draft_tok_lower(st, k + 1) &&
			    draft_tok_spaced(st, k) &&
			    !draft_tok_in(st, k + 1, draft_unit_stop) &&
			    (plural(st, k + 1) ||
			     (draft_tok_base(st, k + 1) > 3 &&
			      strncmp(st->s + st->t[k + 1].b +
			                  draft_tok_base(st, k + 1) - 3,
			              "men", 3) == 0) ||
			     draft_tok_in(st, k + 1,
			                  "people personnel police")))
				k++; /* "33,629 American servicemen" */
			if (draft_tok_lower(st, k) &&
			    !draft_tok_in(st, k, draft_unit_stop)) {
				ue = k;
				if (!plural(st, k) &&
				    draft_tok_lower(st, k + 1) &&
				    draft_tok_spaced(st, k) &&
				    plural(st, k + 1) &&
				    !draft_tok_in(st, k + 1, draft_unit_stop))
					ue = k + 1; /* "four great powers" */
				unit = xstrndup(st->s + st->t[k].b,
				                st->t[ue].b +
				                    draft_tok_base(st, ue) -
				                    st->t[k].b);
			}
		}
		if (unit == NULL && !scaled) {
			for (size_t x = b; x <= e; x++)
				st->t[x].used = 1;
			i = e;
			continue;
		}
		if (unit && ue && unit[0] != '$' && unit[0] != '%' &&
		    !plural(st, ue) && num.value > 1 && !st->t[ue].hy &&
		    !draft_tok_in(st, ue, "people dead wounded missing") &&
		    strcmp(unit + strlen(unit) - (strlen(unit) > 3 ? 3 : 0),
		           "men") != 0 &&
		    draft_tok_lower(st, ue + 1) && draft_tok_spaced(st, ue) &&
		    !draft_tok_in(st, ue + 1, draft_unit_stop)) {
			char *p =
			    xasprintf("%ss", unit); /* "thirty year history" */

			free(unit);
			unit = p;
		}
		hedged = draft_tok_in(st, b - 1, hedges) ||
		         (draft_tok_in(st, b - 1, "an a") &&
		          draft_tok_in(st, b - 2, hedges)) ||
		         (draft_tok_is(st, b - 1, "than") &&
		          draft_tok_in(st, b - 2, "more less fewer")) ||
		         (draft_tok_is(st, b - 1, "to") &&
		          draft_tok_in(st, b - 2, "up close"));
		number_format(num.value, abuf, sizeof(abuf));
		key = xasprintf("%s|%s", abuf, unit ? unit : "");
		for (size_t x = b; x <= e; x++)
			st->t[x].used = 1;
		if (draft_seen(bd, DRAFT_FIGURE, key)) {
			free(key);
			free(unit);
			i = e;
			continue;
		}
		free(key);
		c = draft_add_card(bd, DRAFT_FIGURE, CARD_NUMBER, st, t->b);
		prefix = unit == NULL     ? "What figure: "
		         : unit[0] == '$' ? "How much, in dollars: "
		         : unit[0] == '%' ? "What percentage: "
		                          : NULL;
		if (prefix) {
			c->q = blanked(bd, st, t->b - (size_t)dollars,
			               st->t[e].e + (size_t)pct, prefix);
		} else {
			char *p = xasprintf("How many %s: ", unit);

			c->q = blanked(bd, st, t->b, st->t[e].e, p);
			free(p);
		}
		number_format_words(num.value, abuf, sizeof(abuf));
		c->a = xstrdup(abuf);
		c->unit = unit;
		if (hedged)
			c->tolerance = tolerance_text(num.value, place);
		c->id = xasprintf("figure-%s", abuf);
		i = e;
	}
}
