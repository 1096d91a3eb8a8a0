/*
 * cmd-check.c - "trainer check [PATH...]": validate decks.
 *
 * Every problem in every file is printed as file:line:col: error: ...,
 * then the warnings of the linter (lint.h) about the decks that loaded,
 * each file's after its errors, then one summary line.  Exit 0 when all
 * is well (warnings or not), 65 when any deck has an error, 66 when a
 * path cannot be read.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "lint.h"
#include "opt.h"

/*
 * Load every deck file at 'path' into 'set' and lint each one that
 * loads, so that a file's warnings follow it.  The statuses go to
 * diag_status.
 */
static void
check_path(struct deckset *set, const char *path, size_t *ncards,
           struct diag_list *diags)
{
	struct strlist files = { 0 };

	diag_status(deckset_files(path, &files, diags));
	for (size_t i = 0; i < files.n; i++) {
		struct deck *d;

		if (diag_status(deckset_add_file(set, files.v[i], diags)) != 0)
			continue;
		d = set->v[set->n - 1];
		lint_deck(d, diags);
		/* done with its cards: only the name is needed further */
		*ncards += d->ncards;
		deck_free_cards(d);
	}
	strlist_release(&files);
}

/* ", 2 warnings", or nothing when there are none. */
static void
print_warnings(const struct diag_list *diags)
{
	size_t n = 0;

	for (size_t i = 0; i < diags->n; i++)
		n += diags->v[i].level == DIAG_WARNING;
	if (n > 0)
		printf(", %zu warning%s", n, n == 1 ? "" : "s");
}

/*
 * Print the diagnostics in one write: stderr is unbuffered, and a hostile
 * deck can hold a hundred thousand problems, each written a character at
 * a time otherwise.
 */
static int
run_check(struct cli *cli, const struct args *a)
{
	struct deckset set = { 0 };
	struct diag_list diags = { 0 };
	size_t ncards = 0, npaths = 0;

	for (int i = 0; i < a->npos; i++, npaths++)
		check_path(&set, a->pos[i], &ncards, &diags);
	if (npaths == 0)
		check_path(&set, cli_decks_path(cli), &ncards, &diags);

	diag_print(&diags, stderr);
	if (diags.nerrors == 0)
		printf("%zu deck file%s, %zu card%s: no errors", set.nfiles,
		       set.nfiles == 1 ? "" : "s", ncards,
		       ncards == 1 ? "" : "s");
	else
		printf("%zu deck file%s: %zu error%s", set.nfiles,
		       set.nfiles == 1 ? "" : "s", diags.nerrors,
		       diags.nerrors == 1 ? "" : "s");
	print_warnings(&diags);
	putchar('\n');
	diag_list_release(&diags);
	deckset_release(&set);
	return 0; /* the worst status noted above decides the exit */
}

const struct command cmd_check = {
	.name = "check",
	.args = "[PATH...]",
	.arg_names = OPTN_FILE,
	.max_args = -1,
	.summary = "check decks and report every problem",
	.about = "Check each deck file or folder of decks (default: the decks "
	         "folder) and print\n"
	         "every problem as FILE:LINE:COL: error: MESSAGE, then a "
	         "summary.  Cards that\n"
	         "load but teach badly (a cloze gap given away by its text or "
	         "hint, a reversed\n"
	         "card without 'accept', a date question that does not say "
	         "the precision of\n"
	         "its answer) get FILE:LINE:COL: warning: MESSAGE.\n"
	         "Exit status: 0 when all decks are valid (with or without "
	         "warnings), 65 when\n"
	         "any has an error, 66 when a path cannot be read.\n",
	.run = run_check,
};
