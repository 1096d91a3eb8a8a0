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
run_db(struct cli *cli, int argc, char **argv)
{
	static const struct opt opts[] = { { NULL, 0, 0 } };
	struct optparse p;
	const char *value, *what = NULL;
	int id;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (id == OPT_ERROR)
			return cli_usage_error(&cmd_db, "%s", p.error);
		if (what)
			return cli_usage_error(
			    &cmd_db, "unexpected argument '%s'", value);
		what = value;
	}
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
	.summary = "check the progress database, or show where it is",
	.help = "  check   run SQLite's integrity check and the store's own "
	        "consistency checks\n"
	        "          (every card readable and its state in range and "
	        "matching its answer\n"
	        "          log, the daily sums matching the log, the schema's "
	        "triggers and\n"
	        "          indexes there); exit 65 on a problem\n"
	        "  path    print the database's path\n",
	.run = run_db,
};
