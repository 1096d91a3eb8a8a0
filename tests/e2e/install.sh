# 'make install' into a DESTDIR: the program, the bundled decks (found by
# the installed program wherever it is run from), the manual page and the
# completions; 'make uninstall' takes away exactly those.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."
root=$WORK/root
make -s -o "$TRAINER" install DESTDIR="$root" PREFIX=/opt/tr PROG="$TRAINER" >"$WORK/make.out" 2>&1
is "make install exits 0" "$?" 0
is "it installs the program, decks, manual and completions" \
	"$(cd "$root" && find . -type f | sort)" \
	"$(printf '%s\n' ./opt/tr/bin/trainer \
		./opt/tr/share/bash-completion/completions/trainer \
		./opt/tr/share/man/man1/trainer.1 \
		$(cd decks && ls *.yaml README.md | sed 's|^|./opt/tr/share/trainer/decks/|') \
		./opt/tr/share/zsh/site-functions/_trainer | sort)"
mkdir -p "$WORK/elsewhere"
out=$(cd "$WORK/elsewhere" && HOME=$WORK/home "$root/opt/tr/bin/trainer" check 2>&1)
has "the installed program finds its decks from another folder" "$out" "3 deck files"
out=$(cd "$WORK/elsewhere" && printf '' | HOME=$WORK/home "$root/opt/tr/bin/trainer" names decks)
is "...and reads them" "$out" "$(cd decks && ls *.yaml | sed 's/\.yaml$//')"
if command -v mandoc >/dev/null 2>&1; then
	has "the installed manual reads" "$(mandoc -T ascii "$root/opt/tr/share/man/man1/trainer.1" | col -b)" "trainer review"
fi
make -s uninstall DESTDIR="$root" PREFIX=/opt/tr >"$WORK/make.out" 2>&1
is "make uninstall exits 0" "$?" 0
is "...and leaves no file" "$(find "$root" -type f)" ""
is "...and no folder of its own" "$(find "$root" -path '*share/trainer*')" ""

# a library whose development files are missing is named with its Debian
# package before anything is compiled
out=$(make -s libs-check LIB_DEBS="yaml-0.1:libyaml-dev nosuchlib-trainer:libnosuch-dev" 2>&1)
is "a missing library stops the build" "$?" 2
has "...naming it and its Debian package" "$out" "the development files of nosuchlib-trainer are missing (Debian package libnosuch-dev): run 'make deps' or 'apt-get install libnosuch-dev'"
