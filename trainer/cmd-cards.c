/*
 * cmd-cards.c - "trainer cards": list the cards of the loaded decks, as
 * text for people or as one JSON array for scripts.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "isotime.h"
#include "number.h"
#include "opt.h"
#include "out.h"
#include "study.h"

/*
 * The JSON of one card, written a card at a time in the layout jansson
 * gives an array of objects with JSON_INDENT(2): nothing is kept once
 * printed.
 */

/* A number in the shortest form that reads back as the same double, as
 * JSON (a ".0" when it would read as an integer; null when not finite). */
static void
json_number(struct strbuf *sb, double v)
{
	char buf[40], *e;

	if (!isfinite(v)) {
		strbuf_adds(sb, "null");
		return;
	}
	/* a decimal of 15 digits or fewer is found at 15: its double is
	 * much closer to it than a unit in the 15th digit */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if ((e = strchr(buf, 'e')) != NULL) {
		/* 1e+20 as 1e20 and 1e-07 as 1e-7, as jansson writes them */
		char *d = e + 1, *q = e + 1;

		if (*q == '+')
			q++;
		else if (*q == '-')
			*d++ = *q++;
		while (*q == '0' && q[1])
			q++;
		memmove(d, q, strlen(q) + 1);
	}
	strbuf_adds(sb, buf);
	if (strpbrk(buf, ".e") == NULL)
		strbuf_adds(sb, ".0");
}

/* The start of the member 'key' of a card: after the first, a comma. */
static void
json_key(struct strbuf *sb, const char *key)
{
	if (sb->len && sb->buf[sb->len - 1] != '{')
		strbuf_addch(sb, ',');
	strbuf_adds(sb, "\n    \"");
	strbuf_adds(sb, key);
	strbuf_adds(sb, "\": ");
}

static void
json_str_or_null(struct strbuf *sb, const char *key, const char *s)
{
	json_key(sb, key);
	if (s)
		out_json_string(sb, s);
	else
		strbuf_adds(sb, "null");
}

static void
json_strlist(struct strbuf *sb, const char *key, const struct strlist *l)
{
	json_key(sb, key);
	if (l->n == 0) {
		strbuf_adds(sb, "[]");
		return;
	}
	strbuf_addch(sb, '[');
	for (size_t i = 0; i < l->n; i++) {
		strbuf_adds(sb, i ? ",\n      " : "\n      ");
		out_json_string(sb, l->v[i]);
	}
	strbuf_adds(sb, "\n    ]");
}

/* Append card 'sc' to 'sb' as an element of the array. */
static void
card_json(struct strbuf *sb, const struct store_card *sc)
{
	const struct card *c = &sc->card;
	const struct fsrs_card *m = &sc->mem;
	int number = c->type == CARD_NUMBER;
	char due[32];

	strbuf_adds(sb, "  {");
	json_str_or_null(sb, "id", c->id);
	json_str_or_null(sb, "deck", sc->deck);
	json_str_or_null(sb, "type", deck_type_name(c->type));
	json_str_or_null(sb, "question", c->q);
	json_str_or_null(sb, "answer", c->a);
	json_strlist(sb, "accept", &c->accept);
	json_strlist(sb, "choices", &c->choices);
	json_strlist(sb, "items", &c->items);
	json_strlist(sb, "tags", &c->tags);
	json_str_or_null(sb, "hint", c->hint);
	json_str_or_null(sb, "note", c->note);
	json_key(sb, "value");
	if (number)
		json_number(sb, c->value);
	else
		strbuf_adds(sb, "null");
	json_str_or_null(sb, "unit", number ? c->unit : NULL);
	json_key(sb, "tolerance");
	if (number)
		json_number(sb, c->tolerance);
	else
		strbuf_adds(sb, "null");
	json_str_or_null(sb, "state", fsrs_state_name(m->state));
	isotime_format_utc(m->due, due, sizeof(due));
	json_str_or_null(sb, "due", m->state == FSRS_NEW ? NULL : due);
	json_key(sb, "stability");
	json_number(sb, m->stability);
	json_key(sb, "difficulty");
	json_number(sb, m->difficulty);
	json_key(sb, "reps");
	strbuf_addf(sb, "%d", m->reps);
	json_key(sb, "lapses");
	strbuf_addf(sb, "%d", m->lapses);
	json_key(sb, "suspended");
	strbuf_adds(sb, sc->suspended ? "true" : "false");
	strbuf_adds(sb, "\n  }");
}

/* Print 'label' then 's', continuation lines indented under it. */
static void
print_field(const char *label, const char *s)
{
	printf("  %-9s", label);
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		out_safe(stdout, line, 0);
		free(line);
		p += n;
		if (*p == '\n' && *++p)
			printf("\n  %-9s", "");
	}
	putchar('\n');
}

static void
print_list(const char *label, const struct strlist *l, int numbered)
{
	struct strbuf sb = { 0 };

	if (l->n == 0)
		return;
	for (size_t i = 0; i < l->n; i++) {
		if (numbered)
			strbuf_addf(&sb, "%s%zu. %s", i ? "  " : "", i + 1,
			            l->v[i]);
		else
			strbuf_addf(&sb, "%s%s", i ? " | " : "", l->v[i]);
	}
	print_field(label, sb.buf);
	strbuf_release(&sb);
}

static void
print_state(const struct store_card *sc)
{
	const struct fsrs_card *m = &sc->mem;
	char due[32];

	printf("  %-9s%s", "state:", fsrs_state_name(m->state));
	if (m->state != FSRS_NEW) {
		isotime_format_utc(m->due, due, sizeof(due));
		printf(", due %s, stability %.2f days, difficulty %.2f, "
		       "%d review%s, %d lapse%s",
		       due, m->stability, m->difficulty, m->reps,
		       m->reps == 1 ? "" : "s", m->lapses,
		       m->lapses == 1 ? "" : "s");
	}
	puts(sc->suspended ? ", suspended" : "");
}

static void
card_text(const struct store_card *sc)
{
	const struct card *c = &sc->card;

	/* names are checked when a deck is loaded, but the database is
	 * input too: everything from it is shown escaped */
	out_safe(stdout, sc->deck, 0);
	putchar('/');
	out_safe(stdout, c->id, 0);
	printf("  %s", deck_type_name(c->type));
	for (size_t i = 0; i < c->tags.n; i++) {
		fputs(i ? ", " : "  [", stdout);
		out_safe(stdout, c->tags.v[i], 0);
	}
	puts(c->tags.n ? "]" : "");
	print_field("q:", c->q);
	if (c->type == CARD_NUMBER && c->unit) {
		char *a = strcmp(c->unit, "$") == 0 ? xasprintf("$%s", c->a)
		          : strcmp(c->unit, "%") == 0
		              ? xasprintf("%s%%", c->a)
		              : xasprintf("%s %s", c->a, c->unit);

		print_field("a:", a);
		free(a);
	} else if (c->a) {
		print_field("a:", c->a);
	}
	if (c->type == CARD_NUMBER && c->tolerance > 0) {
		char buf[64];
		int dollars = c->unit && strcmp(c->unit, "$") == 0;
		int percent = c->unit && strcmp(c->unit, "%") == 0;

		number_format_words(c->tolerance, buf, sizeof(buf));
		printf("  %-9s+/- %s%s%s\n", "within:", dollars ? "$" : "", buf,
		       percent ? "%" : "");
	}
	print_list("also:", &c->accept, 0);
	print_list("choices:", &c->choices, 0);
	print_list("order:", &c->items, 1);
	print_state(sc);
}

/* A card to list, a shallow view: its content belongs to a loaded deck
 * or to the cards read from the store. */
static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct listed {
	struct store_card c;
	size_t seq; /* the order within its deck */
};

static int
cmp_stored(const void *a, const void *b)
{
	const struct store_card *x = *(const struct store_card *const *)a;
	const struct store_card *y = *(const struct store_card *const *)b;
	int d = strcmp(x->deck, y->deck);

	return d ? d : strcmp(x->card.id, y->card.id);
}

static int
cmp_listed(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	int d = strcmp(x->c.deck, y->c.deck);

	return d ? d : (x->seq > y->seq) - (x->seq < y->seq);
}

/*
 * The cards to list: every card of the decks as loaded now, with its
 * state from the store joined by (deck name, card id), new when the
 * store does not know it yet; then the live stored cards of decks that
 * did not load (a deck with errors keeps its cards as last synced).
 * Sorted by deck name, then deck order.  Free '*out' only (a view).
 */
static void
gather(const struct deckset *set, struct store_card *stored, size_t nstored,
       long long now, struct listed **out, size_t *nout)
{
	struct store_card **index = xcalloc(nstored + 1, sizeof(*index));
	struct listed *v = NULL;
	size_t n = 0, alloc = 0;

	for (size_t i = 0; i < nstored; i++)
		index[i] = &stored[i];
	xqsort(index, nstored, sizeof(*index), cmp_stored);
	for (size_t d = 0; d < set->n; d++) {
		const struct deck *deck = set->v[d];

		for (size_t i = 0; i < deck->ncards; i++) {
			struct store_card key = { .deck = deck->name },
			                  *kp = &key;
			struct store_card **found;
			struct listed *l;

			key.card.id = deck->cards[i].id;
			found = bsearch(&kp, index, nstored, sizeof(*index),
			                cmp_stored);
			v = xgrow(v, &alloc, n + 1, sizeof(*v));
			l = &v[n++];
			memset(l, 0, sizeof(*l));
			if (found)
				l->c = **found;
			else
				l->c.mem.due = now; /* new, as a sync adds it */
			l->c.deck = deck->name;
			l->c.card = deck->cards[i];
			l->seq = i;
		}
	}
	for (size_t i = 0; i < nstored; i++) {
		if (stored[i].retired || deckset_find(set, stored[i].deck))
			continue;
		v = xgrow(v, &alloc, n + 1, sizeof(*v));
		v[n].c = stored[i];
		v[n].seq = i;
		n++;
	}
	qsort(v, n, sizeof(*v), cmp_listed);
	free(index);
	*out = v;
	*nout = n;
}

/* Does card 'c' pass the filter 'f'? */
/* The --deck and --tag asked for are among the cards listed: 0, or
 * EX_USAGE after a message. */
static int
check_filter(const struct cli_filter *filter, const struct listed *list,
             size_t n)
{
	struct strmap seen_decks = { 0 }, seen_tags = { 0 };
	struct strlist decks = { 0 }, tags = { 0 };
	int rc;

	for (size_t i = 0; i < n; i++) {
		const struct store_card *c = &list[i].c;

		if (strmap_put(&seen_decks, c->deck, &seen_decks) == NULL)
			strlist_push(&decks, c->deck);
		for (size_t j = 0; j < c->card.tags.n; j++)
			if (strmap_put(&seen_tags, c->card.tags.v[j],
			               &seen_tags) == NULL)
				strlist_push(&tags, c->card.tags.v[j]);
	}
	xqsort(decks.v, decks.n, sizeof(*decks.v), cmp_name);
	xqsort(tags.v, tags.n, sizeof(*tags.v), cmp_name);
	rc = cli_filter_check_names(filter, &cmd_cards, &decks, &tags);
	strlist_release(&decks);
	strlist_release(&tags);
	strmap_release(&seen_decks);
	strmap_release(&seen_tags);
	return rc;
}

static int
wanted(const struct store_card *c, const struct store_filter *f)
{
	int tagged = f->tags->n == 0;

	for (size_t i = 0; !tagged && i < c->card.tags.n; i++)
		tagged = strlist_find(f->tags, c->card.tags.v[i]) >= 0;
	if (!tagged || (f->deck && strcmp(c->deck, f->deck) != 0) ||
	    (f->suspended_only && !c->suspended))
		return 0;
	return !f->due_only || (!c->suspended && c->buried_until <= f->now &&
	                        fsrs_is_due(&c->mem, f->now, f->day_end));
}

static int
run_cards(struct cli *cli, int argc, char **argv)
{
	enum { O_JSON = 1, O_DUE, O_SUSPENDED };
	static const struct opt opts[] = {
		{ "json", 0, O_JSON },
		{ "due", 0, O_DUE },
		{ "suspended", 0, O_SUSPENDED },
		OPT_FILTERS,
		{ NULL, 0, 0 },
	};
	struct cli_filter filter = { 0 };
	struct store_filter f = { 0 }, every = { .with_retired = 1 };
	struct store *st = NULL;
	struct store_card *cards = NULL;
	struct listed *list = NULL;
	struct deckset set = { 0 };
	struct diag_list diags = { 0 };
	struct optparse p;
	const char *value;
	struct strbuf sb = { 0 };
	size_t n = 0, nlist = 0, shown = 0;
	struct fsrs_params params;
	int id, json = 0, rc, rollover, per_day;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (cli_filter_option(&filter, id, value))
			continue;
		switch (id) {
		case O_JSON:
			json = 1;
			break;
		case O_DUE:
			f.due_only = 1;
			break;
		case O_SUSPENDED:
			f.suspended_only = 1;
			break;
		case OPT_ARG:
			rc = cli_usage_error(&cmd_cards,
			                     "unexpected argument '%s'", value);
			goto out;
		default:
			rc = cli_usage_error(&cmd_cards, "%s", p.error);
			goto out;
		}
	}
	f.deck = filter.deck;
	f.tags = &filter.tags;
	f.now = cli_now(cli);
	/* the database read-only, the decks read in memory: nothing is
	 * synced or locked, cards just added to a deck are listed as new */
	if ((rc = cli_open_store(cli, &st)) != 0)
		goto out;
	if (study_settings(st, &params, &rollover, &per_day) < 0) {
		rc = diag_status(EX_DATAERR);
		goto out;
	}
	f.day_end = clock_day_end(f.now, rollover);
	/* a deck with errors is reported and listed as last synced */
	rc = diag_report(&diags,
	                 deckset_load(&set, cli_decks_path(cli), &diags));
	if (rc != 0 && rc != EX_DATAERR)
		goto out;
	if ((rc = diag_report(
	         &diags, store_cards(st, &every, &cards, &n, &diags))) != 0)
		goto out;
	gather(&set, cards, n, f.now, &list, &nlist);
	if ((rc = check_filter(&filter, list, nlist)) != 0)
		goto out;
	for (size_t i = 0; i < nlist; i++) {
		if (!wanted(&list[i].c, &f))
			continue;
		if (json) {
			/* one card at a time: the output is never held */
			sb.len = 0;
			strbuf_adds(&sb, shown ? ",\n" : "[\n");
			card_json(&sb, &list[i].c);
			fwrite(sb.buf, 1, sb.len, stdout);
		} else {
			card_text(&list[i].c);
		}
		shown++;
	}
	if (json)
		fputs(shown ? "\n]\n" : "[]\n", stdout);
	else if (shown == 0)
		puts("no cards match");
out:
	strbuf_release(&sb);
	free(list);
	store_cards_free(cards, n);
	store_close(st);
	deckset_release(&set);
	strlist_release(&filter.tags);
	diag_list_release(&diags);
	return rc;
}

const struct command cmd_cards = {
	.name = "cards",
	.usage = "[--json] [--deck D] [--tag T]... [--due] [--suspended]",
	.summary = "list the cards of the decks",
	.help =
	    "options:\n"
	    "  --json      one JSON array of cards, with the keys id, deck, "
	    "type,\n"
	    "              question, answer, accept, choices, items, tags, "
	    "hint, note,\n"
	    "              value, unit, tolerance\n"
	    "  --deck D    only the deck named D\n"
	    "  --tag T     only cards tagged T (repeat: cards with any of "
	    "them)\n"
	    "  --suspended only suspended cards ('trainer unsuspend' lets "
	    "them back)\n",
	.run = run_cards,
};
