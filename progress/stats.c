/*
 * stats.c - the progress reports' figures.
 *
 * One pass over the cards (states, due forecast, retrievability,
 * stability, the hardest), then the answers' figures from the daily sums
 * (schema version 3), per deck or per deck and tag.  An answer counts
 * under the tags its card had when it was answered; a card with several
 * of the tags asked counts once.
 */
#include "stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isotime.h"
#include "store-impl.h"

const int stats_window_days[STATS_WINDOWS] = { 7, 30, 365 };

const char *const stats_stability_labels[STATS_STABILITY_BINS] = {
	"<1d",   "1-3d",  "3-7d",   "1-2w", "2-4w",
	"1-3mo", "3-6mo", "6-12mo", "1-2y", ">2y",
};

static const double stability_edges[STATS_STABILITY_BINS - 1] = {
	1, 3, 7, 14, 30, 90, 180, 365, 730,
};

void
stats_day_label(long long day, char *buf, size_t size)
{
	char iso[32];

	isotime_format_utc(day * 86400, iso, sizeof(iso));
	snprintf(buf, size, "%.10s", iso);
}

int
stats_weekday(long long day)
{
	/* day 0, 1970-01-01, was a Thursday */
	return (int)(((day % 7) + 7 + 3) % 7);
}

/* The condition selecting the cards of the query, on "cards c" joined
 * with "decks d"; named parameters :deck and :tags. */
static char *
card_condition(const struct stats_query *q)
{
	struct strbuf sb = { 0 };

	strbuf_adds(&sb, "1");
	if (q->deck)
		strbuf_adds(&sb, " AND d.name = :deck");
	/* the tags' cards from the tag index, not a probe for each card */
	if (q->tags && q->tags->n)
		strbuf_adds(&sb,
		            " AND c.id IN (SELECT t.card_id FROM card_tags t"
		            " WHERE t.tag IN"
		            " (SELECT value FROM json_each(:tags)))");
	return strbuf_detach(&sb);
}

/* Prepare 'fmt' (with one %s for a condition) and bind the query's
 * parameters by name. */
static sqlite3_stmt *
prepare(struct store *st, const struct stats_query *q, const char *fmt,
        const char *cond, const char *tags, struct diag_list *diags)
{
	char *sql = xasprintf(fmt, cond);
	sqlite3_stmt *s = store_prepare(st, sql, diags);
	int i;

	free(sql);
	if (s == NULL)
		return NULL;
	if ((i = sqlite3_bind_parameter_index(s, ":deck")))
		sqlite3_bind_text(s, i, q->deck, -1, SQLITE_STATIC);
	if ((i = sqlite3_bind_parameter_index(s, ":tags")))
		sqlite3_bind_text(s, i, tags, -1, SQLITE_STATIC);
	if ((i = sqlite3_bind_parameter_index(s, ":today")))
		sqlite3_bind_int64(s, i, q->today);
	if ((i = sqlite3_bind_parameter_index(s, ":now")))
		sqlite3_bind_int64(s, i, q->now);
	return s;
}

/* Keep the STATS_HARDEST cards with most lapses, then least stability. */
static void
consider_hardest(struct stats *out, long long id, int lapses, int reps,
                 double stability, double difficulty)
{
	size_t i = out->nhardest;

	while (i > 0 && (out->hardest[i - 1].lapses < lapses ||
	                 (out->hardest[i - 1].lapses == lapses &&
	                  out->hardest[i - 1].stability > stability)))
		i--;
	if (i >= STATS_HARDEST)
		return;
	if (out->nhardest < STATS_HARDEST)
		out->nhardest++;
	memmove(&out->hardest[i + 1], &out->hardest[i],
	        (out->nhardest - 1 - i) * sizeof(out->hardest[0]));
	out->hardest[i] =
	    (struct stats_card){ id,     NULL, NULL,      NULL,
		                 lapses, reps, stability, difficulty };
}

/* A set of card ids, one bit each. */
struct idset {
	unsigned char *bits;
	size_t size;
};

static void
idset_add(struct idset *set, long long id)
{
	size_t byte = (size_t)id / 8;

	if (id < 0)
		return;
	if (byte >= set->size) {
		size_t n = set->size ? set->size : 4096;

		while (n <= byte)
			n *= 2;
		set->bits = xrealloc(set->bits, n);
		memset(set->bits + set->size, 0, n - set->size);
		set->size = n;
	}
	set->bits[byte] |= (unsigned char)(1u << (id % 8));
}

static int
idset_has(const struct idset *set, long long id)
{
	size_t byte = (size_t)id / 8;

	return id >= 0 && byte < set->size &&
	       (set->bits[byte] & (1u << (id % 8)));
}

/* 'live' gets the selected cards still in their decks, 'selected' all
 * of them, retired or not (their answers still count). */
static int
card_pass(struct store *st, const struct stats_query *q, const char *cond,
          const char *tags, struct stats *out, struct idset *live,
          struct idset *selected, struct diag_list *diags)
{
	sqlite3_stmt *s =
	    prepare(st, q,
	            "SELECT c.id, c.state, c.stability, c.difficulty,"
	            " c.scheduled_days, c.due, c.last_day, c.suspended,"
	            " c.buried_until, c.retired, c.reps, c.lapses"
	            " FROM cards c JOIN decks d ON d.id = c.deck_id WHERE %s",
	            cond, tags, diags);
	double rsum = 0;
	int err;

	if (s == NULL)
		return -EX_IOERR;
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		int state = sqlite3_column_int(s, 1);
		double stab = sqlite3_column_double(s, 2);
		long long due = sqlite3_column_int64(s, 5);
		long long day;
		size_t bin = 0;

		out->n_cards++;
		idset_add(selected, sqlite3_column_int64(s, 0));
		if (sqlite3_column_int(s, 9)) {
			out->n_retired++;
			continue;
		}
		idset_add(live, sqlite3_column_int64(s, 0));
		if (sqlite3_column_int(s, 7)) {
			out->n_suspended++;
			continue;
		}
		switch (state) {
		case FSRS_NEW:
			out->n_new++;
			continue;
		case FSRS_LEARNING:
			out->n_learning++;
			break;
		case FSRS_REVIEW:
			if (sqlite3_column_int(s, 4) < STATS_MATURE_DAYS)
				out->n_young++;
			else
				out->n_mature++;
			break;
		default:
			out->n_relearning++;
			break;
		}
		{
			/* the rule the session and 'cards --due' follow */
			struct fsrs_card m = { .state = (enum fsrs_state)state,
				               .scheduled_days =
				                   sqlite3_column_int(s, 4),
				               .due = due };

			if (fsrs_is_due(&m, q->now, q->day_end) &&
			    (sqlite3_column_int64(s, 8) == 0 ||
			     sqlite3_column_int64(s, 8) <= q->now))
				out->due_now++;
		}
		day = fsrs_day(due, q->utc_offset, q->rollover) - q->today;
		if (day < 0)
			day = 0;
		if (day < out->forecast_days)
			out->forecast[day]++;
		if (stab > 0) {
			long long t = q->today - sqlite3_column_int64(s, 6);

			rsum += fsrs_forgetting_curve(
			    q->params, (double)(t > 0 ? t : 0), stab);
			out->retrievability_cards++;
		}
		while (bin < STATS_STABILITY_BINS - 1 &&
		       stab >= stability_edges[bin])
			bin++;
		out->stability_bins[bin]++;
		if (sqlite3_column_int(s, 10) > 0)
			consider_hardest(out, sqlite3_column_int64(s, 0),
			                 sqlite3_column_int(s, 11),
			                 sqlite3_column_int(s, 10), stab,
			                 sqlite3_column_double(s, 3));
	}
	sqlite3_finalize(s);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the cards");
	out->avg_retrievability = out->retrievability_cards
	                              ? rsum / (double)out->retrievability_cards
	                              : 0;
	return 0;
}

static int
hardest_details(struct store *st, struct stats *out, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT d.name, c.key, json_extract(c.content, '$.q') FROM cards c"
	    " JOIN decks d ON d.id = c.deck_id WHERE c.id = ?",
	    diags);

	if (s == NULL)
		return -EX_IOERR;
	for (size_t i = 0; i < out->nhardest; i++) {
		sqlite3_bind_int64(s, 1, out->hardest[i].id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			out->hardest[i].deck =
			    xstrdup((const char *)sqlite3_column_text(s, 0));
			out->hardest[i].key =
			    xstrdup((const char *)sqlite3_column_text(s, 1));
			out->hardest[i].question = xstrdup(
			    sqlite3_column_text(s, 2)
			        ? (const char *)sqlite3_column_text(s, 2)
			        : "");
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return 0;
}

/* Retention over the three windows, from columns 'col'... of 's'. */
static void
read_windows(sqlite3_stmt *s, int col, struct stats_retention *r)
{
	for (int w = 0; w < STATS_WINDOWS; w++) {
		r->answers[w] = sqlite3_column_int64(s, col + 2 * w);
		r->right[w] = sqlite3_column_int64(s, col + 2 * w + 1);
	}
}

/* The day tables' sums for the three windows, from columns "reviewed"
 * and "passed" of rows "x" with column "day". */
#define WINDOW_SUMS                                                            \
	"total(CASE WHEN x.day > :today - 7 THEN x.reviewed END),"             \
	" total(CASE WHEN x.day > :today - 7 THEN x.passed END),"              \
	" total(CASE WHEN x.day > :today - 30 THEN x.reviewed END),"           \
	" total(CASE WHEN x.day > :today - 30 THEN x.passed END),"             \
	" total(x.reviewed), total(x.passed)"

/* One day's answers, as the day tables count them (COUNTS in schema.c). */
struct day_sums {
	long long day, answers, right, ms, reviewed, passed;
};

/* Runs of days with answers, fed the days in increasing order. */
struct streak {
	long long last; /* the latest day seen */
	long long run;  /* days in a row up to it */
};

static void
streak_day(struct stats *out, struct streak *k, long long day)
{
	k->run = k->run > 0 && day == k->last + 1 ? k->run + 1 : 1;
	k->last = day;
	if (k->run > out->streak_longest)
		out->streak_longest = (int)k->run;
}

/* A streak goes on until a whole day passes without answers. */
static void
streak_end(struct stats *out, const struct streak *k, long long today)
{
	if (k->run > 0 && k->last >= today - 1)
		out->streak_current = (int)k->run;
}

/* The rows of 's', "day, answers, right, ms, reviewed, passed" in
 * increasing days, appended to 'v'. */
static int
read_days(struct store *st, sqlite3_stmt *s, struct day_sums **v, size_t *n,
          struct diag_list *diags)
{
	size_t alloc = *n;
	int err;

	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		struct day_sums *d;

		*v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
		d = &(*v)[(*n)++];
		d->day = sqlite3_column_int64(s, 0);
		d->answers = sqlite3_column_int64(s, 1);
		d->right = sqlite3_column_int64(s, 2);
		d->ms = sqlite3_column_int64(s, 3);
		d->reviewed = sqlite3_column_int64(s, 4);
		d->passed = sqlite3_column_int64(s, 5);
	}
	sqlite3_finalize(s);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the answers");
	return 0;
}

/* Take 'sub' (increasing days) from 'v' (increasing days). */
static void
subtract_days(struct day_sums *v, size_t n, const struct day_sums *sub,
              size_t nsub)
{
	for (size_t i = 0, j = 0; i < n && j < nsub;) {
		if (v[i].day < sub[j].day) {
			i++;
		} else if (v[i].day > sub[j].day) {
			j++;
		} else {
			v[i].answers -= sub[j].answers;
			v[i].right -= sub[j].right;
			v[i].ms -= sub[j].ms;
			v[i].reviewed -= sub[j].reviewed;
			v[i].passed -= sub[j].passed;
			i++, j++;
		}
	}
}

/* Today, the retention windows, the weeks, the calendar and the streaks
 * from the answers of each day (increasing days). */
static void
sum_days(const struct stats_query *q, const struct day_sums *v, size_t n,
         struct stats *out)
{
	struct streak k = { 0 };

	out->calendar_first_day = q->today - STATS_CALENDAR_DAYS + 1;
	for (size_t i = 0; i < n; i++) {
		const struct day_sums *d = &v[i];

		if (d->day == q->today) {
			out->today_answered += d->answers;
			out->today_right += d->right;
			out->today_ms += d->ms;
		}
		for (int w = 0; w < STATS_WINDOWS; w++)
			if (d->day > q->today - stats_window_days[w]) {
				out->retention.answers[w] += d->reviewed;
				out->retention.right[w] += d->passed;
			}
		if (d->day > q->today - STATS_CALENDAR_DAYS) {
			long long w = (q->today - d->day) / 7;

			if (w >= 0 && w < STATS_WEEKS) {
				out->week_answers[STATS_WEEKS - 1 - w] +=
				    d->reviewed;
				out->week_right[STATS_WEEKS - 1 - w] +=
				    d->passed;
			}
		}
		if (d->answers > 0) {
			long long c = d->day - out->calendar_first_day;

			if (c >= 0 && c < STATS_CALENDAR_DAYS)
				out->calendar[c] = d->answers;
			streak_day(out, &k, d->day);
		}
	}
	streak_end(out, &k, q->today);
}

/* The day tables' rows "x" that %s selects, summed by day. */
#define DAY_SUMS                                                               \
	"SELECT x.day, total(x.answers), total(x.right), total(x.ms),"         \
	" total(x.reviewed), total(x.passed) FROM %s GROUP BY x.day"           \
	" ORDER BY x.day"

/* The deck's cards in the day tables. */
#define DECK_ROWS " AND x.deck_id = (SELECT id FROM decks WHERE name = :deck)"

/*
 * The answers counted more than once in day_tag_stats by a sum over the
 * asked tags: those of the cards with k > 1 of them, k - 1 times each;
 * :extra lists such a card k - 1 times (see tag_cards).
 */
static const char overlap_sql[] =
    "SELECT r.day, count(*), total(r.verdict IN ('right', 'close')),"
    " total(r.duration_ms), total(r.b_state = 2 AND r.scheduled = 1),"
    " total(r.b_state = 2 AND r.scheduled = 1 AND r.rating > 1)"
    " FROM json_each(:extra) e CROSS JOIN reviews r ON r.card_id = e.value"
    " GROUP BY r.day ORDER BY r.day";

/*
 * The answers' figures from the day tables: day_stats for all cards or
 * a deck, day_tag_stats for tags.  An answer counts under the tags its
 * card had when it was answered; a card with several of the tags asked
 * counts once (see overlap_sql).
 */
static int
review_sums(struct store *st, const struct stats_query *q, const char *tags,
            const char *extra, struct stats *out, struct diag_list *diags)
{
	size_t ntags = q->tags ? q->tags->n : 0, n = 0, nsub = 0;
	struct day_sums *v = NULL, *sub = NULL;
	sqlite3_stmt *s;
	char *from;
	int rc;

	from =
	    xasprintf("%s x WHERE 1%s%s", ntags ? "day_tag_stats" : "day_stats",
	              q->deck ? DECK_ROWS : "",
	              ntags ? " AND x.tag IN (SELECT value FROM"
	                      " json_each(:tags))"
	                    : "");
	s = prepare(st, q, DAY_SUMS, from, tags, diags);
	free(from);
	rc = s ? read_days(st, s, &v, &n, diags) : -EX_IOERR;
	if (rc == 0 && extra) {
		s = prepare(st, q, "%s", overlap_sql, tags, diags);
		if (s)
			sqlite3_bind_text(
			    s, sqlite3_bind_parameter_index(s, ":extra"), extra,
			    -1, SQLITE_STATIC);
		rc = s ? read_days(st, s, &sub, &nsub, diags) : -EX_IOERR;
		subtract_days(v, n, sub, nsub);
	}
	if (rc == 0)
		sum_days(q, v, n, out);
	free(v);
	free(sub);
	return rc;
}

static struct stats_tag *
find_tag(struct stats *out, const char *tag)
{
	struct stats_tag *t;

	for (size_t i = out->ntags; i-- > 0;)
		if (strcmp(out->tags[i].tag, tag) == 0)
			return &out->tags[i];
	out->tags = xrealloc(out->tags, (out->ntags + 1) * sizeof(*out->tags));
	t = &out->tags[out->ntags++];
	memset(t, 0, sizeof(*t));
	t->tag = xstrdup(tag);
	return t;
}

static int
tag_cmp(const void *a, const void *b)
{
	return strcmp(((const struct stats_tag *)a)->tag,
	              ((const struct stats_tag *)b)->tag);
}

/*
 * The live cards of each tag (the query's tags, or every tag of the
 * selected cards); and in 'extra', with tags asked, a JSON list of the
 * selected cards with k > 1 of them, each k - 1 times.  These are the
 * cards' tags now: the log does not keep the tags a card had when it was
 * answered, so the answers of a card that gained or lost one of the
 * asked tags since then can count twice or not at all.
 */
static int
tag_cards(struct store *st, const struct stats_query *q, const char *tags,
          const struct idset *live, const struct idset *selected,
          struct stats *out, char **extra, struct diag_list *diags)
{
	const struct strlist *want = q->tags && q->tags->n ? q->tags : NULL;
	struct stats_tag *last = NULL;
	struct idset seen = { 0 };
	struct strbuf sb = { 0 };
	sqlite3_stmt *s;
	int err;

	*extra = NULL;
	/* the asked tags' cards from the tag index, or every tag */
	s = want ? prepare(st, q, "%s",
	                   "SELECT card_id, tag FROM card_tags WHERE tag IN"
	                   " (SELECT value FROM json_each(:tags))",
	                   tags, diags)
	         : store_prepare(st, "SELECT card_id, tag FROM card_tags",
	                         diags);
	if (s == NULL)
		return -EX_IOERR;
	strbuf_addch(&sb, '[');
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(s, 0);
		const char *tag = (const char *)sqlite3_column_text(s, 1);

		if (want && idset_has(selected, id)) {
			if (idset_has(&seen, id))
				strbuf_addf(&sb, "%s%lld",
				            sb.len > 1 ? "," : "", id);
			idset_add(&seen, id);
		}
		if (!idset_has(live, id) ||
		    (want && strlist_find(want, tag) < 0))
			continue;
		if (last == NULL || strcmp(last->tag, tag) != 0)
			last = find_tag(out, tag);
		last->cards++;
	}
	sqlite3_finalize(s);
	free(seen.bits);
	strbuf_addch(&sb, ']');
	*extra = strbuf_detach(&sb);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the tags");
	if (strcmp(*extra, "[]") == 0) {
		free(*extra);
		*extra = NULL;
	}
	return 0;
}

/* Each tag's retention from day_tag_stats. */
static int
tag_retention(struct store *st, const struct stats_query *q, const char *tags,
              struct stats *out, struct diag_list *diags)
{
	const struct strlist *want = q->tags && q->tags->n ? q->tags : NULL;
	sqlite3_stmt *s;
	char *sql;
	int err;

	sql = xasprintf(
	    "SELECT x.tag, " WINDOW_SUMS " FROM day_tag_stats x"
	    " WHERE x.day > :today - 365%s%s GROUP BY 1",
	    q->deck ? DECK_ROWS : "",
	    want ? " AND x.tag IN (SELECT value FROM json_each(:tags))" : "");
	s = prepare(st, q, "%s", sql, tags, diags);
	free(sql);
	if (s == NULL)
		return -EX_IOERR;
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		struct stats_tag *t =
		    find_tag(out, (const char *)sqlite3_column_text(s, 0));

		read_windows(s, 1, &t->retention);
	}
	sqlite3_finalize(s);
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the tags");
	xqsort(out->tags, out->ntags, sizeof(*out->tags), tag_cmp);
	return 0;
}

static int
review_passes(struct store *st, const struct stats_query *q, const char *tags,
              const struct idset *live, const struct idset *selected,
              struct stats *out, struct diag_list *diags)
{
	char *extra = NULL;
	int rc = tag_cards(st, q, tags, live, selected, out, &extra, diags);

	if (rc == 0)
		rc = review_sums(st, q, tags, extra, out, diags);
	if (rc == 0)
		rc = tag_retention(st, q, tags, out, diags);
	free(extra);
	/* new cards left today: the limit counts every deck */
	out->new_left = q->new_per_day - store_new_on_day(st, q->today);
	if (out->new_left < 0)
		out->new_left = 0;
	if (out->new_left > out->n_new)
		out->new_left = out->n_new;
	return rc;
}

int
stats_compute(struct store *st, const struct stats_query *q, struct stats *out,
              struct diag_list *diags)
{
	char *cond = card_condition(q);
	char *tags = store_tags_json(q->tags);
	struct idset live = { 0 }, selected = { 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	out->forecast_days = q->forecast_days;
	out->forecast =
	    xcalloc((size_t)q->forecast_days + 1, sizeof(*out->forecast));
	if ((rc = store_exec(st, "BEGIN", diags)) < 0)
		goto out;
	if ((rc = card_pass(st, q, cond, tags, out, &live, &selected, diags)) ==
	        0 &&
	    (rc = hardest_details(st, out, diags)) == 0)
		rc = review_passes(st, q, tags, &live, &selected, out, diags);
	if (rc == 0)
		rc = store_chrono_count(st, q->today - STATS_CHRONO_DAYS + 1,
		                        q->today, &out->chrono_answers,
		                        &out->chrono_right, diags);
	store_exec(st, "COMMIT", diags);
out:
	free(live.bits);
	free(selected.bits);
	free(cond);

	free(tags);
	return rc;
}

void
stats_release(struct stats *s)
{
	for (size_t i = 0; i < s->ntags; i++)
		free(s->tags[i].tag);
	free(s->tags);
	for (size_t i = 0; i < s->nhardest; i++) {
		free(s->hardest[i].deck);
		free(s->hardest[i].key);
		free(s->hardest[i].question);
	}
	free(s->forecast);
	memset(s, 0, sizeof(*s));
}

int
stats_sessions(struct store *st, int limit, struct stats_session **out,
               size_t *n, struct diag_list *diags)
{
	sqlite3_stmt *s = store_prepare(
	    st,
	    "SELECT id, mode, filters, started_at, coalesce(ended_at, 0),"
	    " questions, right, duration_ms FROM sessions"
	    " ORDER BY started_at DESC, id DESC LIMIT ?",
	    diags);
	struct stats_session *v = NULL;
	size_t count = 0, alloc = 0;
	int err;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -EX_IOERR;
	sqlite3_bind_int(s, 1, limit);
	while ((err = sqlite3_step(s)) == SQLITE_ROW) {
		struct stats_session *x;

		v = xgrow(v, &alloc, count + 1, sizeof(*v));
		x = &v[count++];
		x->id = sqlite3_column_int64(s, 0);
		x->mode = xstrdup((const char *)sqlite3_column_text(s, 1));
		x->filters = xstrdup((const char *)sqlite3_column_text(s, 2));
		x->started = sqlite3_column_int64(s, 3);
		x->ended = sqlite3_column_int64(s, 4);
		x->questions = sqlite3_column_int64(s, 5);
		x->right = sqlite3_column_int64(s, 6);
		x->duration_ms = sqlite3_column_int64(s, 7);
	}
	sqlite3_finalize(s);
	*out = v;
	*n = count;
	if (err != SQLITE_DONE)
		return store_fail(st, diags, "cannot read the sessions");
	return 0;
}

void
stats_sessions_free(struct stats_session *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].mode);
		free(v[i].filters);
	}
	free(v);
}
