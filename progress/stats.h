/*
 * stats.h - the progress reports' figures, computed from the store.
 *
 * Engine code: no terminal, no clock.  The caller gives the time, the
 * local day (fsrs_day numbering) and the UTC offset; the figures come
 * back in a struct for cmd-stats (text, JSON) and report-html to draw.
 */
#ifndef PROGRESS_STATS_H
#define PROGRESS_STATS_H

#include <stddef.h>

#include "fsrs.h"
#include "store.h"

#define STATS_CALENDAR_DAYS  182 /* 26 weeks */
#define STATS_WEEKS          26
#define STATS_HARDEST        10
#define STATS_MATURE_DAYS    21 /* an interval from 21 days is mature */
#define STATS_STABILITY_BINS 10

/* Retention windows: the last 7, 30 and 365 days. */
enum { STATS_WEEK, STATS_MONTH, STATS_YEAR, STATS_WINDOWS };
extern const int stats_window_days[STATS_WINDOWS];

struct stats_retention {
	long long answers[STATS_WINDOWS]; /* review-state answers */
	long long right[STATS_WINDOWS];   /* of which passed (Hard or better) */
};

struct stats_tag {
	char *tag;
	long long cards;
	struct stats_retention retention;
};

struct stats_card {
	long long id;
	char *deck;
	char *key;
	char *question;
	int lapses;
	int reps;
	double stability;
	double difficulty;
};

struct stats {
	/* today */
	long long today_answered, today_right, today_ms;
	long long due_now;  /* cards due now (learning and review) */
	long long new_left; /* new cards still allowed today */
	/* cards by state; suspended and retired counted apart */
	long long n_new, n_learning, n_young, n_mature, n_relearning;
	long long n_suspended, n_retired, n_cards;
	/* true retention */
	struct stats_retention retention;
	struct stats_tag *tags;
	size_t ntags;
	double avg_retrievability; /* over cards past their first review */
	long long retrievability_cards;
	/* due per day from today (today counts what is overdue) */
	long long *forecast;
	int forecast_days;
	/* answers per day, the last STATS_CALENDAR_DAYS ending today */
	long long calendar[STATS_CALENDAR_DAYS];
	long long calendar_first_day;
	int streak_current, streak_longest;
	/* retention per week, oldest first, the last STATS_WEEKS weeks */
	long long week_answers[STATS_WEEKS], week_right[STATS_WEEKS];
	/* cards by stability: < 1, 1-3, 3-7, 7-14, 14-30, 30-90, 90-180,
	 * 180-365, 365-730, >= 730 days */
	long long stability_bins[STATS_STABILITY_BINS];
	/* the hardest cards: most lapses, then lowest stability */
	struct stats_card hardest[STATS_HARDEST];
	size_t nhardest;
	/* chronology questions answered in the last STATS_CHRONO_DAYS days
	 * (of every deck: a question can join events of several) */
	long long chrono_answers, chrono_right;
	/* the exam set ('trainer config exam'), filled by the caller: its
	 * date, the days to it, the target, and the share of the cards
	 * predicted at the target on the day under their current schedule
	 * and with the plan (plan.h) */
	int exam_set;
	char exam_date[16];
	long long exam_days_left, exam_cards;
	double exam_target, exam_at_target_scheduled, exam_at_target_planned;
};

#define STATS_CHRONO_DAYS 30

extern const char *const stats_stability_labels[STATS_STABILITY_BINS];

struct stats_query {
	const char *deck;           /* NULL: every deck */
	const struct strlist *tags; /* cards with any of them; NULL: all */
	long long now;
	long long today;   /* the local day of 'now' */
	long long day_end; /* the start of the next local day (fsrs_is_due) */
	long utc_offset;   /* seconds east of UTC at 'now' */
	int rollover;      /* the hour a day starts */
	int forecast_days;
	int new_per_day;
	const struct fsrs_params *params;
};

/* Compute every figure; 0 or -EX_IOERR with a diagnostic. */
int stats_compute(struct store *st, const struct stats_query *q,
                  struct stats *out, struct diag_list *diags);
void stats_release(struct stats *s);

/* "2026-03-01": the date of local day 'day' (fsrs_day numbering). */
void stats_day_label(long long day, char *buf, size_t size);

/* The weekday of local day 'day': 0 for Monday ... 6 for Sunday. */
int stats_weekday(long long day);

struct stats_session {
	long long id;
	char *mode;
	char *filters;            /* JSON */
	long long started, ended; /* ended 0: never ended (a crash) */
	long long questions, right, duration_ms;
};

/* The last 'limit' sessions, newest first (free with
 * stats_sessions_free). */
int stats_sessions(struct store *st, int limit, struct stats_session **out,
                   size_t *n, struct diag_list *diags);
void stats_sessions_free(struct stats_session *v, size_t n);

#endif
