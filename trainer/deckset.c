/*
 * deckset.c - deck files and folders, and the set of decks loaded from
 * them.
 */
#include "deckset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rfile.h"
#include "ytree.h"

int
deckset_load_file(const char *path, struct deck **out, struct diag_list *diags)
{
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = rfile_read(path, 0, YTREE_MAX_FILE, "deck file", &buf, &len,
	                     diags)) < 0)
		return rc;
	rc = deck_load_buffer(path, buf, len, out, diags);
	free(buf);
	return rc;
}

struct deck *
deckset_find(const struct deckset *set, const char *name)
{
	return strmap_get(&set->names, name);
}

/* Add 'deck' to 'set' unless its name is taken.  Takes ownership. */
static int
deckset_add(struct deckset *set, struct deck *deck, struct diag_list *diags)
{
	struct deck *other = strmap_put(&set->names, deck->name, deck);

	if (other) {
		diag_error(diags, deck->file, deck->name_line, deck->name_col,
		           "deck name '%s' is already used by %s", deck->name,
		           other->file);
		diag_note(diags, other->file, other->name_line, other->name_col,
		          "'%s' is named here", deck->name);
		deck_free(deck);
		return -EX_DATAERR;
	}
	set->v = xgrow(set->v, &set->alloc, set->n + 1, sizeof(*set->v));
	set->v[set->n++] = deck;
	return 0;
}

int
deckset_add_file(struct deckset *set, const char *path, struct diag_list *diags)
{
	struct deck *deck;
	int rc = deckset_load_file(path, &deck, diags);

	set->nfiles++;
	if (rc < 0)
		return rc;
	return deckset_add(set, deck, diags);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_deck_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return 0;
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

int
deckset_files(const char *path, struct strlist *files, struct diag_list *diags)
{
	struct strlist names = { 0 };
	struct stat st;
	struct dirent *de;
	char ebuf[128];
	size_t nskipped = 0;
	DIR *dir;

	if (stat(path, &st) < 0) {
		diag_error(diags, path, 0, 0, "cannot open: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_NOINPUT;
	}
	if (!S_ISDIR(st.st_mode)) {
		strlist_push(files, path);
		return 0;
	}
	dir = opendir(path);
	if (dir == NULL) {
		diag_error(diags, path, 0, 0, "cannot open: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_NOINPUT;
	}
	while ((de = readdir(dir)) != NULL)
		if (is_deck_name(de->d_name))
			strlist_push(&names, de->d_name);
	closedir(dir);
	xqsort(names.v, names.n, sizeof(*names.v), name_cmp);
	for (size_t i = 0; i < names.n; i++) {
		size_t len = strlen(path);
		char *file = xasprintf("%s%s%s", path,
		                       len && path[len - 1] == '/' ? "" : "/",
		                       names.v[i]);

		/* A FIFO, socket or device found in a folder is nobody's
		 * deck, and reading it could wait forever.  What cannot be
		 * stat'ed (a dangling link) or is a folder stays listed, so
		 * that loading it reports why. */
		if (stat(file, &st) == 0 && !S_ISREG(st.st_mode) &&
		    !S_ISDIR(st.st_mode)) {
			diag_add(diags, DIAG_WARNING, file, 0, 0,
			         "not a regular file; skipped");
			nskipped++;
		} else {
			strlist_push(files, file);
		}
		free(file);
	}
	if (names.n == nskipped) {
		diag_error(diags, path, 0, 0,
		           "no deck files (*.yaml or *.yml) in this folder");
		strlist_release(&names);
		return -EX_NOINPUT;
	}
	strlist_release(&names);
	return 0;
}

int
deckset_load(struct deckset *set, const char *path, struct diag_list *diags)
{
	struct strlist files = { 0 };
	int rc = deckset_files(path, &files, diags);

	/* every file, whatever the ones before it gave: each problem is
	 * reported and the worst status wins (-EX_NOINPUT over -EX_DATAERR) */
	for (size_t i = 0; i < files.n; i++) {
		int r = deckset_add_file(set, files.v[i], diags);

		if (r < rc)
			rc = r;
	}
	strlist_release(&files);
	return rc;
}

void
deckset_release(struct deckset *set)
{
	for (size_t i = 0; i < set->n; i++)
		deck_free(set->v[i]);
	free(set->v);
	strmap_release(&set->names);
	memset(set, 0, sizeof(*set));
}
