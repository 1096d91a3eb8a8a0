/*
 * deckset.h - deck files and folders, and the set of decks loaded from
 * them.  Reads files; never prints, exits or reads the clock.
 */
#ifndef TRAINER_DECKSET_H
#define TRAINER_DECKSET_H

#include "deck.h"

/* A set of decks with distinct names, in the order they were loaded. */
struct deckset {
	struct deck **v;
	size_t n;
	size_t alloc;
	size_t nfiles;       /* files read, with or without errors */
	struct strmap names; /* name -> deck, for deckset_find */
};

/*
 * Load the deck file at 'path'.  As deck_load_buffer; also -EX_NOINPUT
 * when the file does not exist or cannot be read.
 */
int deckset_load_file(const char *path, struct deck **out,
                      struct diag_list *diags);

/*
 * Add the deck file at 'path', or every "*.yaml" and "*.yml" file in the
 * folder at 'path' (in name order), to 'set'.  Decks with errors are left
 * out and their problems added to 'diags'; a deck whose name is already
 * in the set is an error too.  Returns 0, -EX_DATAERR when any deck had an
 * error, or -EX_NOINPUT when 'path' (or a file in it) cannot be read.
 */
int deckset_load(struct deckset *set, const char *path,
                 struct diag_list *diags);

/*
 * Load the one deck file at 'path' (counted in 'nfiles') and add it to
 * 'set', as deckset_load does for each file.  Returns 0 when the deck was
 * added (it is the last of 'set->v'), or a negative status.
 */
int deckset_add_file(struct deckset *set, const char *path,
                     struct diag_list *diags);

/*
 * The deck files at 'path': the file itself, or every "*.yaml" and
 * "*.yml" file in the folder, in name order, appended to 'files'.
 * Returns 0 or -EX_NOINPUT (with a diagnostic) when there are none.
 */
int deckset_files(const char *path, struct strlist *files,
                  struct diag_list *diags);

/* Free every deck of 'set'; the set is empty and reusable after. */
void deckset_release(struct deckset *set);

/* The deck named 'name' in 'set', or NULL. */
struct deck *deckset_find(const struct deckset *set, const char *name);

#endif
