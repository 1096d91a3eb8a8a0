# trainer - a terminal quiz and flashcard trainer.
#
#   make            build build/trainer
#   make run        install what is missing, build, start on the bundled decks
#   make test       install what is missing, build, run every test
#   make check      build and run every test, installing nothing
#   make deps       install the build and test dependencies (apt-get)
#   make bench      run the benchmarks and print their figures
#   make fuzz       build the libFuzzer targets (clang) and run each briefly
#   make format     format the code with clang-format
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall
#   make docs       write the manual page and completions from the command table
#
# WERROR=1 adds -Werror; SANITIZE=address,undefined builds into its own
# folder with the sanitizers; READLINE=libedit builds against libedit.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/trainer
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
CC ?= cc
PKG_CONFIG ?= pkg-config

# READLINE=libedit builds against libedit (BSD licence) instead of GNU
# readline (GPL), into its own folder.
READLINE ?= readline
ifeq ($(READLINE),libedit)
LINE_PKG = libedit
LINE_DEB = libedit-dev
LINE_CFLAGS = -DTRAINER_LIBEDIT
else
LINE_PKG = readline
LINE_DEB = libreadline-dev
LINE_CFLAGS =
endif
# Each library as pkg-config names it, with the Debian package holding
# its development files.
LIB_DEBS = $(LINE_PKG):$(LINE_DEB) yaml-0.1:libyaml-dev \
	sqlite3:libsqlite3-dev jansson:libjansson-dev \
	libutf8proc:libutf8proc-dev minizip:libminizip-dev libzstd:libzstd-dev
TEST_DEBS = cmocka:libcmocka-dev
PKGS = $(foreach m,$(LIB_DEBS),$(firstword $(subst :, ,$(m))))
TEST_PKGS = $(foreach m,$(TEST_DEBS),$(firstword $(subst :, ,$(m))))

ifdef SANITIZE
BUILD ?= build/sanitize
SANFLAGS = -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
else ifeq ($(READLINE),libedit)
BUILD ?= build/libedit
SANFLAGS =
else
BUILD ?= build
SANFLAGS =
endif

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wwrite-strings
ifeq ($(WERROR),1)
WARN += -Werror
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	$(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) $(LINE_CFLAGS) -Itrainer -Iprogress \
	-DTRAINER_DECKS_DIR='"$(DATADIR)/decks"' -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
LIBS = $(PKG_LIBS) -lm -pthread

ENGINE_SRC = $(filter-out trainer/main.c,$(wildcard trainer/*.c progress/*.c))
ENGINE_OBJ = $(ENGINE_SRC:%.c=$(BUILD)/obj/%.o)
LIB = $(BUILD)/libtrainer.a
PROG = $(BUILD)/trainer

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)

.PHONY: all deps libs-check run test check unit-tests bench fuzz format \
	format-check docs install uninstall clean

all: $(PROG)

# A library whose development files are missing is named, with its
# Debian package, before anything is compiled.
libs-check:
	@command -v $(PKG_CONFIG) >/dev/null 2>&1 || { \
		echo "make: pkg-config is missing (Debian package pkg-config): run 'make deps'" >&2; exit 1; }; \
	for m in $(LIB_DEBS); do \
		$(PKG_CONFIG) --exists $${m%%:*} || { \
			echo "make: the development files of $${m%%:*} are missing (Debian package $${m#*:}): run 'make deps' or 'apt-get install $${m#*:}'" >&2; exit 1; }; \
	done

$(BUILD)/obj/%.o: %.c | libs-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(ENGINE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(PROG): $(BUILD)/obj/trainer/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS)) \
		$(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS) \
		$(shell $(PKG_CONFIG) --libs $(TEST_PKGS))

TOOL_SRC = $(wildcard tests/tools/*.c)
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)

$(BUILD)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

unit-tests: $(UNIT_BIN) $(TOOL_BIN)

# Install what a fresh Debian or Ubuntu machine lacks.  Each library is
# looked up with pkg-config first, so nothing is installed twice.
deps:
	@missing=""; \
	command -v $(CC) >/dev/null 2>&1 || missing="$$missing gcc"; \
	command -v make >/dev/null 2>&1 || missing="$$missing make"; \
	if ! command -v $(PKG_CONFIG) >/dev/null 2>&1; then \
		missing="$$missing pkg-config $(foreach m,$(LIB_DEBS) $(TEST_DEBS),$(lastword $(subst :, ,$(m))))"; \
	else \
		for m in $(LIB_DEBS) $(TEST_DEBS); do \
			$(PKG_CONFIG) --exists $${m%%:*} || missing="$$missing $${m#*:}"; \
		done; \
	fi; \
	/usr/bin/python3 -c 'import pexpect' >/dev/null 2>&1 || missing="$$missing python3 python3-pexpect"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	command -v mandoc >/dev/null 2>&1 || missing="$$missing mandoc"; \
	command -v zsh >/dev/null 2>&1 || missing="$$missing zsh"; \
	if [ -z "$$missing" ]; then echo "make deps: all dependencies are installed"; exit 0; fi; \
	echo "make deps: installing$$missing"; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "make deps: need root or sudo to install$$missing" >&2; exit 1; fi; \
	$$sudo apt-get update -q && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q --no-install-recommends $$missing

run: deps
	@$(MAKE) --no-print-directory all
	$(PROG) review

test: deps
	@$(MAKE) --no-print-directory check

# The tests without installing anything (for developers and packagers).
check: all unit-tests
	@TRAINER=$(PROG) BUILD=$(BUILD) TOOLS=$(BUILD)/tools tests/run

$(BUILD)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

bench: all $(TOOL_BIN) $(BUILD)/bench/gen-reviews $(BUILD)/bench/yaml-parse \
	$(BUILD)/bench/answer-commit $(BUILD)/bench/optimize-eval \
	$(BUILD)/bench/spawn-time
	@TRAINER=$(PROG) BUILD=$(BUILD) tests/bench/run

# The engine sources a fuzz target links with.
FUZZ_LINK = $(addprefix trainer/,util.c diag.c out.c date.c number.c ytree.c \
	anki-text.c protobuf.c \
	deck.c lint.c answer.c diff.c isotime.c fsrs.c replay.c opt.c \
	import.c import-csv.c rfile.c draft.c \
	draft-text.c draft-facts.c draft-names.c)

# Each target fuzz_NAME starts from its seeds in tests/fuzz/corpus-NAME
# (the deck loader from the decks too) and keeps what it finds in
# build/fuzz/corpus-NAME.  A crash leaves build/fuzz/crash-* and the log.
fuzz:
	@mkdir -p build/fuzz
	@for f in $(FUZZ_SRC); do \
		n=$$(basename $$f .c); t=$${n#fuzz_}; \
		clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
			-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
			-Itrainer -Iprogress \
			$(PKG_CFLAGS) -o build/fuzz/$$n $$f $(FUZZ_LINK) $(LIBS) || exit 1; \
		mkdir -p build/fuzz/corpus-$$t; \
		seeds=tests/fuzz/corpus-$$t; \
		[ "$$t" = deck ] && seeds="$$seeds decks tests/bad-decks"; \
		echo "fuzz: $$n for $${FUZZ_SECONDS:-30}s"; \
		build/fuzz/$$n -max_total_time=$${FUZZ_SECONDS:-30} -max_len=16384 \
			-timeout=5 -artifact_prefix=build/fuzz/ build/fuzz/corpus-$$t \
			$$seeds >build/fuzz/$$n.log 2>&1 || \
			{ tail -40 build/fuzz/$$n.log; exit 1; }; \
		tail -1 build/fuzz/$$n.log; \
	done

format:
	clang-format -i $(wildcard trainer/*.[ch] progress/*.[ch] tests/unit/*.c tests/fuzz/*.c tests/tools/*.c tests/bench/*.c)

format-check:
	clang-format --dry-run -Werror $(wildcard trainer/*.[ch] progress/*.[ch] tests/unit/*.c tests/fuzz/*.c tests/tools/*.c tests/bench/*.c)

# The manual's commands and the completions are made from the command
# table; the tests fail when the committed files differ from it.
docs: $(BUILD)/tools/gen-docs
	$(BUILD)/tools/gen-docs man doc/trainer.1.in >doc/trainer.1
	$(BUILD)/tools/gen-docs bash >completions/trainer.bash
	$(BUILD)/tools/gen-docs zsh >completions/_trainer

DECK_FILES = $(notdir $(wildcard decks/*.yaml)) README.md
install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/decks \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/trainer
	install -m 644 $(addprefix decks/,$(DECK_FILES)) $(DESTDIR)$(DATADIR)/decks/
	install -m 644 doc/trainer.1 $(DESTDIR)$(MANDIR)/man1/trainer.1
	install -m 644 completions/trainer.bash $(DESTDIR)$(BASHCOMPDIR)/trainer
	install -m 644 completions/_trainer $(DESTDIR)$(ZSHCOMPDIR)/_trainer

# Exactly what install wrote, and the folders it made when left empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/trainer $(DESTDIR)$(MANDIR)/man1/trainer.1 \
		$(DESTDIR)$(BASHCOMPDIR)/trainer $(DESTDIR)$(ZSHCOMPDIR)/_trainer \
		$(addprefix $(DESTDIR)$(DATADIR)/decks/,$(DECK_FILES))
	rmdir $(DESTDIR)$(DATADIR)/decks $(DESTDIR)$(DATADIR) 2>/dev/null || true

clean:
	rm -rf build

-include $(ENGINE_OBJ:.o=.d) $(BUILD)/obj/trainer/main.d
