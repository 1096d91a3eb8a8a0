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
		int rc = import_read_anki(path, r, diags);

		o->anki = 1;
		/* an answer that is one date or one number, as in a text file
		 * (a reversed card stays text: its answer is asked too) */
		for (size_t i = 0; rc == 0 && !o->text_only && i < r->n; i++) {
			struct import_entry *e = &r->v[i];
			char iso[16];
			enum card_type t;

			if (e->type != CARD_TEXT || e->reverse || e->accept.n)
				continue;
			t = import_detect_type(e->q, e->a, iso, sizeof(iso),
			                       NULL);
			if (t == CARD_DATE) {
				free(e->a);
				e->a = xstrdup(iso);
			}
			if (t == CARD_DATE || t == CARD_NUMBER)
				e->type = t;
		}
		return rc;
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
		strbuf_addf(&sb, "; %zu %s%s skipped", r->skipped,
		            o->anki ? "note" : "row",
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
run_import(struct cli *cli, const struct args *a)
{
	struct cli_filter filter = { 0 };
	struct import_text_opts o = { 0 };
	struct import_result r = { 0 };
	struct diag_list diags = { 0 };
	struct wfile wf = { 0 };
	struct deck *check = NULL;
	const char *value, *file = a->npos ? a->pos[0] : NULL;
	const char *out = args_text(a, "output"),
	           *title = args_text(a, "title");
	char sep[32], row_sep[32], *name = NULL, *made_title = NULL;
	char *clean_title = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = NULL;
	int rc = 0;

	(void)cli;
	cli_filter_from(&filter, a);
	if (out == NULL)
		out = "-";
	if ((value = args_text(a, "separator")) != NULL) {
		if ((rc = separator_option("separator", value, sep, sizeof(sep),
		                           0)) != 0)
			goto out;
		o.sep = sep;
	}
	if ((value = args_text(a, "row-separator")) != NULL) {
		if ((rc = separator_option("row-separator", value, row_sep,
		                           sizeof(row_sep), 1)) != 0)
			goto out;
		o.row_sep = row_sep;
	}
	o.no_quotes = args_has(a, "no-quotes");
	o.html = args_has(a, "html");
	if (args_has(a, "detect-types") && args_has(a, "text-only")) {
		rc = cli_usage_error(&cmd_import,
		                     "--detect-types or --text-only, not both");
		goto out;
	}
	o.text_only = args_has(a, "text-only");
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

static const struct optspec import_opts[] = {
	{ .name = "deck",
	  .kind = OPTK_TEXT,
	  .meta = "NAME",
	  .names = OPTN_DECK,
	  .help = "the deck's name (default: from the file's name)" },
	{ .name = "title",
	  .kind = OPTK_TEXT,
	  .meta = "T",
	  .empty_ok = 1,
	  .help = "the deck's title (default: the file's name)" },
	{ .name = "tag",
	  .kind = OPTK_TEXT,
	  .meta = "T",
	  .names = OPTN_TAG,
	  .repeat = 1,
	  .help = "add tag T to every card (repeat for more)" },
	{ .name = "output",
	  .short_name = 'o',
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_OUTPUT,
	  .help = "write the deck there (replaced whole, never half\n"
	          "written); default standard output" },
	{ .name = "separator",
	  .kind = OPTK_TEXT,
	  .meta = "SEP",
	  .empty_ok = 1,
	  .help = "between question and answer: tab, comma, semicolon,\n"
	          "pipe, colon, space or the text itself (default:\n"
	          "guessed from the first rows)" },
	{ .name = "row-separator",
	  .kind = OPTK_TEXT,
	  .meta = "SEP",
	  .empty_ok = 1,
	  .help = "between rows: newline (default), semicolon... as\n"
	          "Quizlet lets you choose; rows are then never quoted" },
	{ .name = "no-quotes",
	  .kind = OPTK_FLAG,
	  .help = "a '\"' is an ordinary character" },
	{ .name = "html",
	  .kind = OPTK_FLAG,
	  .help = "the fields are HTML (as Anki's '#html:true' says)" },
	{ .name = "detect-types",
	  .kind = OPTK_FLAG,
	  .help = "an answer that is one date or one number makes a\n"
	          "date or number card (the default)" },
	{ .name = "text-only",
	  .kind = OPTK_FLAG,
	  .help = "every card a text card" },
	{ 0 },
};

const struct command cmd_import = {
	.name = "import",
	.args = "FILE",
	.arg_names = OPTN_FILE,
	.max_args = 1,
	.summary = "a YAML deck made from a CSV, TSV, Anki or Quizlet file",
	.about =
	    "Reads FILE (CSV or TSV, Anki's \"Notes in Plain Text\" export, "
	    "Quizlet's\n"
	    "\"copy text\" export) and writes a deck that 'trainer check' "
	    "passes, on\n"
	    "standard output or into the file given with -o. What was "
	    "imported and\n"
	    "skipped is said on stderr. The same file imported again gives "
	    "the same ids:\n"
	    "a card made from an edited row keeps its id while its question "
	    "stays.\n",
	.opts = import_opts,
	.more = "Exit status: 0 ok, 64 usage, 65 a malformed file (its line "
	        "named) or no\n"
	        "cards in it, 66 no such file, 69 a kind of file this build "
	        "cannot read,\n"
	        "73 an output that cannot be replaced, 74 I/O error.\n",
	.run = run_import,
};
