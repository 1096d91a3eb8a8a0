/*
 * cmd-backup.c - "trainer backup FILE": a consistent copy of the progress
 * database, made by SQLite (VACUUM INTO) while it may be in use.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "opt.h"
#include "out.h"

static int
run_backup(struct cli *cli, const struct args *a)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	const char *file = a->npos ? a->pos[0] : NULL;
	int rc;

	if (file == NULL)
		return cli_usage_error(&cmd_backup, "which file to write?");
	if (strcmp(file, "-") == 0)
		return cli_usage_error(&cmd_backup,
		                       "a backup goes to a file, not to "
		                       "standard output");
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	rc = store_backup(st, file, &diags);
	diag_print(&diags, stderr);
	if (rc == 0) {
		fputs("backed up ", stdout);
		out_safe(stdout, cli_db_path(cli), 0);
		fputs(" to ", stdout);
		out_safe(stdout, file, 0);
		putchar('\n');
	}
	diag_list_release(&diags);
	store_close(st);
	return diag_status(rc);
}

const struct command cmd_backup = {
	.name = "backup",
	.args = "FILE",
	.arg_names = OPTN_OUTPUT,
	.max_args = 1,
	.summary = "write a consistent copy of the progress database",
	.about = "Writes a copy of the progress database to FILE, which must "
	         "not exist yet.\n"
	         "The copy is consistent even while another trainer is "
	         "answering; restore it\n"
	         "by using it with --db, or by copying it over the database "
	         "while no trainer\n"
	         "runs.\n",
	.run = run_backup,
};
