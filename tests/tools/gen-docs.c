/*
 * gen-docs.c - the manual page's commands and the shell completions, made
 * from the command table (trainer/commands.c), so that they cannot drift
 * from what the program parses.  'make docs' writes them; the tests check
 * that the committed files are what this prints.
 *
 *   gen-docs man TEMPLATE   the manual: TEMPLATE with its "@COMMANDS@"
 *                           line replaced by every command's section
 *   gen-docs bash           the bash completion
 *   gen-docs zsh            the zsh completion
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Text for a roff line: backslashes escaped, a leading '.' or '\''
 * guarded. */
static void
roff_text(const char *s, size_t n)
{
	int start = 1;

	for (size_t i = 0; i < n; i++) {
		if (start && (s[i] == '.' || s[i] == '\''))
			fputs("\\&", stdout);
		start = 0;
		if (s[i] == '\\') {
			fputs("\\e", stdout);
		} else if (s[i] == ' ' && i > 0 && strchr(".?!", s[i - 1])) {
			/* a new sentence on a new line, as roff wants */
			while (i + 1 < n && s[i + 1] == ' ')
				i++;
			if (i + 1 < n) {
				putchar('\n');
				start = 1;
			}
		} else {
			putchar(s[i]);
		}
	}
}

/*
 * A help text as mdoc: its lines joined into paragraphs (an empty line
 * between them), a run of lines indented by two spaces kept as they are
 * in a literal display.
 */
static void
roff_paragraphs(const char *text, int paragraph)
{
	const char *p = text;
	int literal = 0, first = 1, pending = paragraph;

	while (*p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int indented = n >= 2 && p[0] == ' ' && p[1] == ' ';

		if (n == 0) {
			if (literal)
				puts(".Ed");
			literal = 0;
			pending = 1; /* a paragraph, unless a display comes */
		} else if (indented && !literal) {
			pending = 0;
			puts(".Bd -literal -offset indent");
			literal = 1;
			roff_text(p, n);
			putchar('\n');
		} else {
			if (pending)
				puts(".Pp");
			pending = 0;
			if (literal && !indented) {
				puts(".Ed");
				literal = 0;
			} else if (!literal && first) {
				/* nothing before */
			}
			roff_text(p, n);
			putchar('\n');
		}
		first = 0;
		p += n + (end != NULL);
	}
	if (literal)
		puts(".Ed");
}

/* The arguments of a usage, as mdoc: "[X...]" optional, "X" an
 * argument, anything else as written. */
static void
roff_args(const char *args)
{
	size_t n = strlen(args);

	if (n > 2 && args[0] == '[' && args[n - 1] == ']' &&
	    strchr(args + 1, '[') == NULL) {
		int dots = n > 5 && strncmp(args + n - 4, "...]", 4) == 0;

		printf(".Op Ar %.*s%s\n", (int)(n - 2 - (dots ? 3 : 0)),
		       args + 1, dots ? " ..." : "");
	} else if (strchr(args, ' ') == NULL) {
		printf(".Ar %s\n", args);
	} else {
		fputs(".Ar ", stdout);
		roff_text(args, n);
		putchar('\n');
	}
}

static void
roff_option(const struct optspec *o, int in_list)
{
	if (in_list)
		fputs(".It", stdout);
	else
		fputs(".Op", stdout);
	if (o->short_name)
		printf(" Fl %c ,", o->short_name);
	printf(" Fl \\-%s", o->name);
	if (o->kind != OPTK_FLAG)
		printf(" Ar %s", o->meta);
	if (!in_list && o->repeat)
		fputs(" ...", stdout);
	putchar('\n');
}

static void
man_command(const struct command *cmd)
{
	printf(".Ss %s\n.Nm\n.Cm %s\n", cmd->name, cmd->name);
	for (const struct optspec *o = cmd->opts; o && o->name; o++)
		roff_option(o, 0);
	if (cmd->args)
		roff_args(cmd->args);
	puts(".Pp");
	roff_text(cmd->summary, strlen(cmd->summary));
	puts(".");
	if (cmd->about)
		roff_paragraphs(cmd->about, 1);
	if (cmd->opts && cmd->opts[0].name) {
		puts(".Bl -tag -width Ds");
		for (const struct optspec *o = cmd->opts; o->name; o++) {
			roff_option(o, 1);
			roff_paragraphs(o->help, 0);
		}
		puts(".El");
	}
	if (cmd->more)
		roff_paragraphs(cmd->more, 1);
}

static int
man(const char *template)
{
	FILE *fp = fopen(template, "r");
	char line[4096];

	if (fp == NULL) {
		perror(template);
		return 66;
	}
	while (fgets(line, sizeof(line), fp)) {
		if (strcmp(line, "@COMMANDS@\n") != 0) {
			fputs(line, stdout);
			continue;
		}
		for (unsigned i = 0; i < cli_ncommands; i++)
			man_command(cli_commands[i]);
	}
	fclose(fp);
	return 0;
}

/* The word the shell completion calls 'trainer names' with for a value
 * or an argument naming 'n', or NULL. */
static const char *
names_kind(enum optnames n)
{
	switch (n) {
	case OPTN_DECK:
		return "decks";
	case OPTN_TAG:
		return "tags";
	case OPTN_CARD:
		return "cards";
	case OPTN_SETTING:
		return "settings";
	default:
		return NULL;
	}
}

/* What to complete for 'n' ('words' for OPTN_WORD), as a bash
 * statement. */
static void
bash_complete(enum optnames n, const char *words)
{
	if (n == OPTN_FILE || n == OPTN_OUTPUT)
		fputs("_trainer_files", stdout);
	else if (n == OPTN_WORD)
		printf("_trainer_words '%s'", words ? words : "");
	else if (names_kind(n))
		printf("_trainer_names %s", names_kind(n));
	else
		fputs("COMPREPLY=()", stdout);
}

static void
bash(void)
{
	puts("# bash completion for trainer, made by tests/tools/gen-docs.c "
	     "from the\n# command table: do not edit, run 'make docs'.");
	puts("\n_trainer_files() {\n"
	     "\tlocal IFS=$'\\n'\n"
	     "\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	     "\tcompopt -o filenames 2>/dev/null\n"
	     "}\n"
	     "\n"
	     "_trainer_words() {\n"
	     "\tCOMPREPLY=($(compgen -W \"$1\" -- \"$cur\"))\n"
	     "}\n"
	     "\n"
	     "# names from 'trainer names', with the --db and --decks of "
	     "the line\n"
	     "_trainer_names() {\n"
	     "\tlocal IFS=$'\\n'\n"
	     "\tCOMPREPLY=($(\"${COMP_WORDS[0]}\" \"${globals[@]}\" names "
	     "\"$1\" \"$cur\" 2>/dev/null))\n"
	     "\tcompopt -o nosort 2>/dev/null\n"
	     "}\n");
	puts("_trainer() {\n"
	     "\tlocal cur=${COMP_WORDS[COMP_CWORD]} "
	     "prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	     "\tlocal cmd= i w globals=()\n"
	     "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	     "\t\tw=${COMP_WORDS[i]}\n"
	     "\t\tcase $w in\n"
	     "\t\t--db | --decks)\n"
	     "\t\t\tglobals+=(\"$w\" \"${COMP_WORDS[i+1]}\")\n"
	     "\t\t\t((i++)) ;;\n"
	     "\t\t--db=* | --decks=*) globals+=(\"$w\") ;;\n"
	     "\t\t--now | --seed) ((i++)) ;;\n"
	     "\t\t-*) ;;\n"
	     "\t\t*) [ -z \"$cmd\" ] && cmd=$w ;;\n"
	     "\t\tesac\n"
	     "\tdone");
	/* the values of options, the global ones first */
	puts("\tcase $prev in");
	for (const struct optspec *o = cli_global_opts; o->name; o++)
		if (o->kind != OPTK_FLAG) {
			printf("\t--%s) ", o->name);
			bash_complete(o->names, o->words);
			puts("; return ;;");
		}
	puts("\tesac");
	puts("\tcase $cmd in");
	for (unsigned i = 0; i < cli_ncommands; i++) {
		const struct command *c = cli_commands[i];
		int any = 0;

		printf("\t%s)\n", c->name);
		for (const struct optspec *o = c->opts; o && o->name; o++)
			if (o->kind != OPTK_FLAG)
				any = 1;
		if (any) {
			puts("\t\tcase $prev in");
			for (const struct optspec *o = c->opts; o && o->name;
			     o++) {
				if (o->kind == OPTK_FLAG)
					continue;
				printf("\t\t--%s", o->name);
				if (o->short_name)
					printf(" | -%c", o->short_name);
				fputs(") ", stdout);
				bash_complete(o->names, o->words);
				puts("; return ;;");
			}
			puts("\t\tesac");
		}
		fputs("\t\tif [[ $cur == -* ]]; then\n"
		      "\t\t\tCOMPREPLY=($(compgen -W '",
		      stdout);
		for (const struct optspec *o = c->opts; o && o->name; o++)
			printf("--%s ", o->name);
		puts("--help' -- \"$cur\"))");
		if (c->max_args != 0) {
			fputs("\t\telse\n\t\t\t", stdout);
			bash_complete(c->arg_names, c->arg_words);
			putchar('\n');
		}
		puts("\t\tfi\n\t\t;;");
	}
	fputs("\t*)\n\t\tif [[ $cur == -* ]]; then\n"
	      "\t\t\tCOMPREPLY=($(compgen -W '",
	      stdout);
	for (const struct optspec *o = cli_global_opts; o->name; o++)
		printf("--%s ", o->name);
	fputs("' -- \"$cur\"))\n\t\telse\n"
	      "\t\t\tCOMPREPLY=($(compgen -W '",
	      stdout);
	for (unsigned i = 0; i < cli_ncommands; i++)
		printf("%s%s", i ? " " : "", cli_commands[i]->name);
	puts("' -- \"$cur\"))\n\t\tfi\n\t\t;;\n\tesac\n}\n"
	     "complete -F _trainer trainer");
}

/* A zsh description, quoted for an _arguments spec. */
static void
zsh_quoted(const char *s)
{
	for (; *s && *s != '\n'; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else if (*s == '[' || *s == ']' || *s == ':')
			printf("\\%c", *s);
		else
			putchar(*s);
	}
}

static void
zsh_action(enum optnames n, const char *words)
{
	if (n == OPTN_FILE || n == OPTN_OUTPUT)
		fputs("_files", stdout);
	else if (n == OPTN_WORD)
		printf("(%s)", words ? words : "");
	else if (names_kind(n))
		printf("_trainer_names %s", names_kind(n));
	else
		fputs(" ", stdout);
}

static void
zsh_spec(const struct optspec *o)
{
	if (o->short_name)
		printf("\t\t'(-%c --%s)'{-%c,--%s}'", o->short_name, o->name,
		       o->short_name, o->name);
	else
		printf("\t\t'%s--%s", o->repeat ? "*" : "", o->name);
	putchar('[');
	zsh_quoted(o->help);
	putchar(']');
	if (o->kind != OPTK_FLAG) {
		printf(":%s:", o->meta);
		zsh_action(o->names, o->words);
	}
	puts("' \\");
}

static void
zsh(void)
{
	puts("#compdef trainer\n"
	     "# zsh completion for trainer, made by tests/tools/gen-docs.c "
	     "from the\n# command table: do not edit, run 'make docs'.\n");
	puts(
	    "_trainer_names() {\n"
	    "\tlocal -a names globals\n"
	    "\tlocal i\n"
	    "\tfor ((i = 2; i < CURRENT; i++)); do\n"
	    "\t\tcase ${words[i]} in\n"
	    "\t\t--db | --decks) globals+=(${words[i]} ${words[i+1]}) ;;\n"
	    "\t\t--db=* | --decks=*) globals+=(${words[i]}) ;;\n"
	    "\t\tesac\n"
	    "\tdone\n"
	    "\tnames=(${(f)\"$(${words[1]} $globals names $1 2>/dev/null)\"})\n"
	    "\tcompadd -a names\n"
	    "}\n");
	puts("_trainer() {\n"
	     "\tlocal curcontext=$curcontext state line\n"
	     "\t_arguments -C \\");
	for (const struct optspec *o = cli_global_opts; o->name; o++)
		zsh_spec(o);
	puts("\t\t'1:command:->command' \\\n"
	     "\t\t'*::argument:->argument'\n"
	     "\tcase $state in\n"
	     "\tcommand)\n"
	     "\t\tlocal -a commands\n"
	     "\t\tcommands=(");
	for (unsigned i = 0; i < cli_ncommands; i++) {
		printf("\t\t\t'%s:", cli_commands[i]->name);
		zsh_quoted(cli_commands[i]->summary);
		puts("'");
	}
	puts("\t\t)\n"
	     "\t\t_describe command commands\n"
	     "\t\t;;\n"
	     "\targument)\n"
	     "\t\tcase ${line[1]} in");
	for (unsigned i = 0; i < cli_ncommands; i++) {
		const struct command *c = cli_commands[i];

		printf("\t\t%s)\n\t\t\t_arguments \\\n", c->name);
		for (const struct optspec *o = c->opts; o && o->name; o++) {
			fputs("\t", stdout);
			zsh_spec(o);
		}
		if (c->max_args != 0) {
			fputs("\t\t\t\t'*:argument:", stdout);
			zsh_action(c->arg_names, c->arg_words);
			puts("' \\");
		}
		puts("\t\t\t\t'--help[this command'\\''s help]'\n\t\t\t;;");
	}
	puts("\t\tesac\n"
	     "\t\t;;\n"
	     "\tesac\n"
	     "}\n"
	     "\n"
	     "_trainer \"$@\"");
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "man") == 0)
		return man(argv[2]);
	if (argc == 2 && strcmp(argv[1], "bash") == 0) {
		bash();
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "zsh") == 0) {
		zsh();
		return 0;
	}
	fprintf(stderr, "usage: gen-docs man TEMPLATE | bash | zsh\n");
	return 64;
}
