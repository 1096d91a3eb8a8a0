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

# ---- commands by a unique start; :h is two ----
printf ':h\n:hi\n:st\n:q\n' | "$TRAINER" --db "$WORK/c.db" --decks "$WORK/d" --seed 1 review >"$WORK/out" 2>&1
has ":h could be :hint or :help" "$(cat "$WORK/out")" "':h' could be :hint or :help"
has ":hi is the hint" "$(cat "$WORK/out")" "hint: "
has ":st is :stats" "$(cat "$WORK/out")" "0 answered, 0 right"
has ":q quits" "$(cat "$WORK/out")" "0 questions"

# ---- a quiz is an exam: :skip brings another card, :undo is not there,
# a hint halves the credit ----
# seed 1 asks Q1, Q2, Q3: Q1 skipped, Q2 right, Q3 right after a hint
printf ':skip\nB2\n:undo\n:hint\nC3\n' | "$TRAINER" --db "$WORK/q.db" --decks "$WORK/d" --seed 1 quiz --count 2 >"$WORK/out" 2>&1
out=$(cat "$WORK/out")
has "a skipped card makes room for another: two questions still" "$out" "[2/2]"
has ":undo is not offered in a quiz" "$out" "in a quiz an answer stands: there is no :undo"
has "the score counts a hinted right answer as half a point" "$out" "score: 1.5/2 (75%), 1 right after a hint at half a point"
is "two answers are logged" "$(sqlite3 "$WORK/q.db" 'SELECT count(*) FROM reviews')" 2
