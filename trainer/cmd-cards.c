/*
 * cmd-cards.c - "trainer cards": list the cards of the loaded decks, as
 * text for people or as one JSON array for scripts.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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

/* The decimal digits of 'v'. */
static void
json_int(struct strbuf *sb, long long v)
{
	char buf[24], *p = buf + sizeof(buf);
	unsigned long long u =
	    v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	strbuf_add(sb, p, (size_t)(buf + sizeof(buf) - p));
}

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
	/* a whole number below 1e15 (and not -0): its digits, as %.15g
	 * gives them, without a call to the formatter */
	if (v == (double)(long long)v && fabs(v) < 1e15 &&
	    !(v == 0 && signbit(v))) {
		json_int(sb, (long long)v);
		strbuf_add(sb, ".0", 2);
		return;
	}
	out_shortest_g(buf, sizeof(buf), v);
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
	static const char open[] = ",\n    \"";
	int first = sb->len == 0 || sb->buf[sb->len - 1] == '{';

	strbuf_add(sb, open + first, sizeof(open) - 1 - (size_t)first);
	strbuf_adds(sb, key);
	strbuf_add(sb, "\": ", 3);
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
	json_str_or_null(sb, "event", c->event);
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
	json_int(sb, m->reps);
	json_key(sb, "lapses");
	json_int(sb, m->lapses);
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

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_key(const void *a, const void *b)
{
	const struct store_card *x = a, *y = b;

	return strcmp(x->card.id, y->card.id);
}

/* Sort 'l' and keep each string once. */
static void
sort_unique(struct strlist *l)
{
	size_t n = 0;

	xqsort(l->v, l->n, sizeof(*l->v), cmp_name);
	for (size_t i = 0; i < l->n; i++) {
		if (n && strcmp(l->v[n - 1], l->v[i]) == 0)
			free(l->v[i]);
		else
			l->v[n++] = l->v[i];
	}
	l->n = n;
}

/* A pass of load_changed would load a deck under a name an unchanged
 * file's deck has: that file must be loaded too (see load_changed). */
#define NAME_CLASH 1

static int
load_pass(struct store *st, const char *path, struct strlist *must_load,
          struct deckset *set, struct diag_list *diags)
{
	struct strlist files = { 0 };
	struct strmap kept_map = { 0 };
	char **names = NULL;
	int rc = deckset_files(path, &files, diags);

	names = xcalloc(files.n + 1, sizeof(*names));
	for (size_t i = 0; i < files.n; i++)
		if (store_deck_unchanged(st, files.v[i], &names[i]) &&
		    strlist_find(must_load, names[i]) >= 0) {
			free(names[i]);
			names[i] = NULL;
		}
	for (size_t i = 0; i < files.n; i++)
		if (names[i])
			strmap_put(&kept_map, names[i], files.v[i]);
	/* every file, whatever the ones before it gave: each problem is
	 * reported and the worst status wins, as deckset_load does */
	for (size_t i = 0; i < files.n; i++) {
		int r;

		if (names[i])
			continue;
		r = deckset_add_file(set, files.v[i], diags);
		if (r == 0 && strmap_get(&kept_map, set->v[set->n - 1]->name)) {
			strlist_push(must_load, set->v[set->n - 1]->name);
			rc = NAME_CLASH;
			break;
		}
		if (r < rc)
			rc = r;
	}
	for (size_t i = 0; i < files.n; i++)
		free(names[i]);
	free(names);
	strmap_release(&kept_map);
	strlist_release(&files);
	return rc;
}

/*
 * Load into 'set' the deck files at 'path' that changed since the last
 * sync or were never synced; the decks of the others are in the store as
 * their files have them and are listed from there, never read.  Returns
 * as deckset_load.  When a file loaded takes the name of an unchanged
 * file's deck (renamed, not synced yet), that file is loaded too and the
 * whole is loaded again, so that the name goes to the first file in
 * order with the error on the other, as deckset_load does.  A pass given
 * up is forgotten with its diagnostics: 'diags' must start empty.
 */
static int
load_changed(struct store *st, const char *path, struct deckset *set,
             struct diag_list *diags)
{
	struct strlist must_load = { 0 };
	int rc;

	while ((rc = load_pass(st, path, &must_load, set, diags)) ==
	       NAME_CLASH) {
		deckset_release(set);
		diag_list_release(diags);
	}
	strlist_release(&must_load);
	return rc;
}

/* Does card 'c' pass the filter 'f'? */
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

/* 's' folded as answers are compared, for a search: case, accents and
 * compatibility forms set aside (free it); NULL stays NULL. */
static char *
fold(const char *s)
{
	utf8proc_uint8_t *m = NULL;

	if (s == NULL)
		return NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                     UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
	                     UTF8PROC_IGNORE) < 0)
		return xstrdup(s);
	return (char *)m;
}

/* Does 'folded' occur in 's' once folded? */
static int
found_in(const char *s, const char *folded)
{
	char *f = fold(s);
	int found = f && strstr(f, folded) != NULL;

	free(f);
	return found;
}

/* Does card 'c' hold the folded 'search' in its question, answer (any
 * accepted one) or note? */
static int
matches(const struct card *c, const char *search)
{
	if (found_in(c->q, search) || found_in(c->a, search) ||
	    found_in(c->note, search) || found_in(c->text, search))
		return 1;
	for (size_t i = 0; i < c->accept.n; i++)
		if (found_in(c->accept.v[i], search))
			return 1;
	for (size_t i = 0; i < c->items.n; i++)
		if (found_in(c->items.v[i], search))
			return 1;
	return 0;
}

/* One card as a CSV row (see CARDS_CSV_HEADER). */
static void
card_csv(struct strbuf *sb, const struct store_card *sc)
{
	const struct card *c = &sc->card;
	const struct fsrs_card *m = &sc->mem;
	struct strbuf tags = { 0 };
	char due[32];

	for (size_t i = 0; i < c->tags.n; i++) {
		if (i)
			strbuf_addch(&tags, ' ');
		strbuf_adds(&tags, c->tags.v[i]);
	}
	out_csv_field(sb, c->id);
	strbuf_addch(sb, ',');
	out_csv_field(sb, sc->deck);
	strbuf_addch(sb, ',');
	out_csv_field(sb, deck_type_name(c->type));
	strbuf_addch(sb, ',');
	out_csv_field(sb, c->q);
	strbuf_addch(sb, ',');
	out_csv_field(sb, c->a);
	strbuf_addch(sb, ',');
	out_csv_field(sb, tags.buf ? tags.buf : "");
	isotime_format_utc(m->due, due, sizeof(due));
	strbuf_addf(sb, ",%s,%s,", fsrs_state_name(m->state),
	            m->state == FSRS_NEW ? "" : due);
	json_number(sb, m->stability);
	strbuf_addch(sb, ',');
	json_number(sb, m->difficulty);
	strbuf_addf(sb, ",%d,%d,%d\n", m->reps, m->lapses, sc->suspended);
	strbuf_release(&tags);
}

#define CARDS_CSV_HEADER                                                       \
	"id,deck,type,question,answer,tags,state,due,stability,difficulty,"    \
	"reps,lapses,suspended\n"

/* What each card listed goes through. */
struct lister {
	const struct store_filter *f;
	enum cards_format format;
	const char *search; /* folded; NULL: every card */
	size_t shown;
	struct strbuf sb;
};

static int
list_card(const struct store_card *c, void *arg)
{
	struct lister *l = arg;

	if (!wanted(c, l->f) || (l->search && !matches(&c->card, l->search)))
		return 0;
	if (l->format == CARDS_CSV) {
		l->sb.len = 0;
		if (l->shown == 0)
			strbuf_adds(&l->sb, CARDS_CSV_HEADER);
		card_csv(&l->sb, c);
		fwrite(l->sb.buf, 1, l->sb.len, stdout);
	} else if (l->format == CARDS_JSON) {
		/* one card at a time: the output is never held */
		l->sb.len = 0;
		strbuf_adds(&l->sb, l->shown ? ",\n" : "[\n");
		card_json(&l->sb, c);
		fwrite(l->sb.buf, 1, l->sb.len, stdout);
	} else {
		card_text(c);
	}
	l->shown++;
	return 0;
}

/* Keep the state of stored card 'c' (not its content) in 'arg'. */
static int
keep_state(const struct store_card *c, void *arg)
{
	struct {
		struct store_card *v;
		size_t n, alloc;
	} *kept = arg;
	struct store_card *k;

	kept->v = xgrow(kept->v, &kept->alloc, kept->n + 1, sizeof(*kept->v));
	k = &kept->v[kept->n++];
	*k = *c;
	k->deck = NULL;
	memset(&k->card, 0, sizeof(k->card));
	k->card.id = xstrdup(c->card.id);
	return 0;
}

/*
 * List the cards of 'deck' as loaded now, each with its state from the
 * store joined by card id (a card that was retired and is back keeps its
 * history), new when the store does not know it yet.
 */
static int
list_loaded(struct store *st, const struct deck *deck, struct lister *l,
            struct diag_list *diags)
{
	struct {
		struct store_card *v;
		size_t n, alloc;
	} kept = { 0 };
	int rc = store_cards_each(st, deck->name,
	                          STORE_EACH_RETIRED | STORE_EACH_LIGHT,
	                          keep_state, &kept, diags);

	xqsort(kept.v, kept.n, sizeof(*kept.v), cmp_key);
	for (size_t i = 0; rc == 0 && i < deck->ncards; i++) {
		struct store_card key = { .card.id = deck->cards[i].id }, c;
		const struct store_card *found =
		    kept.n ? bsearch(&key, kept.v, kept.n, sizeof(*kept.v),
		                     cmp_key)
		           : NULL;

		if (found) {
			c = *found;
		} else {
			memset(&c, 0, sizeof(c));
			c.mem.due = l->f->now; /* new, as a sync adds it */
		}
		c.deck = deck->name;
		c.card = deck->cards[i];
		rc = list_card(&c, l);
	}
	for (size_t i = 0; i < kept.n; i++)
		free(kept.v[i].card.id);
	free(kept.v);
	return rc;
}

/*
 * The decks to list, sorted: those loaded, and the live stored decks
 * with a card (unchanged, with errors, or whose file is gone) listed as
 * last synced.  With --deck or --tag, first check the names asked for
 * are among the cards listed: 0, EX_USAGE after a message, or a negative
 * status.
 */
static int
deck_names(struct store *st, const struct deckset *set,
           const struct cli_filter *filter, const struct command *cmd,
           struct strlist *decks, struct diag_list *diags)
{
	struct strlist loaded = { 0 }, tags = { 0 }, with_cards = { 0 };
	int check = filter->deck || filter->tags.n, rc;

	for (size_t d = 0; d < set->n; d++) {
		const struct deck *deck = set->v[d];

		strlist_push(&loaded, deck->name);
		if (deck->ncards)
			strlist_push(&with_cards, deck->name);
		for (size_t i = 0; check && i < deck->ncards; i++)
			for (size_t j = 0; j < deck->cards[i].tags.n; j++)
				strlist_push(&tags, deck->cards[i].tags.v[j]);
	}
	if ((rc = store_listed_names(st, &loaded, decks, check ? &tags : NULL,
	                             diags)) < 0)
		goto out;
	for (size_t i = 0; i < with_cards.n; i++)
		strlist_push(decks, with_cards.v[i]);
	sort_unique(decks);
	if (check) {
		sort_unique(&tags);
		rc = cli_filter_check_names(filter, cmd, decks, &tags);
	}
out:
	strlist_release(&loaded);
	strlist_release(&tags);
	strlist_release(&with_cards);
	return rc;
}

int
cli_cards_list(struct cli *cli, const struct command *cmd,
               const struct cli_filter *filter, const struct cards_query *cq)
{
	struct store_filter f = { 0 };
	struct lister l = { .f = &f, .format = cq->format };
	struct store *st = NULL;
	struct strlist decks = { 0 };
	struct deckset set = { 0 };
	struct diag_list diags = { 0 };
	struct fsrs_params params;
	char *search = fold(cq->search);
	int r = 0, rc, rollover, per_day;

	l.search = search;
	f.due_only = cq->due_only;
	f.suspended_only = cq->suspended_only;
	f.deck = filter->deck;
	f.tags = &filter->tags;
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
	/* only the deck files changed since the last sync are read; a deck
	 * with errors is reported and listed as last synced */
	rc = diag_report(&diags,
	                 load_changed(st, cli_decks_path(cli), &set, &diags));
	if (rc != 0 && rc != EX_DATAERR)
		goto out;
	if ((rc = deck_names(st, &set, filter, cmd, &decks, &diags)) != 0) {
		rc = rc < 0 ? diag_report(&diags, rc) : rc;
		goto out;
	}
	/* a deck at a time, a card at a time: nothing is held but the
	 * decks loaded, and the state of the one being listed */
	for (size_t i = 0; r == 0 && i < decks.n; i++) {
		const struct deck *deck = deckset_find(&set, decks.v[i]);

		if (f.deck && strcmp(f.deck, decks.v[i]) != 0)
			continue;
		r = deck ? list_loaded(st, deck, &l, &diags)
		         : store_cards_each(st, decks.v[i], 0, list_card, &l,
		                            &diags);
	}
	if (r == 0 && l.format == CARDS_JSON)
		fputs(l.shown ? "\n]\n" : "[]\n", stdout);
	else if (r == 0 && l.format == CARDS_CSV && l.shown == 0)
		fputs(CARDS_CSV_HEADER, stdout);
	else if (r == 0 && l.shown == 0)
		puts("no cards match");
	rc = diag_report(&diags, r);
out:
	free(search);
	strbuf_release(&l.sb);
	strlist_release(&decks);
	store_close(st);
	deckset_release(&set);
	diag_list_release(&diags);
	return rc;
}

static int
run_cards(struct cli *cli, const struct args *a)
{
	struct cli_filter filter = { 0 };
	struct cards_query q = {
		.format = args_has(a, "json") ? CARDS_JSON : CARDS_TEXT,
		.due_only = args_has(a, "due"),
		.suspended_only = args_has(a, "suspended"),
		.search = args_text(a, "search"),
	};
	int rc;

	cli_filter_from(&filter, a);
	rc = cli_cards_list(cli, &cmd_cards, &filter, &q);
	strlist_release(&filter.tags);
	return rc;
}

static const struct optspec cards_opts[] = {
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "one JSON array of cards, with the keys id, deck, type,\n"
	          "question, answer, accept, choices, items, tags, hint, "
	          "note,\nvalue, unit, tolerance and the card's state" },
	OPTS_FILTERS,
	{ .name = "due", .kind = OPTK_FLAG, .help = "only the cards due now" },
	{ .name = "search",
	  .kind = OPTK_TEXT,
	  .meta = "TEXT",
	  .help = "only cards whose question, answer or note holds TEXT\n"
	          "(case and accents aside: 'dmz' finds DMZ, 'rhee' Rhee)" },
	{ .name = "suspended",
	  .kind = OPTK_FLAG,
	  .help = "only suspended cards ('trainer unsuspend' lets them "
	          "back)" },
	{ 0 },
};

const struct command cmd_cards = {
	.name = "cards",
	.summary = "list the cards of the decks",
	.about = "Lists every card of the decks with its state, in deck "
	         "order; cards added to\n"
	         "a deck since the last session are listed as new.\n",
	.opts = cards_opts,
	.run = run_cards,
};
