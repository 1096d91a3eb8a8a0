# Siblings (the gaps of one cloze, the two directions of a reversed card):
# in review, once one is answered the others that are new or due wait for
# the next day (Anki's "bury siblings"); in quiz and drill they are never
# asked one right after the other while other cards are left.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }
# DB [WHERE] [LIMIT]: how many answers in DB (in order) came right after
# an answer to a sibling (the same note: the key up to its '.')
next_to_sibling() {
	sqlite3 "$1" "SELECT c.key FROM reviews r JOIN cards c ON c.id = r.card_id ${2-} ORDER BY r.id ${3-}" |
		sed 's/\..*//' | awk 'NR > 1 && $0 == prev { n++ } { prev = $0 } END { print n + 0 }'
}
mkdir -p "$WORK/d"
cat >"$WORK/d/s.yaml" <<'YAML'
deck: s
title: Siblings
cards:
  - id: tk
    type: cloze
    text: "In the agreement {{Japan}} would rule {{Korea}} and the US the {{Philippines}}."
  - {id: cfc, q: CFC, a: Combined Forces Command, reverse: true}
  - {id: mdt, type: date, q: When was the treaty signed?, a: 1953-10-01}
YAML
DB=$WORK/p.db
yes ':dunno' | head -40 | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z --seed 2 review >"$WORK/out" 2>&1
is "review answers one card of each note" "$(q "SELECT count(DISTINCT card_id) FROM reviews")" 3
is "one gap of the cloze" "$(q "SELECT count(DISTINCT r.card_id) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.key LIKE 'tk.%'")" 1
is "one direction of the reversed card" "$(q "SELECT count(DISTINCT r.card_id) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.key LIKE 'cfc%'")" 1
is "the other three are held until the next day's start (04:00)" "$(q "SELECT count(*) FROM cards WHERE buried_until = strftime('%s', '2026-03-02 04:00:00')")" 3
printf 'x\nx\nx\nx\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T15:00:00Z review >"$WORK/out" 2>&1
is "a later session that day does not ask them" "$(q "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.buried_until > 0")" 0
printf '' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-02T09:00:00Z review --limit 0 >/dev/null 2>&1
run --db "$DB" --decks "$WORK/d" --now 2026-03-02T09:00:00Z cards --json
is "the next day they are no longer held" "$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; print(sum(1 for c in json.load(sys.stdin) if c["state"] == "new"))')" 3

# quiz: over many orders, no sibling right after its sibling
adjacent=0
for seed in $(seq 1 30); do
	yes ':dunno' | head -10 | "$TRAINER" --db "$WORK/quiz.db" --decks "$WORK/d" --seed "$seed" quiz --count 6 >"$WORK/out" 2>&1
	adjacent=$((adjacent + $(next_to_sibling "$WORK/quiz.db" "WHERE r.session_id = (SELECT max(id) FROM sessions)")))
done
is "in 30 quizzes no sibling follows its sibling" "$adjacent" 0

# ---- new cards: the decks taken in turns, each in its own order ----
mkdir -p "$WORK/two"
printf 'deck: a\ntitle: A\ncards:\n  - {id: a1, q: A1?, a: x}\n  - {id: a2, q: A2?, a: x}\n  - {id: a3, q: A3?, a: x}\n' >"$WORK/two/a.yaml"
printf 'deck: b\ntitle: B\ncards:\n  - {id: b1, q: B1?, a: x}\n  - {id: b2, q: B2?, a: x}\n' >"$WORK/two/b.yaml"
DB=$WORK/two.db
yes x | head -5 | "$TRAINER" --db "$DB" --decks "$WORK/two" --now 2026-03-01T09:00:00Z review --limit 5 >/dev/null 2>&1
is "new cards come from the decks in turns" "$(q "SELECT group_concat(c.key, ' ') FROM (SELECT * FROM reviews ORDER BY id) r JOIN cards c ON c.id = r.card_id")" "a1 b1 a2 b2 a3"

# ---- the settings that shape a review ----
DB=$WORK/keep.db
"$TRAINER" --db "$DB" --decks "$WORK/d" config bury-siblings off >/dev/null 2>&1
yes :dunno | head -12 | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z review --limit 12 >/dev/null 2>&1
is "with bury-siblings off, every sibling is asked" "$(q "SELECT count(DISTINCT card_id) FROM reviews")" 6
is "and none is held" "$(q "SELECT count(*) FROM cards WHERE buried_until > 0")" 0

order() { # SEED: the order of the first three new cards with new-order random
	rm -f "$WORK/rnd.db"
	"$TRAINER" --db "$WORK/rnd.db" --decks "$WORK/two" config new-order random >/dev/null 2>&1
	yes x | head -3 | "$TRAINER" --db "$WORK/rnd.db" --decks "$WORK/two" --seed "$1" --now 2026-03-01T09:00:00Z review --limit 3 >/dev/null 2>&1
	sqlite3 "$WORK/rnd.db" "SELECT group_concat(c.key, ' ') FROM (SELECT * FROM reviews ORDER BY id) r JOIN cards c ON c.id = r.card_id"
}
is "new-order random is reproducible from the seed" "$(order 5)" "$(order 5)"
differ=0
for seed in 1 2 3 4 6 7 8 9; do [ "$(order $seed)" != "$(order 5)" ] && differ=1; done
is "and another seed gives another order" "$differ" 1

DB=$WORK/ahead.db
"$TRAINER" --db "$DB" --decks "$WORK/two" config learn-ahead 0 >/dev/null 2>&1
yes x | head -10 | "$TRAINER" --db "$DB" --decks "$WORK/two" --now 2026-03-01T09:00:00Z review --new 1 >"$WORK/out" 2>&1
is "with learn-ahead 0 a learning card does not come early" "$(q 'SELECT count(*) FROM reviews')" 1

# ---- :undo takes back the burial with the answer ----
DB=$WORK/undo.db
printf ':dunno\n:undo\n:quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z --seed 2 review >"$WORK/out" 2>&1
has "the answer is taken back" "$(cat "$WORK/out")" "taken back: that answer is gone"
is "no answer is left" "$(q 'SELECT count(*) FROM reviews')" 0
is "and no sibling is held any more" "$(q 'SELECT count(*) FROM cards WHERE buried_until > 0')" 0
printf ':dunno\n:undo\n:dunno\n:quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z --seed 2 review >"$WORK/out" 2>&1
is "answered again, its siblings are held again" "$(q "SELECT count(*) FROM cards WHERE buried_until = strftime('%s', '2026-03-02 04:00:00')")" "$(q "SELECT count(*) - 1 FROM cards WHERE key LIKE (SELECT substr(c.key, 1, 2) || '%' FROM reviews r JOIN cards c ON c.id = r.card_id)")"

# ---- drill: a card answered wrong never comes back beside its sibling ----
mkdir -p "$WORK/dr"
cat >"$WORK/dr/d.yaml" <<'YAML'
deck: d
title: Drill
cards:
  - {id: p, q: Pp?, a: pp, reverse: true}
  - {id: c1, q: C1?, a: c1}
  - {id: c2, q: C2?, a: c2}
  - {id: c3, q: C3?, a: c3}
  - {id: c4, q: C4?, a: c4}
YAML
adjacent=0
for seed in $(seq 1 25); do
	rm -f "$WORK/dr.db"
	yes ':dunno' | head -30 | "$TRAINER" --db "$WORK/dr.db" --decks "$WORK/dr" --seed "$seed" drill >/dev/null 2>&1
	adjacent=$((adjacent + $(next_to_sibling "$WORK/dr.db" "" "LIMIT 12")))
done
is "in 25 drills of wrong answers no card follows its sibling" "$adjacent" 0
