/*
 * fsrs.h - the FSRS-6 scheduler, as ts-fsrs 5.x and fsrs-rs 6.x have it.
 *
 * Pure: no I/O, no clock, no globals.  Time comes in as a parameter: a
 * moment (Unix seconds) and its day number.  Day numbers are what make
 * "elapsed days" count calendar days; the caller computes them with
 * fsrs_day from the local UTC offset and the rollover hour, so the engine
 * never needs to know the time zone.
 *
 * Intermediate values are rounded to 8 decimals where ts-fsrs rounds
 * them, so results agree with it to the last digit that matters.
 */
#ifndef TRAINER_FSRS_H
#define TRAINER_FSRS_H

#include <stddef.h>
#include <stdint.h>

#define FSRS_NWEIGHTS      21
#define FSRS_MAX_STEPS     16
#define FSRS_MIN_RETENTION 0.70
#define FSRS_MAX_RETENTION 0.99
#define FSRS_S_MIN         0.001
#define FSRS_S_MAX         36500.0

enum fsrs_state {
	FSRS_NEW,
	FSRS_LEARNING,
	FSRS_REVIEW,
	FSRS_RELEARNING,
};

enum fsrs_rating {
	FSRS_AGAIN = 1,
	FSRS_HARD,
	FSRS_GOOD,
	FSRS_EASY,
};

struct fsrs_params {
	double w[FSRS_NWEIGHTS];
	double retention;             /* desired retention, 0.70 to 0.99 */
	int max_interval;             /* days, 1 to 36500 */
	int learning[FSRS_MAX_STEPS]; /* learning steps, in minutes */
	int nlearning;
	int relearning[FSRS_MAX_STEPS]; /* relearning steps, in minutes */
	int nrelearning;
	int fuzz; /* spread review intervals over FSRS's fuzz range */
	/* derived by fsrs_params_finish, so that no review recomputes them */
	double decay;
	double factor;
	double interval_modifier;
	double exp_w8;             /* exp(w8), in the recall stability */
	double exp_w17_w18;        /* exp(w17 * w18), a lapse's floor */
	double init_difficulty[4]; /* D0(g), raw, for g = 1 to 4 */
	double short_term_sinc[4]; /* exp(w17 * (g - 3 + w18)) */
};

struct fsrs_card {
	enum fsrs_state state;
	double stability;   /* days; 0 for a new card */
	double difficulty;  /* 1 to 10; 0 for a new card */
	int step;           /* index of the current (re)learning step */
	int scheduled_days; /* the interval given at the last review */
	int reps;
	int lapses;
	long long due;         /* Unix seconds */
	long long last_review; /* Unix seconds (any, also before 1970) */
	long long last_day;    /* day number of the last review */
	/* last_review and last_day mean nothing while state is FSRS_NEW */
	uint64_t seed; /* fuzz seed for this card (from its id) */
};

/* A moment and the day it falls on (see fsrs_day). */
struct fsrs_when {
	long long time;
	long long day;
};

/*
 * The day number of Unix time 't' for a clock 'utc_offset' seconds ahead
 * of UTC, a day starting at 'rollover_hour' (0-23) local time.
 */
long long fsrs_day(long long t, long utc_offset, int rollover_hour);

/* Default weights, retention 0.9, steps 1m 10m / 10m, fuzz on, maximum
 * interval 36500 days; derived values computed.  Same-day reviews always
 * use FSRS's short-term stability (w17-w19). */
void fsrs_params_default(struct fsrs_params *p);

/*
 * Check 'p' and compute its derived values: retention within
 * [FSRS_MIN_RETENTION, FSRS_MAX_RETENTION], a maximum interval from 1 to
 * 36500, steps from 1 minute to 30 days; weights clamped to FSRS's bounds
 * as ts-fsrs clamps them.  Returns 0, or -1 with 'why' filled.  The
 * number of weights that had to be clamped goes to '*clamped' (may be
 * NULL).
 */
int fsrs_params_finish(struct fsrs_params *p, int *clamped, char *why,
                       size_t size);

/* The bounds FSRS allows for weight 'i' with these relearning steps. */
void fsrs_weight_bounds(const struct fsrs_params *p, int i, double *lo,
                        double *hi);

/* A new card, due at 'now'. */
void fsrs_card_new(struct fsrs_card *c, long long now, uint64_t seed);

/*
 * Is 'c' due at 'now'?  The one rule for every command, as in Anki: a
 * card given an interval of a day or more (in review, or a learning step
 * of a day or more) is due for the whole local day its due time falls on,
 * so until 'day_end', the start of the local day after 'now'; a step of
 * minutes keeps its exact time.  A new card is never "due".
 */
int fsrs_is_due(const struct fsrs_card *c, long long now, long long day_end);

/* The card after answering 'rating' at 'now'.  Computes only what that
 * rating needs: the same card as fsrs_preview gives for it. */
void fsrs_next(const struct fsrs_params *p, const struct fsrs_card *c,
               struct fsrs_when now, enum fsrs_rating rating,
               struct fsrs_card *out);

/* All four outcomes at once: out[0] is Again ... out[3] is Easy. */
void fsrs_preview(const struct fsrs_params *p, const struct fsrs_card *c,
                  struct fsrs_when now, struct fsrs_card out[4]);

/* Probability of recall of 'c' at 'now' (1 for a new card). */
double fsrs_retrievability(const struct fsrs_params *p,
                           const struct fsrs_card *c, struct fsrs_when now);

/* "new", "learning", "review", "relearning". */
const char *fsrs_state_name(enum fsrs_state s);

/* A 64-bit hash of 's' (FNV-1a), for card seeds. */
uint64_t fsrs_seed(const char *s);

/* The model, exposed for tests against the reference vectors. */
double fsrs_init_stability(const struct fsrs_params *p, int g);
double fsrs_init_difficulty(const struct fsrs_params *p, int g);
double fsrs_next_difficulty(const struct fsrs_params *p, double d, int g);
double fsrs_next_recall_stability(const struct fsrs_params *p, double d,
                                  double s, double r, int g);
double fsrs_next_forget_stability(const struct fsrs_params *p, double d,
                                  double s, double r);
double fsrs_next_short_term_stability(const struct fsrs_params *p, double s,
                                      int g);
double fsrs_forgetting_curve(const struct fsrs_params *p, double t, double s);
/* New difficulty and stability after rating 'g' with 't' elapsed days;
 * d == 0 and s == 0 mean a new card. */
void fsrs_next_state(const struct fsrs_params *p, double d, double s,
                     long long t, int g, double *nd, double *ns);
/* The interval in days for stability 's', before fuzz. */
int fsrs_next_interval(const struct fsrs_params *p, double s);
/* The fuzz range of interval 'ivl' after 'elapsed' days. */
void fsrs_fuzz_range(const struct fsrs_params *p, double ivl, long long elapsed,
                     int *min_ivl, int *max_ivl);
/* The fuzzed interval for 'ivl', drawn with 'factor' in [0, 1). */
int fsrs_apply_fuzz(const struct fsrs_params *p, int ivl, long long elapsed,
                    double factor);
/* The fuzz draw of card seed 'seed' at its 'reps'-th review, in [0, 1). */
double fsrs_fuzz_factor(uint64_t seed, int reps);

#endif
