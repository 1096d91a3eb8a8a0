# Due by day, as in Anki: a card with an interval of a day or more is due
# for the whole local day its due time falls on (the day starting at the
# rollover hour, 4 by default); learning steps keep their exact times.
# review, cards --due, stats (due now and forecast) and the report agree.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }

mkdir -p "$WORK/d"
printf 'deck: one\ntitle: One\ncards:\n  - {id: mdt, type: date, q: When was the treaty signed?, a: 1953-10-01}\n' >"$WORK/d/one.yaml"
DB=$WORK/p.db
# Answered right in an evening session (Good: its 10-minute step, asked
# again early as nothing else is left, Good again): it graduates to review
# with a 2-day interval, due at 18:00 two days on.
printf '1953-10-01\n1953-10-01\n1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T18:00:00Z review >/dev/null 2>&1
is "the card is in review with a 2-day interval" "$(q 'SELECT state, scheduled_days FROM cards')" "2|2"
is "due in the evening two days on" "$(q "SELECT strftime('%Y-%m-%d %H', due, 'unixepoch') FROM cards")" "2026-03-03 18"

at() { # TIME ARGS...: the trainer at TIME
	local t=$1
	shift
	run --db "$DB" --decks "$WORK/d" --now "$t" "$@"
}
# the morning of its day: due all day
at 2026-03-03T09:00:00Z stats
has "stats in the morning of its day: 1 due now" "$out" "1 due now"
at 2026-03-03T09:00:00Z stats --json
is "stats --json: due_now 1, and the forecast says today 1" "$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["today"]["due_now"], s["forecast"][0]["due"])')" "1 1"
at 2026-03-03T09:00:00Z cards --due
has "cards --due lists it in the morning" "$out" "one/mdt"
at 2026-03-03T09:00:00Z report --html "$WORK/r.html"
has "the report says 1 due now" "$(cat "$WORK/r.html")" 'data-stat="today.due_now">1<'
printf '1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-03T09:00:00Z review >"$WORK/out" 2>&1
has "review in the morning asks it" "$(cat "$WORK/out")" "When was the treaty signed?"
is "and the answer is logged on that day" "$(q "SELECT count(*) FROM reviews WHERE date(time, 'unixepoch') = '2026-03-03'")" 1

# the day before, up to the rollover hour: not yet
DB=$WORK/p2.db
printf '1953-10-01\n1953-10-01\n1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T18:00:00Z review >/dev/null 2>&1
at 2026-03-03T03:59:00Z stats
has "at 03:59 it is still the day before: 0 due now" "$out" "0 due now"
at 2026-03-03T03:59:00Z cards --due
is "cards --due lists nothing at 03:59" "$out" "no cards match"
printf '1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-03T03:59:00Z review >"$WORK/out" 2>&1
has "review at 03:59 has nothing due" "$(cat "$WORK/out")" "nothing is due now"
at 2026-03-03T04:00:00Z stats
has "at 04:00 its day has begun: 1 due now" "$out" "1 due now"

# in another zone the day follows the local clock: 18:1x UTC on 3 March is
# 03:1x on 4 March in Seoul, before the rollover: still the 3rd's day
TZ=Asia/Seoul run --db "$DB" --decks "$WORK/d" --now 2026-03-03T00:00:00Z stats
has "in Seoul it is due from 04:00 on the 3rd, local time" "$out" "1 due now"
TZ=Asia/Seoul run --db "$DB" --decks "$WORK/d" --now 2026-03-02T18:59:00Z stats
has "and not at 03:59 on the 3rd in Seoul" "$out" "0 due now"

# a learning step keeps its exact time
DB=$WORK/p3.db
printf '1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z review --limit 1 >/dev/null 2>&1
is "after one right answer the card waits 10 minutes" "$(q 'SELECT state, scheduled_days FROM cards')" "1|0"
at 2026-03-01T09:05:00Z stats
has "5 minutes on, the step is not due" "$out" "0 due now"
at 2026-03-01T09:11:00Z stats
has "11 minutes on, it is" "$out" "1 due now"

# ---- the counters count what is left, the card on screen included ----
mkdir -p "$WORK/four"
printf 'deck: four\ntitle: Four\ncards:\n' >"$WORK/four/f.yaml"
for i in 1 2 3 4; do printf '  - {id: c%d, q: Question %d?, a: answer %d}\n' $i $i $i >>"$WORK/four/f.yaml"; done
DB=$WORK/four.db
printf 'wrong\nanswer 2\n' | "$TRAINER" --db "$DB" --decks "$WORK/four" --now 2026-03-01T09:00:00Z review --limit 2 >"$WORK/out" 2>&1
is "the headers count the card on screen and what is left" "$(grep -o '^\[[^]]*\]' "$WORK/out" | paste -sd' ')" "[0 due · 0 learning · 4 new] [0 due · 1 learning · 3 new]"
printf '' | "$TRAINER" --db "$DB" --decks "$WORK/four" --now 2026-03-02T09:00:00Z review >/dev/null 2>&1
printf 'answer 1\n' | "$TRAINER" --db "$DB" --decks "$WORK/four" --now 2026-03-04T09:00:00Z review --limit 1 >"$WORK/out" 2>&1
has "a day later the due cards are counted" "$(cat "$WORK/out")" "[2 due · 0 learning · 2 new]"

# ---- a learning card shown before its step is due says so ----
DB=$WORK/early.db
printf '1953-10-01\n1953-10-01\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T18:00:00Z review >"$WORK/out" 2>&1
is "the first header has no early mark" "$(grep -c '^\[0 due · 0 learning · 1 new\] one · a date$' "$WORK/out")" 1
has "the card asked again at once says it comes early" "$(cat "$WORK/out")" "[0 due · 1 learning · 0 new] one · a date · early: due in 10m"
