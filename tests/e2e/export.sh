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
has "a new card's first answer has state 0" "$out" ",1772355600000,3,0,"
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
has "an unknown export is named" "$err" "unknown export 'everything' (say cards or reviews)"

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
