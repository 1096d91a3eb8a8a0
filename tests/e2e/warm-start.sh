# A review reads its due cards a batch at a time (200), the next batch
# when the queue has asked the last, and each card's content only when
# it is asked: across batches the order, the counters and the burial of
# siblings stay as if every card had been read at the start.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }
mkdir -p "$WORK/d"
awk 'BEGIN {
	print "deck: big\ntitle: Big\ncards:"
	for (c = 1; c <= 450; c++) printf "  - {id: c%d, q: \"Q%d?\", a: \"A%d\"}\n", c, c, c
	print "  - {id: pair, q: \"Pair?\", a: \"P\", reverse: true}"
}' >"$WORK/d/big.yaml"
DB=$WORK/p.db
NOW=--now=2026-03-01T12:00:00Z
printf '' | "$TRAINER" --db "$DB" --decks "$WORK/d" $NOW review >/dev/null 2>&1
# 450 review cards due, the less stable ones more likely forgotten; the
# pair's reverse is due too, its front is new
q "UPDATE cards SET state = 2, stability = 1 + (id % 50), difficulty = 5,
	scheduled_days = 3, reps = 2, due = strftime('%s', '2026-03-01 08:00:00') - id * 60,
	last_review = strftime('%s', '2026-02-25 08:00:00'), last_day = 20509
	WHERE key != 'pair'"
is "the deck is in the store" "$(q "SELECT count(*) FROM cards WHERE state = 2")" 451
yes :dunno | head -460 | "$TRAINER" --db "$DB" --decks "$WORK/d" $NOW review --new 0 --limit 455 >"$WORK/out" 2>&1
is "the review exits 0" "$?" 0
is "the first header counts every due card" "$(grep -m1 '^\[' "$WORK/out")" "[451 due · 0 learning · 0 new] big"
is "the 300th counts what is left" "$(grep '^\[' "$WORK/out" | sed -n 300p)" "[152 due · 299 learning · 0 new] big"
is "every due card is asked once, first" "$(q 'SELECT count(*), count(DISTINCT card_id) FROM reviews WHERE id <= 451')" "451|451"
is "then a learning card comes early" "$(grep '^\[' "$WORK/out" | sed -n 452p | grep -c 'early')" 1
is "each batch goes least stable first" "$(q "SELECT count(*) FROM (SELECT id, b_stability s, lag(b_stability) OVER (ORDER BY id) p FROM reviews WHERE id <= 200) WHERE s < p")" 0
is "the second batch too" "$(q "SELECT count(*) FROM (SELECT id, b_stability s, lag(b_stability) OVER (ORDER BY id) p FROM reviews WHERE id > 200 AND id <= 400) WHERE s < p")" 0
is "the answered reversed card's new sibling is held until tomorrow" "$(q "SELECT buried_until = strftime('%s', '2026-03-02 04:00:00') FROM cards WHERE key = 'pair'")" 1

# The work of a warm start (SQLite's steps, counted, not timed) does not
# grow with the collection: 1,000 new cards or 20,000
work() { # N [due]: the work of a review's start on N cards, new (or 3
	# in 4 due), synced before
	mkdir -p "$WORK/w$1"
	awk -v n="$1" 'BEGIN { print "deck: w\ntitle: W\ncards:"; for (c = 0; c < n; c++) printf "  - {id: c%d, q: \"Q%d?\", a: \"A%d\"}\n", c, c, c }' >"$WORK/w$1/w.yaml"
	touch -d '2026-01-01' "$WORK/w$1/w.yaml" # synced once, then unchanged
	rm -f "$WORK/w$1.db"
	printf '' | "$TRAINER" --db "$WORK/w$1.db" --decks "$WORK/w$1" $NOW review >/dev/null 2>&1
	[ "${2-}" = due ] && sqlite3 "$WORK/w$1.db" "UPDATE cards SET state = 2, stability = 1 + id % 50, difficulty = 5, scheduled_days = 3, reps = 2,
		due = strftime('%s', '2026-03-01 08:00:00') - id, last_review = strftime('%s', '2026-02-25 08:00:00'), last_day = 20509 WHERE id % 4 != 0"
	printf '' | TRAINER_COUNT_WORK=1 "$TRAINER" --db "$WORK/w$1.db" --decks "$WORK/w$1" $NOW review 2>&1 >/dev/null | sed -n 's/^trainer: work: //p'
}
flat() { # SMALL LARGE: is LARGE no more than 1.5 SMALL (and a little)?
	awk -v s="$1" -v l="$2" 'BEGIN { print (s > 0 && l <= 1.5 * s + 2) ? "yes" : "no" }'
}
small=$(work 1000)
large=$(work 20000)
is "the work is counted" "$([ -n "$small" ] && [ "$small" -gt 0 ] && echo yes)" yes
is "a warm start on 20,000 new cards does no more work than on 1,000 ($small, $large)" "$(flat "$small" "$large")" yes
small=$(work 2000 due)
large=$(work 20000 due)
is "nor on 15,000 due cards than on 1,500 ($small, $large)" "$(flat "$small" "$large")" yes

# Past 1,000 due cards the counter says 1000+: counting them all would cost
# as much as reading them; below, it is exact again
mkdir -p "$WORK/many"
awk 'BEGIN { print "deck: many\ntitle: Many\ncards:"; for (c = 1; c <= 1250; c++) printf "  - {id: m%d, q: \"M%d?\", a: \"A%d\"}\n", c, c, c }' >"$WORK/many/m.yaml"
DB=$WORK/many.db
printf '' | "$TRAINER" --db "$DB" --decks "$WORK/many" $NOW review >/dev/null 2>&1
q "UPDATE cards SET state = 2, stability = 5, difficulty = 5, scheduled_days = 3, reps = 2,
	due = strftime('%s', '2026-03-01 08:00:00') - id, last_review = strftime('%s', '2026-02-25 08:00:00'), last_day = 20509"
yes :dunno | head -260 | "$TRAINER" --db "$DB" --decks "$WORK/many" $NOW review --limit 255 >"$WORK/out" 2>&1
is "1,250 due: the first header says 1000+" "$(grep -m1 '^\[' "$WORK/out")" "[1000+ due · 0 learning · 0 new] many"
is "with 1,001 left, still 1000+" "$(grep '^\[' "$WORK/out" | sed -n 250p)" "[1000+ due · 249 learning · 0 new] many"
is "with 1,000 left, the count" "$(grep '^\[' "$WORK/out" | sed -n 251p)" "[1000 due · 250 learning · 0 new] many"
is "...and on down" "$(grep '^\[' "$WORK/out" | sed -n 255p)" "[996 due · 254 learning · 0 new] many"
