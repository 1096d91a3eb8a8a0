# 'trainer export cards|reviews', 'trainer history CARD' and
# 'trainer cards --search': what a learner takes to other tools, and
# finding a card again.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/h.yaml" <<'YAML'
deck: history
title: History
cards:
  - {id: armistice, type: date, q: "When was the armistice signed (day)?", a: 1953-07-27, tags: [dates]}
  - {id: cfc, q: "CFC stands for?", a: "Combined Forces Command", note: "Set up in 1978, \"the\" command", tags: [commands, acronyms]}
  - {id: seoul, q: "Capital, with a comma, of Korea?", a: "Séoul", accept: [서울], tags: [places]}
YAML
touch -d 2026-01-01 "$WORK/d/h.yaml"
DB=$WORK/p.db
printf '1953-07-27\nCombined Forces\nSeoul\n' |
	"$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z review >/dev/null 2>&1
printf ':dunno\n:dunno\n:dunno\n' |
	"$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-02T09:00:00Z quiz --count 3 >/dev/null 2>&1

# ---- the review log ----
run --db "$DB" --decks "$WORK/d" export reviews
is "export reviews exits 0" "$status" 0
is "the header has the FSRS columns first" "${out%%$'\n'*}" \
	"card_id,review_time,review_rating,review_state,review_duration,deck,card,answer,verdict"
is "only the scheduled answers, one row each" "$(printf '%s\n' "$out" | sed 1d | wc -l)" 3
want=$(sqlite3 -list -separator , "$DB" "SELECT r.card_id, r.time * 1000, r.rating, r.b_state, r.duration_ms, 'history', c.key, r.answer, r.verdict FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.scheduled = 1 ORDER BY r.id" | tr -d '\r')
is "every row as the database holds it (ms, ratings 1-4, the state before)" "$(printf '%s\n' "$out" | sed 1d)" "$want"
is "a new card's first answer has state 0" "$(printf "%s\n" "$out" | grep -cE "^[0-9]+,17723556[0-9]{5},3,0,[0-9]+,history,armistice,")" 1
run --db "$DB" --decks "$WORK/d" export reviews --all
is "--all adds the quiz answers" "$(printf '%s\n' "$out" | sed 1d | wc -l)" 6
has "...unrated (rating 0)" "$out" ",0,1,"
run --db "$DB" --decks "$WORK/d" export reviews --deck nosuch
is "an unknown deck exits 64" "$status" 64
has "...naming it" "$err" "no deck is named 'nosuch'"
run --db "$DB" export reviews --json
is "the log is CSV only: exit 64" "$status" 64
run --db "$DB" export reviews --tag dates
is "the log keeps no tags: --tag exits 64" "$status" 64
run --db "$DB" export
is "export without what: exit 64" "$status" 64
run --db "$DB" export everything
has "an unknown export is named" "$err" "unknown export 'everything' (say cards, reviews or deck)"

# ---- the cards ----
run --db "$DB" --decks "$WORK/d" export cards
is "export cards exits 0" "$status" 0
is "its header" "${out%%$'\n'*}" "id,deck,type,question,answer,tags,state,due,stability,difficulty,reps,lapses,suspended"
got=$(printf '%s\n' "$out" | /usr/bin/python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), rows[1]["question"], "|", rows[1]["tags"], "|", rows[2]["question"], "|", rows[2]["answer"], "|", rows[0]["state"], rows[0]["reps"])')
is "a CSV reader gets every card, commas and quotes intact" "$got" \
	"3 CFC stands for? | commands acronyms | Capital, with a comma, of Korea? | Séoul | learning 1"
run --db "$DB" --decks "$WORK/d" export cards --json
json=$out
run --db "$DB" --decks "$WORK/d" cards --json
is "export cards --json is the cards listing" "$json" "$out"
run --db "$DB" --decks "$WORK/d" export cards --tag dates
is "--tag selects" "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1)" "armistice"
run --db "$DB" export cards --csv --json
is "two formats: exit 64" "$status" 64
run --db "$DB" export cards --all
is "--all with cards: exit 64" "$status" 64

# ---- one card's history ----
sed -i 's/CFC stands for?/What does CFC stand for?/' "$WORK/d/h.yaml"
touch -d 2026-01-02 "$WORK/d/h.yaml"
printf '' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-03T09:00:00Z review >/dev/null 2>&1
run --db "$DB" --decks "$WORK/d" history cfc
is "history exits 0" "$status" 0
is "history: the card, its state, its answers and its edit, oldest first" "$out" \
	"card: history/cfc (text)
question: What does CFC stand for?
answer: Combined Forces Command
state: learning, due 2026-03-01 09:01, stability 0.2 days, difficulty 6.4, 1 answer, 0 lapses

2026-03-01 09:00  review  wrong    Again  'Combined Forces' -> learning, due 2026-03-01 09:01
2026-03-02 09:00  quiz    wrong    -      ':dunno'
$(date -d @"$(sqlite3 "$DB" 'SELECT time FROM card_edits')" '+%Y-%m-%d %H:%M')  edited  question 'CFC stands for?' -> 'What does CFC stand for?'"
run --db "$DB" --decks "$WORK/d" history history/cf
is "an unknown card exits 64" "$status" 64
has "...with the closest name" "$err" "no card is named 'history/cf' (did you mean 'history/cfc'?)"
run --db "$DB" history
is "history without a card: exit 64" "$status" 64

# ---- search ----
run --db "$DB" --decks "$WORK/d" cards --search "COMBINED forces"
has "search is case-insensitive, over the answer" "$out" "history/cfc"
hasnt "...and lists only what matches" "$out" "history/seoul"
run --db "$DB" --decks "$WORK/d" cards --search seoul
has "...accent-insensitive" "$out" "history/seoul"
run --db "$DB" --decks "$WORK/d" cards --search 서울
has "...over the accepted answers, in Hangul too" "$out" "history/seoul"
run --db "$DB" --decks "$WORK/d" cards --search "the\" command" --json
has "...over the note" "$out" '"id": "cfc"'
run --db "$DB" --decks "$WORK/d" cards --search "nothing like this"
is "no match" "$out" "no cards match"

# ---- a deck rebuilt from the database ----
cd "$(dirname "$0")/../.."
B=$WORK/bundled.db
printf '' | "$TRAINER" --db "$B" --decks decks review >/dev/null 2>&1
mkdir -p "$WORK/rebuilt"
for d in us-rok-alliance us-rok-command us-rok-readings; do
	run --db "$B" export deck --deck "$d" -o "$WORK/rebuilt/$d.yaml"
	is "export deck $d exits 0" "$status" 0
done
run check "$WORK/rebuilt"
is "the rebuilt decks pass check" "$status" 0
is "...with every card (cloze gaps and reversed twins made again), events kept: no warning" "$out" "3 deck files, 147 cards: no errors"
printf '' | "$TRAINER" --db "$WORK/rebuilt.db" --decks "$WORK/rebuilt" review >/dev/null 2>&1
cards_of() { # DB DECKS: every card's content, answers compared as the checker does
	"$TRAINER" --db "$1" --decks "$2" cards --json | /usr/bin/python3 -c '
import json, sys
for c in json.load(sys.stdin):
    acc = sorted({a.casefold() for a in c["accept"]} - {c["answer"].casefold() if c["answer"] else ""})
    print(c["deck"], c["id"], c["type"], c["question"], c["answer"], acc, c["choices"], c["items"],
          c["tags"], c["hint"], c["note"], c["value"], c["unit"], c["tolerance"], c.get("event"))'
}
is "...each card as in the deck files: id, type, question, answers, choices, items, tags, hint, note, value, tolerance, event" \
	"$(cards_of "$WORK/rebuilt.db" "$WORK/rebuilt")" "$(cards_of "$B" decks)"
has "a cloze is one entry again, its gaps in its text" "$(cat "$WORK/rebuilt/us-rok-command.yaml")" "type: cloze"
has "...a reversed card one entry" "$(cat "$WORK/rebuilt/us-rok-command.yaml")" "reverse: true"
run --db "$B" export deck
is "export deck without --deck: exit 64" "$status" 64
run --db "$B" export deck --deck nosuch
is "an unknown deck: exit 64" "$status" 64
has "...with the closest name" "$err" "no deck is named 'nosuch'"
run --db "$B" export deck --deck us-rok-command --json
is "a deck with --json: exit 64" "$status" 64
run --db "$B" export deck --deck us-rok-readings
has "without -o, the deck on standard output" "$out" 'deck: "us-rok-readings"'
