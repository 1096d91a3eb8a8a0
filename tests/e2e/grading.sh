# Fair grading through pipes: answers that cannot be read are asked again
# and change nothing; :dunno and ? give up (wrong, Again); close answers
# show what was typed against the closest alternative, readable without
# colour.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }

mkdir -p "$WORK/d"
cat >"$WORK/d/g.yaml" <<'YAML'
deck: g
title: Grading
cards:
  - {id: mdt, type: date, q: When was the Mutual Defense Treaty signed?, a: 1953-10-01}
YAML
T0=2026-03-01T09:00:00Z
session() { # deck file, answers (printf format), then trainer arguments
	local deck=$1 answers=$2
	shift 2
	mkdir -p "$WORK/deck"
	rm -f "$WORK/deck"/*.yaml
	printf '%s\n' "$deck" >"$WORK/deck/g.yaml"
	printf "$answers" | "$TRAINER" --db "$DB" --decks "$WORK/deck" --seed 1 --now $T0 "$@" >"$WORK/out" 2>"$WORK/err"
	status=$?
	out=$(cat "$WORK/out")
	err=$(cat "$WORK/err")
}
DATE='deck: g
title: G
cards:
  - {id: mdt, type: date, q: When was the Mutual Defense Treaty signed?, a: 1953-10-01}'

# ---- an ambiguous date, an empty line, not a date: asked again ----
DB=$WORK/amb.db
session "$DATE" '1/10/1953\n\nabc\n' review
is "unreadable answers end the session cleanly" "$status" 0
has "an ambiguous date is named so" "$out" "1/10/1953 is ambiguous: write 1 Oct 1953 or 1953-10-01"
has "an empty line is not judged" "$out" "no answer: type one, or :dunno to give up"
has "a non-date is not judged" "$out" "not a date: write it like 1 October 1953"
hasnt "none of them is judged wrong" "$out" "wrong:"
is "the question was shown once" "$(grep -c '^When was' "$WORK/out")" 1
is "nothing is logged" "$(q 'SELECT count(*) FROM reviews')" 0
is "the card is still new" "$(q 'SELECT state FROM cards')" 0

# in a pipe the next line is the new try
DB=$WORK/retry.db
session "$DATE" '1/10/1953\n1 Oct 1953\n' review
has "after the ambiguous date the next line is judged" "$out" "right: 1 October 1953"
is "one answer is logged, the readable one" "$(q 'SELECT group_concat(answer || ":" || verdict || ":" || rating) FROM reviews')" "1 Oct 1953:right:3"

# ---- a choice out of range, an order that is not each item once ----
DB=$WORK/choice.db
session 'deck: g
title: G
cards:
  - {id: who, type: choice, q: Who negotiated the treaty?, choices: [Dulles, Acheson, Rhee, Truman], a: Dulles}' '7\n' review
has "a choice out of range is not judged" "$out" "there are only 4 choices"
session 'deck: g
title: G
cards:
  - {id: ord, type: order, q: Put in order, items: [Treaty 1882, Taft-Katsura, Armistice]}' '1 1 2\n' review
has "an order that repeats an item is not judged" "$out" "give each number 1 to 3 once"
is "neither is logged" "$(q 'SELECT count(*) FROM reviews')" 0

# ---- :dunno and ? give up: wrong, rated Again ----
DB=$WORK/dunno.db
session "$DATE" ':dunno\n' review
has ":dunno shows the answer" "$out" "wrong: the answer is 1 October 1953"
has ":dunno is rated Again" "$out" "rated Again"
is ":dunno is logged as wrong with rating 1" "$(q 'SELECT verdict || ":" || rating FROM reviews')" "wrong:1"
DB=$WORK/qmark.db
session "$DATE" '?\n' review
is "? is logged as wrong with rating 1" "$(q 'SELECT verdict || ":" || rating FROM reviews')" "wrong:1"
session "$DATE" ':help\n:quit\n' review
has ":help lists :dunno" "$out" ":dunno"

# ---- close answers: accepted once, two aligned lines marked with carets ----
DB=$WORK/close.db
session 'deck: g
title: G
cards:
  - {id: rhee, q: Who was the first president?, a: Syngman Rhee, accept: [Rhee Syngman]}' 'syngmun ree\n' review
has "a close answer is accepted once, with the spelling" "$out" "close enough, accepted: the spelling is Syngman Rhee"
hasnt "...and not said twice" "$out" "close: the spelling is"
has "what was typed, exactly, and the answer, aligned and marked" "$out" "  you typed:    syngmun ree
                     ^
  the answer:   Syngman Rhee
                     ^   ^"
hasnt "no {+ +} or [- -] marks without colour" "$out" "{+"
is "a close answer is logged as close, rated Hard" "$(q 'SELECT verdict || ":" || rating FROM reviews')" "close:2"
DB=$WORK/closest.db
session 'deck: g
title: G
cards:
  - {id: rhee, q: Who was the first president?, a: Syngman Rhee, accept: [Rhee Syngman]}' 'Rhee Syngmn\n' review
has "the closest alternative is named as such" "$out" "  you typed:    Rhee Syngmn
  closest form: Rhee Syngman
                          ^"
