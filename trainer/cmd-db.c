/*
 * cmd-db.c - "trainer db check" and "trainer db path": looking after the
 * progress database.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "opt.h"
#include "out.h"

static int
db_check(struct cli *cli)
{
	struct diag_list diags = { 0 };
	struct store *st = NULL;
	int rc = cli_open_store(cli, &st);

	if (rc != 0)
		return rc;
	rc = store_check(st, &diags);
	diag_print(&diags, stderr);
	out_safe(stdout, cli_db_path(cli), 0);
	if (rc == 0)
		printf(": ok (schema version %d; integrity and consistency "
		       "checks passed)\n",
		       store_version(st));
	else
		printf(": %zu problem%s\n", diags.nerrors,
		       diags.nerrors == 1 ? "" : "s");
	diag_list_release(&diags);
	store_close(st);
	return diag_status(rc);
}

static int
run_db(struct cli *cli, const struct args *a)
{
	const char *what = a->npos ? a->pos[0] : NULL;

	if (what == NULL)
		return cli_usage_error(&cmd_db, "say 'check' or 'path'");
	if (strcmp(what, "check") == 0)
		return db_check(cli);
	if (strcmp(what, "path") == 0) {
		const char *path = cli_db_path(cli);

		if (path == NULL)
			return EX_USAGE;
		puts(path);
		return 0;
	}
	return cli_usage_error(&cmd_db,
	                       "unknown action '%s' (say 'check' or "
	                       "'path')",
	                       what);
}

const struct command cmd_db = {
	.name = "db",
	.usage = "check | path",
	.args = "check | path",
	.arg_names = OPTN_WORD,
	.arg_words = "check path",
	.max_args = 1,
	.summary = "check the progress database, or show where it is",
	.about = "  check   run SQLite's integrity check and the store's own "
	         "consistency checks\n"
	         "          (every card readable and its state in range and "
	         "matching its answer\n"
	         "          log, the daily sums matching the log, the schema's "
	         "triggers and\n"
	         "          indexes there); exit 65 on a problem\n"
	         "  path    print the database's path\n",
	.run = run_db,
};
