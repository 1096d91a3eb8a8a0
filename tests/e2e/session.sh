# Scripted sessions through pipes: review, quiz and drill on a small deck
# with --now and --seed, and what the database holds afterwards.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }

mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: Test
cards:
  - {id: rhee, q: Who was the first president of the ROK?, a: Syngman Rhee, accept: [Rhee], tags: [people], note: Elected in 1948.}
  - {id: mdt, type: date, q: When was the Mutual Defense Treaty signed?, a: 1953-10-01, tags: [dates]}
  - {id: aid, type: number, q: How much economic aid came in 1953-1961?, a: 2.3 billion, unit: $, tolerance: 0.1 billion, tags: [figures]}
  - {id: arm, type: date, q: When was the armistice signed?, a: 1953-07-27, tags: [dates], hint: Late July.}
YAML
DB=$WORK/p.db
T0=2026-03-01T09:00:00Z
session() { # answers (printf format) then trainer arguments
	local answers=$1
	shift
	printf "$answers" | "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 1 "$@" >"$WORK/out" 2>"$WORK/err"
	status=$?
	out=$(cat "$WORK/out")
	err=$(cat "$WORK/err")
}

# ---- review ----
session 'Rhee\n1 October 1953\n2.5 billion\n1953\n' --now $T0 review
is "review exits 0" "$status" 0
is "the first review says where it created the database" "$err" "trainer: created the progress database $DB"
has "the question is shown" "$out" "Who was the first president of the ROK?"
has "the type of answer is shown" "$out" "· a date"
has "the answer typed is echoed" "$out" "> 1 October 1953"
has "a right answer says so" "$out" "right: Syngman Rhee"
has "the note follows the answer" "$out" "  Elected in 1948."
has "a wrong number says how far off" "$out" "too high"
has "a year for a full date is partly right" "$out" "partly right: the answer is 27 July 1953"
has "the suggested rating is taken" "$out" "rated Good: next in 10m"
has "a wrong answer is rated Again" "$out" "rated Again: next in 1m"
has "a partly right answer is rated Hard" "$out" "rated Hard: next in 6m"
has "the summary counts the answers" "$out" "4 questions, 2 right (50%)"
has "the summary gives the tags" "$out" "by tag: people 1/1, dates 1/2, figures 0/1"
has "the summary says when the next card is due" "$out" "next card due 2026-03-01 09:01 (in 1m)"
is "four answers are in the log" "$(q 'SELECT count(*) FROM reviews')" 4
is "with their verdicts and ratings" "$(q "SELECT group_concat(verdict || ':' || rating, ' ') FROM (SELECT * FROM reviews ORDER BY id)")" "right:3 right:3 wrong:1 partial:2"
is "and what was typed" "$(q "SELECT answer FROM reviews WHERE rating = 1")" "2.5 billion"
is "the cards moved to learning" "$(q "SELECT group_concat(state) FROM cards")" "1,1,1,1"
is "the session is recorded" "$(q "SELECT mode, questions, right, ended_at >= started_at FROM sessions")" "review|4|2|1"
is "the session's filters are recorded" "$(q "SELECT filters FROM sessions")" '{"deck":null,"tags":[],"new":null,"limit":null}'

# Learning cards come back within the session (learn-ahead, 20 minutes):
# wrong (Again, 1m), right (Good, 10m), right (Good: graduates).
mkdir -p "$WORK/one"
printf 'deck: one\ntitle: One\ncards:\n  - {id: mdt, type: date, q: When?, a: 1953-10-01}\n' >"$WORK/one/one.yaml"
DB=$WORK/learn.db
session '1935\n1953-10-01\n1 October 1953\n' --decks "$WORK/one" --now $T0 review
is "a learning card comes back twice in one session" "$(grep -c '^When?' "$WORK/out")" 3
is "its three answers are logged" "$(q 'SELECT group_concat(rating) FROM reviews')" "1,3,3"
is "it has graduated to review" "$(q 'SELECT state FROM cards')" 2
has "the summary says when it is next due" "$out" "next card due 2026-03-0"

# Two windows on one card: A shows the question, B answers the card, then
# A answers.  A's answer must be saved, scheduled from B's new state.
DB=$WORK/two.db
mkfifo "$WORK/a.in"
"$TRAINER" --db "$DB" --decks "$WORK/one" --now $T0 review <"$WORK/a.in" >"$WORK/a.out" 2>&1 &
apid=$!
exec 7>"$WORK/a.in"
for _ in $(seq 1 100); do grep -q '^When?' "$WORK/a.out" && break; sleep 0.05; done
session '1953-10-01\n' --decks "$WORK/one" --now $T0 review --limit 1
is "the second window answers first" "$status:$(q 'SELECT count(*) FROM reviews')" "0:1"
echo 1935 >&7
exec 7>&-
wait $apid
is "the first window's answer is saved too" "$?:$(q 'SELECT count(*) FROM reviews')" "0:2"
is "...scheduled from the state the other window left" "$(q 'SELECT b_reps, b_state FROM reviews ORDER BY id DESC LIMIT 1')" "1|1"
run --db "$DB" --decks "$WORK/one" db check
is "the card agrees with its log" "$status" 0

# ---- the daily new-card limit, across sessions ----
DB=$WORK/limit.db
session ':dunno\n:dunno\n:dunno\n:dunno\n' --now $T0 review --new 2 --limit 2
is "--new 2 --limit 2: two questions" "$(q 'SELECT count(*) FROM reviews')" 2
session ':dunno\n:dunno\n:dunno\n:dunno\n' --now 2026-03-01T15:00:00Z review --new 2
is "later the same day no new card is left" "$(q "SELECT count(*) FROM reviews WHERE b_state = 0")" 2
has "it says so" "$out" "0 new cards left today"
session ':dunno\n:dunno\n:dunno\n:dunno\n:dunno\n:dunno\n:dunno\n:dunno\n' --now 2026-03-02T09:00:00Z review --new 2
is "the next day two more new cards" "$(q "SELECT count(*) FROM reviews WHERE b_state = 0")" 4

# ---- nothing due ----
DB=$WORK/done.db
session '' --now $T0 review --new 0
has "nothing due says so" "$out" "nothing is due now: no card is scheduled yet; 0 new cards left today"
has "and what to do instead" "$out" "to study anyway: 'trainer quiz' or 'trainer drill', or 'trainer review --new N' for more new cards than the day's limit"
hasnt "with no empty score" "$out" "0 questions"
DB=$WORK/learn.db
session '' --decks "$WORK/one" --now 2026-03-01T10:00:00Z review
has "nothing due gives the next due time" "$out" "next card due 2026-03-0"

# ---- commands at the prompt ----
mkdir -p "$WORK/c"
cat >"$WORK/c/c.yaml" <<'YAML'
deck: c
title: Commands
cards:
  - {id: arm, type: date, q: When was the armistice signed?, a: 1953-07-27, hint: Late July., note: At Panmunjom.}
  - {id: c2, q: Second?, a: two}
  - {id: c3, q: Third?, a: three}
YAML
DB=$WORK/cmd.db
session ':note\n:hint\nJuly 27 1953\n:note\n:undo\n27 July 1953\n:skip\n:suspend\n:help\n:nope\n:stats\n:quit\n' --decks "$WORK/c" --now $T0 review
has ":note before any answer says so" "$out" "no card answered yet"
has ":hint shows the deck's hint" "$out" "hint: Late July."
has "a hinted right answer is at most Hard" "$out" "rated Hard"
has ":note shows the last card's note, naming it" "$out" "note of the last card (When was the armistice signed?): At Panmunjom."
has ":undo takes the answer back" "$out" "taken back: that answer is gone"
is "the card taken back is asked again" "$(grep -c '^When was the armistice signed?' "$WORK/out")" 3
has ":skip skips until tomorrow" "$out" "skipped until tomorrow"
has ":suspend suspends" "$out" "suspended: this card will not be asked again"
has ":help lists the commands" "$out" ":undo     take back the last answer"
has "an unknown command is named" "$out" "unknown command ':nope'; :help lists them"
has ":stats tells how it goes" "$out" "1 answered, 1 right"
has ":quit ends with the summary" "$out" "1 question, 1 right (100%)"
is "after the undo only the second answer is logged" "$(q "SELECT group_concat(answer) FROM reviews")" "27 July 1953"
is "...rated Good, not Hard" "$(q "SELECT rating FROM reviews")" 3
is "the skipped card is buried until tomorrow 04:00" "$(q "SELECT key || ' ' || datetime(buried_until, 'unixepoch') FROM cards WHERE buried_until > 0")" "c2 2026-03-02 04:00:00"
is "the suspended card is marked" "$(q "SELECT key FROM cards WHERE suspended = 1")" c3

# ---- quiz ----
DB=$WORK/quiz.db
session '$2.3B\nRhee\n1953\n1935\n' --now $T0 quiz --count 4
is "quiz exits 0" "$status" 0
has "quiz shows its progress" "$out" "[1/4]"
has "quiz ends with a score" "$out" "score: 2/4 (50%)"
has "quiz lists what to go over" "$out" "to go over:"
has "with what was typed and the right answer" "$out" "you: 1935; the answer: "
is "quiz answers are logged" "$(q 'SELECT count(*) FROM reviews WHERE scheduled = 0')" 4
is "the schedule is untouched" "$(q 'SELECT count(*) FROM cards WHERE state != 0 OR reps != 0')" 0
is "the quiz session is recorded" "$(q "SELECT mode || ' ' || questions || ' ' || right FROM sessions")" "quiz 4 2"
session 'Rhee\n' --now $T0 quiz --count 1 --tag people
has "quiz --tag" "$out" "Who was the first president of the ROK?"

# ---- drill ----
DB=$WORK/drill.db
session '1935\n1953-07-27\n1953-10-01\n1 October 1953\n27 July 1953\n' --now $T0 drill --tag dates
is "drill exits 0" "$status" 0
n=$(grep -c '^> ' "$WORK/out")
[ "$n" -ge 3 ] && echo "ok - a wrong card comes back in a drill ($n answers for 2 cards)" || echo "not ok - a wrong card comes back in a drill ($n answers)"
is "drill ends once each card was right once" "$(q "SELECT group_concat(n) FROM (SELECT sum(verdict IN ('right', 'close')) AS n FROM reviews GROUP BY card_id)")" "1,1"
is "...and no answer comes after a card's right one" "$(q "SELECT count(*) FROM reviews r WHERE EXISTS (SELECT 1 FROM reviews x WHERE x.card_id = r.card_id AND x.id < r.id AND x.verdict IN ('right', 'close'))")" 0
has "drill's summary counts the answers" "$out" "$n questions, 2 right"
is "drill leaves the schedule alone" "$(q 'SELECT count(*) FROM cards WHERE reps != 0')" 0
is "drill answers are logged as a drill" "$(q "SELECT mode FROM sessions")" drill

# ---- the diff: shown for a near miss, not for an unrelated answer ----
mkdir -p "$WORK/n"
printf 'deck: n\ntitle: N\ncards:\n  - {id: r, q: Who?, a: Syngman Rhee}\n  - {id: m, q: Whom?, a: Syngman Rhee}\n' >"$WORK/n/n.yaml"
DB=$WORK/diff.db
session 'Syngmun Ree\nno idea\n' --decks "$WORK/n" --now $T0 quiz --count 2
has "a near miss shows what differed" "$out" "  you typed:    Syngmun Ree
                     ^
  the answer:   Syngman Rhee
                     ^   ^"
is "an unrelated answer shows no diff" "$(grep -c 'you typed' "$WORK/out")" 1

# ---- the same seed gives the same order ----
DB=$WORK/s1.db
session 'x\nx\nx\nx\n' --now $T0 quiz --count 4
a=$(grep -A1 '^\[' "$WORK/out" | grep -v '^\[' )
DB=$WORK/s2.db
session 'x\nx\nx\nx\n' --now $T0 quiz --count 4
b=$(grep -A1 '^\[' "$WORK/out" | grep -v '^\[' )
is "--seed makes the order reproducible" "$a" "$b"

# ---- deck text is printed safely ----
cat >"$WORK/d/e.yaml" <<'YAML'
deck: e
title: Escapes
cards:
  - {id: esc, q: "Red \e[31malert\e[0m and a bell \a?", a: x}
YAML
DB=$WORK/esc.db
session 'x\n' --now $T0 review --deck e
has "an escape sequence in a deck is shown escaped" "$out" 'Red \x1b[31malert\x1b[0m and a bell \x07?'
hasnt "no raw escape reaches the output" "$out" $'\e'

# ---- usage ----
run review --new x
is "review --new x exits 64" "$status" 64
run quiz --count 0
is "quiz --count 0 exits 64" "$status" 64
run --decks "$WORK/d" --db "$WORK/u.db" review --deck nope </dev/null
is "an unknown deck exits 64" "$status" 64
