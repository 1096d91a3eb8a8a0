/*
 * diag.c - collecting and printing diagnostics; choosing exit codes.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "util.h"

static void
diag_vadd(struct diag_list *l, enum diag_level level, const char *file,
          int line, int col, const char *fmt, va_list ap)
{
	struct diag *d;

	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	d = &l->v[l->n++];
	d->level = level;
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
	d->msg = xvasprintf(fmt, ap);
	if (level == DIAG_ERROR)
		l->nerrors++;
}

void
diag_add(struct diag_list *l, enum diag_level level, const char *file, int line,
         int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l, level, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_error(struct diag_list *l, const char *file, int line, int col,
           const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_note(struct diag_list *l, const char *file, int line, int col,
          const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l, DIAG_NOTE, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_list_release(struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].msg);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

struct group {
	size_t start, end; /* an error and the notes after it */
	int line, col;
};

static int
group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

void
diag_list_move_sorted(struct diag_list *to, struct diag_list *from)
{
	struct group *g = xcalloc(from->n, sizeof(*g));
	size_t ng = 0;

	for (size_t i = 0; i < from->n; i++) {
		if (from->v[i].level == DIAG_NOTE && ng > 0) {
			g[ng - 1].end = i + 1;
			continue;
		}
		g[ng].start = i;
		g[ng].end = i + 1;
		g[ng].line = from->v[i].line;
		g[ng].col = from->v[i].col;
		ng++;
	}
	xqsort(g, ng, sizeof(*g), group_cmp);
	/* the diagnostics move over as they are: their strings change hands */
	to->v = xgrow(to->v, &to->alloc, to->n + from->n, sizeof(*to->v));
	for (size_t i = 0; i < ng; i++)
		for (size_t j = g[i].start; j < g[i].end; j++)
			to->v[to->n++] = from->v[j];
	to->nerrors += from->nerrors;
	free(g);
	free(from->v);
	memset(from, 0, sizeof(*from));
}

void
diag_print(const struct diag_list *l, FILE *out)
{
	static const char *const names[] = { "note", "warning", "error" };
	char *buf = NULL;
	size_t len = 0;
	/* formatted in memory and written at once: stderr is unbuffered,
	 * and a broken deck can have hundreds of thousands of problems */
	FILE *fp = l->n ? open_memstream(&buf, &len) : NULL;

	if (fp == NULL)
		fp = out;
	for (size_t i = 0; i < l->n; i++) {
		const struct diag *d = &l->v[i];

		fputs("trainer: ", fp);
		if (d->file) {
			out_safe(fp, d->file, 0);
			if (d->line > 0)
				fprintf(fp, ":%d", d->line);
			if (d->line > 0 && d->col > 0)
				fprintf(fp, ":%d", d->col);
			fputs(": ", fp);
		}
		fprintf(fp, "%s: ", names[d->level]);
		out_safe(fp, d->msg, 0);
		fputc('\n', fp);
	}
	if (fp != out) {
		fclose(fp);
		fwrite(buf, 1, len, out);
		free(buf);
	}
	fflush(out);
}

void
diag_say(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("trainer: ", stderr);
	out_safe(stderr, msg, 0);
	fputc('\n', stderr);
	free(msg);
}

/* The exit status for an engine status (0 or a sysexits code, either
 * sign); anything unknown is an internal error. */
static int
exit_status(int status)
{
	if (status < 0)
		status = -status;
	switch (status) {
	case 0:
	case EX_USAGE:
	case EX_DATAERR:
	case EX_NOINPUT:
	case EX_UNAVAILABLE: /* a kind of input this build cannot read */
	case EX_SOFTWARE:
	case EX_CANTCREAT:
	case EX_IOERR:
		return status;
	case EX_TEMPFAIL: /* a conflict in the database that was not resolved */
		return EX_IOERR;
	default:
		return EX_SOFTWARE;
	}
}

/* How bad an exit status is: the worst one seen decides the exit. */
static int
severity(int status)
{
	switch (status) {
	case 0:
		return 0;
	case EX_USAGE:
		return 1;
	case EX_DATAERR:
		return 2;
	case EX_NOINPUT:
	case EX_UNAVAILABLE:
		return 3;
	case EX_CANTCREAT:
		return 4;
	case EX_IOERR:
		return 5;
	default:
		return 6;
	}
}

/* The worst status reported so far in this process (program side). */
static int worst;

int
diag_status(int status)
{
	int ex = exit_status(status);

	if (severity(ex) > severity(worst))
		worst = ex;
	return ex;
}

int
diag_report(struct diag_list *l, int status)
{
	diag_print(l, stderr);
	diag_list_release(l);
	return diag_status(status);
}

int
diag_exit(int status)
{
	diag_status(status);
	return worst;
}
