# A scripted review killed with SIGKILL after a random number of answers
# (read back from its output, not after a sleep): every answer
# the session acknowledged ("rated ...", printed after the commit) is in
# the log, the database stays whole, and the next session starts cleanly.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
DB=$WORK/k.db
rounds=20
lost=0
broken=0
total_acked=0
for round in $(seq 1 $rounds); do
	before=$(sqlite3 "$DB" 'SELECT count(*) FROM reviews' 2>/dev/null || echo 0)
	rm -f "$WORK/fifo"
	mkfifo "$WORK/fifo"
	yes ':dunno' >"$WORK/fifo" 2>/dev/null &
	feeder=$!
	kill_after $((1 + RANDOM % 60)) '^rated ' \
		"$TRAINER" --db "$DB" --decks decks --seed "$round" \
		--now "2026-03-0$((1 + round % 9))T09:00:00Z" review --new 1000 \
		<"$WORK/fifo" 2>"$WORK/err"
	kill "$feeder" 2>/dev/null
	wait "$feeder" 2>/dev/null
	acked=$(grep -c '^rated ' "$WORK/acked")
	after=$(sqlite3 "$DB" 'SELECT count(*) FROM reviews')
	saved=$((after - before))
	total_acked=$((total_acked + acked))
	# every acknowledged answer saved; at most one more (committed, not yet
	# printed when the kill came)
	if [ "$saved" -lt "$acked" ] || [ "$saved" -gt $((acked + 1)) ]; then
		lost=$((lost + 1))
		echo "# round $round: $acked acknowledged, $saved saved"
	fi
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || broken=$((broken + 1))
done
is "every acknowledged answer was saved in $rounds kills" "$lost" 0
is "the database stayed whole after every kill" "$broken" 0
[ "$total_acked" -gt $((rounds * 3)) ] && echo "ok - the kills came mid-session ($total_acked answers acknowledged)" || echo "not ok - too few answers before the kills ($total_acked)"
run --db "$DB" --decks decks db check
is "card states agree with the log after the kills" "$status" 0
printf ':dunno\n' | "$TRAINER" --db "$DB" --decks decks --now 2026-03-20T09:00:00Z review --limit 1 >"$WORK/out" 2>&1
is "the next session starts cleanly" "$?" 0
has "and asks a question" "$(cat "$WORK/out")" "1 question"
