# Chronology questions made from the date cards' events: each kind
# answered right and wrong through a pipe, the log rows, the schedule left
# alone, the line in stats, review with 'chronology' on, drill.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/h.yaml" <<'YAML'
deck: h
title: History
cards:
  - {id: war, type: date, q: "On what date did the war begin?", a: 1950-06-25, event: War begins, tags: [dates]}
  - {id: mdt, type: date, q: "On what date was the treaty signed?", a: 1953-10-01, event: Treaty signed, tags: [dates]}
  - {id: cfc, type: date, q: "On what date was the CFC activated?", a: 1978-11-07, event: CFC activated, tags: [dates]}
  - {id: nodate, type: date, q: "In what year did it happen?", a: 1990}
  - {id: who, q: "Who?", a: Rhee}
YAML
declare -A year=([War begins]=1950 [Treaty signed]=1953 [CFC activated]=1978)
declare -A day=([War begins]=19500625 [Treaty signed]=19531001 [CFC activated]=19781107)
NOW=2026-03-01T09:00:00Z
quiz() { # DB INPUT [ARGS...]: a seeded chronology quiz of five questions
	local db=$1 input=$2
	shift 2
	printf '%b' "$input" | "$TRAINER" --db "$db" --decks "$WORK/d" --seed 5 --now "$NOW" quiz --chronology --count 5 "$@" 2>&1
}

# A first run, every question skipped, shows what the seed asks.
probe=$(quiz "$WORK/probe.db" ':skip\n:skip\n:skip\n:skip\n:skip\n')
is "the five kinds take turns" "$(grep -o '^\[chronology [0-9]/5\] [a-z ,]*' <<<"$probe" | sed 's/^.*\] //; s/ *$//' | paste -sd,)" \
	"which came first,the order of events,how many years between,what happened in that year,before or after, and by how much"
is "a skipped question is not logged" "$(sqlite3 "$WORK/probe.db" 'SELECT count(*) FROM chrono_answers')" 0

# The right and a wrong answer of each, worked out from what was shown.
right=() wrong=()
block() { awk -v n="$1" '/^\[chronology /{k++} k==n' <<<"$probe"; }
names() { block "$1" | sed -n 's/^  [0-9]\. //p'; }
first=$(names 1 | head -1) second=$(names 1 | tail -1)
if [ "${day[$first]}" -lt "${day[$second]}" ]; then right+=("$first") wrong+=("$second"); else right+=("$second") wrong+=("$first"); fi
order=$(names 2 | while read -r n; do echo "${day[$n]}"; done | sort | while read -r d; do
	names 2 | grep -nxF "$(for n in "${!day[@]}"; do [ "${day[$n]}" = "$d" ] && echo "$n"; done)" | cut -d: -f1
done | paste -sd' ')
right+=("$order") wrong+=("$(rev <<<"$order")")
pair=$(block 3 | sed -n "s/^How many years apart were '\(.*\)' and '\(.*\)'?$/\1|\2/p")
a=${pair%%|*} b=${pair#*|}
yrs() { # A B: whole years between two of the events
	local y=$(( ${year[$2]} - ${year[$1]} ))
	y=${y#-}
	[ "${day[$1]:4}" \> "${day[$2]:4}" ] && [ "${day[$1]}" -lt "${day[$2]}" ] && y=$((y - 1))
	[ "${day[$2]:4}" \> "${day[$1]:4}" ] && [ "${day[$2]}" -lt "${day[$1]}" ] && y=$((y - 1))
	echo "$y"
}
y=$(yrs "$a" "$b")
right+=("$y years") wrong+=("$((y + 5))")
asked=$(block 4 | sed -n 's/^What happened in \([0-9]*\)?$/\1/p')
for n in "${!year[@]}"; do [ "${year[$n]}" = "$asked" ] && right+=("$n"); done
wrong+=("$(names 4 | grep -vxF "${right[3]}" | head -1)")
pair=$(block 5 | sed -n "s/^When did '\(.*\)' happen, relative to '\(.*\)'?$/\1|\2/p")
a=${pair%%|*} b=${pair#*|}
y=$(yrs "$a" "$b")
if [ "${day[$a]}" -lt "${day[$b]}" ]; then way=before other=after; else way=after other=before; fi
right+=("$y years $way") wrong+=("$y years $other")

DB=$WORK/right.db
out=$(quiz "$DB" "$(printf '%s\\n' "${right[@]}")")
is "each kind answered right is right" "$(grep -cE '^right: ' <<<"$out")" 5
has "the score of the chronology questions" "$out" "chronology: 5/5 right (100%)"
is "the log: a row each, with the session's mode, the kind, the verdict" \
	"$(sqlite3 "$DB" "SELECT s.mode || ' ' || a.kind || ' ' || a.verdict FROM chrono_answers a JOIN sessions s ON s.id = a.session_id ORDER BY a.id")" \
	"quiz first right
quiz order right
quiz between right
quiz year right
quiz relative right"
is "...the cards involved" "$(sqlite3 "$DB" "SELECT cards FROM chrono_answers WHERE kind = 'order'")" '["h/war","h/mdt","h/cfc"]'
is "...what was typed" "$(sqlite3 "$DB" "SELECT answer FROM chrono_answers WHERE kind = 'between'")" "${right[2]}"
is "the session counts them" "$(sqlite3 "$DB" "SELECT questions || ' ' || right FROM sessions")" "5 5"
is "no review row: the date cards' schedules are untouched" "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM reviews) || ' ' || (SELECT count(*) FROM cards WHERE state != 0)")" "0 0"
hasnt "a date card without an event is never asked" "$out" "1990"

DB=$WORK/wrong.db
out=$(quiz "$DB" "$(printf '%s\\n' "${wrong[@]}")")
is "each kind answered wrong is wrong" "$(grep -cE '^wrong: ' <<<"$out")" 5
has "a wrong answer shows both dates and the gap" "$out" "25 June 1950: War begins"
has "...the gap" "$out" "1 October 1953: Treaty signed (3 years 3 months later)"
has "the score" "$out" "chronology: 0/5 right (0%)"
is "the log: five wrong" "$(sqlite3 "$DB" "SELECT group_concat(verdict) FROM chrono_answers")" "wrong,wrong,wrong,wrong,wrong"
is "...the right answer kept with each" "$(sqlite3 "$DB" "SELECT expected FROM chrono_answers WHERE kind = 'between'")" "${right[2]}"

run --db "$DB" --decks "$WORK/d" --now 2026-03-02T09:00:00Z stats
has "stats: a line of its own" "$out" "Chronology: 0/5 right in the last 30 days (0%)"
run --db "$DB" --decks "$WORK/d" --now 2026-03-02T09:00:00Z stats --json
is "stats --json: chronology" "$(jq -c .chronology <<<"$out")" '{"answers":5,"right":0,"rate":0,"days":30}'
run --db "$DB" --decks "$WORK/d" --now 2026-04-15T09:00:00Z stats --json
is "...of the last 30 days only" "$(jq -c .chronology.answers <<<"$out")" 0

# An answer that cannot be read is asked again; :dunno gives up; '?' too.
out=$(quiz "$WORK/d3.db" ':hint\n:dunno\n2\n1 2 3\n:quit\n')
has "an order answered with one number is asked again" "$out" "give each number 1 to 3 once"
has "chronology questions have no hint" "$out" "':hint' is not for chronology questions"
has "...':dunno' gives up" "$out" "wrong: the answer is"
is "...logged as given up, and the quit ends it" "$(sqlite3 "$WORK/d3.db" "SELECT count(*) || ' ' || sum(answer = '') FROM chrono_answers")" "2 1"

# Too few events: said, nothing logged.
run --db "$WORK/few.db" --decks "$WORK/d" --now "$NOW" quiz --chronology --tag nosuch
is "an unknown tag exits 64" "$status" 64
printf '' | "$TRAINER" --db "$WORK/few.db" --decks "$WORK/d" --now "$NOW" quiz --chronology --deck h --count 2 >/dev/null 2>&1
cat >"$WORK/d/one.yaml" <<'YAML'
deck: one
title: One event
cards:
  - {id: war, type: date, q: "On what date did the war begin?", a: 1950-06-25, event: War begins}
YAML
out=$(printf '' | "$TRAINER" --db "$WORK/few.db" --decks "$WORK/d" --now "$NOW" quiz --chronology --deck one 2>&1)
has "one event: no question, and why" "$out" "no chronology questions: the cards asked for have 1 dated event"

# Drill: a question answered wrong comes back after the next one.
out=$(printf ':dunno\n:skip\n:quit\n' | "$TRAINER" --db "$WORK/drill.db" --decks "$WORK/d" --seed 5 --now "$NOW" drill --deck h --chronology 2>&1)
shown() { awk -v n="$1" '/^\[chronology /{k++} k==n' <<<"$out" | sed -n '2p; s/^  [0-9]\. //p' | sort | paste -sd'|'; }
is "drill: the question given up comes back after the next" "$(shown 3)" "$(shown 1)"
is "...the next is another" "$([ -n "$(shown 2)" ] && [ "$(shown 2)" != "$(shown 1)" ] && echo another)" "another"
is "drill: logged with the drill" "$(sqlite3 "$WORK/drill.db" "SELECT group_concat(s.mode || ' ' || a.verdict) FROM chrono_answers a JOIN sessions s ON s.id = a.session_id")" "drill wrong"

# Review with 'chronology' on: a few questions after the cards.
DB=$WORK/review.db
"$TRAINER" --db "$DB" config chronology on >/dev/null 2>&1
"$TRAINER" --db "$DB" config learning-steps none >/dev/null 2>&1
out=$(printf '1950-06-25\n1953-10-01\n:quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 5 --now "$NOW" review --deck h --tag dates --new 2 2>&1)
has "review: the cards, then a chronology question" "$out" "[chronology 1/3]"
is "...the cards answered are scheduled" "$(sqlite3 "$DB" "SELECT count(*) FROM cards WHERE state = 2")" 2
"$TRAINER" --db "$DB" config chronology off >/dev/null 2>&1
out=$(printf '1978-11-07\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 5 --now "$NOW" review --deck h --tag dates 2>&1)
hasnt "review with chronology off asks none" "$out" "[chronology"
