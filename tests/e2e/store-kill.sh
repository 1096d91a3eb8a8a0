# Crash safety and two writers at once, through the real store
# (tests/tools/answer-writer answers cards and says "saved ID" after each
# commit).  Every answer acknowledged before a SIGKILL must be in the log.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
: "${TOOLS:=build/tools}"
WRITER=$(realpath "$TOOLS/answer-writer")
DB=$WORK/kill.db

"$WRITER" "$DB" decks 1 1 >/dev/null
rounds=21
lost=0
bad=0
for round in $(seq 1 $rounds); do
	# killed after a random number of acknowledged answers, 1 to 300
	kill_after $((1 + RANDOM % 300)) '^saved ' \
		"$WRITER" "$DB" decks 1000000 "$round" 2>"$WORK/err"
	acked=$(grep -c '^saved ' "$WORK/acked")
	# the last line may be cut in half by the kill: only whole lines count
	ids=$(grep -E '^saved [0-9]+ [0-9]+$' "$WORK/acked" | cut -d' ' -f2 | paste -sd,)
	if [ -n "$ids" ]; then
		found=$(sqlite3 "$DB" "SELECT count(*) FROM reviews WHERE id IN ($ids)")
		want=$(grep -cE '^saved [0-9]+ [0-9]+$' "$WORK/acked")
		[ "$found" = "$want" ] || lost=$((lost + want - found))
	fi
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || bad=$((bad + 1))
	echo "# round $round: $acked answers acknowledged"
done
is "no acknowledged answer was lost in $rounds kills" "$lost" 0
is "integrity_check stayed ok after every kill" "$bad" 0
total=$(sqlite3 "$DB" 'SELECT count(*) FROM reviews')
[ "$total" -gt $((rounds * 5)) ] && echo "ok - the kills came mid-stream ($total answers in all)" || echo "not ok - too few answers before the kills ($total)"
run --db "$DB" --decks decks db check
is "the database is consistent after the kills (db check)" "$status" 0
"$WRITER" "$DB" decks 5 99 >"$WORK/after" 2>&1
is "the next session starts cleanly" "$?:$(grep -c '^saved' "$WORK/after")" "0:5"

# Two writers on one database at the same time, on the same cards.
DB2=$WORK/two.db
"$WRITER" "$DB2" decks 1 7 >/dev/null
"$WRITER" "$DB2" decks 400 1 >"$WORK/a" 2>"$WORK/a.err" &
a=$!
"$WRITER" "$DB2" decks 400 2 >"$WORK/b" 2>"$WORK/b.err" &
b=$!
wait $a
sa=$?
wait $b
sb=$?
is "both writers finish" "$sa $sb" "0 0"
is "the first wrote all its answers" "$(grep -c '^saved' "$WORK/a")" 400
is "the second wrote all its answers" "$(grep -c '^saved' "$WORK/b")" 400
is "the log holds every answer of both" "$(sqlite3 "$DB2" 'SELECT count(*) FROM reviews')" 801
ids=$(cat "$WORK/a" "$WORK/b" | cut -d' ' -f2 | sort -u | wc -l)
is "each answer got its own row" "$ids" 800
run --db "$DB2" --decks decks db check
is "card states agree with the log after the race (db check)" "$status" 0
