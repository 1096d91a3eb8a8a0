# 'trainer stats' with several tags on a small log whose figures are
# worked out by hand: an answer counts under the tags its card had when
# it was answered; a card with several of the tags asked counts once.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/h.yaml" <<'YAML'
deck: h
title: History
cards:
  - {id: p, q: Qp, a: P, tags: [x]}
  - {id: q, q: Qq, a: Q, tags: [y]}
  - {id: r, q: Qr, a: R, tags: [x, y]}
  - {id: s, q: Qs, a: S, tags: [z]}
YAML
cat >"$WORK/d/g.yaml" <<'YAML'
deck: g
title: Other
cards:
  - {id: g1, q: Qg, a: G, tags: [x, y]}
YAML
db=$WORK/p.db
NOW="--now 2026-03-01T12:00:00Z" # day 20513
"$TRAINER" --db "$db" --decks "$WORK/d" $NOW review </dev/null >/dev/null 2>&1

answer() { # DECK/CARD DAY VERDICT RATING STATE-BEFORE
	sqlite3 "$db" "INSERT INTO reviews (card_id, time, day, rating, answer,
	verdict, duration_ms, scheduled, b_state, b_stability, b_difficulty,
	b_step, b_scheduled_days, b_reps, b_lapses, b_due, b_last_review,
	b_last_day, a_state, a_stability, a_difficulty, a_scheduled_days, a_due)
	SELECT c.id, $2 * 86400 + 43200, $2, $4, 'x', '$3', $4 * 1000, 1, $5, 5, 5,
	0, 5, 3, 0, 0, 0, 0, 2, 6, 5, 6, 0
	FROM cards c JOIN decks d ON d.id = c.deck_id
	WHERE d.name || '/' || c.key = '$1'"
}
# state before 2: a review-state answer, counted by the retention; a
# rating over 1 passed it; each answer takes 'rating' seconds
answer h/p 20513 right 3 2
answer h/p 20510 wrong 1 2
answer h/q 20513 right 3 2
answer h/r 20513 wrong 1 2
answer h/r 20500 right 3 2
answer h/s 20513 right 3 0
answer g/g1 20513 right 3 2

# cards; today's answers, right ones, seconds; the 7- and 30-day retention
# (answers, passed); the calendar's days with answers and their answers
figures() { # ARGS...
	run --db "$db" --decks "$WORK/d" $NOW stats --json "$@"
	printf '%s' "$out" | /usr/bin/python3 -c '
import json, sys
s = json.load(sys.stdin)
r = s["retention"]
days = [d["answers"] for d in s["calendar"] if d["answers"]]
t = s["today"]
print(s["cards"]["total"], t["answered"], t["right"], t["seconds"],
      r["7"]["answers"], r["7"]["right"], r["30"]["answers"], r["30"]["right"],
      len(days), sum(days))'
}

# r has x and y: its 2 answers once; p 2, q 1, g1 1
is "two tags: a card with both counted once" \
	"$(figures --tag x --tag y)" "4 4 3 10 5 3 6 4 3 6"
# x and z share no card: p 2 + r 2 (x), s 1 (z), g1 1 (x)
is "two tags with no card in common: their figures add up" \
	"$(figures --tag x --tag z)" "4 4 3 10 4 2 5 3 3 6"
is "three tags: every card counted once" \
	"$(figures --tag x --tag y --tag z)" "5 5 4 13 5 3 6 4 3 7"
is "a deck and two tags: the deck's cards only" \
	"$(figures --deck h --tag x --tag y)" "3 3 2 7 4 2 5 3 3 5"
is "the other deck and two tags" \
	"$(figures --deck g --tag x --tag y)" "1 1 1 3 1 1 1 1 1 1"

# p loses x for w after its answers: they stay counted under x
sed -i 's/{id: p, q: Qp, a: P, tags: \[x\]}/{id: p, q: Qp, a: P, tags: [w]}/' "$WORK/d/h.yaml"
"$TRAINER" --db "$db" --decks "$WORK/d" $NOW review </dev/null >/dev/null 2>&1
is "the tag is gone from the card" \
	"$(sqlite3 "$db" "SELECT group_concat(t.tag) FROM card_tags t JOIN cards c ON c.id = t.card_id WHERE c.key = 'p'")" w
is "a tag removed after the answers: they count under the old tag" \
	"$(figures --tag x --tag y)" "3 4 3 10 5 3 6 4 3 6"
# p and s now; s's one answer, a new card's (not in the retention)
is "... and not under the new one" \
	"$(figures --tag w --tag z)" "2 1 1 3 0 0 0 0 1 1"
is "... the same with one tag" \
	"$(figures --tag w)" "1 0 0 0 0 0 0 0 0 0"
