/*
 * cmd-replay.c - "trainer replay": run the scheduler over a review history.
 *
 * Reads CSV "card,time,rating" on standard input (a header line is
 * optional), checks every row first, then prints one row per review:
 * "card,time,rating,state,stability,difficulty,interval_days,due".  A
 * history with a malformed row prints nothing but the errors.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "clock.h"
#include "fsrs.h"
#include "isotime.h"
#include "opt.h"

#define MAX_ERRORS 20
#define NEVER      LLONG_MIN /* before every time isotime_parse gives */

struct row {
	size_t card;
	int rating;
	long long time;
};

struct history {
	struct row *rows;
	size_t nrows, rows_alloc;
	char **ids;      /* card ids, by index */
	long long *last; /* each card's latest review so far, or NEVER */
	size_t ncards, ids_alloc, last_alloc;
	size_t *slots; /* open addressing: index + 1 */
	size_t nslots;
};

static size_t
card_index(struct history *h, const char *id)
{
	size_t mask, i;

	if ((h->ncards + 1) * 2 > h->nslots) {
		size_t *old = h->slots, oldn = h->nslots;

		h->nslots = oldn ? oldn * 2 : 1024;
		h->slots = xcalloc(h->nslots, sizeof(*h->slots));
		for (size_t k = 0; k < oldn; k++) {
			if (old[k] == 0)
				continue;
			i = str_hash(h->ids[old[k] - 1]) & (h->nslots - 1);
			while (h->slots[i])
				i = (i + 1) & (h->nslots - 1);
			h->slots[i] = old[k];
		}
		free(old);
	}
	mask = h->nslots - 1;
	for (i = str_hash(id) & mask; h->slots[i]; i = (i + 1) & mask)
		if (strcmp(h->ids[h->slots[i] - 1], id) == 0)
			return h->slots[i] - 1;
	h->ids = xgrow(h->ids, &h->ids_alloc, h->ncards + 1, sizeof(*h->ids));
	h->last =
	    xgrow(h->last, &h->last_alloc, h->ncards + 1, sizeof(*h->last));
	h->ids[h->ncards] = xstrdup(id);
	h->last[h->ncards] = NEVER;
	h->slots[i] = ++h->ncards;
	return h->ncards - 1;
}

static void
history_release(struct history *h)
{
	for (size_t i = 0; i < h->ncards; i++)
		free(h->ids[i]);
	free(h->ids);
	free(h->last);
	free(h->slots);
	free(h->rows);
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	                 e[-1] == '\n'))
		*--e = '\0';
	return s;
}

static int
parse_rating(const char *s)
{
	static const char *const words[] = { "again", "hard", "good", "easy" };

	if (s[0] >= '1' && s[0] <= '4' && s[1] == '\0')
		return s[0] - '0';
	for (int i = 0; i < 4; i++)
		if (strcasecmp(s, words[i]) == 0)
			return i + 1;
	return 0;
}

/* Check one line and add its row; report problems to 'diags'. */
static void
read_row(struct history *h, char *line, int lineno, struct diag_list *diags)
{
	char *f[4], why[200], *p = line;
	size_t n = 0, card;
	long long t;
	int rating;

	while (n < 4) {
		f[n++] = p;
		p = strchr(p, ',');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	if (n != 3) {
		diag_error(diags, "<stdin>", lineno, 0,
		           "expected 3 fields (card,time,rating), found %s",
		           n > 3    ? "more"
		           : n == 2 ? "2"
		                    : "1");
		return;
	}
	for (size_t i = 0; i < n; i++)
		f[i] = trim(f[i]);
	if (*f[0] == '\0') {
		diag_error(diags, "<stdin>", lineno, 0, "the card is empty");
		return;
	}
	if (isotime_parse(f[1], &t, why, sizeof(why)) < 0) {
		diag_error(diags, "<stdin>", lineno, 0, "%s", why);
		return;
	}
	rating = parse_rating(f[2]);
	if (rating == 0) {
		diag_error(diags, "<stdin>", lineno, 0,
		           "the rating must be 1 to 4 (or again, hard, good, "
		           "easy), not '%s'",
		           f[2]);
		return;
	}
	card = card_index(h, f[0]);
	if (h->last[card] > t) {
		char a[32], b[32];

		isotime_format_utc(t, a, sizeof(a));
		isotime_format_utc(h->last[card], b, sizeof(b));
		diag_error(diags, "<stdin>", lineno, 0,
		           "card '%s' is reviewed at %s, before its previous "
		           "review at %s",
		           f[0], a, b);
		return;
	}
	h->last[card] = t;
	h->rows =
	    xgrow(h->rows, &h->rows_alloc, h->nrows + 1, sizeof(*h->rows));
	h->rows[h->nrows++] = (struct row){ card, rating, t };
}

/* Read the whole history from 'fp'.  Returns 0, or -EX_DATAERR. */
static int
read_history(FILE *fp, struct history *h, struct diag_list *diags)
{
	char *line = NULL, *s;
	size_t cap = 0;
	int lineno = 0, seen = 0;

	while (getline(&line, &cap, fp) >= 0) {
		lineno++;
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (!seen++ && strncasecmp(s, "card", 4) == 0 &&
		    strchr(s, ',') && !strchr(s, ':'))
			continue; /* the header */
		read_row(h, s, lineno, diags);
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
			errno = 0;
			if (n < FSRS_NWEIGHTS)
				w[n] = strtod(p, &end);
			else
				strtod(p, &end);
			if (end == p || errno ||
			    (*end && !strchr(" \t,\r\n]", *end))) {
				size_t len = strcspn(p, " \t,\r\n]");

				diag_error(
				    diags, path, lineno, (int)(p - line) + 1,
				    "'%.*s' is not a number", (int)len, p);
				rc = -EX_DATAERR;
				p += len;
				continue;
			}
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

static void
print_number(FILE *fp, double v)
{
	fprintf(fp, "%.15g", v);
}

static int
run_replay(struct cli *cli, int argc, char **argv)
{
	enum {
		O_RETENTION = 1,
		O_NO_FUZZ,
		O_PARAMS,
		O_ROLLOVER,
		O_LEARNING,
		O_RELEARNING,
	};
	static const struct opt opts[] = {
		{ "retention", 1, O_RETENTION },
		{ "no-fuzz", 0, O_NO_FUZZ },
		{ "params", 1, O_PARAMS },
		{ "rollover", 1, O_ROLLOVER },
		{ "learning-steps", 1, O_LEARNING },
		{ "relearning-steps", 1, O_RELEARNING },
		{ NULL, 0, 0 },
	};
	struct fsrs_params params;
	struct history h = { 0 };
	struct diag_list diags = { 0 };
	struct optparse p;
	const char *value, *params_file = NULL;
	char why[200];
	long rollover = CLOCK_DEFAULT_ROLLOVER;
	int id, rc = 0, clamped = 0;
	static char outbuf[1 << 16];

	(void)cli;
	fsrs_params_default(&params);
	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		switch (id) {
		case O_RETENTION:
			if (opt_double("retention", value, FSRS_MIN_RETENTION,
			               FSRS_MAX_RETENTION, &params.retention,
			               why, sizeof(why)) < 0)
				return cli_usage_error(&cmd_replay, "%s", why);
			break;
		case O_NO_FUZZ:
			params.fuzz = 0;
			break;
		case O_PARAMS:
			if (*value == '\0')
				return cli_usage_error(
				    &cmd_replay, "'--params' needs a file");
			params_file = value;
			break;
		case O_ROLLOVER:
			if (opt_long("rollover", value, 0, 23, &rollover, why,
			             sizeof(why)) < 0)
				return cli_usage_error(&cmd_replay, "%s", why);
			break;
		case O_LEARNING:
			if (opt_steps("learning-steps", value, 30 * 1440,
			              params.learning, FSRS_MAX_STEPS,
			              &params.nlearning, why, sizeof(why)) < 0)
				return cli_usage_error(&cmd_replay, "%s", why);
			break;
		case O_RELEARNING:
			if (opt_steps("relearning-steps", value, 30 * 1440,
			              params.relearning, FSRS_MAX_STEPS,
			              &params.nrelearning, why,
			              sizeof(why)) < 0)
				return cli_usage_error(&cmd_replay, "%s", why);
			break;
		case OPT_ARG:
			return cli_usage_error(&cmd_replay,
			                       "unexpected argument '%s' (the "
			                       "history is read from standard "
			                       "input)",
			                       value);
		default:
			return cli_usage_error(&cmd_replay, "%s", p.error);
		}
	}
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
	diag_print(&diags, stderr);
	if (rc < 0)
		goto out;

	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	{
		struct fsrs_card *cards =
		    xcalloc(h.ncards ? h.ncards : 1, sizeof(*cards));

		for (size_t i = 0; i < h.ncards; i++)
			fsrs_card_new(&cards[i], 0, fsrs_seed(h.ids[i]));
		puts("card,time,rating,state,stability,difficulty,interval_"
		     "days,due");
		for (size_t i = 0; i < h.nrows; i++) {
			const struct row *r = &h.rows[i];
			struct fsrs_card *c = &cards[r->card];
			char t[32], due[32];

			fsrs_next(&params, c,
			          clock_when(r->time, (int)rollover),
			          (enum fsrs_rating)r->rating, c);
			isotime_format_utc(r->time, t, sizeof(t));
			isotime_format_utc(c->due, due, sizeof(due));
			printf("%s,%s,%d,%s,", h.ids[r->card], t, r->rating,
			       fsrs_state_name(c->state));
			print_number(stdout, c->stability);
			putchar(',');
			print_number(stdout, c->difficulty);
			printf(",%d,%s\n", c->scheduled_days, due);
		}
		free(cards);
	}
out:
	diag_list_release(&diags);
	history_release(&h);
	return diag_exit_code(rc);
}

const struct command cmd_replay = {
	.name = "replay",
	.usage = "[--retention R] [--no-fuzz] [--params FILE] [--rollover H] "
	         "[--learning-steps S] [--relearning-steps S]",
	.summary = "replay a review history through the scheduler",
	.help = "Reads CSV 'card,time,rating' on standard input (a header "
	        "line is optional;\n"
	        "time in ISO 8601, rating 1-4 or again/hard/good/easy; each "
	        "card's reviews in\n"
	        "time order) and prints one CSV row per review:\n"
	        "card,time,rating,state,stability,difficulty,interval_days,"
	        "due\n"
	        "(times in UTC). Nothing but the errors is printed for a "
	        "history with a bad row.\n"
	        "\n"
	        "options:\n"
	        "  --retention R         desired retention, 0.70 to 0.99 "
	        "(default 0.9)\n"
	        "  --no-fuzz             exact intervals, no fuzz\n"
	        "  --params FILE         the 21 FSRS weights w0..w20, "
	        "separated by commas or blanks\n"
	        "  --rollover H          the hour a new day starts, local "
	        "time (default 4)\n"
	        "  --learning-steps S    like 1m,10m (default); 'none' for "
	        "no steps\n"
	        "  --relearning-steps S  like 10m (default); 'none' for no "
	        "steps\n",
	.run = run_replay,
};
