# :undo in a drill: taking back a wrong answer while its copy is on
# screen asks the card once more, not twice.
. "$(dirname "$0")/lib.bash"
mkdir -p "$WORK/d"
printf 'deck: two\ntitle: Two\ncards:\n  - {id: a, q: "Q1?", a: A1}\n  - {id: b, q: "Q2?", a: B2}\n' >"$WORK/d/t.yaml"
DB=$WORK/p.db
# seed 1 asks Q1 then Q2; Q2 wrong comes back at once (the last card),
# and :undo on that copy takes the wrong answer back
printf 'A1\nx\n:undo\nB2\nB2\nB2\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 1 drill >"$WORK/out" 2>&1
out=$(cat "$WORK/out")
is "the drill asks in the expected order" "$(grep -E '^Q[12]\?' "$WORK/out" | paste -sd' ')" "Q1? Q2? Q2? Q2?"
has "the wrong answer is taken back" "$out" "taken back: that answer is gone"
is "the last card is asked once more, then the drill ends" "$(grep -c '^> B2' "$WORK/out")" 1
is "one right answer each is logged, the wrong one is gone" "$(sqlite3 "$DB" "SELECT group_concat(answer || ':' || verdict, ' ') FROM reviews")" "A1:right B2:right"
has "the summary counts two questions" "$out" "2 questions, 2 right (100%)"

# :note after an :undo names the card answered before, never the one
# taken back (asked again, its note would give the answer away)
printf 'deck: n\ntitle: N\ncards:\n  - {id: a, q: "Q1?", a: A1, note: "note one"}\n  - {id: b, q: "Q2?", a: B2, note: "the answer is B2"}\n  - {id: c, q: "Q3?", a: C3}\n' >"$WORK/d/t.yaml"
printf 'A1\nB2\n:undo\n:note\n:undo\n:note\n:q\n' | "$TRAINER" --db "$WORK/n.db" --decks "$WORK/d" --now 2026-03-01T09:00:00Z review >"$WORK/out" 2>&1
out=$(cat "$WORK/out")
has "after one :undo, :note names the card before" "$out" "note of the last card (Q1?): note one"
has "after both are taken back, no card was answered" "$out" "no card answered yet"
hasnt "the note of the card taken back is not shown by :note" "$(grep '^note of' "$WORK/out")" "the answer is B2"
