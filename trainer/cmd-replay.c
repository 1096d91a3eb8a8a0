/*
 * cmd-replay.c - "trainer replay": run the scheduler over a review history.
 *
 * Reads CSV "card,time,rating" on standard input (see replay.h), checks
 * every row and schedules them all first, then prints one row per review:
 * "card,time,rating,state,stability,difficulty,interval_days,due".  A
 * history with a malformed row, or a due date past 9999, prints nothing
 * but the errors.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "fsrs.h"
#include "isotime.h"
#include "opt.h"
#include "out.h"
#include "replay.h"

#define MAX_ERRORS 20

/* Read the whole history from 'fp'.  Returns 0, or -EX_DATAERR. */
static int
read_history(FILE *fp, struct replay_history *h, struct diag_list *diags)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;

	while ((len = getline(&line, &cap, fp)) >= 0) {
		replay_add_line(h, line, (size_t)len, ++lineno, "<stdin>",
		                diags);
		if (diags->nerrors >= MAX_ERRORS) {
			diag_note(diags, "<stdin>", lineno, 0,
			          "too many errors; stopping here");
			break;
		}
	}
	free(line);
	if (ferror(fp)) {
		char ebuf[128];

		diag_error(diags, "<stdin>", 0, 0, "cannot read: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_IOERR;
	}
	return diags->nerrors ? -EX_DATAERR : 0;
}

/* What a row prints of its card after the review. */
struct outcome {
	double stability;
	double difficulty;
	long long due;
	int scheduled_days;
	enum fsrs_state state;
};

/*
 * Schedule every row: what each review leaves in 'after' (one per row).
 * A due date past the year 9999 is an error.  Returns 0, or -EX_DATAERR.
 */
static int
schedule(const struct replay_history *h, const struct fsrs_params *params,
         int rollover, struct outcome *after, struct diag_list *diags)
{
	struct fsrs_card *cards =
	    xcalloc(h->ncards ? h->ncards : 1, sizeof(*cards));

	for (size_t i = 0; i < h->ncards; i++)
		fsrs_card_new(&cards[i], 0, fsrs_seed(h->ids[i]));
	for (size_t i = 0; i < h->nrows && diags->nerrors < MAX_ERRORS; i++) {
		const struct replay_row *r = &h->rows[i];
		struct fsrs_card *c = &cards[r->card];

		fsrs_next(params, c, clock_when(r->time, rollover),
		          (enum fsrs_rating)r->rating, c);
		after[i] =
		    (struct outcome){ c->stability, c->difficulty, c->due,
			              c->scheduled_days, c->state };
		if (c->due > ISOTIME_MAX)
			diag_error(diags, "<stdin>", r->line, 0,
			           "the due date is past 9999");
	}
	free(cards);
	return diags->nerrors ? -EX_DATAERR : 0;
}

/* Read 21 weights from 'path': numbers separated by commas or blanks,
 * '#' comments. */
static int
read_weights(const char *path, double *w, struct diag_list *diags)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int n = 0, lineno = 0, rc = 0;
	char ebuf[128];

	struct stat sb;

	if (fp == NULL) {
		diag_error(diags, path, 0, 0, "cannot open: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_NOINPUT;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		diag_error(diags, path, 0, 0,
		           "cannot read: it is a folder, not a file");
		fclose(fp);
		return -EX_NOINPUT;
	}
	while (getline(&line, &cap, fp) >= 0) {
		char *p = line, *end, *hash = strchr(line, '#');

		lineno++;
		if (hash)
			*hash = '\0';
		for (;;) {
			while (*p == ' ' || *p == '\t' || *p == ',' ||
			       *p == '\n' || *p == '\r' || *p == '[' ||
			       *p == ']')
				p++;
			if (*p == '\0')
				break;
			size_t len = strcspn(p, " \t,\r\n]");
			double v;

			/* decimal only: no hex, inf or nan */
			errno = 0;
			v = strtod(p, &end);
			if (end != p + len ||
			    strspn(p, "0123456789.eE+-") < len ||
			    (errno == ERANGE && isinf(v))) {
				diag_error(diags, path, lineno,
				           (int)(p - line) + 1, "'%.*s' is %s",
				           (int)len, p,
				           errno == ERANGE && end == p + len
				               ? "too large"
				               : "not a number");
				rc = -EX_DATAERR;
				p += len;
				continue;
			}
			if (n < FSRS_NWEIGHTS)
				w[n] = v; /* a tiny one (ERANGE) is about 0 */
			n++;
			p = end;
		}
	}
	if (ferror(fp)) {
		diag_error(diags, path, 0, 0, "cannot read: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		rc = -EX_IOERR;
	}
	free(line);
	fclose(fp);
	if (rc == 0 && n != FSRS_NWEIGHTS) {
		diag_error(diags, path, lineno, 0,
		           "expected %d weights (w0 to w20), found %d",
		           FSRS_NWEIGHTS, n);
		rc = -EX_DATAERR;
	}
	return rc;
}

/* Rows are made in a buffer of our own and written when it fills. */
struct rows_out {
	char buf[1 << 16];
	size_t len;
};

static void
rows_flush(struct rows_out *o)
{
	fwrite(o->buf, 1, o->len, stdout);
	o->len = 0;
}

static void
rows_put(struct rows_out *o, const char *s, size_t n)
{
	if (o->len + n > sizeof(o->buf)) {
		rows_flush(o);
		if (n > sizeof(o->buf)) {
			fwrite(s, 1, n, stdout);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* 'v' in decimal, as "%d" writes it; returns its length. */
static size_t
put_int(char *p, int v)
{
	char digits[12];
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	size_t n = 0, len = 0;

	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		p[len++] = '-';
	while (n)
		p[len++] = digits[--n];
	return len;
}

/* The row of review 'r' after it: the card's 'id' as shown (escaped),
 * then "time,rating,state,stability,difficulty,interval_days,due". */
static void
print_row(struct rows_out *o, const char *id, size_t idlen,
          const struct replay_row *r, const struct outcome *c)
{
	char row[160], *p = row;
	const char *state = fsrs_state_name(c->state);
	size_t n = strlen(state);

	rows_put(o, id, idlen);
	*p++ = ',';
	isotime_format_utc(r->time, p, 32);
	p += strlen(p);
	*p++ = ',';
	*p++ = (char)('0' + r->rating);
	*p++ = ',';
	memcpy(p, state, n);
	p += n;
	*p++ = ',';
	p += replay_format_number(c->stability, p);
	*p++ = ',';
	p += replay_format_number(c->difficulty, p);
	*p++ = ',';
	p += put_int(p, c->scheduled_days);
	*p++ = ',';
	isotime_format_utc(c->due, p, 32);
	p += strlen(p);
	*p++ = '\n';
	rows_put(o, row, (size_t)(p - row));
}

static int
run_replay(struct cli *cli, const struct args *a)
{
	struct fsrs_params params;
	struct replay_history h = { 0 };
	struct outcome *after = NULL;
	struct rows_out *rows = NULL;
	char **shown = NULL;
	size_t *shown_len = NULL;
	struct diag_list diags = { 0 };
	const char *params_file = args_text(a, "params"), *steps;
	char why[200];
	long rollover = args_long(a, "rollover", CLOCK_DEFAULT_ROLLOVER);
	int rc = 0, clamped = 0;

	(void)cli;
	if (a->npos > 0)
		return cli_usage_error(&cmd_replay,
		                       "unexpected argument '%s' (the history "
		                       "is read from standard input)",
		                       a->pos[0]);
	fsrs_params_default(&params);
	params.retention = args_double(a, "retention", params.retention);
	if (args_has(a, "no-fuzz"))
		params.fuzz = 0;
	if ((steps = args_text(a, "learning-steps")) &&
	    opt_steps("learning-steps", steps, 30 * 1440, params.learning,
	              FSRS_MAX_STEPS, &params.nlearning, why, sizeof(why)) < 0)
		return cli_usage_error(&cmd_replay, "%s", why);
	if ((steps = args_text(a, "relearning-steps")) &&
	    opt_steps("relearning-steps", steps, 30 * 1440, params.relearning,
	              FSRS_MAX_STEPS, &params.nrelearning, why,
	              sizeof(why)) < 0)
		return cli_usage_error(&cmd_replay, "%s", why);
	if (params_file)
		rc = read_weights(params_file, params.w, &diags);
	if (rc == 0 &&
	    fsrs_params_finish(&params, &clamped, why, sizeof(why)) < 0) {
		diag_error(&diags, params_file, 0, 0, "%s", why);
		rc = -EX_DATAERR;
	}
	if (rc == 0 && clamped)
		diag_add(&diags, DIAG_WARNING, params_file, 0, 0,
		         "%d weight%s outside FSRS's bounds, clamped to them",
		         clamped, clamped == 1 ? " was" : "s were");
	if (rc == 0)
		rc = read_history(stdin, &h, &diags);
	if (rc < 0) {
		diag_print(&diags, stderr);
		goto out;
	}
	after = xcalloc(h.nrows ? h.nrows : 1, sizeof(*after));
	rc = schedule(&h, &params, (int)rollover, after, &diags);
	diag_print(&diags, stderr);
	if (rc < 0)
		goto out;
	/* each card's id escaped once, not on each of its rows */
	shown = xcalloc(h.ncards ? h.ncards : 1, sizeof(*shown));
	shown_len = xcalloc(h.ncards ? h.ncards : 1, sizeof(*shown_len));
	for (size_t i = 0; i < h.ncards; i++) {
		shown[i] = out_safe_dup(h.ids[i]);
		shown_len[i] = strlen(shown[i]);
	}
	rows = xmalloc(sizeof(*rows));
	rows->len = 0;
	puts("card,time,rating,state,stability,difficulty,interval_days,due");
	for (size_t i = 0; i < h.nrows; i++) {
		size_t card = h.rows[i].card;

		print_row(rows, shown[card], shown_len[card], &h.rows[i],
		          &after[i]);
	}
	rows_flush(rows);
out:
	for (size_t i = 0; shown && i < h.ncards; i++)
		free(shown[i]);
	free(shown);
	free(shown_len);
	free(rows);
	free(after);
	diag_list_release(&diags);
	replay_history_release(&h);
	return diag_status(rc);
}

static const struct optspec replay_opts[] = {
	{ .name = "retention",
	  .kind = OPTK_DOUBLE,
	  .meta = "R",
	  .min = FSRS_MIN_RETENTION,
	  .max = FSRS_MAX_RETENTION,
	  .help = "desired retention, 0.70 to 0.99 (default 0.9)" },
	{ .name = "no-fuzz",
	  .kind = OPTK_FLAG,
	  .help = "exact intervals, no fuzz" },
	{ .name = "params",
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_FILE,
	  .help = "the 21 FSRS weights w0..w20, separated by commas or "
	          "blanks" },
	{ .name = "rollover",
	  .kind = OPTK_LONG,
	  .meta = "H",
	  .min = 0,
	  .max = 23,
	  .help = "the hour a new day starts, local time (default 4)" },
	{ .name = "learning-steps",
	  .kind = OPTK_TEXT,
	  .meta = "S",
	  .empty_ok = 1,
	  .help = "like 1m,10m (default); 'none' for no steps" },
	{ .name = "relearning-steps",
	  .kind = OPTK_TEXT,
	  .meta = "S",
	  .empty_ok = 1,
	  .help = "like 10m (default); 'none' for no steps" },
	{ 0 },
};

const struct command cmd_replay = {
	.name = "replay",
	.max_args = -1,
	.summary = "replay a review history through the scheduler",
	.about = "Reads CSV 'card,time,rating' on standard input (a header "
	         "line is optional;\n"
	         "time in ISO 8601, rating 1-4 or again/hard/good/easy; each "
	         "card's reviews in\n"
	         "time order) and prints one CSV row per review:\n"
	         "card,time,rating,state,stability,difficulty,interval_days,"
	         "due\n"
	         "(times in UTC). Nothing but the errors is printed for a "
	         "history with a bad row.\n",
	.opts = replay_opts,
	.run = run_replay,
};
