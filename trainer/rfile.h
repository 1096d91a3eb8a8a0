/*
 * rfile.h - reading a whole input file: a deck, a file to import.
 */
#ifndef TRAINER_RFILE_H
#define TRAINER_RFILE_H

#include <stddef.h>

#include "diag.h"

/*
 * Read the file at 'path' ("-": standard input, when 'stdin_ok') whole
 * into '*buf' (NUL-terminated; free it) and '*len'.  A FIFO nothing
 * writes to does not hang the open.  A folder, or a file of more than
 * 'max' bytes, is refused, naming it as 'what' ("deck file").  Returns 0,
 * or -EX_NOINPUT (cannot be opened or read, or a folder) or -EX_DATAERR
 * (too large) with a diagnostic.
 */
int rfile_read(const char *path, int stdin_ok, size_t max, const char *what,
               char **buf, size_t *len, struct diag_list *diags);

#endif
