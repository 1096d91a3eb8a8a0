# The end of a session and 'trainer sessions' give the same figures,
# rounded the same way, and say which time is which.
. "$(dirname "$0")/lib.bash"
mkdir -p "$WORK/d"
printf 'deck: t\ntitle: T\ncards:\n  - {id: a, q: "Q1?", a: A1}\n  - {id: b, q: "Q2?", a: B2}\n  - {id: c, q: "Q3?", a: C3}\n' >"$WORK/d/t.yaml"
DB=$WORK/p.db
printf 'A1\nB2\nwrong\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 1 quiz --count 3 >"$WORK/out" 2>&1
has "the quiz's score rounds 2 of 3 to 67%" "$(cat "$WORK/out")" "score: 2/3 (67%); "
has "and says which time is which" "$(cat "$WORK/out")" " answering, "
has "...the time in the session too" "$(cat "$WORK/out")" " in the session"
run --db "$DB" --decks "$WORK/d" sessions
has "sessions gives the same 67%" "$out" "2 (67%)"
has "and names its time column" "$out" "answering"
