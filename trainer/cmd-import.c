/*
 * cmd-import.c - "trainer import FILE": a YAML deck made from another
 * tool's file, on standard output or written with -o, and on stderr what
 * was imported and what was skipped.
 *
 * The deck written is loaded back before anything is written: a deck
 * the loader would refuse is never written.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "opt.h"
#include "wfile.h"
#include "ytree.h"

#define NOTES_SHOWN 20

/* Is 'path' an Anki package (by its name or by the zip it holds)? */
static int
is_anki_package(const char *path)
{
	const char *ext = strrchr(path, '.');
	char magic[4] = { 0 };
	FILE *fp;

	if (ext &&
	    (strcasecmp(ext, ".apkg") == 0 || strcasecmp(ext, ".colpkg") == 0))
		return 1;
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	if (fread(magic, 1, sizeof(magic), fp) != sizeof(magic))
		magic[0] = 0;
	fclose(fp);
	return memcmp(magic, "PK\x03\x04", 4) == 0;
}

/* Read 'path' into 'r' by its kind: the one place a reader is chosen. */
static int
read_input(const char *path, struct import_text_opts *o,
           struct import_result *r, struct diag_list *diags)
{
	if (strcmp(path, "-") != 0 && is_anki_package(path)) {
		diag_error(diags, path, 0, 0,
		           "Anki packages: not in this build yet (export the "
		           "deck from Anki as \"Notes in Plain Text\" and "
		           "import that)");
		return -EX_UNAVAILABLE;
	}
	return import_read_text(path, o, r, diags);
}

/* The file's name without its folder and extension. */
static char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *b = slash ? slash + 1 : path;
	const char *dot = strrchr(b, '.');

	return xstrndup(b, dot && dot != b ? (size_t)(dot - b) : strlen(b));
}

/* "12 dates, 3 numbers" and so on: the kinds of cards made. */
static void
kinds(const struct import_result *r, struct strbuf *sb)
{
	static const struct {
		enum card_type type;
		const char *one, *many;
	} k[] = {
		{ CARD_TEXT, "text", "text" },
		{ CARD_DATE, "date", "dates" },
		{ CARD_NUMBER, "number", "numbers" },
		{ CARD_CLOZE, "cloze", "clozes" },
	};
	size_t count[4] = { 0 }, shown = 0;

	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < 4; j++)
			count[j] += r->v[i].type == k[j].type;
	for (size_t j = 0; j < 4; j++) {
		if (count[j] == 0 || count[j] == r->n)
			continue;
		strbuf_addf(sb, "%s%zu %s", shown++ ? ", " : ": ", count[j],
		            count[j] == 1 ? k[j].one : k[j].many);
	}
}

static void
report(const char *file, const char *out, const char *deck,
       const struct import_result *r, const struct import_text_opts *o)
{
	struct strbuf sb = { 0 };
	size_t shown = r->notes.n < NOTES_SHOWN ? r->notes.n : NOTES_SHOWN;

	for (size_t i = 0; i < shown; i++)
		diag_say("%s: %s", file, r->notes.v[i]);
	if (r->notes.n > shown)
		diag_say("%s: %zu more notes not shown", file,
		         r->notes.n - shown);
	strbuf_addf(&sb, "imported %zu card%s from %s into deck '%s'", r->n,
	            r->n == 1 ? "" : "s", file, deck);
	if (strcmp(out, "-") != 0)
		strbuf_addf(&sb, " (%s)", out);
	kinds(r, &sb);
	if (r->skipped)
		strbuf_addf(&sb, "; %zu row%s skipped", r->skipped,
		            r->skipped == 1 ? "" : "s");
	if (r->media_dropped)
		strbuf_addf(&sb, "; %zu image%s or sound%s left out",
		            r->media_dropped, r->media_dropped == 1 ? "" : "s",
		            r->media_dropped == 1 ? "" : "s");
	if (o->sep_used[0])
		strbuf_addf(&sb, "; fields split on %s%s", o->sep_used,
		            o->sep_guessed ? " (guessed; --separator sets it)"
		                           : "");
	diag_say("%s", sb.buf);
	strbuf_release(&sb);
}

/* Are 'a' and 'b' one file (both there, not standard input)? */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return strcmp(a, "-") != 0 && strcmp(b, "-") != 0 &&
	       stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Did the deck fail to load only for the size bounds of a deck file? */
static int
too_large(const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->n; i++) {
		const char *m = diags->v[i].msg;

		if (diags->v[i].level == DIAG_ERROR &&
		    strncmp(m, "too many values", 15) != 0 &&
		    strncmp(m, "the cards up to here hold more than", 35) != 0)
			return 0;
	}
	return diags->nerrors > 0;
}

/* A separator option's value into 'buf': 0, or EX_USAGE after saying
 * why. */
static int
separator_option(const char *name, const char *value, char *buf, size_t size,
                 int row)
{
	if (import_separator(value, buf, size) < 0)
		return cli_usage_error(
		    &cmd_import,
		    "'--%s' needs a name (tab, comma, "
		    "semicolon, pipe, colon, space%s) or 1 to "
		    "16 characters, not '%s'",
		    name, row ? ", newline" : "", value);
	if (!row && buf[0] == '\0')
		return cli_usage_error(&cmd_import,
		                       "'--separator' cannot be a line break "
		                       "(rows are split on them; see "
		                       "--row-separator)");
	return 0;
}

static int
run_import(struct cli *cli, int argc, char **argv)
{
	enum {
		O_OUTPUT = 1,
		O_TITLE,
		O_SEP,
		O_ROW_SEP,
		O_NO_QUOTES,
		O_HTML,
		O_DETECT,
		O_TEXT_ONLY,
	};
	static const struct opt opts[] = {
		{ "output", 1, O_OUTPUT },
		{ "title", 1, O_TITLE },
		{ "separator", 1, O_SEP },
		{ "row-separator", 1, O_ROW_SEP },
		{ "no-quotes", 0, O_NO_QUOTES },
		{ "html", 0, O_HTML },
		{ "detect-types", 0, O_DETECT },
		{ "text-only", 0, O_TEXT_ONLY },
		OPT_FILTERS,
		{ NULL, 0, 0 },
	};
	struct cli_filter filter = { 0 };
	struct import_text_opts o = { 0 };
	struct import_result r = { 0 };
	struct diag_list diags = { 0 };
	struct wfile wf = { 0 };
	struct deck *check = NULL;
	struct optparse p;
	const char *value, *file = NULL, *out = "-", *title = NULL;
	char sep[32], row_sep[32], *name = NULL, *made_title = NULL;
	char *clean_title = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = NULL;
	char output_opt[] = "--output", **args = NULL;
	int id, rc, dashdash = 0;

	(void)cli;
	/* "-o FILE" is "--output FILE" (opt.c knows only "-h") */
	args = xcalloc((size_t)argc + 1, sizeof(*args));
	for (int i = 0; i < argc; i++) {
		args[i] = argv[i];
		if (strcmp(argv[i], "--") == 0)
			dashdash = 1;
		else if (!dashdash && strcmp(argv[i], "-o") == 0)
			args[i] = output_opt;
	}
	opt_init(&p, argc, args);
	while ((id = opt_next(&p, opts, &value)) != OPT_END) {
		if (cli_filter_option(&filter, id, value))
			continue;
		switch (id) {
		case O_OUTPUT:
			if (*value == '\0') {
				rc = cli_usage_error(
				    &cmd_import,
				    "'--output' needs a file name");
				goto out;
			}
			out = value;
			break;
		case O_TITLE:
			title = value;
			break;
		case O_SEP:
			if ((rc = separator_option("separator", value, sep,
			                           sizeof(sep), 0)) != 0)
				goto out;
			o.sep = sep;
			break;
		case O_ROW_SEP:
			if ((rc = separator_option("row-separator", value,
			                           row_sep, sizeof(row_sep),
			                           1)) != 0)
				goto out;
			o.row_sep = row_sep;
			break;
		case O_NO_QUOTES:
			o.no_quotes = 1;
			break;
		case O_HTML:
			o.html = 1;
			break;
		case O_DETECT:
			o.text_only = 0;
			break;
		case O_TEXT_ONLY:
			o.text_only = 1;
			break;
		case OPT_ARG:
			if (file) {
				rc = cli_usage_error(&cmd_import,
				                     "unexpected argument '%s' "
				                     "(one file at a time)",
				                     value);
				goto out;
			}
			file = value;
			break;
		default:
			rc = cli_usage_error(&cmd_import, "%s", p.error);
			goto out;
		}
	}
	if (file == NULL) {
		rc = cli_usage_error(&cmd_import, "say which file to import");
		goto out;
	}
	if (filter.deck && !import_valid_name(filter.deck)) {
		rc =
		    cli_usage_error(&cmd_import,
		                    "'--deck' needs a deck name: 1 to 64 lower "
		                    "case letters, digits and dashes, starting "
		                    "with a letter or digit, not '%s'",
		                    filter.deck);
		goto out;
	}
	for (size_t i = 0; i < filter.tags.n; i++)
		if (!import_valid_name(filter.tags.v[i])) {
			rc = cli_usage_error(
			    &cmd_import,
			    "'--tag' needs a tag: 1 to 64 lower case letters, "
			    "digits and dashes, starting with a letter or "
			    "digit, not '%s'",
			    filter.tags.v[i]);
			goto out;
		}
	/* control characters and bytes that are not UTF-8 left out */
	if (title &&
	    *(clean_title = import_clean(title, strlen(title))) == '\0') {
		rc = cli_usage_error(&cmd_import, "'--title' is empty");
		goto out;
	}
	if (same_file(file, out)) {
		rc = cli_usage_error(&cmd_import,
		                     "'-o %s' would replace the file being "
		                     "imported",
		                     out);
		goto out;
	}
	if (o.sep && o.row_sep && strcmp(o.sep, o.row_sep) == 0) {
		rc = cli_usage_error(&cmd_import,
		                     "'--separator' and '--row-separator' are "
		                     "the same");
		goto out;
	}

	if ((rc = diag_report(&diags, read_input(file, &o, &r, &diags))) != 0)
		goto out;
	if (r.n == 0) {
		/* what was skipped, then why nothing is written */
		for (size_t i = 0; i < r.notes.n && i < NOTES_SHOWN; i++)
			diag_say("%s: %s", file, r.notes.v[i]);
		if (r.skipped)
			diag_error(&diags, file, 0, 0,
			           "no cards to import: the %zu row%s read %s "
			           "skipped",
			           r.skipped, r.skipped == 1 ? "" : "s",
			           r.skipped == 1 ? "was" : "were");
		else
			diag_error(
			    &diags, file, 0, 0,
			    "no cards to import: the file holds no rows");
		rc = diag_report(&diags, -EX_DATAERR);
		goto out;
	}
	import_ids(&r);
	if (strcmp(file, "-") != 0) {
		char *b = base_name(file);

		made_title = import_clean(b, strlen(b));
		free(b);
	} else {
		made_title = xstrdup("");
	}
	if (filter.deck)
		name = xstrdup(filter.deck);
	else if (r.deck_name)
		name = xstrdup(r.deck_name);
	else if ((name = import_name(made_title, 64)) == NULL)
		name = xstrdup("imported");
	if (clean_title)
		title = clean_title;
	else
		title = r.deck_title && *r.deck_title ? r.deck_title
		        : *made_title                 ? made_title
		                                      : name;

	/* the deck in memory first: loaded back, then written at once */
	if ((mem = open_memstream(&buf, &len)) == NULL ||
	    import_write(&r, name, title, &filter.tags, mem) < 0 ||
	    fclose(mem) != 0) {
		mem = NULL;
		diag_say("cannot make the deck: out of memory");
		rc = diag_status(EX_SOFTWARE);
		goto out;
	}
	mem = NULL;
	if (len > YTREE_MAX_FILE) {
		diag_error(&diags, file, 0, 0,
		           "the deck would take %zu bytes, more than a deck "
		           "file may hold (%d MiB): split the file",
		           len, YTREE_MAX_FILE / (1024 * 1024));
		rc = diag_report(&diags, -EX_DATAERR);
		goto out;
	}
	if (deck_load_buffer(strcmp(out, "-") ? out : "<the deck>", buf, len,
	                     &check, &diags) < 0) {
		if (too_large(&diags)) {
			/* within the bytes, past another of the loader's
			 * bounds: a file's worth of data, not a bug */
			diag_list_release(&diags);
			diag_error(
			    &diags, file, 0, 0,
			    "the deck would hold more values or text than "
			    "one deck file may (see decks/README.md): "
			    "split the file");
			rc = diag_report(&diags, -EX_DATAERR);
			goto out;
		}
		diag_say("internal error: the deck made from %s does not "
		         "load; nothing written",
		         file);
		rc = diag_report(&diags, -EX_SOFTWARE);
		goto out;
	}
	if ((rc = diag_report(&diags, wfile_open(&wf, out, 0, &diags))) != 0)
		goto out;
	if (fwrite(buf, 1, len, wf.fp) != len) {
		/* wfile_commit finds the error and reports it */
	}
	if ((rc = diag_report(&diags, wfile_commit(&wf, &diags))) != 0)
		goto out;
	report(strcmp(file, "-") ? file : "standard input", out, name, &r, &o);
out:
	if (mem)
		fclose(mem);
	free(args);
	wfile_abort(&wf);
	deck_free(check);
	free(buf);
	free(name);
	free(made_title);
	free(clean_title);
	import_result_release(&r);
	strlist_release(&filter.tags);
	diag_list_release(&diags);
	return rc;
}

const struct command cmd_import = {
	.name = "import",
	.usage = "FILE [--deck NAME] [--title T] [--tag T]... [-o FILE]",
	.summary = "a YAML deck made from a CSV, TSV, Anki or Quizlet file",
	.help =
	    "Reads FILE (CSV or TSV, Anki's \"Notes in Plain Text\" export, "
	    "Quizlet's\n"
	    "\"copy text\" export) and writes a deck that 'trainer check' "
	    "passes, on\n"
	    "standard output or into the file given with -o. What was "
	    "imported and\n"
	    "skipped is said on stderr. The same file imported again gives "
	    "the same ids:\n"
	    "a card made from an edited row keeps its id while its question "
	    "stays.\n"
	    "\n"
	    "options:\n"
	    "  --deck NAME           the deck's name (default: from the "
	    "file's name)\n"
	    "  --title T             the deck's title (default: the file's "
	    "name)\n"
	    "  --tag T               add tag T to every card (repeat for "
	    "more)\n"
	    "  -o, --output FILE     write the deck there (replaced whole, "
	    "never half\n"
	    "                        written); default standard output\n"
	    "  --separator SEP       between question and answer: tab, "
	    "comma, semicolon,\n"
	    "                        pipe, colon, space or the text itself "
	    "(default:\n"
	    "                        guessed from the first rows)\n"
	    "  --row-separator SEP   between rows: newline (default), "
	    "semicolon... as\n"
	    "                        Quizlet lets you choose; rows are then "
	    "never quoted\n"
	    "  --no-quotes           a '\"' is an ordinary character\n"
	    "  --html                the fields are HTML (as Anki's "
	    "'#html:true' says)\n"
	    "  --detect-types        an answer that is one date or one "
	    "number makes a\n"
	    "                        date or number card (the default)\n"
	    "  --text-only           every card a text card\n"
	    "\n"
	    "Exit status: 0 ok, 64 usage, 65 a malformed file (its line "
	    "named) or no\n"
	    "cards in it, 66 no such file, 69 a kind of file this build "
	    "cannot read,\n"
	    "73 an output that cannot be replaced, 74 I/O error.\n",
	.run = run_import,
};
