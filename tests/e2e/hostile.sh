# Hostile input and faults at the session and the program: what a typed
# line may hold, text that would fool a terminal, running out of memory,
# a store that fails mid-session, an answer taken back elsewhere.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }

mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: Test
cards:
  - {id: rhee, q: Who was the first president of the ROK?, a: Syngman Rhee}
YAML
DB=$WORK/p.db
T0=2026-03-01T09:00:00Z

# ---- the input layer ----
printf 'x\0y\nSyngman Rhee\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 quiz --count 1 >"$WORK/out" 2>&1
is "a line with a NUL byte: exit 0" "$?" 0
has "a line with a NUL byte is refused, not cut short" "$(cat "$WORK/out")" "that line holds a NUL byte; it was not checked"
is "and the next line is the answer" "$(q 'SELECT group_concat(answer) FROM reviews')" "Syngman Rhee"

{ head -c 5000 /dev/zero | tr '\0' a; printf '\nSyngman Rhee\n'; } | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 quiz --count 1 >"$WORK/out" 2>&1
has "a 5000-byte answer is refused" "$(cat "$WORK/out")" "that answer is too long (over 4096 bytes); it was not checked"
is "and not logged" "$(q "SELECT count(*) FROM reviews WHERE length(answer) > 4096")" 0
is "the next line is taken" "$(q 'SELECT count(*) FROM reviews')" 2

# ---- text that would fool a terminal ----
mkdir -p "$WORK/bidi"
printf 'deck: bidi\ntitle: Bidi\ncards:\n  - {id: b, q: "Who signed? \xe2\x80\xae1953\xe2\x80\xac", a: Rhee, note: "x\xe2\x80\xa8y\xe2\x81\xa6z"}\n' >"$WORK/bidi/b.yaml"
printf 'Rhee\n' | "$TRAINER" --db "$WORK/bidi.db" --decks "$WORK/bidi" --now $T0 review >"$WORK/out" 2>&1
out=$(cat "$WORK/out")
has "a right-to-left override is shown escaped" "$out" 'Who signed? \u202e1953\u202c'
has "line separators and isolates too" "$out" 'x\u2028y\u2066z'
hasnt "no raw override reaches the terminal" "$out" $'\xe2\x80\xae'

run --db "$WORK/bidi.db" --decks "$WORK/bidi" cards --json
has "in JSON the override is a \\u escape" "$out" '"question": "Who signed? \u202e1953\u202c"'
hasnt "and never raw" "$out" $'\xe2\x80\xae'
is "the JSON still reads back as the deck's text" "$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["question"] == "Who signed? \u202e1953\u202c")')" True
run --db "$WORK/bidi.db" --decks "$WORK/bidi" report --html "$WORK/r"$'\e[2J'".html"
is "a report to a file name with an escape: exit 0" "$status" 0
has "the file name is shown escaped" "$out" "wrote $WORK/r\\x1b[2J.html"
hasnt "never raw" "$out" $'\e'
run --db "$WORK/bidi.db" backup "$WORK/b"$'\xe2\x80\xae'"kcab.db"
has "a backup's file name is shown escaped" "$out" 'kcab.db'
hasnt "its override never raw" "$out" $'\xe2\x80\xae'

# ---- cards without tags: stats and report ----
for args in stats "stats --json" "report --html $WORK/r.html"; do
	run --db "$DB" --decks "$WORK/d" --now $T0 $args
	is "'$args' with no tag on any card: exit 0" "$status" 0
done

# ---- out of memory ----
if ldd "$TRAINER" | grep -q libasan; then
	echo "ok - # skip out of memory: a sanitizer build cannot run under ulimit -v"
else
	{
		printf 'deck: big\ntitle: Big\ncards:\n'
		for i in $(seq 1 20000); do
			printf '  - {id: c%d, q: question number %d with some words, a: answer %d}\n' "$i" "$i" "$i"
		done
	} >"$WORK/big.yaml"
	(ulimit -v 15000; "$TRAINER" check "$WORK/big.yaml") >"$WORK/out" 2>"$WORK/err"
	is "out of memory exits 70" "$?" 70
	has "and says so" "$(cat "$WORK/err")" "trainer: out of memory"
fi

# ---- a store error during :skip ----
DB=$WORK/skip.db
printf ':quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
q "CREATE TRIGGER fail_bury BEFORE UPDATE OF buried_until ON cards BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END"
printf ':skip\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >"$WORK/out" 2>"$WORK/err"
is "a store error during :skip exits 74" "$?" 74
has "it names the problem" "$(cat "$WORK/err")" "the disk is on fire"
has "the session still ends with its summary" "$(cat "$WORK/out")" "0 questions"

# ---- :undo refused because the card was answered in another window ----
DB=$WORK/undo.db
trap "" PIPE # a session that died early must fail the checks, not kill the script
coproc T { "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review 2>&1; }
exec {from}<&"${T[0]}" {to}>&"${T[1]}"
pid=$T_PID
until_line() { # read the session's output until a line holds $1
	local line
	while IFS= read -r -t 20 line <&"$from"; do
		printf '%s\n' "$line" >>"$WORK/undo.out"
		case "$line" in *"$1"*) return 0 ;; esac
	done
	return 1
}
: >"$WORK/undo.out"
printf 'Syngman Rhee\n' >&"$to"
until_line "rated " || echo "# no rating seen"
# the same card, answered again by another trainer a while later
printf 'Rhee\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:30:00Z review >/dev/null 2>&1
printf ':undo\n' >&"$to"
until_line "take it back" || echo "# no refusal seen"
printf ':quit\n' >&"$to"
exec {to}>&-
until_line "question" || echo "# no summary seen"
wait "$pid"
is "a refused :undo does not end the session with an error" "$?" 0
has "it says why the answer stays" "$(cat "$WORK/undo.out")" "cannot take it back: the card has been answered again since"
has "the session ends with its summary" "$(cat "$WORK/undo.out")" "1 question, 1 right"
is "both answers stay in the log" "$(q 'SELECT count(*) FROM reviews')" 2

# ---- names that do not exist are usage errors ----
printf ':quit\n' | "$TRAINER" --db "$WORK/names.db" --decks decks review >/dev/null 2>&1
run --db "$WORK/names.db" --decks decks stats --tag Dates
is "an unknown tag: exit 64" "$status" 64
has "with the closest tag" "$err" "trainer: stats: no card has tag 'Dates' (did you mean 'dates'?)"
run --db "$WORK/names.db" --decks decks quiz --deck us-rok
is "an unknown deck: exit 64" "$status" 64
has "with the decks there are" "$err" "trainer: quiz: no deck is named 'us-rok' (there are 'us-rok-alliance', 'us-rok-command' and 'us-rok-readings')"
run --db "$WORK/names.db" --decks decks review --tag dates --tag peple
has "every tag is checked" "$err" "no card has tag 'peple' (did you mean 'people'?)"
is "and the session does not start" "$(sqlite3 "$WORK/names.db" 'SELECT count(*) FROM sessions')" 0

# ---- a full disk ----
"$TRAINER" --help >/dev/full 2>"$WORK/err"
is "output to a full disk: exit 74" "$?" 74
has "and says the disk is full" "$(cat "$WORK/err")" "cannot write the output: the disk is full"

# ---- a file size limit (ulimit -f) while the database grows ----
DB=$WORK/full.db
rm -f "$DB"
(ulimit -f 8; printf 'x\n' | "$TRAINER" --db "$DB" --decks decks review) >"$WORK/out" 2>"$WORK/err"
is "a database that cannot be created whole: exit 74" "$?" 74
has "the disk is full, it says" "$(cat "$WORK/err")" "the disk is full (or a file size limit was reached)"
is "and no half-made database is left" "$(ls "$WORK" | grep -c '^full\.db')" 0
printf ':quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
before=$(sqlite3 "$DB" 'SELECT count(*) FROM reviews')
(ulimit -f 1; printf 'Syngman Rhee\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review) >"$WORK/out" 2>"$WORK/err"
is "an answer that cannot be written: exit 74, no signal" "$?" 74
has "says the disk is full" "$(cat "$WORK/err")" "the disk is full"
is "nothing half written" "$(sqlite3 "$DB" 'SELECT count(*) FROM reviews')" "$before"
run --db "$DB" db check
is "and the database checks out" "$status" 0

# ---- the worst problem decides the exit status ----
mkdir -p "$WORK/mixed"
cp "$WORK/d/t.yaml" "$WORK/mixed/"
printf 'deck: broken\ntitle: Broken\ncards:\n  - {id: x, q: Q}\n' >"$WORK/mixed/broken.yaml"
DB=$WORK/mixed.db
printf 'Syngman Rhee\n' | "$TRAINER" --db "$DB" --decks "$WORK/mixed" --now $T0 review >"$WORK/out" 2>"$WORK/err"
is "a broken deck beside a good one: the session runs, exit 65" "$?:$(grep -c '^rated ' "$WORK/out")" "65:1"
has "the broken deck is named" "$(cat "$WORK/err")" "broken.yaml:4:5: error"
q "CREATE TRIGGER fail_bury BEFORE UPDATE OF buried_until ON cards BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END"
printf ':skip\n' | "$TRAINER" --db "$DB" --decks "$WORK/mixed" --now 2026-03-20T09:00:00Z review >"$WORK/out" 2>"$WORK/err"
is "a broken deck, then a store error: the store error's 74 wins" "$?" 74
run check "$WORK/mixed/broken.yaml" "$WORK/nothing-here.yaml"
is "check: a missing file (66) wins over a broken one (65)" "$status" 66

# ---- two deck files with one name: the second is refused at sync ----
mkdir -p "$WORK/twins"
cp "$WORK/d/t.yaml" "$WORK/twins/a.yaml"
cp "$WORK/d/t.yaml" "$WORK/twins/b.yaml"
printf ':quit\n' | "$TRAINER" --db "$WORK/twins.db" --decks "$WORK/twins" review >"$WORK/out" 2>"$WORK/err"
is "two decks with one name: exit 65" "$?" 65
has "the second is named, with the first" "$(cat "$WORK/err")" "b.yaml:1:7: error: deck name 't' is already used by $WORK/twins/a.yaml"
is "and the first synced once" "$(sqlite3 "$WORK/twins.db" 'SELECT count(*) FROM decks')" 1

# ---- the database is input too: a tag planted in it is shown escaped ----
DB=$WORK/planted.db
printf 'Syngman Rhee\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
q "INSERT INTO card_tags (card_id, tag) SELECT id, 'evil'||char(27)||'[2J' FROM cards"
run --db "$DB" --decks "$WORK/d" --now $T0 stats
is "stats with a planted tag: exit 0" "$status" 0
has "the tag is shown escaped" "$out" 'evil\x1b[2J'
hasnt "never raw" "$out" $'\e'
run --db "$DB" --decks "$WORK/d" --now $T0 stats --json
has "in JSON it is a \\u escape" "$out" 'evil\u001B[2J'

# ---- settings in the database are input too ----
DB=$WORK/settings.db
printf ':quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
for bad in 0x1p-1 inf nan " 0.9" "0.9x"; do
	q "INSERT OR REPLACE INTO settings (key, value) VALUES ('desired-retention', '$bad')"
	printf ':quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >"$WORK/out" 2>"$WORK/err"
	is "a desired-retention of '$bad' is refused: exit 65" "$?" 65
	has "and named" "$(cat "$WORK/err")" "the setting 'desired-retention' is '$bad'"
done

# ---- replay: card ids are shown escaped ----
printf 'card,time,rating\nab\xe2\x80\xaecd,2026-03-01T09:00:00Z,3\n' | "$TRAINER" replay >"$WORK/out" 2>&1
has "a replayed card id with an override is shown escaped" "$(cat "$WORK/out")" 'ab\u202ecd,2026-03-01'
hasnt "never raw" "$(cat "$WORK/out")" $'\xe2\x80\xae'

# ---- every matching card suspended: quiz, drill and review say so ----
DB=$WORK/susp.db
printf ':suspend\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
for mode in quiz drill review; do
	printf 'x\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 $mode >"$WORK/out" 2>&1
	has "$mode with every card suspended says so" "$(cat "$WORK/out")" "every card that matches is suspended (1 card)"
done

# ---- a question of several lines is one line in stats' hardest cards ----
mkdir -p "$WORK/ml"
printf 'deck: ml\ntitle: ML\ncards:\n  - id: m\n    type: date\n    q: |\n      Line one of the question\n      and line two?\n    a: 1953-10-01\n' >"$WORK/ml/ml.yaml"
DB=$WORK/ml.db
printf '1953-10-01\n1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/ml" --now 2026-03-01T18:00:00Z review >/dev/null 2>&1
printf '1900\n' | "$TRAINER" --db "$DB" --decks "$WORK/ml" --now 2026-03-04T09:00:00Z review --limit 1 >/dev/null 2>&1
is "the card has lapsed once" "$(q 'SELECT lapses FROM cards')" 1
run --db "$DB" --decks "$WORK/ml" --now 2026-03-04T09:05:00Z stats
has "stats shows the question on one line" "$out" "Line one of the question and line two?"
hasnt "with no literal \\n" "$out" 'question\n'
