# 'trainer check' warns on cards that load but teach badly (lint.h); the
# warnings change no exit status, and only 'check' gives them.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

mkdir -p "$WORK/d"
cat >"$WORK/d/w.yaml" <<'YAML'
deck: w
title: Warnings
cards:
  - id: mdt
    type: date
    q: When was the treaty signed?
    a: 1953-10-01
    event: Treaty signed
  - id: opcon
    q: OPCON
    a: operational control
    reverse: true
  - id: gap
    type: cloze
    text: "{{Japan}} would rule Korea, and Japan accepted US rule."
YAML

run check "$WORK/d"
is "a deck with only warnings exits 0" "$status" 0
is "the summary counts the warnings" "$out" "1 deck file, 4 cards: no errors, 3 warnings"
is "one warning line a card, at the card" "$(cut -d: -f3-5 <<<"$err" | paste -sd' ')" "4:5: warning 9:5: warning 13:5: warning"

# A deck with an error is not loaded, so not linted; the good deck beside
# it still is, and the error decides the exit.
printf 'deck: x\ntitle: X\ncards: [{id: a, q: Q, a: A, reverse: true}, {id: b}]\n' >"$WORK/d/x.yaml"
run check "$WORK/d"
is "errors and warnings: the errors decide the exit" "$status" 65
is "errors and warnings: both are counted" "$out" "2 deck files: 2 errors, 3 warnings"
hasnt "a deck with errors gets no warnings" "$err" "x.yaml:3:9: warning"
rm "$WORK/d/x.yaml"

# Loading the decks for anything but 'check' lints nothing.
printf 'y\n' | "$TRAINER" --db "$WORK/t.db" --decks "$WORK/d" review >"$WORK/review.out" 2>"$WORK/review.err"
has "review asks the deck's cards" "$(cat "$WORK/review.out")" "When was the treaty signed?"
is "review prints no warnings" "$(grep -c 'warning' "$WORK/review.err")" 0
run --db "$WORK/t.db" --decks "$WORK/d" cards
is "cards exits 0 on a deck with warnings" "$status" 0
is "cards prints no warnings" "$err" ""

# The help says what check warns about.
run check --help
has "check's help names the warnings" "$out" "warning: MESSAGE"
