/*
 * tty.h - the two faces of a session: readline on a terminal (prompt,
 * history, tab completion of the ':' commands, colour, Ctrl-C, resizing)
 * and plain lines for pipes (one answer per line, no prompts, no colour).
 * Both show text from decks with control characters escaped.
 */
#ifndef TRAINER_TTY_H
#define TRAINER_TTY_H

#include <stdio.h>

#include "session.h"

struct tty;

/* Readline on the terminal at stdin and stdout; 'color' for ANSI colour. */
struct tty *tty_open_terminal(int color);

/* Plain lines read from 'in' and written to 'out'. */
struct tty *tty_open_plain(FILE *in, FILE *out);

/* Fill 'io' to talk through 't'. */
void tty_session_io(struct tty *t, struct session_io *io);

/* Restore the terminal and free; NULL is fine. */
void tty_close(struct tty *t);

#endif
