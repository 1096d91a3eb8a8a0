# The manual page and the shell completions are made from the command
# table: the committed files are what the table makes now, the manual
# passes mandoc's lint, and the bash completion offers commands, options,
# deck names, tags, cards and files.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."
GEN=${TOOLS:-build/tools}/gen-docs

"$GEN" man doc/trainer.1.in >"$WORK/trainer.1"
is "doc/trainer.1 is what the command table makes (run 'make docs')" \
	"$(diff doc/trainer.1 "$WORK/trainer.1" && echo same)" same
"$GEN" bash >"$WORK/trainer.bash"
is "completions/trainer.bash is what the table makes" \
	"$(diff completions/trainer.bash "$WORK/trainer.bash" && echo same)" same
"$GEN" zsh >"$WORK/_trainer"
is "completions/_trainer is what the table makes" \
	"$(diff completions/_trainer "$WORK/_trainer" && echo same)" same

if command -v mandoc >/dev/null 2>&1; then
	is "mandoc -T lint finds nothing in the manual" "$(mandoc -T lint doc/trainer.1 2>&1)" ""
	page=$(mandoc -T ascii doc/trainer.1 | col -b)
	for c in $("$TRAINER" names commands); do
		has "the manual has a section for '$c'" "$page" "trainer $c"
	done
	for v in TRAINER_DB XDG_DATA_HOME NO_COLOR TZ INPUTRC; do
		has "the manual names $v" "$page" "$v"
	done
	has "...and the exit codes" "$page" "An output file that must not be replaced exists"
else
	echo "not ok - mandoc is missing (make deps installs it)"
fi

if command -v zsh >/dev/null 2>&1; then
	zsh -n completions/_trainer && echo "ok - the zsh completion parses" || echo "not ok - the zsh completion parses"
	is "...and compinit takes it for trainer" "$(HOME=$WORK zsh -f -c "fpath=($PWD/completions \$fpath); autoload -U compinit; compinit -u -d $WORK/zcd; print \${_comps[trainer]}")" "_trainer"
else
	echo "not ok - zsh is missing (make deps installs it)"
fi

# the bash completion, as bash calls it
bash -n completions/trainer.bash && echo "ok - the bash completion parses" || echo "not ok - the bash completion parses"
mkdir -p "$WORK/d" "$WORK/files"
cat >"$WORK/d/h.yaml" <<'YAML'
deck: history
title: History
cards:
  - {id: armistice, q: Armistice?, a: 1953, tags: [dates]}
  - {id: treaty, q: Treaty?, a: 1882, tags: [dates, treaties]}
YAML
touch "$WORK/files/deck-one.yaml" "$WORK/files/deck-two.yaml"
complete_line() { # WORDS...: the completions bash offers for the last word
	bash -c '
		. completions/trainer.bash
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_trainer; printf "%s\n" "${COMPREPLY[@]}"' complete "$@"
}
bindir=$(dirname "$TRAINER")
export PATH="$bindir:$PATH"
is "commands complete" "$(complete_line trainer su)" "suspend"
is "a command's options complete" "$(complete_line trainer quiz --co)" "--count"
is "...every one that fits" "$(complete_line trainer quiz --c | paste -sd" ")" "--count --chronology"
is "global options complete" "$(complete_line trainer --de)" "--decks"
is "a deck name completes, from the deck files before there is a database" \
	"$(complete_line trainer --db "$WORK/p.db" --decks "$WORK/d" review --deck hi)" "history"
is "...a tag" "$(complete_line trainer --db "$WORK/p.db" --decks "$WORK/d" drill --tag tr)" "treaties"
printf '' | "$TRAINER" --db "$WORK/p.db" --decks "$WORK/d" review >/dev/null 2>&1
is "...a card to suspend, from the database" \
	"$(complete_line trainer --db "$WORK/p.db" --decks "$WORK/d" suspend history/a)" "history/armistice"
is "...a setting" "$(complete_line trainer config learn)" "learn-ahead
learning-steps"
is "...files where a file is wanted" "$(complete_line trainer check "$WORK/files/deck-" | sort)" "$WORK/files/deck-one.yaml
$WORK/files/deck-two.yaml"
is "...the words of db" "$(complete_line trainer db p)" "path"
