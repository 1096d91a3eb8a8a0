/*
 * chrono.c - events in time, and chronology questions made from them.
 */
#include "chrono.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- dates as spans ---------------------------------------------------- */

void
chrono_span(const struct date *d, long *first, long *last)
{
	struct date end = *d;

	*first = date_day_number(d);
	if (d->month == 0) {
		end.month = 12;
		end.day = 31;
	} else if (d->day == 0) {
		end.day = date_days_in_month(d->year, d->month);
	}
	*last = date_day_number(&end);
}

int
chrono_order(const struct date *a, const struct date *b)
{
	long af, al, bf, bl;

	chrono_span(a, &af, &al);
	chrono_span(b, &bf, &bl);
	if (al < bf)
		return -1;
	if (bl < af)
		return 1;
	return 0;
}

int
chrono_same_date(const struct date *a, const struct date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* The precision of 'd': 0 a year, 1 a month, 2 a day. */
static int
precision(const struct date *d)
{
	return d->day ? 2 : d->month ? 1 : 0;
}

static int
compare_events(const void *pa, const void *pb)
{
	const struct chrono_event *a = pa, *b = pb;
	long da = date_day_number(&a->date), db = date_day_number(&b->date);
	int c;

	if (da != db)
		return da < db ? -1 : 1;
	if (precision(&a->date) != precision(&b->date))
		return precision(&a->date) - precision(&b->date);
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return a->card < b->card ? -1 : a->card > b->card;
}

void
chrono_sort(struct chrono_event *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), compare_events);
}

/* ---- gaps -------------------------------------------------------------- */

/* "3 years", "1 year": 'n' of 'unit' appended to 'sb', after a space
 * when it holds something; nothing for 0. */
static void
add_count(struct strbuf *sb, long n, const char *unit)
{
	if (n == 0)
		return;
	strbuf_addf(sb, "%s%ld %s%s", sb->len ? " " : "", n, unit,
	            n == 1 ? "" : "s");
}

void
chrono_gap_text(const struct date *a, const struct date *b, char *buf,
                size_t size)
{
	const struct date *x = a, *y = b;
	struct strbuf sb = { 0 };
	int p = precision(a) < precision(b) ? precision(a) : precision(b);

	if (date_day_number(b) < date_day_number(a)) {
		x = b;
		y = a;
	}
	if (p == 0) {
		add_count(&sb, y->year - x->year, "year");
		if (sb.len == 0)
			strbuf_adds(&sb, "the same year");
	} else if (p == 1) {
		long months =
		    (long)(y->year - x->year) * 12 + y->month - x->month;

		add_count(&sb, months / 12, "year");
		add_count(&sb, months % 12, "month");
		if (sb.len == 0)
			strbuf_adds(&sb, "the same month");
	} else {
		long months =
		    (long)(y->year - x->year) * 12 + y->month - x->month;
		long days = y->day - x->day;

		if (days < 0) {
			int pm = y->month == 1 ? 12 : y->month - 1;
			int py = y->month == 1 ? y->year - 1 : y->year;

			months--;
			days += date_days_in_month(py, pm);
		}
		if (months < 0) { /* cannot be: y is not before x */
			months = 0;
			days = 0;
		}
		add_count(&sb, months / 12, "year");
		add_count(&sb, months % 12, "month");
		if (months < 12)
			add_count(&sb, days, "day");
		if (sb.len == 0)
			strbuf_adds(&sb, "the same day");
	}
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
}

int
chrono_years_between(const struct date *a, const struct date *b, int *tolerance)
{
	const struct date *x = a, *y = b;
	int years;

	if (date_day_number(b) < date_day_number(a)) {
		x = b;
		y = a;
	}
	years = y->year - x->year;
	if (x->month && y->month && years > 0 &&
	    (y->month < x->month ||
	     (y->month == x->month && x->day && y->day && y->day < x->day)))
		years--;
	if (tolerance)
		*tolerance = x->month == 0 || y->month == 0;
	return years;
}

/* ---- questions --------------------------------------------------------- */

const char *
chrono_kind_name(enum chrono_kind k)
{
	static const char *const names[] = { "first", "order", "between",
		                             "year", "relative" };

	return k < CHRONO_NKINDS ? names[k] : "?";
}

/* splitmix64: the next number from '*s'. */
static uint64_t
next_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static size_t
rand_below(uint64_t *s, size_t n)
{
	return n ? (size_t)(next_rand(s) % n) : 0;
}

/* Can events 'a' and 'b' stand in one question? */
static int
distinct(const struct chrono_event *a, const struct chrono_event *b)
{
	return chrono_order(&a->date, &b->date) != 0 &&
	       strcmp(a->name, b->name) != 0;
}

/* The years between the spans of 'a' (earlier) and 'b'. */
static double
gap_years(const struct chrono_event *a, const struct chrono_event *b)
{
	long af, al, bf, bl;

	chrono_span(&a->date, &af, &al);
	chrono_span(&b->date, &bf, &bl);
	return (double)(bf - al) / 365.25;
}

/* The gap wanted between two events known 'k' (0 to 1), in years. */
static double
wanted_gap(double k)
{
	if (k < 0)
		k = 0;
	if (k > 1)
		k = 1;
	return 1.0 + 29.0 * (1.0 - k);
}

#define PAIR_SAMPLE 256 /* events looked at for a pair, at most */
#define PAIR_BEST   4   /* a pair is drawn among the best this many */

struct pair {
	size_t i, j;
	double cost;
};

/*
 * Choose two events that can be ordered, 'v[i]' before 'v[j]', with the
 * gap their knowledge wants; for BETWEEN also at least a year apart.
 * Returns 0, or -1 when there is no such pair.
 */
static int
choose_pair(const struct chrono_event *v, size_t n, int whole_years,
            uint64_t *rng, const unsigned *uses, size_t *pi, size_t *pj)
{
	struct pair best[PAIR_BEST];
	size_t nbest = 0, m = n, *at = xcalloc(n ? n : 1, sizeof(*at));

	for (size_t i = 0; i < n; i++)
		at[i] = i;
	if (n > PAIR_SAMPLE) { /* a random sample, kept in date order */
		for (size_t i = 0; i < PAIR_SAMPLE; i++) {
			size_t k = i + rand_below(rng, n - i), t = at[i];

			at[i] = at[k];
			at[k] = t;
		}
		m = PAIR_SAMPLE;
		for (size_t i = 1; i < m; i++) /* insertion sort */
			for (size_t k = i; k > 0 && at[k - 1] > at[k]; k--) {
				size_t t = at[k];

				at[k] = at[k - 1];
				at[k - 1] = t;
			}
	}
	for (size_t a = 0; a < m; a++)
		for (size_t b = a + 1; b < m; b++) {
			const struct chrono_event *x = &v[at[a]],
			                          *y = &v[at[b]];
			double g, cost, want;
			struct pair p;

			if (!distinct(x, y) ||
			    (whole_years && chrono_years_between(
			                        &x->date, &y->date, NULL) < 1))
				continue;
			g = gap_years(x, y);
			want = wanted_gap((x->known + y->known) / 2);
			cost = fabs(log((g + 0.5) / (want + 0.5)));
			if (uses)
				cost += 0.7 * (uses[at[a]] + uses[at[b]]);
			/* a little noise, so that ties are drawn */
			cost += (double)rand_below(rng, 1000) / 1e6;
			p = (struct pair){ at[a], at[b], cost };
			if (nbest < PAIR_BEST) {
				best[nbest++] = p;
			} else {
				size_t w = 0;

				for (size_t k = 1; k < nbest; k++)
					if (best[k].cost > best[w].cost)
						w = k;
				if (cost < best[w].cost)
					best[w] = p;
			}
		}
	free(at);
	if (nbest == 0)
		return -1;
	{
		size_t k = rand_below(rng, nbest);

		*pi = best[k].i;
		*pj = best[k].j;
	}
	return 0;
}

/* The events in an order drawn at random, those asked least first. */
static size_t *
shuffled(size_t n, uint64_t *rng, const unsigned *uses)
{
	size_t *o = xcalloc(n ? n : 1, sizeof(*o));

	for (size_t i = 0; i < n; i++)
		o[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t k = rand_below(rng, i), t = o[i - 1];

		o[i - 1] = o[k];
		o[k] = t;
	}
	if (uses) /* stable: insertion sort by uses */
		for (size_t i = 1; i < n; i++)
			for (size_t k = i; k > 0 && uses[o[k - 1]] > uses[o[k]];
			     k--) {
				size_t t = o[k];

				o[k] = o[k - 1];
				o[k - 1] = t;
			}
	return o;
}

static int
choose_order(const struct chrono_event *v, size_t n, uint64_t *rng,
             const unsigned *uses, struct chrono_question *q)
{
	size_t want = 3 + rand_below(rng, 3), *o = shuffled(n, rng, uses);

	q->nev = 0;
	for (size_t i = 0; i < n && q->nev < want; i++) {
		int ok = 1;

		for (size_t k = 0; k < q->nev && ok; k++)
			ok = distinct(&v[o[i]], &v[q->ev[k]]);
		if (ok)
			q->ev[q->nev++] = o[i];
	}
	free(o);
	if (q->nev < 3)
		return -1;
	/* in date order: v is sorted, so by index */
	for (size_t i = 1; i < q->nev; i++)
		for (size_t k = i; k > 0 && q->ev[k - 1] > q->ev[k]; k--) {
			size_t t = q->ev[k];

			q->ev[k] = q->ev[k - 1];
			q->ev[k - 1] = t;
		}
	return 0;
}

static int
choose_year(const struct chrono_event *v, size_t n, uint64_t *rng,
            const unsigned *uses, struct chrono_question *q)
{
	size_t *o = shuffled(n, rng, uses), *near;
	int rc = -1;

	near = xcalloc(n ? n : 1, sizeof(*near));
	for (size_t t = 0; t < n && rc < 0; t++) {
		const struct chrono_event *e = &v[o[t]];
		size_t m = 0;

		/* the others not in that year, nearest years first */
		for (size_t i = 0; i < n; i++)
			if (v[i].date.year != e->date.year &&
			    strcmp(v[i].name, e->name) != 0)
				near[m++] = i;
		for (size_t i = 1; i < m; i++)
			for (size_t k = i;
			     k > 0 &&
			     abs(v[near[k - 1]].date.year - e->date.year) >
			         abs(v[near[k]].date.year - e->date.year);
			     k--) {
				size_t s = near[k];

				near[k] = near[k - 1];
				near[k - 1] = s;
			}
		q->nev = 0;
		q->ev[q->nev++] = o[t];
		for (size_t i = 0; i < m && q->nev < 4; i++) {
			int dup = 0;

			for (size_t k = 0; k < q->nev; k++)
				dup |= strcmp(v[q->ev[k]].name,
				              v[near[i]].name) == 0;
			if (!dup)
				q->ev[q->nev++] = near[i];
		}
		if (q->nev >= 3) {
			q->year = e->date.year;
			rc = 0;
		}
	}
	free(near);
	free(o);
	return rc;
}

/* The note shown after the answer: each event with its date, and the
 * gap from the one before. */
static char *
dates_note(const struct chrono_event *v, const struct chrono_question *q)
{
	struct strbuf sb = { 0 };
	size_t order[CHRONO_MAX_EVENTS];

	for (size_t i = 0; i < q->nev; i++)
		order[i] = q->ev[i];
	for (size_t i = 1; i < q->nev; i++) /* by date: v is sorted */
		for (size_t k = i; k > 0 && order[k - 1] > order[k]; k--) {
			size_t t = order[k];

			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	for (size_t i = 0; i < q->nev; i++) {
		const struct chrono_event *e = &v[order[i]];
		char when[64], gap[64];

		date_format_words(&e->date, when, sizeof(when));
		if (i > 0)
			strbuf_addch(&sb, '\n');
		strbuf_addf(&sb, "%s: %s", when, e->name);
		if (i > 0) {
			chrono_gap_text(&v[order[i - 1]].date, &e->date, gap,
			                sizeof(gap));
			strbuf_addf(
			    &sb, " (%s%s)", gap,
			    strncmp(gap, "the same", 8) == 0 ? "" : " later");
		}
	}
	return strbuf_detach(&sb);
}

/* "3 years before", "1 year after". */
static char *
years_text(int n, const char *way)
{
	return xasprintf("%d year%s %s", n, n == 1 ? "" : "s", way);
}

/* When relative to the other: the right number of years each way, and
 * a number of years that is wrong by more than the tolerance each way. */
static void
relative_card(const struct chrono_event *v, const struct chrono_question *q,
              uint64_t *rng, struct card *c)
{
	const struct chrono_event *asked = &v[q->ev[q->later ? 1 : 0]],
	                          *other = &v[q->ev[q->later ? 0 : 1]];
	int tol, k = chrono_years_between(&asked->date, &other->date, &tol);
	int off = tol ? 3 : 2, k2 = k + off;
	const char *way = q->later ? "after" : "before";
	char *s;

	if (k - off >= 1 && (next_rand(rng) & 1))
		k2 = k - off;
	c->type = CARD_CHOICE;
	c->q = xasprintf("When did '%s' happen, relative to '%s'?", asked->name,
	                 other->name);
	c->a = years_text(k, way);
	strlist_push(&c->choices, c->a);
	s = years_text(k, q->later ? "before" : "after");
	strlist_push(&c->choices, s);
	free(s);
	s = years_text(k2, "before");
	strlist_push(&c->choices, s);
	free(s);
	s = years_text(k2, "after");
	strlist_push(&c->choices, s);
	free(s);
}

int
chrono_make(const struct chrono_event *v, size_t n, enum chrono_kind kind,
            uint64_t *rng, unsigned *uses, struct chrono_question *q)
{
	struct card *c = &q->card;
	size_t i, j;
	int rc = -1;

	memset(q, 0, sizeof(*q));
	q->kind = kind;
	switch (kind) {
	case CHRONO_FIRST:
	case CHRONO_BETWEEN:
	case CHRONO_RELATIVE:
		if (choose_pair(v, n, kind != CHRONO_FIRST, rng, uses, &i, &j) <
		    0)
			break;
		q->ev[0] = i;
		q->ev[1] = j;
		q->nev = 2;
		q->later = kind == CHRONO_RELATIVE && (next_rand(rng) & 1);
		rc = 0;
		break;
	case CHRONO_ORDER:
		rc = choose_order(v, n, rng, uses, q);
		break;
	case CHRONO_YEAR:
		rc = choose_year(v, n, rng, uses, q);
		break;
	default:
		break;
	}
	if (rc < 0) {
		memset(q, 0, sizeof(*q));
		return -1;
	}
	c->id = xstrdup("chronology");
	switch (kind) {
	case CHRONO_FIRST:
		c->type = CARD_CHOICE;
		c->q = xstrdup("Which came first?");
		strlist_push(&c->choices, v[q->ev[0]].name);
		strlist_push(&c->choices, v[q->ev[1]].name);
		c->a = xstrdup(v[q->ev[0]].name);
		break;
	case CHRONO_ORDER:
		c->type = CARD_ORDER;
		c->q = xstrdup("Put these events in order, earliest first:");
		for (size_t k = 0; k < q->nev; k++)
			strlist_push(&c->items, v[q->ev[k]].name);
		break;
	case CHRONO_BETWEEN: {
		int tol;

		c->type = CARD_NUMBER;
		c->q = xasprintf("How many years apart were '%s' and '%s'?",
		                 v[q->ev[0]].name, v[q->ev[1]].name);
		c->value = chrono_years_between(&v[q->ev[0]].date,
		                                &v[q->ev[1]].date, &tol);
		c->tolerance = tol;
		c->a = xasprintf("%.0f", c->value);
		c->unit = xstrdup("years");
		break;
	}
	case CHRONO_RELATIVE:
		relative_card(v, q, rng, c);
		break;
	case CHRONO_YEAR:
		c->type = CARD_CHOICE;
		c->q = xasprintf("What happened in %d?", q->year);
		for (size_t k = 0; k < q->nev; k++)
			strlist_push(&c->choices, v[q->ev[k]].name);
		c->a = xstrdup(v[q->ev[0]].name);
		break;
	default:
		break;
	}
	c->note = dates_note(v, q);
	if (uses)
		for (size_t k = 0; k < q->nev; k++)
			uses[q->ev[k]]++;
	return 0;
}

size_t
chrono_quiz(const struct chrono_event *v, size_t n, size_t count, uint64_t seed,
            struct chrono_question *out)
{
	unsigned *uses = xcalloc(n ? n : 1, sizeof(*uses));
	int cannot[CHRONO_NKINDS] = { 0 };
	uint64_t rng = seed;
	size_t made = 0, failed = 0;

	for (size_t t = 0; made < count && failed < CHRONO_NKINDS; t++) {
		enum chrono_kind k = (enum chrono_kind)(t % CHRONO_NKINDS);

		if (cannot[k])
			continue;
		if (chrono_make(v, n, k, &rng, uses, &out[made]) == 0) {
			made++;
		} else {
			cannot[k] = 1;
			failed++;
		}
	}
	free(uses);
	return made;
}

void
chrono_question_release(struct chrono_question *q)
{
	if (q == NULL)
		return;
	card_release(&q->card);
	memset(q, 0, sizeof(*q));
}
