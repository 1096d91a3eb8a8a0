/*
 * cmd-check.c - "trainer check [PATH...]": validate decks.
 *
 * Every problem in every file is printed as file:line:col: error: ...,
 * then one summary line.  Exit 0 when all is well, 65 when any deck has
 * an error, 66 when a path cannot be read.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "opt.h"

/*
 * Print the diagnostics in one write: stderr is unbuffered, and a hostile
 * deck can hold a hundred thousand problems, each written a character at
 * a time otherwise.
 */
static int
run_check(struct cli *cli, int argc, char **argv)
{
	static const struct opt opts[] = { { NULL, 0, 0 } };
	struct deckset set = { 0 };
	struct diag_list diags = { 0 };
	struct optparse p;
	const char *value;
	size_t ncards = 0, npaths = 0;
	int id;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (id == OPT_ERROR)
			return cli_usage_error(&cmd_check, "%s", p.error);
		diag_status(deckset_load(&set, value, &diags));
		npaths++;
	}
	if (npaths == 0)
		diag_status(deckset_load(&set, cli_decks_path(cli), &diags));

	diag_print(&diags, stderr);
	for (size_t i = 0; i < set.n; i++)
		ncards += set.v[i]->ncards;
	if (diags.nerrors == 0)
		printf("%zu deck file%s, %zu card%s: no errors\n", set.nfiles,
		       set.nfiles == 1 ? "" : "s", ncards,
		       ncards == 1 ? "" : "s");
	else
		printf("%zu deck file%s: %zu error%s\n", set.nfiles,
		       set.nfiles == 1 ? "" : "s", diags.nerrors,
		       diags.nerrors == 1 ? "" : "s");
	diag_list_release(&diags);
	deckset_release(&set);
	return 0; /* the worst status noted above decides the exit */
}

const struct command cmd_check = {
	.name = "check",
	.usage = "[PATH...]",
	.summary = "check decks and report every problem",
	.help = "Check each deck file or folder of decks (default: the decks "
	        "folder) and print\n"
	        "every problem as FILE:LINE:COL: error: MESSAGE, then a "
	        "summary.\n"
	        "Exit status: 0 when all decks are valid, 65 when any has an "
	        "error,\n"
	        "66 when a path cannot be read.\n",
	.run = run_check,
};
