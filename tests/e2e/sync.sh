# trainer sync: machines that study on their own and merge through a
# shared folder end with the same answers and the same schedule, in
# whatever order they sync, through kills, damaged journals and rings.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
D=$WORK/d
mkdir -p "$D"
{
	printf 'deck: six\ntitle: Six\ncards:\n'
	for c in a b c d e f g h; do
		printf '  - {id: %s, q: "Card %s?", a: x}\n' "$c" "$c"
	done
} >"$D/six.yaml"

# t NAME NOW ARGS...: the trainer as machine NAME at time NOW
t() {
	local m=$1 now=$2
	shift 2
	"$TRAINER" --db "$WORK/$m.db" --decks "$D" --now "$now" "$@"
}
# sync NAME NOW DIR: a sync that must work (its output in $WORK/sync.out)
sync_ok() {
	t "$1" "$2" sync "$3" >"$WORK/sync.out" 2>"$WORK/sync.err" ||
		echo "# sync of $1 failed: $(cat "$WORK/sync.err")"
}
# study NAME NOW INPUT: a review of at most 5 answers, INPUT piped
study() {
	printf "$3" | t "$1" "$2" review --limit 5 >/dev/null 2>&1
}
# what must agree: every answer (by event, in time order), each card's
# state as cards --json shows it, the statistics
answers() {
	sqlite3 "$WORK/$1.db" "SELECT e.device, e.seq, r.time, r.rating,
		r.verdict, r.answer, r.scheduled, r.day, r.b_state, r.a_state,
		r.a_stability, r.a_due FROM reviews r JOIN events e
		ON e.review = r.id ORDER BY e.time, e.device, e.seq"
}
state() {
	t "$1" "$2" cards --json | grep -E '"(id|state|due|stability|difficulty|reps|lapses|suspended)"'
}
stats() { t "$1" "$2" stats --json; }
same() { # NAME MACHINE1 MACHINE2 NOW
	is "$1: the same answers" "$(answers "$2")" "$(answers "$3")"
	is "$1: the same state, due, stability (cards --json)" "$(state "$2" "$4")" "$(state "$3" "$4")"
	is "$1: the same stats --json" "$(stats "$2" "$4")" "$(stats "$3" "$4")"
	t "$2" "$4" db check >/dev/null 2>&1
	is "$1: db check is clean on $2" "$?" 0
	t "$3" "$4" db check >/dev/null 2>&1
	is "$1: db check is clean on $3" "$?" 0
}

# ---- two machines, alternating days, syncs in every order ----
S=$WORK/S
mkdir -p "$S"
day() { printf '2026-03-%02dT%s:00Z' "$1" "${2:-09:00}"; }
t A "$(day 1)" sync "$S" >/dev/null 2>&1
t B "$(day 1)" sync "$S" >/dev/null 2>&1
study A "$(day 1)" 'x\ny\nx\nx\ny\n'
sync_ok A "$(day 1)" "$S"
has "sync says what went out" "$(cat "$WORK/sync.out")" "sent 5 events to $S/trainer/"
sync_ok B "$(day 1)" "$S"
has "...and the other machine what came in" "$(cat "$WORK/sync.out")" "received 5 events from 1 other machine (5 answers)"
study B "$(day 2)" 'x\nx\ny\nx\nx\n'
sync_ok B "$(day 2)" "$S"
sync_ok A "$(day 2)" "$S"
study A "$(day 3)" 'y\nx\nx\nx\nx\n'
study B "$(day 4)" 'x\ny\nx\nx\nx\n'
sync_ok A "$(day 4 12:00)" "$S"
sync_ok B "$(day 4 12:00)" "$S"
sync_ok A "$(day 4 12:00)" "$S"
# both the same day, neither knowing of the other
study A "$(day 5)" 'x\nx\nx\ny\nx\n'
study B "$(day 5 10:00)" 'y\nx\nx\nx\nx\n'
sync_ok B "$(day 5 12:00)" "$S"
sync_ok A "$(day 5 12:00)" "$S"
sync_ok B "$(day 5 12:00)" "$S"
study B "$(day 6)" 'x\nx\nx\nx\nx\n'
study A "$(day 6 10:00)" 'x\ny\ny\nx\nx\n'
sync_ok A "$(day 6 12:00)" "$S"
sync_ok B "$(day 6 12:00)" "$S"
sync_ok A "$(day 6 12:00)" "$S"
n=$(sqlite3 "$WORK/A.db" 'SELECT count(*) FROM reviews')
devs=$(sqlite3 "$WORK/A.db" 'SELECT count(DISTINCT e.device) FROM reviews r JOIN events e ON e.review = r.id')
[ "$n" -ge 30 ] && [ "$devs" = 2 ] && echo "ok - both machines answered ($n answers in all)" ||
	echo "not ok - too few answers to compare ($n from $devs machines)"
same "after alternating days" A B "$(day 7)"
# a third machine that only syncs at the end, first the other way round
t C "$(day 1)" sync "$S" >/dev/null 2>&1
is "a machine that joins late gets the same answers" "$(answers C)" "$(answers A)"
is "...and the same schedule" "$(state C "$(day 7)")" "$(state A "$(day 7)")"
before=$(sqlite3 "$WORK/A.db" .dump | grep -v '^INSERT INTO sync_' | md5sum)
sync_ok A "$(day 7)" "$S"
is "a second sync sends and receives nothing" "$(sed -n '2,3p' "$WORK/sync.out" | sed 's/ to .*//; s/ from .*//')" "sent 0 events
received 0 events"
is "...and changes nothing" "$(sqlite3 "$WORK/A.db" .dump | grep -v '^INSERT INTO sync_' | md5sum)" "$before"
dups=$(cat "$S"/trainer/*.journal | grep -o '"id":"[0-9a-f]*:[0-9]*"' | sort | uniq -d | wc -l)
is "no event is in the journals twice" "$dups" 0

# ---- the same card on both machines the same day ----
D1=$WORK/d1
mkdir -p "$D1" "$WORK/S1"
printf 'deck: one\ntitle: One\ncards:\n  - {id: solo, q: "Solo?", a: x}\n' >"$D1/one.yaml"
o() { local m=$1 now=$2; shift 2; "$TRAINER" --db "$WORK/$m.db" --decks "$D1" --now "$now" "$@"; }
o P 2026-03-01T08:00:00Z sync "$WORK/S1" >/dev/null 2>&1
o Q 2026-03-01T08:00:00Z sync "$WORK/S1" >/dev/null 2>&1
o R 2026-03-01T08:00:00Z sync "$WORK/S1-alone" >/dev/null 2>&1 || mkdir -p "$WORK/S1-alone"
printf 'x\n' | o P 2026-03-01T09:00:00Z review >/dev/null 2>&1
printf 'y\n' | o Q 2026-03-01T09:30:00Z review >/dev/null 2>&1
# one machine answering both, in time order
printf 'x\n' | o R 2026-03-01T09:00:00Z review >/dev/null 2>&1
printf 'y\n' | o R 2026-03-01T09:30:00Z review --limit 1 >/dev/null 2>&1
o Q 2026-03-01T12:00:00Z sync "$WORK/S1" >/dev/null 2>&1
o P 2026-03-01T12:00:00Z sync "$WORK/S1" >/dev/null 2>&1
o Q 2026-03-01T12:00:00Z sync "$WORK/S1" >/dev/null 2>&1
is "both answers are kept on both machines" "$(sqlite3 "$WORK/P.db" 'SELECT count(*) FROM reviews'):$(sqlite3 "$WORK/Q.db" 'SELECT count(*) FROM reviews')" "2:2"
# (not the due time: --now moves on with the clock while a session runs,
# so separate sessions answer seconds apart; the memory state counts days)
cj() { o "$1" 2026-03-02T12:00:00Z cards --json | grep -E '"(state|stability|difficulty|reps|lapses)"'; }
is "the state is that of one machine that answered both in time order (P)" "$(cj P)" "$(cj R)"
is "...on the other machine too (Q)" "$(cj Q)" "$(cj R)"
hist=$(sqlite3 "$WORK/P.db" "SELECT 'solo,' || strftime('%Y-%m-%dT%H:%M:%SZ', time, 'unixepoch') || ',' || rating FROM reviews ORDER BY time")
last=$(printf '%s\n' "$hist" | "$TRAINER" replay | tail -1 | cut -d, -f4-6)
is "...and that of trainer replay on the merged log" "$(sqlite3 "$WORK/P.db" "SELECT CASE state WHEN 1 THEN 'learning' WHEN 2 THEN 'review' WHEN 3 THEN 'relearning' ELSE 'new' END || ',' || stability || ',' || difficulty FROM cards")" "$last"

# ---- undo on one machine after a sync, suspend on the other ----
mkdir -p "$WORK/S3"
u() { local m=$1; shift; "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now 2026-04-01T09:00:00Z "$@"; }
u U sync "$WORK/S3" >/dev/null 2>&1
u V sync "$WORK/S3" >/dev/null 2>&1
rm -f "$WORK/in.fifo" "$WORK/out.fifo"
mkfifo "$WORK/in.fifo" "$WORK/out.fifo"
u U --seed 1 review <"$WORK/in.fifo" >"$WORK/out.fifo" 2>&1 &
upid=$!
exec {uin}>"$WORK/in.fifo" {uout}<"$WORK/out.fifo"
printf 'x\n' >&"$uin"
while IFS= read -r line <&"$uout"; do
	[[ $line == rated* ]] && break
done
# the session waits for its next answer: the first is saved, and travels
u U sync "$WORK/S3" >/dev/null 2>&1
u V sync "$WORK/S3" >/dev/null 2>&1
is "the answer reached the other machine" "$(sqlite3 "$WORK/V.db" 'SELECT count(*) FROM reviews')" 1
printf ':undo\n' >&"$uin"
exec {uin}>&-
cat <&"$uout" >"$WORK/u.out"
exec {uout}<&-
wait "$upid"
has "the session took it back" "$(cat "$WORK/u.out")" "taken back: that answer is gone"
undone=$(sqlite3 "$WORK/V.db" "SELECT r.card_id FROM reviews r")
u V suspend six/b >/dev/null 2>&1
u U sync "$WORK/S3" >/dev/null 2>&1
u V sync "$WORK/S3" >"$WORK/sync.out" 2>&1
u U sync "$WORK/S3" >/dev/null 2>&1
has "the undo comes in as an undo" "$(cat "$WORK/sync.out")" "1 undo"
is "the undo propagates: the answer is gone on both" "$(sqlite3 "$WORK/U.db" 'SELECT count(*) FROM reviews'):$(sqlite3 "$WORK/V.db" 'SELECT count(*) FROM reviews')" "0:0"
is "...and its card is new again on the other machine" "$(sqlite3 "$WORK/V.db" "SELECT state, reps FROM cards WHERE id = $undone")" "0|0"
is "...the event stays, as a tombstone" "$(sqlite3 "$WORK/V.db" "SELECT count(*) FROM events WHERE kind = 'review'"):$(sqlite3 "$WORK/V.db" "SELECT count(*) FROM events WHERE kind = 'undo'")" "1:1"
is "the suspension propagates" "$(sqlite3 "$WORK/U.db" "SELECT suspended FROM cards WHERE key = 'b'")" 1
same "after undo and suspend" U V 2026-04-01T12:00:00Z

# ---- SIGKILL at random points of a sync ----
mkdir -p "$WORK/S4"
k() { local m=$1 now=$2; shift 2; "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now "$now" "$@"; }
k K1 2026-05-01T08:00:00Z sync "$WORK/S4" >/dev/null 2>&1
k K2 2026-05-01T08:00:00Z sync "$WORK/S4" >/dev/null 2>&1
# kill_at N MACHINE NOW: a sync that stops after each step until told to
# go on, SIGKILLed when it has done its Nth (or let finish if it has
# fewer); counts in $killed the kills before the commit
kill_at() {
	local n=$1 seen=0 line pid in out
	rm -f "$WORK/k.in" "$WORK/k.out"
	mkfifo "$WORK/k.in" "$WORK/k.out"
	TRAINER_SYNC_STEPS=1 k "$2" "$3" sync "$WORK/S4" <"$WORK/k.in" >"$WORK/k.out" 2>/dev/null &
	pid=$!
	exec {in}>"$WORK/k.in" {out}<"$WORK/k.out"
	while IFS= read -r line <&"$out"; do
		[[ $line == step:* ]] || continue
		if ((++seen == n)); then
			kill -9 "$pid"
			[[ $line == "step: committed" ]] || killed=$((killed + 1))
			break
		fi
		printf '\n' >&"$in"
	done
	exec {in}>&- {out}<&-
	wait "$pid" 2>/dev/null
}
rounds=${SYNC_KILL_ROUNDS:-20}
RANDOM=15
killed=0
for r in $(seq 1 "$rounds"); do
	now=$(printf '2026-05-%02dT09:00:00Z' $((1 + r % 28)))
	m=K$((1 + r % 2))
	other=K$((2 - r % 2))
	printf 'x\ny\nx\n' | k "$m" "$now" review --limit 3 >/dev/null 2>&1
	# killed at one of its steps (begun ... committed), chosen at random
	kill_at $((1 + RANDOM % 8)) "$m" "$now"
	kill_at $((1 + RANDOM % 8)) "$other" "$now"
done
echo "# $killed of $((rounds * 2)) syncs were killed before their commit"
[ "$killed" -ge $((rounds / 2)) ] && echo "ok - most kills came before the commit" || echo "not ok - too few kills before the commit ($killed)"
k K1 2026-06-01T08:00:00Z sync "$WORK/S4" >/dev/null 2>&1
k K2 2026-06-01T08:00:00Z sync "$WORK/S4" >/dev/null 2>&1
k K1 2026-06-01T08:00:00Z sync "$WORK/S4" >/dev/null 2>&1
own_answers() { sqlite3 "$WORK/$1.db" "SELECT count(*) FROM events e, device d WHERE e.device = d.id AND e.kind = 'review'"; }
made=$(($(own_answers K1) + $(own_answers K2)))
is "after $rounds rounds of kills no answer is lost or doubled (K1)" "$(sqlite3 "$WORK/K1.db" 'SELECT count(*) FROM reviews')" "$made"
is "...nor on K2" "$(sqlite3 "$WORK/K2.db" 'SELECT count(*) FROM reviews')" "$made"
dups=$(cat "$WORK/S4"/trainer/*.journal | grep -o '"id":"[0-9a-f]*:[0-9]*"' | sort | uniq -d | wc -l)
is "...no event written twice to the journals" "$dups" 0
same "after the kills" K1 K2 2026-06-02T08:00:00Z

# a record left half written by a kill is cut off by its writer
own=$(ls "$WORK/S4/trainer/$(sqlite3 "$WORK/K1.db" 'SELECT id FROM device').journal")
printf '0badc0de {"id":"' >>"$own"
printf 'x\n' | k K1 2026-06-03T09:00:00Z review --limit 1 >/dev/null 2>&1
k K2 2026-06-03T09:00:00Z sync "$WORK/S4" >"$WORK/sync.out" 2>&1
hasnt "a half-written record is not read (and not reported) while torn" "$(cat "$WORK/sync.out")" "damaged"
k K1 2026-06-03T09:00:00Z sync "$WORK/S4" >/dev/null 2>&1
k K2 2026-06-03T09:00:00Z sync "$WORK/S4" >"$WORK/sync.out" 2>&1
hasnt "...its writer cut it off and appended after it" "$(cat "$WORK/sync.out")" "damaged"
has "...and the answer after it arrives" "$(cat "$WORK/sync.out")" "received 1 event"

# ---- a truncated journal, a flipped byte, a newer format ----
mkdir -p "$WORK/S5/trainer" "$WORK/S5b/trainer" "$WORK/S5c/trainer" "$WORK/S5d/trainer"
j() { local m=$1; shift; "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now 2026-07-01T09:00:00Z "$@"; }
j F1 sync "$WORK/S5" >/dev/null 2>&1
printf 'x\nx\nx\nx\nx\n' | j F1 review >/dev/null 2>&1
j F1 sync "$WORK/S5" >/dev/null 2>&1
src=$(ls "$WORK"/S5/trainer/*.journal)
name=$(basename "$src")
head -c -20 "$src" >"$WORK/S5b/trainer/$name"
j F2 sync "$WORK/S5b" >"$WORK/sync.out" 2>"$WORK/sync.err"
is "a truncated journal: the sync works" "$?" 0
has "...the whole records come in" "$(cat "$WORK/sync.out")" "received 4 events"
hasnt "...the cut one is not reported while it may still be coming" "$(cat "$WORK/sync.err")" "warning"
cp "$src" "$WORK/S5b/trainer/$name"
j F2 sync "$WORK/S5b" >"$WORK/sync.out" 2>&1
has "...and comes in once it is complete" "$(cat "$WORK/sync.out")" "received 1 event"
# one byte flipped in the JSON of record 3 (line 4, after the header)
cp "$src" "$WORK/S5c/trainer/$name"
at=$(($(head -n 3 "$src" | wc -c) + 40))
byte=$(dd if="$src" bs=1 skip=$at count=1 2>/dev/null)
[ "$byte" = Z ] && flip=Y || flip=Z
printf '%s' "$flip" | dd of="$WORK/S5c/trainer/$name" bs=1 seek=$at conv=notrunc 2>/dev/null
is "...the copy differs by one byte" "$(cmp -l "$src" "$WORK/S5c/trainer/$name" | wc -l)" 1
j F3 sync "$WORK/S5c" >"$WORK/sync.out" 2>"$WORK/sync.err"
is "a flipped byte: the sync works" "$?" 0
has "...the record is reported by journal and number" "$(cat "$WORK/sync.err")" "$WORK/S5c/trainer/$name: warning: record 3 is damaged (its checksum or form is wrong); skipped"
has "...and only it is skipped" "$(cat "$WORK/sync.out")" "received 4 events"
j F3 sync "$WORK/S5c" >"$WORK/sync.out" 2>"$WORK/sync.err"
is "...once: the next sync goes on after it" "$(cat "$WORK/sync.err")" ""
# a newer format is refused and changes nothing
printf 'trainer-journal 2 %s\n' "${name%.journal}" >"$WORK/S5d/trainer/$name"
j F4 sync "$WORK/S5" >/dev/null 2>&1
before=$(sqlite3 "$WORK/F4.db" .dump | md5sum)
j F4 sync "$WORK/S5d" >"$WORK/sync.out" 2>"$WORK/sync.err"
is "a journal of a newer format: exit 65" "$?" 65
has "...says why" "$(cat "$WORK/sync.err")" "is a journal of format 2, newer than this trainer's (1): update trainer; nothing was synced"
is "...and changes nothing" "$(sqlite3 "$WORK/F4.db" .dump | md5sum)" "$before"
is "...not even this machine's journal there" "$(ls "$WORK/S5d/trainer" | wc -l)" 1

# ---- three machines in a ring: each pair shares a folder of its own ----
mkdir -p "$WORK/AB" "$WORK/BC" "$WORK/CA"
g() { local m=$1 now=$2; shift 2; "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now "$now" "$@"; }
for m in R1 R2 R3; do g $m 2026-08-01T08:00:00Z cards >/dev/null 2>&1; done
printf 'x\ny\nx\n' | g R1 2026-08-01T09:00:00Z review --limit 3 >/dev/null 2>&1
printf 'y\nx\nx\n' | g R2 2026-08-01T10:00:00Z review --limit 3 >/dev/null 2>&1
printf 'x\nx\ny\n' | g R3 2026-08-01T11:00:00Z review --limit 3 >/dev/null 2>&1
ring() {
	g R1 "$1" sync "$WORK/AB" >/dev/null 2>&1
	g R2 "$1" sync "$WORK/AB" >/dev/null 2>&1
	g R2 "$1" sync "$WORK/BC" >/dev/null 2>&1
	g R3 "$1" sync "$WORK/BC" >/dev/null 2>&1
	g R3 "$1" sync "$WORK/CA" >/dev/null 2>&1
	g R1 "$1" sync "$WORK/CA" >/dev/null 2>&1
}
ring 2026-08-01T12:00:00Z
ring 2026-08-01T12:00:00Z
is "a ring: R1 has every answer" "$(sqlite3 "$WORK/R1.db" 'SELECT count(*) FROM reviews')" 9
same "a ring (R1, R2)" R1 R2 2026-08-02T08:00:00Z
same "a ring (R2, R3)" R2 R3 2026-08-02T08:00:00Z

# ---- answers of a card this machine does not have yet ----
D6=$WORK/d6
mkdir -p "$D6" "$WORK/S6"
cp "$D/six.yaml" "$D6/"
printf 'x\nx\n' | "$TRAINER" --db "$WORK/W1.db" --decks "$D1" --now 2026-09-01T09:00:00Z review >/dev/null 2>&1
"$TRAINER" --db "$WORK/W1.db" --decks "$D1" --now 2026-09-01T09:00:00Z sync "$WORK/S6" >/dev/null 2>&1
"$TRAINER" --db "$WORK/W2.db" --decks "$D6" --now 2026-09-01T10:00:00Z sync "$WORK/S6" >"$WORK/sync.out" 2>&1
has "an answer whose card is not here waits" "$(cat "$WORK/sync.out")" "2 events wait for cards this machine does not have yet"
is "...it is not in the log yet" "$(sqlite3 "$WORK/W2.db" 'SELECT count(*) FROM reviews')" 0
cp "$D1/one.yaml" "$D6/"
"$TRAINER" --db "$WORK/W2.db" --decks "$D6" --now 2026-09-01T10:00:00Z sync "$WORK/S6" >"$WORK/sync.out" 2>&1
has "...and is applied when the card arrives" "$(cat "$WORK/sync.out")" "applied 2 waiting events"
is "...with the state the other machine has" "$(sqlite3 "$WORK/W2.db" "SELECT state, stability, due FROM cards WHERE key = 'solo'")" "$(sqlite3 "$WORK/W1.db" "SELECT state, stability, due FROM cards WHERE key = 'solo'")"

# ---- clock skew ----
printf 'x\n' | "$TRAINER" --db "$WORK/W1.db" --decks "$D1" --now 2026-09-05T09:00:00Z review >/dev/null 2>&1
"$TRAINER" --db "$WORK/W1.db" --decks "$D1" --now 2026-09-05T09:00:00Z sync "$WORK/S6" >/dev/null 2>&1
"$TRAINER" --db "$WORK/W2.db" --decks "$D6" --now 2026-09-02T10:00:00Z sync "$WORK/S6" >"$WORK/sync.out" 2>"$WORK/sync.err"
has "an answer from a clock days ahead is kept and reported" "$(cat "$WORK/sync.err")" "1 answer came from a clock more than a day ahead of this machine's"
is "...it is in the log" "$(sqlite3 "$WORK/W2.db" 'SELECT count(*) FROM reviews')" 3

# ---- a database from before the events migrates, keeps every answer, syncs ----
sqlite3 "$WORK/old.db" <tests/fixtures/progress-v1.sql
mkdir -p "$WORK/dold" "$WORK/S7"
printf 'deck: old-deck\ntitle: Old\ncards:\n  - {id: mdt, q: "When was the Mutual Defense Treaty signed?", a: "1953-10-01"}\n  - {id: rhee, q: "Who was the first ROK president?", a: Syngman Rhee}\n' >"$WORK/dold/old.yaml"
was=$(sqlite3 "$WORK/old.db" "SELECT state, stability, reps FROM cards WHERE key = 'mdt'")
"$TRAINER" --db "$WORK/old.db" --decks "$WORK/dold" --now 2026-01-02T09:00:00Z sync "$WORK/S7" >"$WORK/sync.out" 2>&1
is "an old database: the sync works" "$?" 0
is "...it migrated to version 9" "$(sqlite3 "$WORK/old.db" 'PRAGMA user_version')" 9
is "...every answer kept, each with its event" "$(sqlite3 "$WORK/old.db" "SELECT count(*) FROM reviews r JOIN events e ON e.review = r.id")" 2
has "...and sent" "$(cat "$WORK/sync.out")" "sent 2 events"
# (replayed by this scheduler: the fixture's due date, from an older one,
# moves by minutes; state, stability and reps stay)
is "...its card state as it was" "$(sqlite3 "$WORK/old.db" "SELECT state, stability, reps FROM cards WHERE key = 'mdt'")" "$was"
"$TRAINER" --db "$WORK/new.db" --decks "$WORK/dold" --now 2026-01-02T09:00:00Z sync "$WORK/S7" >/dev/null 2>&1
mem() { sqlite3 "$WORK/$1.db" "SELECT key, state, stability, difficulty, reps, due FROM cards WHERE reps > 0 ORDER BY key"; }
is "...and another machine gets the same state" "$(mem new)" "$(mem old)"
"$TRAINER" --db "$WORK/old.db" --decks "$WORK/dold" db check >/dev/null 2>&1
is "...db check is clean" "$?" 0

# ---- config sync-dir: review syncs at its start and end ----
mkdir -p "$WORK/S8"
c() { local m=$1 now=$2; shift 2; "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now "$now" "$@"; }
c H1 2026-10-01T08:00:00Z config sync-dir "$WORK/S8" >/dev/null 2>&1
c H2 2026-10-01T08:00:00Z config sync-dir "$WORK/S8" >/dev/null 2>&1
printf 'x\nx\n' | c H1 2026-10-01T09:00:00Z review --limit 2 >/dev/null 2>"$WORK/h.err"
has "a review with sync-dir syncs at its end" "$(cat "$WORK/h.err")" "synced with $WORK/S8: 2 out"
printf 'x\n' | c H2 2026-10-01T10:00:00Z review --limit 1 >/dev/null 2>"$WORK/h.err"
has "...and at its start" "$(cat "$WORK/h.err")" "synced with $WORK/S8: 0 out, 2 in"
is "...the other machine's answers are there" "$(sqlite3 "$WORK/H2.db" 'SELECT count(*) FROM reviews')" 3
c H2 2026-10-01T10:00:00Z config sync-dir "$WORK/nowhere" >/dev/null 2>&1
printf 'x\n' | c H2 2026-10-01T11:00:00Z review --limit 1 >/dev/null 2>"$WORK/h.err"
is "a sync that fails does not fail the review" "$?" 0
has "...it is a warning" "$(cat "$WORK/h.err")" "warning: could not sync with '$WORK/nowhere'; the answers are saved here"
is "...and the answer is saved" "$(sqlite3 "$WORK/H2.db" 'SELECT count(*) FROM reviews')" 4
c H2 2026-10-01T11:00:00Z config sync-dir "relative/path" >/dev/null 2>&1
is "sync-dir takes only an absolute path" "$?" 64
is "the machine's own sync-dir never travels" "$(sqlite3 "$WORK/H2.db" "SELECT count(*) FROM events WHERE target = 'sync-dir'")" 0
c H1 2026-10-01T12:00:00Z config desired-retention 0.85 >/dev/null 2>&1
c H1 2026-10-01T12:00:00Z sync >/dev/null 2>&1
c H2 2026-10-01T12:00:00Z config sync-dir "$WORK/S8" >/dev/null 2>&1
c H2 2026-10-01T12:00:00Z sync >/dev/null 2>&1
is "a setting travels (trainer sync with no folder uses sync-dir)" "$(c H2 2026-10-01T12:00:00Z config desired-retention)" "0.85"
c H2 2026-10-01T12:30:00Z config desired-retention 0.8 >/dev/null 2>&1
c H1 2026-10-01T12:10:00Z config desired-retention 0.95 >/dev/null 2>&1
c H2 2026-10-01T13:00:00Z sync >/dev/null 2>&1
c H1 2026-10-01T13:00:00Z sync >/dev/null 2>&1
c H2 2026-10-01T13:00:00Z sync >/dev/null 2>&1
is "the latest change of a setting wins everywhere" "$(c H1 2026-10-01T13:00:00Z config desired-retention):$(c H2 2026-10-01T13:00:00Z config desired-retention)" "0.8:0.8"
run --db "$WORK/none.db" sync
is "sync without a folder or sync-dir: exit 64" "$status" 64

# ---- db check sees what would break a sync ----
cp "$WORK/A.db" "$WORK/broken.db"
sqlite3 "$WORK/broken.db" "UPDATE events SET review = NULL WHERE n = (SELECT min(n) FROM events WHERE kind = 'review' AND review IS NOT NULL)"
run --db "$WORK/broken.db" db check
is "db check: an answer without its event: exit 65" "$status" 65
has "...names the answer" "$err" "has no event: it would not sync"
cp "$WORK/A.db" "$WORK/broken2.db"
sqlite3 "$WORK/broken2.db" "UPDATE device SET seq = 1"
run --db "$WORK/broken2.db" db check
has "db check: an event counter behind its events" "$err" "the event counter (1) is behind this machine's events"

# ---- a backup put back: what it lacks comes back from its own journal ----
mkdir -p "$WORK/S9"
b() { local m=$1 now=$2; shift 2; "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now "$now" "$@"; }
b Y1 2026-11-01T08:00:00Z sync "$WORK/S9" >/dev/null 2>&1
b Y2 2026-11-01T08:00:00Z sync "$WORK/S9" >/dev/null 2>&1
printf 'x\nx\n' | b Y1 2026-11-01T09:00:00Z review --limit 2 >/dev/null 2>&1
b Y1 2026-11-01T09:30:00Z sync "$WORK/S9" >/dev/null 2>&1
b Y1 2026-11-01T09:30:00Z backup "$WORK/Y1-backup.db" >/dev/null 2>&1
printf 'x\ny\n' | b Y1 2026-11-02T09:00:00Z review --limit 2 >/dev/null 2>&1
b Y1 2026-11-02T09:30:00Z sync "$WORK/S9" >/dev/null 2>&1
rm -f "$WORK/Y1.db-wal" "$WORK/Y1.db-shm"
cp "$WORK/Y1-backup.db" "$WORK/Y1.db"
printf 'x\n' | b Y1 2026-11-03T09:00:00Z review --limit 1 >/dev/null 2>&1
b Y1 2026-11-03T09:30:00Z sync "$WORK/S9" >/dev/null 2>&1
b Y2 2026-11-03T09:30:00Z sync "$WORK/S9" >/dev/null 2>&1
is "a backup put back takes back its answers from its journal" "$(sqlite3 "$WORK/Y1.db" 'SELECT count(*) FROM reviews')" 5
is "...and its new answer is not numbered as an old one" "$(sqlite3 "$WORK/Y2.db" 'SELECT count(*) FROM reviews')" 5
same "after a backup put back" Y1 Y2 2026-11-04T08:00:00Z

# ---- quiz and drill answers travel too, for the reports ----
mkdir -p "$WORK/S10"
printf 'x\n' | "$TRAINER" --db "$WORK/X1.db" --decks "$D1" --now 2026-03-01T09:00:00Z quiz >/dev/null 2>&1
"$TRAINER" --db "$WORK/X1.db" --decks "$D1" --now 2026-03-01T09:00:00Z sync "$WORK/S10" >/dev/null 2>&1
"$TRAINER" --db "$WORK/X2.db" --decks "$D1" --now 2026-03-01T09:00:00Z sync "$WORK/S10" >/dev/null 2>&1
has "a quiz answer arrives as a quiz answer" "$("$TRAINER" --db "$WORK/X2.db" --decks "$D1" history one/solo)" "quiz    right"
is "...and leaves the schedule alone" "$(sqlite3 "$WORK/X2.db" "SELECT state, reps FROM cards")" "0|0"

# ---- far from UTC: days are the replaying machine's (TZ, rollover) ----
mkdir -p "$WORK/S11"
z() { local m=$1 now=$2; shift 2; TZ=Pacific/Auckland "$TRAINER" --db "$WORK/$m.db" --decks "$D" --now "$now" "$@"; }
z Z1 2026-03-01T08:00:00Z sync "$WORK/S11" >/dev/null 2>&1
z Z2 2026-03-01T08:00:00Z sync "$WORK/S11" >/dev/null 2>&1
# 14:30Z and 15:30Z are either side of 04:00 in Auckland (UTC+13)
printf 'x\nx\nx\n' | z Z1 2026-03-01T14:30:00Z review --limit 3 >/dev/null 2>&1
printf 'x\ny\nx\n' | z Z2 2026-03-01T15:30:00Z review --limit 3 >/dev/null 2>&1
z Z1 2026-03-02T08:00:00Z sync "$WORK/S11" >/dev/null 2>&1
z Z2 2026-03-02T08:00:00Z sync "$WORK/S11" >/dev/null 2>&1
z Z1 2026-03-02T08:00:00Z sync "$WORK/S11" >/dev/null 2>&1
is "in Auckland the two answers fall on two local days" "$(sqlite3 "$WORK/Z1.db" 'SELECT count(DISTINCT day) FROM reviews')" 2
is "...the same answers on both" "$(answers Z1)" "$(answers Z2)"
is "...and the same schedule" "$(TZ=Pacific/Auckland state Z1 2026-03-03T08:00:00Z)" "$(TZ=Pacific/Auckland state Z2 2026-03-03T08:00:00Z)"
