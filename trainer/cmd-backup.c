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
run_backup(struct cli *cli, int argc, char **argv)
{
	static const struct opt opts[] = { { NULL, 0, 0 } };
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	struct optparse p;
	const char *value, *file = NULL;
	int id, rc;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (id == OPT_ERROR)
			return cli_usage_error(&cmd_backup, "%s", p.error);
		if (file)
			return cli_usage_error(
			    &cmd_backup, "unexpected argument '%s'", value);
		file = value;
	}
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
	.usage = "FILE",
	.summary = "write a consistent copy of the progress database",
	.help = "Writes a copy of the progress database to FILE, which must "
	        "not exist yet.\n"
	        "The copy is consistent even while another trainer is "
	        "answering; restore it\n"
	        "by using it with --db, or by copying it over the database "
	        "while no trainer\n"
	        "runs.\n",
	.run = run_backup,
};
