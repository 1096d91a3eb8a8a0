/*
 * tty.c - readline on a terminal, plain lines on a pipe.
 *
 * Readline runs through its callback interface in a select() loop, so a
 * Ctrl-C (SIGINT) or a resize (SIGWINCH) interrupts the wait cleanly: the
 * handlers only set a flag, and the loop acts on it between keys.
 */
#include "tty.h"

#include <errno.h>
#ifdef TRAINER_LIBEDIT
#include <editline/readline.h>
#else
#include <readline/history.h>
#include <readline/readline.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <termios.h>
#include <unistd.h>
#include <utf8proc.h>

#include "clock.h"
#include "out.h"
#include "util.h"

struct tty {
	int terminal;
	int color;
	FILE *in, *out;
	struct sigaction old_int, old_winch;
	/* without colour: the columns written on this line, and the caret
	 * line marking a diff's characters in it, printed under it */
	size_t col;
	struct strbuf carets;
	size_t indent; /* the blanks this line began with: a wrapped line
	                  starts with as many */
};

/* The terminal's width in columns, read again after each resize; 0 when
 * it is not known (text is then not wrapped). */
static size_t
width_of(const struct tty *t)
{
	struct winsize ws;

	if (!t->terminal || ioctl(fileno(t->out), TIOCGWINSZ, &ws) < 0)
		return 0;
	return ws.ws_col;
}

#define TTY_MAX_LINE      4096 /* bytes of an answer */
#define TTY_MAX_LINE_TEXT "4096"

static volatile sig_atomic_t got_sigint, got_sigwinch;
static char *line_read;
static int line_done;

static const char *const commands[] = {
	":hint",    ":dunno", ":skip", ":undo", ":note",
	":suspend", ":stats", ":help", ":quit", NULL,
};

static void
on_signal(int sig)
{
	if (sig == SIGINT)
		got_sigint = 1;
	else
		got_sigwinch = 1;
}

static char *
command_generator(const char *text, int state)
{
	static size_t i, len;

	if (state == 0) {
		i = 0;
		len = strlen(text);
	}
	while (commands[i])
		if (strncmp(commands[i++], text, len) == 0)
			return xstrdup(commands[i - 1]);
	return NULL;
}

static char **
complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1; /* never file names */
	if (start == 0 && text[0] == ':')
		return rl_completion_matches(text, command_generator);
	return NULL;
}

static void
on_line(char *line)
{
	line_read = line;
	line_done = 1;
	rl_callback_handler_remove();
}

static char *
terminal_line(void *ctx, const char *prompt, int *interrupted)
{
	struct tty *t = ctx;
	int fd = fileno(t->in);
	sigset_t block, old;
	char *line = NULL;

	/* The signals stay blocked while readline works and are let in
	 * only inside pselect, so one cannot slip in between a check of
	 * the flags and the wait. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGWINCH);
	sigprocmask(SIG_BLOCK, &block, &old);
	line_done = 0;
	line_read = NULL;
	fflush(t->out);
	rl_callback_handler_install(prompt, on_line);
	while (!line_done) {
		fd_set fds;
		int n;

		if (got_sigint) { /* also one pressed while we were busy */
			got_sigint = 0;
#ifndef TRAINER_LIBEDIT /* libedit has no such cleanup: the removal            \
                          resets its line */
			rl_callback_sigcleanup();
#endif
			rl_callback_handler_remove();
			fputc('\n', t->out);
			*interrupted = 1;
			goto out;
		}
		if (got_sigwinch) {
			got_sigwinch = 0;
			rl_resize_terminal();
		}
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		n = pselect(fd + 1, &fds, NULL, NULL, NULL, &old);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		rl_callback_read_char();
	}
	if (!line_done) {
		rl_callback_handler_remove();
		goto out;
	}
	line = line_read;
	if (line == NULL)
		fputc('\n', t->out); /* Ctrl-D: end the prompt's line */
	else if (*line)
		add_history(line);
out:
	sigprocmask(SIG_SETMASK, &old, NULL);
	return line;
}

/*
 * One key, read with the terminal out of line mode (no echo, no Enter
 * needed) and put back after; signals are let in only while waiting, as
 * in terminal_line.
 */
static int
terminal_key(void *ctx, const char *prompt, int *interrupted)
{
	struct tty *t = ctx;
	int fd = fileno(t->in), key = -1;
	struct termios saved, raw;
	sigset_t block, old;
	unsigned char c;

	fputs(prompt, t->out);
	fflush(t->out);
	if (tcgetattr(fd, &saved) < 0)
		return -1;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGWINCH);
	sigprocmask(SIG_BLOCK, &block, &old);
	tcsetattr(fd, TCSANOW, &raw);
	for (;;) {
		fd_set fds;
		int n;

		if (got_sigint) {
			got_sigint = 0;
			*interrupted = 1;
			break;
		}
		got_sigwinch = 0;
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		n = pselect(fd + 1, &fds, NULL, NULL, NULL, &old);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || read(fd, &c, 1) != 1 || c == 0x04)
			break;
		key = c == '\r' ? '\n' : c;
		if (c == 0x1b) /* the rest of an arrow key's sequence */
			tcflush(fd, TCIFLUSH);
		break;
	}
	tcsetattr(fd, TCSANOW, &saved);
	sigprocmask(SIG_SETMASK, &old, NULL);
	fputc('\n', t->out);
	return key;
}

/* The columns 'text' takes on a terminal, roughly: wide characters count
 * two, a character shown escaped four. */
static size_t
text_width(const char *text)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	size_t w = 0;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		int cw;

		if (k <= 0) {
			w += 4;
			p++;
			continue;
		}
		cw = utf8proc_charwidth(cp);
		w += cp < 0x20 || cp == 0x7f ? 4 : cw > 0 ? (size_t)cw : 0;
		p += k;
	}
	return w;
}

static const char *const codes[] = {
	[STYLE_PLAIN] = NULL,         [STYLE_TITLE] = "\033[1;36m",
	[STYLE_QUESTION] = "\033[1m", [STYLE_RIGHT] = "\033[32m",
	[STYLE_WRONG] = "\033[31m",   [STYLE_CLOSE] = "\033[33m",
	[STYLE_DIM] = "\033[2m",      [STYLE_MISSING] = "\033[4;32m",
	[STYLE_EXTRA] = "\033[4;31m",
};

/* Write 'n' bytes of 'text' (no line break in them) in 'style', keeping
 * the column and, without colour, a diff's caret line. */
static void
put(struct tty *t, enum session_style style, const char *text, size_t n)
{
	int marked = style == STYLE_MISSING || style == STYLE_EXTRA;
	char *part = xstrndup(text, n);
	size_t w = text_width(part);

	if (t->color && codes[style]) {
		fputs(codes[style], t->out);
		out_safe(t->out, part, 0);
		fputs("\033[0m", t->out);
	} else {
		out_safe(t->out, part, 0);
	}
	for (; w > 0; w--) {
		while (marked && !t->color && t->carets.len < t->col)
			strbuf_addch(&t->carets, ' ');
		if (marked && !t->color)
			strbuf_addch(&t->carets, '^');
		t->col++;
	}
	free(part);
}

static void
end_line(struct tty *t)
{
	fputc('\n', t->out);
	if (t->carets.len) {
		fputs(t->carets.buf, t->out);
		fputc('\n', t->out);
	}
	strbuf_release(&t->carets);
	t->col = 0;
}

/*
 * Show 'text': on a terminal it wraps at the terminal's width between
 * words (wide characters count two columns), never inside one; a diff's
 * marked text and a line with a caret line under it are not wrapped, so
 * the marks stay aligned.  Pipes are not wrapped.
 */
static void
say(void *ctx, enum session_style style, const char *text)
{
	struct tty *t = ctx;
	int marked = style == STYLE_MISSING || style == STYLE_EXTRA;
	size_t width = marked ? 0 : width_of(t);

	while (*text) {
		size_t n = strcspn(text, "\n");

		if (t->col == 0)
			t->indent = strspn(text, " ");
		if (width == 0) {
			put(t, style, text, n);
		} else {
			/* word by word, each with the blanks before it */
			const char *p = text, *end = text + n;

			while (p < end) {
				const char *w = p + strspn(p, " ");
				const char *e;
				char *word;
				size_t ww;

				if (w > end)
					w = end;
				e = w + strcspn(w, " \n");
				if (e > end)
					e = end;
				word = xstrndup(w, (size_t)(e - w));
				ww = text_width(word);
				free(word);
				if (t->col > 0 && t->carets.len == 0 && e > w &&
				    t->col + (size_t)(w - p) + ww > width) {
					size_t indent = t->indent;

					end_line(t);
					t->indent = indent;
					for (; t->col < indent &&
					       indent < width / 2;
					     t->col++)
						fputc(' ', t->out);
					p = w; /* the blanks go with the break
					        */
				}
				put(t, style, p, (size_t)(e - p));
				p = e;
			}
		}
		text += n;
		if (*text == '\n') {
			end_line(t);
			text++;
		}
	}
}

/*
 * Read one line from 'in' (without its line break), keeping at most
 * TTY_MAX_LINE bytes; the rest of a longer line is read and dropped.
 * NULL at the end of input.  '*why' is NULL for a line that can be used,
 * else why it cannot: too long, or holding a NUL byte.
 */
static char *
read_line(FILE *in, const char **why)
{
	struct strbuf sb = { 0 };
	int c, nul = 0, over = 0, any = 0;

	while ((c = getc(in)) != EOF) {
		any = 1;
		if (c == '\n')
			break;
		if (c == '\0')
			nul = 1;
		else if (sb.len < TTY_MAX_LINE)
			strbuf_addch(&sb, c);
		else
			over = 1;
	}
	if (!any) {
		strbuf_release(&sb);
		return NULL;
	}
	if (sb.len > 0 && sb.buf[sb.len - 1] == '\r')
		sb.buf[--sb.len] = '\0';
	*why = over ? "that answer is too long (over " TTY_MAX_LINE_TEXT
	              " bytes); it was not checked"
	       : nul ? "that line holds a NUL byte; it was not checked"
	             : NULL;
	return strbuf_detach(&sb);
}

/* Tell why a line was not taken; the session asks again. */
static void
refuse(struct tty *t, const char *why)
{
	say(t, STYLE_WRONG, why);
	say(t, STYLE_PLAIN, "\n");
}

/* A line read by readline, asked again while it is too long. */
static char *
terminal_ask(void *ctx, const char *prompt, int *interrupted)
{
	char *line;

	while ((line = terminal_line(ctx, prompt, interrupted)) &&
	       strlen(line) > TTY_MAX_LINE) {
		free(line);
		refuse(ctx, "that answer is too long (over " TTY_MAX_LINE_TEXT
		            " bytes); it was not checked");
	}
	return line;
}

static char *
plain_ask(void *ctx, const char *prompt, int *interrupted)
{
	struct tty *t = ctx;
	const char *why;
	char *line;

	(void)prompt;
	(void)interrupted;
	for (;;) {
		fflush(t->out);
		if ((line = read_line(t->in, &why)) == NULL || why == NULL)
			return line;
		free(line);
		refuse(t, why);
	}
}

static long long
elapsed_ms(void *ctx)
{
	(void)ctx;
	return clock_ms();
}

struct tty *
tty_open_terminal(int color)
{
	struct tty *t = xcalloc(1, sizeof(*t));
	struct sigaction sa;

	t->terminal = 1;
	t->color = color;
	t->in = stdin;
	t->out = stdout;
	rl_readline_name = "trainer";
	rl_instream = stdin;
	rl_outstream = stdout;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_attempted_completion_function = complete;
	rl_variable_bind("input-meta", "on");
	rl_variable_bind("output-meta", "on");
	rl_variable_bind("convert-meta", "off");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal; /* no SA_RESTART: select must wake */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &t->old_int);
	sigaction(SIGWINCH, &sa, &t->old_winch);
	return t;
}

struct tty *
tty_open_plain(FILE *in, FILE *out)
{
	struct tty *t = xcalloc(1, sizeof(*t));

	t->in = in;
	t->out = out;
	return t;
}

void
tty_session_io(struct tty *t, struct session_io *io)
{
	io->ctx = t;
	io->interactive = t->terminal;
	io->ask = t->terminal ? terminal_ask : plain_ask;
	io->ask_key = t->terminal ? terminal_key : NULL;
	io->say = say;
	io->clock_ms = elapsed_ms;
}

void
tty_close(struct tty *t)
{
	if (t == NULL)
		return;
	if (t->terminal) {
		sigaction(SIGINT, &t->old_int, NULL);
		sigaction(SIGWINCH, &t->old_winch, NULL);
		clear_history();
	}
	fflush(t->out);
	strbuf_release(&t->carets);
	free(t);
}
