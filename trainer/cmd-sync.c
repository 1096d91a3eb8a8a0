/*
 * cmd-sync.c - "trainer sync [DIR]": merge progress with other machines
 * through a folder that a file-sync tool (or a USB stick, or git) keeps
 * the same on each; and the sync a session makes at its start and end
 * when the setting sync-dir names a folder.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "study.h"

/* TRAINER_SYNC_STEPS=1: each step on standard output as it is done, and
 * a line read from standard input before the next, for the tests that
 * kill a sync between two steps (no guessing with sleeps). */
static void
print_step(const char *what, void *arg)
{
	char line[16];

	(void)arg;
	printf("step: %s\n", what);
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		clearerr(stdin);
}

static long long
local_day(long long t, void *arg)
{
	return clock_when(t, *(const int *)arg).day;
}

/* "N thing" or "N things". */
static void
count(struct strbuf *sb, size_t n, const char *one, const char *many)
{
	if (n == 0)
		return;
	if (sb->len > 0)
		strbuf_adds(sb, ", ");
	strbuf_addf(sb, "%zu %s", n, n == 1 ? one : many);
}

/* What came in and went out, as the command prints it. */
static void
print_report(const struct store_sync_report *r, const char *device)
{
	struct strbuf sb = { 0 };

	printf("this machine: %s\n", device);
	printf("sent %zu event%s to %s\n", r->sent, r->sent == 1 ? "" : "s",
	       r->journal);
	count(&sb, r->reviews, "answer", "answers");
	count(&sb, r->undos, "undo", "undos");
	count(&sb, r->suspends, "suspension", "suspensions");
	count(&sb, r->skips, "skip", "skips");
	count(&sb, r->settings, "setting", "settings");
	printf("received %zu event%s from %zu other machine%s%s%s%s\n",
	       r->received, r->received == 1 ? "" : "s", r->journals,
	       r->journals == 1 ? "" : "s", sb.len ? " (" : "",
	       sb.len ? sb.buf : "", sb.len ? ")" : "");
	printf("replayed %zu card%s\n", r->cards, r->cards == 1 ? "" : "s");
	if (r->applied)
		printf(
		    "applied %zu waiting event%s: their cards are here now\n",
		    r->applied, r->applied == 1 ? "" : "s");
	if (r->waiting)
		printf("%zu event%s wait%s for cards this machine does not "
		       "have yet (sync the decks)\n",
		       r->waiting, r->waiting == 1 ? "" : "s",
		       r->waiting == 1 ? "s" : "");
	strbuf_release(&sb);
}

int
cli_sync_dir(struct cli *cli, struct store *st, const char *dir, int automatic)
{
	struct store_sync_report *r = xcalloc(1, sizeof(*r));
	struct diag_list diags = { 0 };
	struct store_sync_opts o = { 0 };
	struct fsrs_params params;
	int rollover, per_day, rc;

	if (study_settings(st, &params, &rollover, &per_day) < 0) {
		free(r);
		return automatic ? 0 : diag_status(EX_DATAERR);
	}
	o.dir = dir;
	o.now = cli_now(cli);
	o.params = &params;
	o.day = local_day;
	o.day_arg = &rollover;
	if (getenv("TRAINER_SYNC_STEPS") && !automatic)
		o.step = print_step;
	rc = store_sync_dir(st, &o, r, &diags);
	if (rc == 0 && r->ahead)
		diag_add(&diags, DIAG_WARNING, NULL, 0, 0,
		         "%zu answer%s came from a clock more than a day ahead "
		         "of this machine's (kept as given; check the clocks)",
		         r->ahead, r->ahead == 1 ? "" : "s");
	if (automatic) {
		/* never a lost answer: a failure is a warning */
		if (rc < 0)
			diag_add(&diags, DIAG_WARNING, NULL, 0, 0,
			         "could not sync with '%s'; the answers are "
			         "saved here and go out with the next sync",
			         dir);
		else
			diag_say("synced with %s: %zu out, %zu in", dir,
			         r->sent, r->received);
		diag_print(&diags, stderr);
		diag_list_release(&diags);
		rc = 0;
	} else {
		if (rc == 0)
			print_report(r, store_device(st));
		rc = diag_report(&diags, rc);
	}
	free(r);
	return rc;
}

int
cli_sync_auto(struct cli *cli, struct store *st)
{
	char *dir = store_setting(st, "sync-dir");
	int rc = 0;

	if (dir && strcmp(dir, "none") != 0)
		rc = cli_sync_dir(cli, st, dir, 1);
	free(dir);
	return rc;
}

static int
run_sync(struct cli *cli, const struct args *a)
{
	struct store *st = NULL;
	char *dir = NULL;
	int rc;

	if ((rc = cli_open_synced(cli, &st)) != 0)
		return rc;
	dir = a->npos ? xstrdup(a->pos[0]) : store_setting(st, "sync-dir");
	if (dir == NULL || strcmp(dir, "none") == 0)
		rc = cli_usage_error(&cmd_sync,
		                     "sync with which folder? name it, or set "
		                     "one with 'trainer config sync-dir DIR'");
	else
		rc = cli_sync_dir(cli, st, dir, 0);
	free(dir);
	store_close(st);
	return rc;
}

const struct command cmd_sync = {
	.name = "sync",
	.args = "[DIR]",
	.arg_names = OPTN_FILE,
	.max_args = 1,
	.summary = "merge progress with other machines through a shared folder",
	.about = "Appends this machine's new answers, undos, suspensions, "
	         "skips and settings\n"
	         "to its journal DIR/trainer/DEVICE.journal, reads every other "
	         "machine's journal\n"
	         "there from where the last sync stopped, adds what is new "
	         "and replays the\n"
	         "cards that got answers, in time order, through the "
	         "scheduler. Keep DIR in a\n"
	         "file-sync folder (Syncthing, Dropbox, a USB stick, a git "
	         "repository); each\n"
	         "machine writes only its own file. Without DIR, the folder "
	         "set with 'trainer\n"
	         "config sync-dir DIR', with which review, quiz and drill "
	         "also sync at their\n"
	         "start and end.\n",
	.run = run_sync,
};
