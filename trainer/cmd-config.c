/*
 * cmd-config.c - "trainer config": the learner's settings.  Lists them
 * with their values and defaults, shows one, sets one (checked), or
 * takes one back to its default.  Only what the learner set is stored.
 */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exam.h"
#include "fsrs.h"
#include "opt.h"
#include "out.h"

/* The longest learning or relearning step, in minutes: 30 days. */
#define STEP_MAX (30 * 1440)

const struct cli_setting cli_settings[] = {
	{ "desired-retention",
	  SETTING_NUMBER,
	  "0.9",
	  FSRS_MIN_RETENTION,
	  FSRS_MAX_RETENTION,
	  { NULL },
	  "a number from 0.7 to 0.99" },
	{ "new-per-day",
	  SETTING_WHOLE,
	  "20",
	  0,
	  9999,
	  { NULL },
	  "a whole number from 0 to 9999" },
	{ "learning-steps",
	  SETTING_STEPS,
	  "1m 10m",
	  0,
	  0,
	  { NULL },
	  "steps like '1m 10m' (m, h or d; each from 1m to 30d; at most "
	  "16), or 'none'" },
	{ "relearning-steps",
	  SETTING_STEPS,
	  "10m",
	  0,
	  0,
	  { NULL },
	  "steps like '10m' (m, h or d; each from 1m to 30d; at most 16), or "
	  "'none'" },
	{ "rollover-hour",
	  SETTING_WHOLE,
	  "4",
	  0,
	  23,
	  { NULL },
	  "a whole number from 0 to 23" },
	{ "learn-ahead",
	  SETTING_WHOLE,
	  "20",
	  0,
	  1440,
	  { NULL },
	  "a whole number of minutes from 0 to 1440" },
	{ "bury-siblings",
	  SETTING_CHOICE,
	  "on",
	  0,
	  0,
	  { "on", "off", NULL },
	  "'on' or 'off'" },
	{ "new-order",
	  SETTING_CHOICE,
	  "deck",
	  0,
	  0,
	  { "deck", "random", NULL },
	  "'deck' or 'random'" },
	{ "chronology",
	  SETTING_CHOICE,
	  "off",
	  0,
	  0,
	  { "on", "off", NULL },
	  "'on' or 'off'" },
	{ "exam",
	  SETTING_DATE,
	  "none",
	  0,
	  0,
	  { NULL },
	  "a date like 2027-01-15, or 'none'" },
	{ "exam-target",
	  SETTING_NUMBER,
	  "0.9",
	  FSRS_MIN_RETENTION,
	  FSRS_MAX_RETENTION,
	  { NULL },
	  "a number from 0.7 to 0.99" },
	{ "sync-dir",
	  SETTING_FOLDER,
	  "none",
	  0,
	  0,
	  { NULL },
	  "an absolute path to a folder, or 'none'" },
};
const size_t cli_nsettings = sizeof(cli_settings) / sizeof(cli_settings[0]);

const struct cli_setting *
cli_setting_find(const char *key)
{
	for (size_t i = 0; i < cli_nsettings; i++)
		if (strcmp(cli_settings[i].key, key) == 0)
			return &cli_settings[i];
	return NULL;
}

int
cli_setting_parse(const struct cli_setting *s, const char *text, double *number,
                  int *steps, int *nsteps)
{
	int buf[FSRS_MAX_STEPS], n;
	char why[200];
	double d = 0;
	long l;

	switch (s->kind) {
	case SETTING_NUMBER:
		if (opt_double(s->key, text, s->lo, s->hi, &d, why,
		               sizeof(why)) < 0)
			return -1;
		break;
	case SETTING_WHOLE:
		if (opt_long(s->key, text, (long)s->lo, (long)s->hi, &l, why,
		             sizeof(why)) < 0)
			return -1;
		d = (double)l;
		break;
	case SETTING_STEPS:
		if (opt_steps(s->key, text, STEP_MAX, steps ? steps : buf,
		              FSRS_MAX_STEPS, nsteps ? nsteps : &n, why,
		              sizeof(why)) < 0)
			return -1;
		break;
	case SETTING_CHOICE:
		for (size_t i = 0; s->choices[i]; i++)
			if (strcmp(s->choices[i], text) == 0)
				return 0;
		return -1;
	case SETTING_DATE: {
		long long day;

		if (strcmp(text, "none") == 0)
			return 0;
		if (strlen(text) != 10 || exam_day(text, &day) < 0)
			return -1;
		break;
	}
	case SETTING_FOLDER:
		return text[0] == '/' || strcmp(text, "none") == 0 ? 0 : -1;
	}
	if (number)
		*number = d;
	return 0;
}

char *
cli_setting_get(struct store *st, const struct cli_setting *s, int *set)
{
	char *v = st ? store_setting(st, s->key) : NULL;

	*set = v != NULL;
	return v ? v : xstrdup(s->def);
}

/* A usage error for a key that is not a setting, with the closest. */
static int
unknown_key(const char *key)
{
	const char *keys[sizeof(cli_settings) / sizeof(cli_settings[0])];
	const char *close;

	if (strcmp(key, "weights") == 0)
		return cli_usage_error(&cmd_config,
		                       "the weights are fitted by 'trainer "
		                       "optimize' and reset by 'trainer "
		                       "optimize --reset'");
	for (size_t i = 0; i < cli_nsettings; i++)
		keys[i] = cli_settings[i].key;
	close = suggest(key, keys, cli_nsettings);
	if (close)
		return cli_usage_error(&cmd_config,
		                       "no setting is named '%s' (did you "
		                       "mean '%s'?)",
		                       key, close);
	return cli_usage_error(&cmd_config,
	                       "no setting is named '%s' (see 'trainer "
	                       "config')",
	                       key);
}

/* A value as JSON: a number for the numeric settings, else text. */
static json_t *
value_json(const struct cli_setting *s, const char *v)
{
	double d;

	if ((s->kind == SETTING_NUMBER || s->kind == SETTING_WHOLE) &&
	    cli_setting_parse(s, v, &d, NULL, NULL) == 0)
		return s->kind == SETTING_WHOLE ? json_integer((json_int_t)d)
		                                : json_real(d);
	return json_string(v);
}

/* "KEY = VALUE (default)", or "KEY = VALUE (default D)" when set. */
static void
print_setting(const struct cli_setting *s, const char *v, int set)
{
	printf("%s = ", s->key);
	out_safe(stdout, v, 0);
	if (set)
		printf(" (default %s)\n", s->def);
	else
		puts(" (default)");
}

/* The weights in use: not a setting one sets here, but 'trainer
 * optimize' sets them, so the list says which and since when. */
static void
list_weights(struct store *st, json_t *o)
{
	struct cli_weights w;
	char *text;

	cli_weights_info(st, &w);
	if (o) {
		json_object_set_new(o, "weights", cli_weights_json(&w));
		return;
	}
	text = cli_weights_text(&w);
	if (w.set)
		printf("weights = %s (default FSRS-6's: 'trainer optimize "
		       "--reset')\n",
		       text);
	else
		printf("weights = %s (default; 'trainer optimize' fits "
		       "them)\n",
		       text);
	free(text);
}

static int
list(struct store *st, int json)
{
	json_t *o = json ? json_object() : NULL;

	for (size_t i = 0; i < cli_nsettings; i++) {
		const struct cli_setting *s = &cli_settings[i];
		int set;
		char *v = cli_setting_get(st, s, &set);

		if (json) {
			json_t *x = json_object();

			json_object_set_new(x, "value", value_json(s, v));
			json_object_set_new(x, "default",
			                    value_json(s, s->def));
			json_object_set_new(x, "set", json_boolean(set));
			json_object_set_new(o, s->key, x);
		} else {
			print_setting(s, v, set);
		}
		free(v);
	}
	list_weights(st, o);
	if (json)
		out_json(stdout, o,
		         JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		             JSON_REAL_PRECISION(15));
	json_decref(o);
	return 0;
}

static int
run_config(struct cli *cli, const struct args *a)
{
	const struct cli_setting *s = NULL;
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	const char *const *args = (const char *const *)a->pos;
	int json = args_has(a, "json"), reset = args_has(a, "reset");
	const char *target = args_text(a, "target");
	int nargs = a->npos, rc = 0, set;
	char *v;

	if (nargs > 0 && (s = cli_setting_find(args[0])) == NULL)
		return unknown_key(args[0]);
	if (reset && (nargs != 1))
		return cli_usage_error(
		    &cmd_config, nargs ? "--reset takes a key and no value"
		                       : "which setting to reset?");
	if (json && nargs > 0)
		return cli_usage_error(&cmd_config,
		                       "--json lists every setting; it takes "
		                       "no key");
	if (nargs == 2 && cli_setting_parse(s, args[1], NULL, NULL, NULL) < 0)
		return cli_usage_error(&cmd_config, "'%s' must be %s, not '%s'",
		                       s->key, s->allowed, args[1]);
	if (target && (nargs != 2 || strcmp(s->key, "exam") != 0 ||
	               strcmp(args[1], "none") == 0))
		return cli_usage_error(&cmd_config,
		                       "--target goes with 'exam DATE'");
	if (target && cli_setting_parse(cli_setting_find("exam-target"), target,
	                                NULL, NULL, NULL) < 0)
		return cli_usage_error(&cmd_config,
		                       "--target must be a number from 0.7 to "
		                       "0.99, not '%s'",
		                       target);

	if (nargs == 2 || reset) {
		if ((rc = cli_open_writable(cli, &st)) != 0)
			return rc;
		rc = reset ? store_unset_setting(st, s->key, &diags)
		           : store_set_setting(st, s->key, args[1], &diags);
		if (rc == 0 && target)
			rc = store_set_setting(st, "exam-target", target,
			                       &diags);
		if ((rc = diag_report(&diags, rc)) == 0) {
			v = cli_setting_get(st, s, &set);
			print_setting(s, v, set);
			free(v);
			if (target) {
				const struct cli_setting *t =
				    cli_setting_find("exam-target");

				v = cli_setting_get(st, t, &set);
				print_setting(t, v, set);
				free(v);
			}
		}
		store_close(st);
		return rc;
	}
	/* reading: no database yet means nothing set yet */
	if (cli_db_path(cli) == NULL)
		return EX_USAGE;
	rc = store_open_readonly(cli_db_path(cli), &st, &diags);
	if (rc == -EX_NOINPUT) {
		diag_list_release(&diags);
		rc = 0;
	}
	if ((rc = diag_report(&diags, rc)) != 0)
		return rc;
	if (s) {
		v = cli_setting_get(st, s, &set);
		out_safe(stdout, v, 0);
		putchar('\n');
		free(v);
	} else {
		rc = list(st, json);
	}
	store_close(st);
	return rc;
}

static const struct optspec config_opts[] = {
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "the list as one JSON object: each key's value, default "
	          "and set" },
	{ .name = "reset",
	  .kind = OPTK_FLAG,
	  .help = "remove the value set for KEY" },
	{ .name = "target",
	  .kind = OPTK_TEXT,
	  .meta = "R",
	  .help = "with 'exam DATE': the recall wanted that day (sets\n"
	          "exam-target)" },
	{ 0 },
};

const struct command cmd_config = {
	.name = "config",
	.usage = "[--json] | KEY | KEY VALUE | KEY --reset | exam DATE "
	         "[--target R]",
	.args = "[KEY [VALUE]]",
	.arg_names = OPTN_SETTING,
	.max_args = 2,
	.summary = "the settings: list them, show, set or reset one",
	.about = "Without a key, lists every setting with its value and its "
	         "default; with a\n"
	         "KEY, prints its value; with a VALUE, sets it; with --reset, "
	         "takes it back to\n"
	         "its default. Only the values you set are stored.\n"
	         "\n"
	         "settings:\n"
	         "  desired-retention  the recall to schedule for, 0.7 to 0.99 "
	         "(default 0.9)\n"
	         "  new-per-day        new cards a day, 0 to 9999 (default "
	         "20)\n"
	         "  learning-steps     steps of a new card, like '1m 10m' "
	         "(default), or 'none'\n"
	         "  relearning-steps   steps of a forgotten card (default "
	         "'10m'), or 'none'\n"
	         "  rollover-hour      the hour a day starts, 0 to 23 (default "
	         "4)\n"
	         "  learn-ahead        minutes a learning card may come early, "
	         "0 to 1440\n"
	         "                     (default 20)\n"
	         "  bury-siblings      hold a card's siblings until the next "
	         "day: on (default)\n"
	         "                     or off\n"
	         "  new-order          new cards in deck order (default) or "
	         "random\n"
	         "  chronology         three chronology questions after a "
	         "review: on or off\n"
	         "                     (default)\n"
	         "  exam               the exam's date, like 2027-01-15: "
	         "review adds what the\n"
	         "                     plan ('trainer plan') needs each day, "
	         "until then; 'none'\n"
	         "                     (default)\n"
	         "  exam-target        the recall wanted on the exam day, 0.7 "
	         "to 0.99 (default\n"
	         "                     0.9; also --target with 'exam DATE')\n"
	         "  sync-dir           a folder to sync with at the start and "
	         "end of each\n"
	         "                     session (trainer sync); none by "
	         "default\n",
	.opts = config_opts,
	.run = run_config,
};
