/*
 * wfile.h - every file the program writes, written the same safe way.
 *
 * The content goes to a temporary file made with mkstemp in the target's
 * folder (so nothing planted there, such as a symlink named like the
 * temporary file, is ever written through); on commit it is flushed,
 * synced and renamed over the target (its folder synced too), so the
 * target is either the old file or the whole new one, never half of it.
 * A target that exists and is not a regular file (a device, a FIFO, a
 * symlink, a folder) is refused before anything is written.  "-" means
 * standard output.
 *
 * Engine code: no printing; problems are diagnostics naming the file and
 * a negative sysexits status.
 */
#ifndef TRAINER_WFILE_H
#define TRAINER_WFILE_H

#include <stdio.h>

#include "diag.h"

/* The target must not exist: it is never replaced (backups). */
#define WFILE_NEW 1

struct wfile {
	FILE *fp;   /* write here */
	char *path; /* the target */
	char *tmp;  /* the temporary file beside it; NULL for "-" */
	int flags;  /* WFILE_NEW or 0 */
};

/*
 * Start writing 'path' ("-": standard output).  Returns 0 with 'wf' ready,
 * or with a diagnostic -EX_CANTCREAT (a target that is not a regular
 * file, or that exists with WFILE_NEW), -EX_IOERR (no file can be made
 * in its folder) or -EX_SOFTWARE (out of memory), 'wf' then needing no
 * release.
 */
int wfile_open(struct wfile *wf, const char *path, int flags,
               struct diag_list *diags);

/*
 * Finish: flush and sync the temporary file and rename it over the target
 * (with WFILE_NEW, link it there, failing if the target appeared).
 * Returns 0, or -EX_IOERR / -EX_CANTCREAT with a diagnostic, the target
 * then left as it was.  'wf' is released either way.
 */
int wfile_commit(struct wfile *wf, struct diag_list *diags);

/* Give up: remove the temporary file, leave the target as it was, release
 * 'wf'.  Fine on a released or zeroed 'wf'. */
void wfile_abort(struct wfile *wf);

#endif
