/*
 * cmd-draft.c - "trainer draft FILE": a draft deck of the dates, figures,
 * people, commands and treaties of a history text, for a teacher to edit.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "draft.h"
#include "out.h"
#include "wfile.h"

/* Texts longer than this are refused: a reading, not a library. */
#define DRAFT_MAX_FILE (4 * 1024 * 1024)

/* Read 'path' ("-": standard input) into 'sb': 0, or an exit status
 * after a message. */
static int
read_text(const char *path, struct strbuf *sb)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[65536], ebuf[128];
	size_t n;
	int rc = 0;

	if (fp == NULL) {
		diag_say("%s: cannot open: %s", path,
		         errno_text(errno, ebuf, sizeof(ebuf)));
		return EX_NOINPUT;
	}
	while (sb->len <= DRAFT_MAX_FILE &&
	       (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		strbuf_add(sb, chunk, n);
	if (ferror(fp)) {
		diag_say("%s: cannot read: %s", path,
		         errno_text(errno, ebuf, sizeof(ebuf)));
		rc = EX_NOINPUT;
	} else if (sb->len > DRAFT_MAX_FILE) {
		diag_say("%s: the text is too large (at most %d MiB)", path,
		         DRAFT_MAX_FILE / (1024 * 1024));
		rc = EX_DATAERR;
	}
	if (fp != stdin)
		fclose(fp);
	if (sb->buf == NULL)
		strbuf_adds(sb, "");
	return rc;
}

/* The first byte of 's' that is not UTF-8 (or a NUL), as line and
 * column: 0 when there is none. */
static int
bad_utf8(const char *s, size_t n, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80             ? 1
		             : (c & 0xe0) == 0xc0 ? 2
		             : (c & 0xf0) == 0xe0 ? 3
		             : (c & 0xf8) == 0xf0 ? 4
		                                  : 0;

		if (len == 0 || c == 0 || i + len > n || c == 0xc0 ||
		    c == 0xc1 || c > 0xf4)
			return 1;
		for (size_t k = 1; k < len; k++)
			if (((unsigned char)s[i + k] & 0xc0) != 0x80)
				return 1;
		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
		i += len;
	}
	return 0;
}

static int
valid_deck_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* The title: --title, else a first line short enough to be one. */
static char *
default_title(const struct draft_result *r, const char *name)
{
	if (r->nsentences > 0) {
		char *t = draft_sentence_text(r, 0);
		size_t n = strlen(t);

		if (n > 0 && n <= 80 && strchr(".!?", t[n - 1]) == NULL)
			return t;
		free(t);
	}
	return xasprintf("Draft: %s", name);
}

static void
print_table(const struct draft_result *r)
{
	size_t total = 0;

	printf("%-10s %5s\n", "kind", "cards");
	for (int k = 0; k < DRAFT_NKINDS; k++) {
		printf("%-10s %5zu\n",
		       k == DRAFT_TERM ? "abbrevs" : draft_kind_tag(k),
		       r->counts[k]);
		total += r->counts[k];
	}
	printf("%-10s %5zu\n\n", "total", total);
	printf("%d sentences\n\n", (int)r->nsentences);
	for (size_t i = 0; i < r->ncards; i++) {
		const struct draft_card *c = &r->cards[i];
		char *a = c->a ? xstrdup(c->a) : NULL;

		if (a == NULL && c->text) {
			const char *g = strstr(c->text, "{{");
			size_t len = strcspn(g + 2, "|}");

			a = xstrndup(g + 2, len);
		}
		printf("%5d  %-9s ", c->line,
		       c->kind == DRAFT_TERM ? "abbrev"
		                             : draft_kind_tag(c->kind));
		out_safe(stdout, a ? a : "", OUT_ONE_LINE);
		if (c->unit)
			printf(" (%s)", c->unit);
		putchar('\n');
		free(a);
	}
}

static int
print_json(const struct draft_result *r, const char *file, const char *name)
{
	json_t *o = json_object(), *counts = json_object(),
	       *cards = json_array();
	int rc;

	json_object_set_new(o, "file", json_string(file));
	json_object_set_new(o, "deck", json_string(name));
	json_object_set_new(o, "sentences",
	                    json_integer((json_int_t)r->nsentences));
	for (int k = 0; k < DRAFT_NKINDS; k++)
		json_object_set_new(counts, draft_kind_tag(k),
		                    json_integer((json_int_t)r->counts[k]));
	json_object_set_new(o, "counts", counts);
	for (size_t i = 0; i < r->ncards; i++) {
		const struct draft_card *c = &r->cards[i];
		json_t *j = json_object();
		static const char *const types[] = {
			[CARD_TEXT] = "text",     [CARD_DATE] = "date",
			[CARD_NUMBER] = "number", [CARD_CHOICE] = "choice",
			[CARD_ORDER] = "order",   [CARD_CLOZE] = "cloze",
		};

		json_object_set_new(j, "id", json_string(c->id));
		json_object_set_new(j, "kind",
		                    json_string(draft_kind_tag(c->kind)));
		json_object_set_new(j, "type", json_string(types[c->type]));
		json_object_set_new(j, "line", json_integer(c->line));
		json_object_set_new(j, "q",
		                    c->q ? json_string(c->q) : json_null());
		json_object_set_new(
		    j, "text", c->text ? json_string(c->text) : json_null());
		json_object_set_new(j, "a",
		                    c->a ? json_string(c->a) : json_null());
		json_object_set_new(
		    j, "unit", c->unit ? json_string(c->unit) : json_null());
		json_object_set_new(j, "tolerance",
		                    c->tolerance ? json_string(c->tolerance)
		                                 : json_null());
		json_object_set_new(
		    j, "event", c->event ? json_string(c->event) : json_null());
		json_object_set_new(
		    j, "tag",
		    json_string(c->tag ? c->tag : draft_kind_tag(c->kind)));
		json_array_append_new(cards, j);
	}
	json_object_set_new(o, "cards", cards);
	rc = out_json(stdout, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	return rc < 0 ? EX_SOFTWARE : 0;
}

static int
run_draft(struct cli *cli, const struct args *a)
{
	const char *file = a->pos[0], *out = args_text(a, "output");
	const char *title = args_text(a, "title");
	struct strbuf text = { 0 }, yaml = { 0 };
	struct diag_list diags = { 0 };
	struct draft_result r = { 0 };
	struct wfile wf = { 0 };
	char *name = NULL, *made_title = NULL;
	int rc, line, col;

	(void)cli;
	if (args_text(a, "deck") && !valid_deck_name(args_text(a, "deck")))
		return cli_usage_error(&cmd_draft,
		                       "'--deck' needs a deck name: lower case "
		                       "letters, digits and dashes, not '%s'",
		                       args_text(a, "deck"));
	if (args_has(a, "force") && out == NULL)
		return cli_usage_error(&cmd_draft,
		                       "--force replaces the file of --output; "
		                       "say which");
	if ((rc = read_text(file, &text)) != 0)
		goto out;
	if (bad_utf8(text.buf, text.len, &line, &col)) {
		diag_say("%s:%d:%d: error: not UTF-8 text (save it as UTF-8)",
		         file, line, col);
		rc = EX_DATAERR;
		goto out;
	}
	draft_text(text.buf, text.len, draft_is_html(text.buf, text.len), &r);
	name = args_text(a, "deck")     ? xstrdup(args_text(a, "deck"))
	       : strcmp(file, "-") == 0 ? xstrdup("draft")
	                                : draft_deck_name(file);
	if (title == NULL)
		title = made_title = default_title(&r, name);
	if (args_has(a, "json")) {
		rc = print_json(&r, file, name);
		goto out;
	}
	if (args_has(a, "dry-run")) {
		print_table(&r);
		goto out;
	}
	if (r.ncards == 0) {
		diag_say("%s: no dates, figures, people, commands or treaties "
		         "found: no deck written",
		         file);
		rc = EX_DATAERR;
		goto out;
	}
	draft_yaml(&r, name, title, strcmp(file, "-") == 0 ? NULL : file,
	           &yaml);
	if (out == NULL || strcmp(out, "-") == 0) {
		fwrite(yaml.buf, 1, yaml.len, stdout);
		rc = fflush(stdout) == 0 ? 0 : EX_IOERR;
		goto out;
	}
	if ((rc = diag_report(&diags,
	                      wfile_open(&wf, out,
	                                 args_has(a, "force") ? 0 : WFILE_NEW,
	                                 &diags))) != 0) {
		if (rc == EX_CANTCREAT && !args_has(a, "force"))
			diag_say("(--force replaces it)");
		goto out;
	}
	fwrite(yaml.buf, 1, yaml.len, wf.fp);
	if ((rc = diag_report(&diags, wfile_commit(&wf, &diags))) != 0)
		goto out;
	fprintf(stderr,
	        "trainer: drafted %zu cards (%zu dates, %zu figures, %zu "
	        "people, %zu commands, %zu treaties, %zu abbreviations) into ",
	        r.ncards, r.counts[DRAFT_DATE], r.counts[DRAFT_FIGURE],
	        r.counts[DRAFT_PERSON], r.counts[DRAFT_COMMAND],
	        r.counts[DRAFT_TREATY], r.counts[DRAFT_TERM]);
	out_safe(stderr, out, 0);
	fputs(": edit it, then run 'trainer check'\n", stderr);
out:
	wfile_abort(&wf);
	draft_release(&r);
	strbuf_release(&text);
	strbuf_release(&yaml);
	diag_list_release(&diags);
	free(name);
	free(made_title);
	return rc;
}

static const struct optspec draft_opts[] = {
	{ .name = "deck",
	  .kind = OPTK_TEXT,
	  .meta = "NAME",
	  .help = "the deck's name (default: the file's name)" },
	{ .name = "title",
	  .kind = OPTK_TEXT,
	  .meta = "T",
	  .help = "the deck's title (default: the text's first line)" },
	{ .name = "output",
	  .short_name = 'o',
	  .kind = OPTK_TEXT,
	  .meta = "FILE",
	  .names = OPTN_OUTPUT,
	  .help = "write the deck to FILE (default: standard output); an "
	          "existing\nfile is not replaced" },
	{ .name = "force",
	  .kind = OPTK_FLAG,
	  .help = "replace the file of --output" },
	{ .name = "dry-run",
	  .kind = OPTK_FLAG,
	  .help = "write nothing: print what was found, by kind, with counts" },
	{ .name = "json",
	  .kind = OPTK_FLAG,
	  .help = "write nothing: print what was found as JSON" },
	{ 0 },
};

const struct command cmd_draft = {
	.name = "draft",
	.args = "FILE",
	.arg_names = OPTN_FILE,
	.min_args = 1,
	.max_args = 1,
	.summary = "a draft deck of the dates, figures, people, commands and "
	           "treaties in a text",
	.about =
	    "Reads a history text (plain text or Markdown in UTF-8, or HTML; "
	    "'-' for\n"
	    "standard input) and writes a deck to edit: a date card for each "
	    "date (the\n"
	    "sentence with the date blanked, and the event's name in 'event'), "
	    "a number\n"
	    "card for each figure with a unit, a cloze card for each person "
	    "and each name\n"
	    "ending in Command, Forces, Army, Corps, Treaty, Agreement, "
	    "Minutes, Pact or\n"
	    "Alliance, and a card for each abbreviation explained in "
	    "parentheses.  Each\n"
	    "card says the line of its sentence in 'source'.  The deck passes "
	    "'trainer\n"
	    "check' as written; it is a draft: check, reword and prune it "
	    "before anyone\n"
	    "studies it.\n",
	.opts = draft_opts,
	.more = "example:\n"
	        "  trainer draft reading.txt -o decks/reading.yaml\n"
	        "  $EDITOR decks/reading.yaml\n"
	        "  trainer check decks/reading.yaml\n"
	        "  trainer review --deck reading\n",
	.run = run_draft,
};
