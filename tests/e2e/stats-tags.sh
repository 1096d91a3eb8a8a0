# 'trainer stats --tag': the figures for one tag and for several (cards
# with more than one of them counted once), checked against SQL over the
# raw reviews table.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: Tags
cards:
  - {id: a, q: Qa, a: A, tags: [x]}
  - {id: b, q: Qb, a: B, tags: [y]}
  - {id: ab, q: Qab, a: AB, tags: [x, y]}
  - {id: abc, q: Qabc, a: ABC, tags: [x, y, z]}
  - {id: c, q: Qc, a: C, tags: [z]}
  - {id: none, q: Qn, a: N}
YAML
cat >"$WORK/d/u.yaml" <<'YAML'
deck: u
title: Other
cards:
  - {id: ua, q: Qua, a: UA, tags: [x, z]}
  - {id: ub, q: Qub, a: UB, tags: [y]}
YAML
db=$WORK/p.db
NOW="--now 2026-03-01T12:00:00Z"
"$TRAINER" --db "$db" --decks "$WORK/d" $NOW review </dev/null >/dev/null 2>&1
# 400 answers over 60 days (day 20513 is 2026-03-01), spread over the
# cards, every verdict, rating and state before
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400),
k(id, r) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM cards)
INSERT INTO reviews (card_id, session_id, time, day, rating, answer, verdict,
	duration_ms, scheduled, b_state, b_stability, b_difficulty, b_step,
	b_scheduled_days, b_reps, b_lapses, b_due, b_last_review, b_last_day,
	a_state, a_stability, a_difficulty, a_scheduled_days, a_due)
SELECT k.id, NULL,
	(20513 - i % 60) * 86400 + 43200, 20513 - i % 60, 1 + i % 4, 'x',
	CASE i % 3 WHEN 0 THEN 'right' WHEN 1 THEN 'wrong' ELSE 'close' END,
	1000 + i, i % 5 > 0, i % 3, 5, 5, 0, 5, 3, 0, 0, 0, 0, 2, 6, 5, 6, 0
FROM n JOIN k ON k.r = (i * 5) % 8"

# The figures stats --json gives, and the same computed from the log:
# the selected cards are those with any of the tags (and in the deck).
check() { # NAME DECK TAG...
	local name=$1 deck=$2 tags sel args=()
	shift 2
	tags=$(printf "'%s'," "$@")
	tags=${tags%,}
	sel="SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id IN (SELECT card_id FROM card_tags WHERE tag IN ($tags))"
	[ -n "$deck" ] && sel="$sel AND d.name = '$deck'" && args=(--deck "$deck")
	for t in "$@"; do args+=(--tag "$t"); done
	want=$(sqlite3 "$db" "
	SELECT 'cards', count(*) FROM ($sel);
	SELECT 'today', count(*), total(verdict IN ('right', 'close')) FROM reviews WHERE day = 20513 AND card_id IN ($sel);
	SELECT 'window ' || w, total(b_state = 2 AND scheduled = 1), total(b_state = 2 AND scheduled = 1 AND rating > 1)
	FROM (SELECT 7 AS w UNION SELECT 30 UNION SELECT 365) JOIN reviews
	ON day > 20513 - w AND day <= 20513 AND card_id IN ($sel) GROUP BY w ORDER BY w;
	SELECT 'days', count(DISTINCT day), count(*) FROM reviews WHERE card_id IN ($sel);" |
		tr '|' ' ' | sed 's/\.0\b//g')
	run --db "$db" --decks "$WORK/d" $NOW stats --json "${args[@]}"
	got=$(printf '%s' "$out" | /usr/bin/python3 -c '
import json, sys
s = json.load(sys.stdin)
print("cards", s["cards"]["total"])
print("today", s["today"]["answered"], s["today"]["right"])
for w in ("7", "30", "365"):
    print("window " + w, s["retention"][w]["answers"], s["retention"][w]["right"])
days = [d["answers"] for d in s["calendar"] if d["answers"]]
print("days", len(days), sum(days))')
	is "$name: the figures agree with the log" "$got" "$want"
}
check "one tag" "" x
check "two tags sharing cards" "" x y
check "three tags, a card with all of them" "" x y z
check "two tags sharing a card in another deck" "" x z
check "a deck and two tags" t y z
check "the other deck and two tags" u x y
run --db "$db" --decks "$WORK/d" $NOW stats --json --tag x --tag y
has "the tags' rows count each tag's own cards" "$(printf '%s' "$out" | /usr/bin/python3 -c '
import json, sys
print(" ".join("%s=%d" % (t["tag"], t["cards"]) for t in json.load(sys.stdin)["retention_by_tag"]))')" "x=4 y=4"
