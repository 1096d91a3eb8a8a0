/*
 * wfile.c - writing a file through a temporary file beside it.
 */
#include "wfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Is there something at 'path' that may not be replaced?  0 when it is
 * absent or a regular file (and 'flags' allow replacing one). */
static int
check_target(const char *path, int flags, struct diag_list *diags)
{
	struct stat sb;
	char ebuf[128];

	if (lstat(path, &sb) < 0) {
		if (errno == ENOENT)
			return 0;
		diag_error(diags, path, 0, 0, "cannot write: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_CANTCREAT;
	}
	if (!S_ISREG(sb.st_mode)) {
		diag_error(diags, path, 0, 0,
		           "is not a regular file, so it is not replaced (it "
		           "was left as it is)");
		return -EX_CANTCREAT;
	}
	if (flags & WFILE_NEW) {
		diag_error(diags, path, 0, 0,
		           "already exists, and is never overwritten");
		return -EX_CANTCREAT;
	}
	return 0;
}

/* Sync the folder holding 'path', so the new name survives a crash too
 * (best effort: not every file system can). */
static void
sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir =
	    slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
wfile_open(struct wfile *wf, const char *path, int flags,
           struct diag_list *diags)
{
	const char *slash = strrchr(path, '/');
	char ebuf[128];
	mode_t mask;
	int fd, rc;

	memset(wf, 0, sizeof(*wf));
	if (strcmp(path, "-") == 0) {
		wf->fp = stdout;
		return 0;
	}
	if ((rc = check_target(path, flags, diags)) < 0)
		return rc;
	/* ".NAME.XXXXXX" in the target's folder: the rename stays in one
	 * file system */
	if (slash)
		wf->tmp = xasprintf("%.*s.%s.XXXXXX", (int)(slash - path + 1),
		                    path, slash + 1);
	else
		wf->tmp = xasprintf(".%s.XXXXXX", path);
	fd = mkstemp(wf->tmp);
	if (fd < 0) {
		diag_error(diags, path, 0, 0, "cannot write: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		free(wf->tmp);
		wf->tmp = NULL;
		return -EX_IOERR;
	}
	/* the mode a file made by open(2) would get, not mkstemp's 0600 */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	wf->fp = fdopen(fd, "w");
	if (wf->fp == NULL) { /* only out of memory */
		diag_error(diags, path, 0, 0, "cannot write: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		close(fd);
		unlink(wf->tmp);
		free(wf->tmp);
		wf->tmp = NULL;
		return -EX_SOFTWARE;
	}
	wf->path = xstrdup(path);
	wf->flags = flags;
	return 0;
}

static void
release(struct wfile *wf)
{
	free(wf->tmp);
	free(wf->path);
	memset(wf, 0, sizeof(*wf));
}

int
wfile_commit(struct wfile *wf, struct diag_list *diags)
{
	char ebuf[128];
	int e = 0, rc = 0;

	if (wf->tmp == NULL) { /* standard output */
		if (wf->fp && (fflush(wf->fp) != 0 || ferror(wf->fp))) {
			diag_error(diags, NULL, 0, 0,
			           "cannot write to standard output: %s",
			           errno_text(errno ? errno : EIO, ebuf,
			                      sizeof(ebuf)));
			rc = -EX_IOERR;
		}
		release(wf);
		return rc;
	}
	if (fflush(wf->fp) != 0 || ferror(wf->fp) || fsync(fileno(wf->fp)) < 0)
		e = errno ? errno : EIO;
	if (fclose(wf->fp) != 0 && e == 0)
		e = errno;
	wf->fp = NULL;
	if (e) {
		diag_error(diags, wf->path, 0, 0, "cannot write: %s",
		           errno_text(e, ebuf, sizeof(ebuf)));
		rc = -EX_IOERR;
	} else if ((rc = check_target(wf->path, wf->flags, diags)) < 0) {
		/* something took its place meanwhile: left alone */
	} else if (wf->flags & WFILE_NEW ? link(wf->tmp, wf->path) < 0
	                                 : rename(wf->tmp, wf->path) < 0) {
		e = errno;
		if (e == EEXIST)
			diag_error(diags, wf->path, 0, 0,
			           "already exists, and is never overwritten");
		else
			diag_error(diags, wf->path, 0, 0, "cannot write: %s",
			           errno_text(e, ebuf, sizeof(ebuf)));
		rc = e == EEXIST ? -EX_CANTCREAT : -EX_IOERR;
	}
	if (rc < 0 || (wf->flags & WFILE_NEW))
		unlink(wf->tmp);
	if (rc == 0)
		sync_folder(wf->path);
	release(wf);
	return rc;
}

void
wfile_abort(struct wfile *wf)
{
	if (wf->fp && wf->fp != stdout)
		fclose(wf->fp);
	if (wf->tmp)
		unlink(wf->tmp);
	release(wf);
}
