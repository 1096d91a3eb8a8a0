/*
 * wording.c - what a session says (see wording.h).
 */
#include "wording.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"

static const char *const commands_help =
    ":hint     a hint (the answer then counts at most as Hard)\n"
    ":dunno    give up: see the answer, counted as wrong (also ?)\n"
    ":skip     skip this card (until tomorrow; in a quiz, another comes)\n"
    ":undo     take back the last answer (not in a quiz)\n"
    ":note     the note of the last card answered, naming it\n"
    ":suspend  never ask this card again (until unsuspended)\n"
    ":stats    how this session is going\n"
    ":help     this list\n"
    ":quit     end the session (Ctrl-D and Ctrl-C too)\n"
    "a unique start of a command is enough: :q, :hi, :no, :st\n";

void
say(const struct session_io *io, enum session_style style, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	io->say(io->ctx, style, text);
	free(text);
}

void
format_interval(long long seconds, char *buf, size_t size)
{
	double d = (double)seconds / 86400;

	if (seconds < 60)
		snprintf(buf, size, "%llds", seconds < 0 ? 0 : seconds);
	else if (seconds < 3600)
		snprintf(buf, size, "%lldm", (seconds + 30) / 60);
	else if (seconds < 86400)
		snprintf(buf, size, "%lldh", (seconds + 1800) / 3600);
	else if (d < 30)
		snprintf(buf, size, "%.0fd", d);
	else if (d < 365)
		snprintf(buf, size, "%.1fmo", d / 30.4375);
	else
		snprintf(buf, size, "%.1fy", d / 365.25);
}

/* ---- the question ---- */

static const char *
type_hint(const struct card *c, char *buf, size_t size)
{
	switch (c->type) {
	case CARD_DATE:
		return "a date";
	case CARD_NUMBER:
		if (c->unit && strcmp(c->unit, "$") == 0)
			return "a number, in dollars";
		if (c->unit && strcmp(c->unit, "%") == 0)
			return "a percentage";
		if (c->unit) {
			snprintf(buf, size, "a number (%s)", c->unit);
			return buf;
		}
		return "a number";
	case CARD_CHOICE:
		snprintf(buf, size, "choose 1-%zu", c->choices.n);
		return buf;
	case CARD_ORDER:
		return "put in order: type the numbers, like 2 1 3";
	case CARD_CLOZE:
		return "fill the gap";
	default:
		return NULL;
	}
}

void
say_question(const struct session_io *io, const struct queue *q, size_t card,
             long long now, const int *shown, size_t nshown)
{
	const struct store_card *sc = &q->cards[card];
	const struct card *c = &sc->card;
	struct queue_left left;
	char buf[64], pos[64];
	const char *hint = type_hint(c, buf, sizeof(buf));

	queue_left(q, &left);
	if (q->o.mode == SESSION_QUIZ)
		snprintf(pos, sizeof(pos), "%d/%zu", q->answered + 1,
		         left.line < (size_t)q->o.count ? left.line
		                                        : (size_t)q->o.count);
	else if (q->o.mode == SESSION_DRILL)
		snprintf(pos, sizeof(pos), "%zu left", left.due);
	else /* what is left, the card on screen included */
		snprintf(pos, sizeof(pos), "%zu%s due · %zu learning · %zu new",
		         left.due, left.due_many ? "+" : "", left.learning,
		         left.fresh);
	say(io, STYLE_TITLE, "\n[%s] %s%s%s", pos, sc->deck, hint ? " · " : "",
	    hint ? hint : "");
	if (queue_early(q, card, now)) {
		/* learn-ahead: nothing else is left, so it comes early */
		char ivl[16];

		format_interval(sc->mem.due - now, ivl, sizeof(ivl));
		say(io, STYLE_TITLE, " · early: due in %s", ivl);
	}
	say(io, STYLE_TITLE, "\n");
	say(io, STYLE_QUESTION, "%s\n", c->q);
	for (size_t i = 0; i < nshown; i++)
		say(io, STYLE_PLAIN, "  %zu. %s\n", i + 1,
		    c->type == CARD_CHOICE ? c->choices.v[shown[i]]
		                           : c->items.v[shown[i]]);
}

char *
make_hint(const struct card *c, const int *shown, size_t nshown)
{
	struct strbuf sb = { 0 };

	if (c->hint)
		return xstrdup(c->hint);
	switch (c->type) {
	case CARD_DATE:
		strbuf_addf(&sb, "in the %d0s", c->date.year / 10);
		break;
	case CARD_NUMBER:
		strbuf_addf(&sb, "it starts with %c", c->a[strspn(c->a, "$ ")]);
		break;
	case CARD_CHOICE:
		for (size_t i = 0; i < nshown; i++)
			if (strcmp(c->choices.v[shown[i]], c->a) != 0) {
				strbuf_addf(&sb, "not %zu", i + 1);
				break;
			}
		break;
	case CARD_ORDER:
		for (size_t i = 0; i < nshown; i++)
			if (shown[i] == 0)
				strbuf_addf(&sb, "%zu comes first", i + 1);
		break;
	default: /* the first letter of each word */
		for (const char *p = c->a; *p;) {
			size_t n = strcspn(p, " ");
			size_t first = 1;

			while (first < n &&
			       ((unsigned char)p[first] & 0xC0) == 0x80)
				first++;
			strbuf_add(&sb, p, first);
			strbuf_adds(&sb, n > first ? "... " : " ");
			p += n;
			p += strspn(p, " ");
		}
		break;
	}
	return strbuf_detach(&sb);
}

/* ---- the feedback ---- */

/* Is the diff worth showing: the typed answer has at least half of the
 * expected one in it (a diff of two unrelated words is noise)? */
static int
diff_helps(const struct answer_result *r)
{
	size_t same = 0, missing = 0;

	for (size_t i = 0; i < r->ndiff; i++) {
		if (r->diff[i].kind == DIFF_SAME)
			same += strlen(r->diff[i].text);
		else if (r->diff[i].kind == DIFF_MISSING)
			missing += strlen(r->diff[i].text);
	}
	return r->ndiff > 0 && same >= missing;
}

void
say_feedback(const struct session_io *io, const struct card *c,
             const struct answer_result *r, const char *typed, const int *shown,
             size_t nshown)
{
	static const char *const words[] = {
		[VERDICT_WRONG] = "wrong",
		[VERDICT_PARTIAL] = "partly right",
		[VERDICT_CLOSE] = "close enough",
		[VERDICT_RIGHT] = "right",
	};
	enum session_style style = r->verdict == VERDICT_RIGHT   ? STYLE_RIGHT
	                           : r->verdict == VERDICT_WRONG ? STYLE_WRONG
	                                                         : STYLE_CLOSE;

	if (r->verdict == VERDICT_RIGHT)
		say(io, style, "%s: %s\n", words[r->verdict], r->expected);
	else if (r->verdict == VERDICT_CLOSE) /* said once, with the spelling */
		say(io, style, "close enough, accepted: the spelling is %s\n",
		    r->expected);
	else
		say(io, style, "%s: the answer is %s\n", words[r->verdict],
		    r->expected);
	if (r->explain && r->verdict != VERDICT_CLOSE)
		say(io, STYLE_PLAIN, "  %s\n", r->explain);
	if (r->verdict != VERDICT_RIGHT && *typed && diff_helps(r)) {
		/* two aligned lines: exactly what was typed, its extra
		 * characters marked; the alternative it came nearest to, its
		 * missing characters marked */
		struct strbuf want = { 0 };

		for (size_t i = 0; i < r->ndiff; i++)
			if (r->diff[i].kind != DIFF_EXTRA)
				strbuf_adds(&want, r->diff[i].text);
		say(io, STYLE_PLAIN, "  %-14s", "you typed:");
		for (size_t i = 0; i < r->ndiff; i++)
			if (r->diff[i].kind != DIFF_MISSING)
				io->say(io->ctx,
				        r->diff[i].kind == DIFF_SAME
				            ? STYLE_PLAIN
				            : STYLE_EXTRA,
				        r->diff[i].kind == DIFF_SAME
				            ? r->diff[i].typed
				            : r->diff[i].text);
		say(io, STYLE_PLAIN, "\n  %-14s",
		    c->a && want.len && strcmp(want.buf, c->a) != 0
		        ? "closest form:"
		        : "the answer:");
		for (size_t i = 0; i < r->ndiff; i++)
			if (r->diff[i].kind != DIFF_EXTRA)
				io->say(io->ctx,
				        r->diff[i].kind == DIFF_SAME
				            ? STYLE_PLAIN
				            : STYLE_MISSING,
				        r->diff[i].text);
		say(io, STYLE_PLAIN, "\n");
		strbuf_release(&want);
	}
	/* the items in the right order, with the numbers they were shown by */
	if (c->type == CARD_ORDER && r->verdict != VERDICT_RIGHT)
		for (size_t i = 0; i < c->items.n; i++)
			for (size_t j = 0; j < nshown; j++)
				if (shown[j] == (int)i)
					say(io, STYLE_PLAIN, "  %zu. %s\n",
					    j + 1, c->items.v[i]);
	if (c->note)
		say(io, STYLE_DIM, "  %s\n", c->note);
}

/* ---- the rating ---- */

static const char *const rating_names[] = { "", "Again", "Hard", "Good",
	                                    "Easy" };

/* The rating as one key: 1-4 or a/h/g/e, Enter for the suggestion, u
 * to take the answer back (0). */
static int
rating_key(const struct session_io *io, int suggested, int *quit,
           int *interrupted)
{
	static const char letters[] = "ahge";

	for (;;) {
		char prompt[96];
		int broke = 0, key;
		const char *l;

		snprintf(prompt, sizeof(prompt),
		         "rating 1-4 [Enter: %s, u: take back] ",
		         rating_names[suggested]);
		key = io->ask_key(io->ctx, prompt, &broke);
		if (key < 0) { /* keep the answer; end after it */
			*quit = 1;
			*interrupted |= broke;
			return suggested;
		}
		if (key == '\n' || key == ' ')
			return suggested;
		if (key >= '1' && key <= '4')
			return key - '0';
		if (key == 'u' || key == 'U')
			return 0;
		if (key >= 'A' && key <= 'Z')
			key += 'a' - 'A';
		if (key != 0 && (l = strchr(letters, key)) != NULL)
			return (int)(l - letters) + 1;
		say(io, STYLE_PLAIN,
		    "press 1 or a (Again), 2 or h (Hard), 3 or g (Good), 4 or "
		    "e (Easy), Enter for %s, or u to take the answer back\n",
		    rating_names[suggested]);
	}
}

/* The rating as a line (a terminal without keys). */
static int
rating_line(const struct session_io *io, int suggested, int *quit,
            int *interrupted)
{
	for (;;) {
		char prompt[64];
		int broke = 0;
		char *line;

		snprintf(prompt, sizeof(prompt), "rating 1-4 [Enter: %s] ",
		         rating_names[suggested]);
		line = io->ask(io->ctx, prompt, &broke);
		if (line == NULL) { /* keep the answer; end after it */
			*quit = 1;
			*interrupted |= broke;
			return suggested;
		}
		if (line[strspn(line, " ")] == '\0') {
			free(line);
			return suggested;
		}
		if (line[0] >= '1' && line[0] <= '4' &&
		    line[1 + strspn(line + 1, " ")] == '\0') {
			int g = line[0] - '0';

			free(line);
			return g;
		}
		free(line);
		say(io, STYLE_PLAIN,
		    "type 1 (Again), 2 (Hard), 3 (Good) or 4 "
		    "(Easy), or Enter for %s\n",
		    rating_names[suggested]);
	}
}

const char *
rating_name(int rating)
{
	return rating >= 1 && rating <= 4 ? rating_names[rating] : "";
}

int
ask_rating(const struct session_io *io, const struct fsrs_params *p,
           const struct fsrs_card *mem, struct fsrs_when w, int suggested,
           struct fsrs_card out[4], int *quit, int *interrupted)
{
	struct strbuf sb = { 0 };
	char ivl[16];

	fsrs_preview(p, mem, w, out);
	if (!io->interactive)
		return suggested;
	for (int g = 0; g < 4; g++) {
		format_interval(out[g].due - w.time, ivl, sizeof(ivl));
		strbuf_addf(&sb, "%s%s %s", g ? " · " : "", rating_names[g + 1],
		            ivl);
	}
	say(io, STYLE_DIM, "%s\n", sb.buf);
	strbuf_release(&sb);
	return io->ask_key ? rating_key(io, suggested, quit, interrupted)
	                   : rating_line(io, suggested, quit, interrupted);
}

/* ---- commands ---- */

static const char *const command_names[] = {
	"hint", "dunno", "skip", "suspend", "undo",
	"note", "stats", "help", "quit",
};

const char *
command_name(const struct session_io *io, const char *word)
{
	const size_t n = sizeof(command_names) / sizeof(command_names[0]);
	size_t len = strlen(word), found = n, count = 0;
	struct strbuf sb = { 0 };

	if (strcmp(word, "?") == 0)
		return "help";
	for (size_t i = 0; len > 0 && i < n; i++) {
		if (strcmp(word, command_names[i]) == 0)
			return command_names[i];
		if (strncmp(word, command_names[i], len) == 0) {
			strbuf_addf(&sb, "%s:%s", count ? " or " : "",
			            command_names[i]);
			found = i;
			count++;
		}
	}
	if (count == 1) {
		strbuf_release(&sb);
		return command_names[found];
	}
	if (count > 1)
		say(io, STYLE_PLAIN, "':%s' could be %s\n", word, sb.buf);
	else
		say(io, STYLE_PLAIN,
		    "unknown command ':%s'; :help lists them\n", word);
	strbuf_release(&sb);
	return NULL;
}

void
say_help(const struct session_io *io)
{
	say(io, STYLE_DIM, "%s", commands_help);
}

void
say_note(const struct session_io *io, const struct card *last)
{
	if (last == NULL)
		say(io, STYLE_DIM, "no card answered yet\n");
	else if (last->note)
		say(io, STYLE_DIM, "note of the last card (%s): %s\n", last->q,
		    last->note);
	else
		say(io, STYLE_DIM, "the last card (%s) has no note\n", last->q);
}

/* ---- the score ---- */

static struct tally *
tally_for(struct score *sc, const char *tag)
{
	for (size_t i = 0; i < sc->ntallies; i++)
		if (strcmp(sc->tallies[i].tag, tag) == 0)
			return &sc->tallies[i];
	sc->tallies =
	    xrealloc(sc->tallies, (sc->ntallies + 1) * sizeof(*sc->tallies));
	sc->tallies[sc->ntallies] = (struct tally){ xstrdup(tag), 0, 0 };
	return &sc->tallies[sc->ntallies++];
}

void
score_count(struct score *sc, const struct card *c, int right, long long ms,
            int sign)
{
	sc->asked += sign;
	sc->answer_ms += sign * ms;
	sc->right += sign * right;
	for (size_t i = 0; i < c->tags.n; i++) {
		struct tally *t = tally_for(sc, c->tags.v[i]);

		t->asked += sign;
		t->right += sign * right;
	}
}

void
score_miss(struct score *sc, size_t card, const char *typed,
           const char *expected)
{
	sc->missed = xgrow(sc->missed, &sc->missed_alloc, sc->nmissed + 1,
	                   sizeof(*sc->missed));
	sc->missed[sc->nmissed++] =
	    (struct missed){ card, xstrdup(typed), xstrdup(expected) };
}

void
score_release(struct score *sc)
{
	for (size_t i = 0; i < sc->ntallies; i++)
		free(sc->tallies[i].tag);
	for (size_t i = 0; i < sc->nmissed; i++) {
		free(sc->missed[i].typed);
		free(sc->missed[i].expected);
	}
	free(sc->tallies);
	free(sc->missed);
	memset(sc, 0, sizeof(*sc));
}

void
say_stats(const struct session_io *io, const struct score *sc,
          long long session_ms)
{
	char ivl[16];

	format_interval(session_ms / 1000, ivl, sizeof(ivl));
	say(io, STYLE_DIM, "%d answered, %d right, %s so far\n", sc->asked,
	    sc->right, ivl);
}

/* ---- the end ---- */

/* When the next card is due, and how many new cards are left today. */
static void
say_next_due(const struct session_io *io, const struct queue *q, long long next,
             long long now)
{
	char when[32], ivl[16];
	struct queue_left left;

	queue_left(q, &left);
	if (next && next <= now) {
		say(io, STYLE_PLAIN, "some cards are still due");
	} else if (next) {
		clock_local_text(next, when, sizeof(when));
		format_interval(next - now, ivl, sizeof(ivl));
		say(io, STYLE_PLAIN, "next card due %s (in %s)", when, ivl);
	} else {
		say(io, STYLE_PLAIN, "no card is scheduled yet");
	}
	/* no card on screen now: 'fresh' is what is left */
	say(io, STYLE_PLAIN, "; %zu new card%s left today\n", left.fresh,
	    left.fresh == 1 ? "" : "s");
}

void
say_nothing_to_ask(const struct session_io *io, const struct queue *q,
                   const struct session_end *e, long long now)
{
	struct queue_left left;

	if (e->matching == 0) {
		say(io, STYLE_PLAIN, "no cards match\n");
		return;
	}
	if (e->suspended == e->matching) {
		say(io, STYLE_PLAIN,
		    "every card that matches is suspended (%lld card%s)\n",
		    e->suspended, e->suspended == 1 ? "" : "s");
		return;
	}
	if (q->o.mode != SESSION_REVIEW)
		return;
	queue_left(q, &left);
	say(io, STYLE_PLAIN, "nothing is due now: ");
	say_next_due(io, q, e->next_due, now);
	say(io, STYLE_PLAIN,
	    "to study anyway: 'trainer quiz' or 'trainer drill'");
	if (left.fresh_all > 0)
		say(io, STYLE_PLAIN,
		    ", or 'trainer review --new N' for more "
		    "new cards than the day's limit");
	say(io, STYLE_PLAIN, "\n");
}

void
say_summary(const struct session_io *io, const struct queue *q,
            const struct score *sc, const struct session_end *e,
            long long session_ms, int interrupted, long long now)
{
	enum session_mode mode = q->o.mode;
	char spent[16], answering[16];

	/* the same figures as 'trainer sessions', rounded the same way */
	format_interval(session_ms / 1000, spent, sizeof(spent));
	format_interval(sc->answer_ms / 1000, answering, sizeof(answering));
	if (interrupted)
		say(io, STYLE_PLAIN,
		    "\ninterrupted: every answer given is saved\n");
	if (mode == SESSION_QUIZ && sc->hinted_right > 0) {
		/* a right answer after a hint earns half a point */
		int halves = 2 * sc->right - sc->hinted_right;

		say(io, STYLE_TITLE,
		    "\nscore: %d%s/%d (%d%%), %d right after a "
		    "hint at half a point",
		    halves / 2, halves % 2 ? ".5" : "", sc->asked,
		    percent(halves, 2LL * sc->asked), sc->hinted_right);
	} else if (mode == SESSION_QUIZ) {
		say(io, STYLE_TITLE, "\nscore: %d/%d (%d%%)", sc->right,
		    sc->asked, percent(sc->right, sc->asked));
	} else {
		say(io, STYLE_TITLE, "\n%d question%s, %d right (%d%%)",
		    sc->asked, sc->asked == 1 ? "" : "s", sc->right,
		    percent(sc->right, sc->asked));
	}
	say(io, STYLE_TITLE, "; %s answering, %s in the session\n", answering,
	    spent);
	if (sc->ntallies > 0) {
		struct strbuf sb = { 0 };

		for (size_t i = 0; i < sc->ntallies; i++)
			if (sc->tallies[i].asked > 0)
				strbuf_addf(
				    &sb, "%s%s %d/%d", sb.len ? ", " : "",
				    sc->tallies[i].tag, sc->tallies[i].right,
				    sc->tallies[i].asked);
		if (sb.len)
			say(io, STYLE_PLAIN, "by tag: %s\n", sb.buf);
		strbuf_release(&sb);
	}
	for (size_t i = 0; i < sc->nmissed; i++) {
		if (i == 0)
			say(io, STYLE_PLAIN, "to go over:\n");
		say(io, STYLE_WRONG, "  %s\n",
		    q->cards[sc->missed[i].card].card.q);
		say(io, STYLE_PLAIN, "    you: %s; the answer: %s\n",
		    *sc->missed[i].typed ? sc->missed[i].typed : "(nothing)",
		    sc->missed[i].expected);
	}
	if (mode == SESSION_REVIEW)
		say_next_due(io, q, e->next_due, now);
}

/* ---- chronology questions ---- */

void
say_chrono_question(const struct session_io *io, const char *pos,
                    const char *kind_words, const struct card *c,
                    const int *shown, size_t nshown)
{
	char buf[64];
	const char *hint = type_hint(c, buf, sizeof(buf));

	say(io, STYLE_TITLE, "\n[chronology %s] %s%s%s\n", pos, kind_words,
	    hint ? " · " : "", hint ? hint : "");
	say(io, STYLE_QUESTION, "%s\n", c->q);
	for (size_t i = 0; i < nshown; i++)
		say(io, STYLE_PLAIN, "  %zu. %s\n", i + 1,
		    c->type == CARD_CHOICE ? c->choices.v[shown[i]]
		                           : c->items.v[shown[i]]);
}

void
say_chrono_dates(const struct session_io *io, const char *dates)
{
	const char *p = dates;

	while (*p) {
		size_t n = strcspn(p, "\n");

		say(io, STYLE_DIM, "  %.*s\n", (int)n, p);
		p += n;
		if (*p == '\n')
			p++;
	}
}

void
say_no_chronology(const struct session_io *io, size_t events)
{
	say(io, STYLE_PLAIN,
	    "no chronology questions: the cards asked for have %zu dated "
	    "event%s that can be put in order, and a question needs at "
	    "least 2 (give date cards an 'event': see decks/README.md)\n",
	    events, events == 1 ? "" : "s");
}

void
say_chrono_summary(const struct session_io *io, int asked, int right)
{
	if (asked == 0)
		return;
	say(io, STYLE_TITLE, "chronology: %d/%d right (%d%%)\n", right, asked,
	    (int)(100.0 * right / asked + 0.5));
}
