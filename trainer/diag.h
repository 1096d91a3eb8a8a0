/*
 * diag.h - diagnostics: collected by the engine, printed by the program.
 *
 * Engine modules never print.  They append diagnostics to a diag_list
 * (file, line, column, level, message) and return a negative sysexits
 * status (-EX_DATAERR, -EX_NOINPUT, ...).  The program prints the list
 * with diag_report, which keeps the worst status, and leaves with
 * diag_exit: the one place where the exit status is chosen.
 *
 * Lines and columns count from 1; 0 means "not known" and is not printed.
 */
#ifndef TRAINER_DIAG_H
#define TRAINER_DIAG_H

#include <stddef.h>
#include <stdio.h>
#include <sysexits.h>

enum diag_level {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR,
};

struct diag {
	enum diag_level level;
	char *file; /* may be NULL: message about no file */
	int line;
	int col;
	char *msg;
};

struct diag_list {
	struct diag *v;
	size_t n;
	size_t alloc;
	size_t nerrors;
};

/* Append a diagnostic; 'file' is copied and may be NULL. */
void diag_add(struct diag_list *l, enum diag_level level, const char *file,
              int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Shorthand for DIAG_ERROR. */
void diag_error(struct diag_list *l, const char *file, int line, int col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Shorthand for DIAG_NOTE. */
void diag_note(struct diag_list *l, const char *file, int line, int col,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/*
 * Move every diagnostic of 'from' to the end of 'to', sorted by line and
 * column; each error or warning keeps the notes that follow it.  'from'
 * is empty after.
 */
void diag_list_move_sorted(struct diag_list *to, struct diag_list *from);
/* Free every diagnostic; the list is empty and reusable after. */
void diag_list_release(struct diag_list *l);

/*
 * Print every diagnostic as "trainer: file:line:col: level: message" to
 * 'fp', control characters in messages escaped.  Program side only.
 */
void diag_print(const struct diag_list *l, FILE *fp);

/* Print "trainer: message" to stderr.  Program side only. */
void diag_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The exit status, chosen in one place.  Engine functions return 0 or a
 * negative sysexits status; the program hands each one it reports to
 * diag_status (or diag_report), which keeps the worst seen (an internal
 * error over an I/O error over a missing file over bad data over a usage
 * error), and main leaves with diag_exit.  Program side only.
 */

/* Note 'status' (0 or a sysexits code, either sign; unknown codes are
 * internal errors); returns it as an exit status (0 or positive). */
int diag_status(int status);

/* Print 'l' to stderr, release it, and note 'status' as diag_status
 * does; returns the exit status of 'status'. */
int diag_report(struct diag_list *l, int status);

/* The process's exit status: the worst of 'status' and every status
 * noted so far. */
int diag_exit(int status);

#endif
