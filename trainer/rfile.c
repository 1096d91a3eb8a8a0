/*
 * rfile.c - reading a whole input file.
 */
#include "rfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int
rfile_read(const char *path, int stdin_ok, size_t max, const char *what,
           char **buf, size_t *len, struct diag_list *diags)
{
	struct strbuf sb = { 0 };
	struct stat st;
	char ebuf[128], chunk[65536];
	ssize_t n;
	int fd;

	*buf = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO nothing writes to must not wait for a
	 * writer.  Cleared after, so a pipe named on purpose ('check <(cat
	 * deck)', /dev/stdin) is read to its end; one with no writer reads
	 * as empty. */
	if (stdin_ok && strcmp(path, "-") == 0) {
		fd = dup(STDIN_FILENO);
		path = "standard input";
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	}
	if (fd < 0) {
		diag_error(diags, path, 0, 0, "cannot open: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		return -EX_NOINPUT;
	}
	if (fstat(fd, &st) < 0 ||
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) {
		diag_error(diags, path, 0, 0, "cannot read: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
		close(fd);
		return -EX_NOINPUT;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_error(diags, path, 0, 0, "is a folder, not a %s", what);
		close(fd);
		return -EX_NOINPUT;
	}
	/* read at most one byte past the limit: enough to refuse it */
	while (sb.len <= max && (n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(diags, path, 0, 0, "cannot read: %s",
			           errno_text(errno, ebuf, sizeof(ebuf)));
			close(fd);
			strbuf_release(&sb);
			return -EX_NOINPUT;
		}
		strbuf_add(&sb, chunk, (size_t)n);
	}
	close(fd);
	if (sb.len > max) {
		if (S_ISREG(st.st_mode))
			diag_error(diags, path, 0, 0,
			           "file is too large (%lld bytes; a %s may "
			           "have at most %zu MiB)",
			           (long long)st.st_size, what,
			           max / (1024 * 1024));
		else
			diag_error(diags, path, 0, 0,
			           "file is too large (a %s may have at most "
			           "%zu MiB)",
			           what, max / (1024 * 1024));
		strbuf_release(&sb);
		return -EX_DATAERR;
	}
	strbuf_adds(&sb, "");
	*len = sb.len;
	*buf = strbuf_detach(&sb);
	return 0;
}
