/*
 * cmd-export.c - "trainer export cards|reviews|deck": the cards with
 * their state, or the review log in the columns the FSRS tools read, as
 * CSV (or the cards as JSON), one row at a time; or a deck as YAML.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "out.h"
#include "wfile.h"

/* The review log as the FSRS optimizer reads it, then ours. */
#define REVIEWS_HEADER                                                         \
	"card_id,review_time,review_rating,review_state,review_duration,"      \
	"deck,card,answer,verdict\n"

struct review_rows {
	const char *deck; /* NULL: every deck */
	struct strbuf sb;
	size_t n;
};

static int
review_row(const struct store_review *r, void *arg)
{
	struct review_rows *w = arg;

	if (w->deck && strcmp(w->deck, r->deck) != 0)
		return 0;
	w->sb.len = 0;
	strbuf_addf(&w->sb, "%lld,%lld,%d,%d,%lld,", r->card, r->time * 1000,
	            r->rating, r->state_before, r->duration_ms);
	out_csv_field(&w->sb, r->deck);
	strbuf_addch(&w->sb, ',');
	out_csv_field(&w->sb, r->key);
	strbuf_addch(&w->sb, ',');
	out_csv_field(&w->sb, r->answer);
	strbuf_addch(&w->sb, ',');
	out_csv_field(&w->sb, r->verdict);
	strbuf_addch(&w->sb, '\n');
	fwrite(w->sb.buf, 1, w->sb.len, stdout);
	w->n++;
	return 0;
}

static int
export_reviews(struct cli *cli, const struct cli_filter *filter, int all)
{
	struct diag_list diags = { 0 };
	struct review_rows w = { .deck = filter->deck };
	struct store *st = NULL;
	int rc;

	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	if ((rc = cli_filter_check(filter, &cmd_export, st)) == 0) {
		fputs(REVIEWS_HEADER, stdout);
		rc = diag_report(
		    &diags,
		    store_reviews_each(st, all, 0, review_row, &w, &diags));
	}
	strbuf_release(&w.sb);
	store_close(st);
	return rc;
}

/* The shortest text of 'v' that reads back as 'v'. */
static char *
shortest(double v)
{
	char buf[40];

	/* plain digits: the deck loader reads no exponent */
	for (int prec = 0; prec <= 12; prec++) {
		snprintf(buf, sizeof(buf), "%.*f", prec, v);
		if (strtod(buf, NULL) == v)
			return xstrdup(buf);
	}
	return xstrdup(buf);
}

/* "ID.3" or "ID.reverse": the deck entry's id of a derived card. */
static char *
entry_id(const struct card *c)
{
	const char *dot = strrchr(c->id, '.');

	if ((c->type == CARD_CLOZE || c->reverse_of) && dot)
		return xstrndup(c->id, (size_t)(dot - c->id));
	return xstrdup(c->id);
}

/*
 * The text of a cloze from its gap cards, as its deck entry wrote it:
 * each card's question is the text with its own gap as "[...]" and the
 * others filled with their first answer, so every card must give the
 * same filled text, and its gap starts where its "[...]" is.  Returns
 * the text with each gap as {{answer|other|...}} (free it), or NULL when
 * the cards do not agree.
 */
static char *
cloze_text(const struct card *const *gaps, size_t n)
{
	size_t *at = xcalloc(n, sizeof(*at));
	struct strbuf filled = { 0 }, sb = { 0 };
	char *text = NULL;
	size_t prev = 0;

	for (size_t k = 0; k < n; k++) {
		const char *q = gaps[k]->q, *mark = strstr(q, "[...]");
		struct strbuf f = { 0 };

		if (mark == NULL)
			goto out;
		at[k] = (size_t)(mark - q);
		strbuf_add(&f, q, at[k]);
		strbuf_adds(&f, gaps[k]->a);
		strbuf_adds(&f, mark + 5);
		if (k == 0)
			filled = f;
		else if (strcmp(f.buf, filled.buf) != 0 || at[k] < at[k - 1] ||
		         at[k] < at[k - 1] + strlen(gaps[k - 1]->a)) {
			strbuf_release(&f);
			goto out;
		} else
			strbuf_release(&f);
	}
	for (size_t k = 0; k < n; k++) {
		strbuf_add(&sb, filled.buf + prev, at[k] - prev);
		strbuf_adds(&sb, "{{");
		strbuf_adds(&sb, gaps[k]->a);
		for (size_t j = 0; j < gaps[k]->accept.n; j++)
			strbuf_addf(&sb, "|%s", gaps[k]->accept.v[j]);
		strbuf_adds(&sb, "}}");
		prev = at[k] + strlen(gaps[k]->a);
	}
	strbuf_adds(&sb, filled.buf + prev);
	text = strbuf_detach(&sb);
out:
	strbuf_release(&filled);
	strbuf_release(&sb);
	free(at);
	return text;
}

static void
copy_list(struct strlist *to, const struct strlist *from)
{
	for (size_t i = 0; i < from->n; i++)
		strlist_push(to, from->v[i]);
}

/* The deck being rebuilt, and the gaps of the cloze being read. */
struct rebuild {
	struct import_result r;
	struct card *gaps; /* copies of the gap cards read so far */
	size_t ngaps, alloc;
	size_t broken; /* clozes written as text cards */
	const char *deck;
};

/* The entry of the gaps read so far, then forget them. */
static void
flush_cloze(struct rebuild *b)
{
	const struct card **v;
	struct import_entry *e;
	char *text;

	if (b->ngaps == 0)
		return;
	v = xcalloc(b->ngaps, sizeof(*v));
	for (size_t i = 0; i < b->ngaps; i++)
		v[i] = &b->gaps[i];
	text = cloze_text(v, b->ngaps);
	if (text) {
		e = import_add(&b->r);
		e->id = entry_id(&b->gaps[0]);
		e->type = CARD_CLOZE;
		e->text = text;
		e->hint = b->gaps[0].hint ? xstrdup(b->gaps[0].hint) : NULL;
		e->note = b->gaps[0].note ? xstrdup(b->gaps[0].note) : NULL;
		copy_list(&e->tags, &b->gaps[0].tags);
	} else {
		/* the gaps do not agree: each one a text card, said */
		for (size_t i = 0; i < b->ngaps; i++) {
			char *dot = strrchr(b->gaps[i].id, '.');

			e = import_add(&b->r);
			e->id =
			    xasprintf("%.*s-gap-%s", (int)(dot - b->gaps[i].id),
			              b->gaps[i].id, dot + 1);
			e->q = xstrdup(b->gaps[i].q);
			e->a = xstrdup(b->gaps[i].a);
			copy_list(&e->accept, &b->gaps[i].accept);
			copy_list(&e->tags, &b->gaps[i].tags);
		}
		b->broken++;
	}
	for (size_t i = 0; i < b->ngaps; i++)
		card_release(&b->gaps[i]);
	b->ngaps = 0;
	free(v);
}

/* Each stored card into the deck entry it came from: a cloze's gaps into
 * one entry, a reversed twin into its card's 'reverse'. */
static int
deck_entry(const struct store_card *sc, void *arg)
{
	struct rebuild *b = arg;
	struct import_result *r = &b->r;
	const struct card *c = &sc->card;
	char *id = entry_id(c);
	struct import_entry *e;

	if (b->ngaps && (c->type != CARD_CLOZE ||
	                 strncmp(b->gaps[0].id, id, strlen(id)) != 0 ||
	                 b->gaps[0].id[strlen(id)] != '.'))
		flush_cloze(b);
	if (c->type == CARD_CLOZE) {
		struct card *g;

		b->gaps =
		    xgrow(b->gaps, &b->alloc, b->ngaps + 1, sizeof(*b->gaps));
		g = memset(&b->gaps[b->ngaps++], 0, sizeof(*g));
		g->id = xstrdup(c->id);
		g->type = CARD_CLOZE;
		g->q = xstrdup(c->q);
		g->a = xstrdup(c->a);
		g->hint = c->hint ? xstrdup(c->hint) : NULL;
		g->note = c->note ? xstrdup(c->note) : NULL;
		copy_list(&g->accept, &c->accept);
		copy_list(&g->tags, &c->tags);
		free(id);
		return 0;
	}
	if (c->reverse_of && r->n > 0 && strcmp(r->v[r->n - 1].id, id) == 0) {
		r->v[r->n - 1].reverse = 1;
		free(id);
		return 0;
	}
	if (c->reverse_of) { /* its card is gone: keep it as it is asked */
		free(id);
		id = xasprintf("%.*s-reverse",
		               (int)(strrchr(c->id, '.') - c->id), c->id);
	}
	e = import_add(r);
	e->id = id;
	e->type = c->type;
	e->q = xstrdup(c->q);
	e->a = c->a ? xstrdup(c->a) : NULL;
	e->hint = c->hint ? xstrdup(c->hint) : NULL;
	e->note = c->note ? xstrdup(c->note) : NULL;
	e->unit = c->unit ? xstrdup(c->unit) : NULL;
	if (c->type == CARD_NUMBER && c->tolerance > 0)
		e->tolerance = shortest(c->tolerance);
	e->event = c->event ? xstrdup(c->event) : NULL;
	copy_list(&e->accept, &c->accept);
	copy_list(&e->tags, &c->tags);
	copy_list(&e->choices, &c->choices);
	copy_list(&e->items, &c->items);
	return 0;
}

static int
export_deck(struct cli *cli, const struct cli_filter *filter,
            const char *output)
{
	struct diag_list diags = { 0 };
	struct rebuild b = { .deck = filter->deck };
	struct store *st = NULL;
	struct wfile wf = { 0 };
	char *title = NULL;
	int rc;

	if (filter->deck == NULL)
		return cli_usage_error(&cmd_export,
		                       "which deck? say --deck D (see 'trainer "
		                       "names decks')");
	if (filter->tags.n)
		return cli_usage_error(&cmd_export,
		                       "a deck is exported whole: --tag is for "
		                       "'export cards'");
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	if ((rc = cli_filter_check(filter, &cmd_export, st)) != 0)
		goto out;
	title = store_deck_title(st, filter->deck);
	if ((rc = diag_report(&diags,
	                      store_cards_each(st, filter->deck, 0, deck_entry,
	                                       &b, &diags))) != 0)
		goto out;
	flush_cloze(&b);
	if (b.broken)
		diag_say("%zu cloze card%s written as text cards, one a gap: "
		         "their gaps do not make one text",
		         b.broken, b.broken == 1 ? "" : "s");
	/* the file is the old one or the whole new one, never half */
	if ((rc = diag_report(&diags, wfile_open(&wf, output, 0, &diags))) != 0)
		goto out;
	fputs("# exported by 'trainer export deck' from the progress "
	      "database\n",
	      wf.fp);
	import_write(&b.r, filter->deck, title ? title : filter->deck, NULL,
	             wf.fp);
	rc = diag_report(&diags, wfile_commit(&wf, &diags));
out:
	wfile_abort(&wf);
	free(title);
	flush_cloze(&b);
	free(b.gaps);
	import_result_release(&b.r);
	store_close(st);
	return rc;
}

static int
run_export(struct cli *cli, const struct args *a)
{
	struct cli_filter filter = { 0 };
	const char *what = a->npos ? a->pos[0] : NULL;
	int csv = args_has(a, "csv"), json = args_has(a, "json"), rc;

	if (what == NULL)
		return cli_usage_error(
		    &cmd_export, "export what? say cards, reviews or deck");
	if (csv && json)
		return cli_usage_error(&cmd_export,
		                       "--csv or --json: one format at a time");
	cli_filter_from(&filter, a);
	if (strcmp(what, "cards") == 0) {
		struct cards_query q = { .format =
			                     json ? CARDS_JSON : CARDS_CSV };

		rc = args_has(a, "all")
		         ? cli_usage_error(&cmd_export,
		                           "--all is for 'export reviews' (the "
		                           "quiz and drill answers too)")
		         : cli_cards_list(cli, &cmd_export, &filter, &q);
	} else if (strcmp(what, "deck") == 0) {
		rc = json || csv || args_has(a, "all")
		         ? cli_usage_error(&cmd_export,
		                           "a deck is exported as YAML: no "
		                           "--csv, --json or --all")
		         : export_deck(cli, &filter,
		                       args_text(a, "output")
		                           ? args_text(a, "output")
		                           : "-");
	} else if (strcmp(what, "reviews") == 0) {
		rc = json ? cli_usage_error(&cmd_export,
		                            "the review log is exported as "
		                            "CSV (--csv)")
		     : filter.tags.n
		         ? cli_usage_error(&cmd_export,
		                           "--tag is for 'export cards' (the "
		                           "log keeps no tags)")
		         : export_reviews(cli, &filter, args_has(a, "all"));
	} else {
		rc = cli_usage_error(&cmd_export,
		                     "unknown export '%s' (say cards, "
		                     "reviews or deck)",
		                     what);
	}
	strlist_release(&filter.tags);
	return rc;
}

static const struct optspec export_opts[] = {
	{ .name = "csv",
	  .kind = OPTK_FLAG,
	  .help = "CSV with a header line (the default)" },
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "the cards as one JSON array, as 'trainer cards --json'" },
	OPTS_FILTERS,
	{ .name = "output",
	  .short_name = 'o',
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_OUTPUT,
	  .help = "deck: write it there (replaced whole); default standard\n"
	          "output" },
	{ .name = "all",
	  .kind = OPTK_FLAG,
	  .help = "reviews: the quiz and drill answers too (they do not "
	          "schedule)" },
	{ 0 },
};

const struct command cmd_export = {
	.name = "export",
	.args = "cards | reviews | deck",
	.arg_names = OPTN_WORD,
	.arg_words = "cards reviews deck",
	.max_args = 1,
	.summary = "the cards or the review log as CSV or JSON, for other "
	           "tools",
	.about =
	    "export cards: every card with its state: id, deck, type, "
	    "question, answer,\n"
	    "tags (blank-separated), state, due (UTC), stability, "
	    "difficulty, reps,\n"
	    "lapses, suspended.\n"
	    "\n"
	    "export reviews: the answers that scheduled a card, oldest "
	    "first, in the\n"
	    "columns the FSRS optimizer reads: card_id, review_time (Unix "
	    "time in ms),\n"
	    "review_rating (1-4), review_state (the state before: 0 new, 1 "
	    "learning,\n"
	    "2 review, 3 relearning), review_duration (ms); then deck, card, "
	    "answer and\n"
	    "verdict.  With --all the quiz and drill answers too (rating 0 "
	    "when not rated).\n"
	    "\n"
	    "export deck --deck D: the deck's cards as the database holds "
	    "them, as a YAML\n"
	    "deck file that 'trainer check' passes (a cloze's gaps one "
	    "entry, a reversed\n"
	    "card 'reverse: true'), to rebuild a deck file, say from an "
	    "import.\n",
	.opts = export_opts,
	.run = run_export,
};
