# 'trainer plan --exam DATE' and 'trainer config exam DATE': on a
# database built by scripted sessions over two weeks, the plan's reviews,
# replayed day by day with --now, bring every card to the target recall on
# the exam day (checked with FSRS's curve from the cards' states in the
# database), with fewer reviews than reviewing everything every day.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
{
	printf 'deck: p\ntitle: Plan\ncards:\n'
	for i in $(seq 1 40); do
		printf '  - {id: c%02d, q: "Card %d: say yes", a: "yes", tags: [%s]}\n' "$i" "$i" \
			"$([ "$i" -le 20 ] && echo first || echo second)"
	done
} >"$WORK/d/p.yaml"
DB=$WORK/p.db
t() { date -u -d "2026-03-01 +$1 days" +%Y-%m-%dT09:00:00Z; }
day() { date -u -d "2026-03-01 +$1 days" +%Y-%m-%d; }
review() { # DAY [ARGS...]: a review that day, every answer right
	local d=$1
	shift
	yes yes | head -400 | "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 1 --now "$(t "$d")" review "$@" 2>&1
}

# two weeks of study, two new cards a day: 28 of the 40 started
for d in $(seq 0 13); do review "$d" --new 2 >/dev/null; done
is "two weeks of study: 28 cards started" "$(sqlite3 "$DB" 'SELECT count(*) FROM cards WHERE state != 0')" 28

EXAM=$(day 28)
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam "$EXAM" --json
is "plan --json exits 0" "$status" 0
is "...the exam, the days to it, the target by default" "$(jq -r '"\(.exam) \(.days_left) \(.target)"' <<<"$out")" "$EXAM 14 0.9"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam "$EXAM" --target 0.95 --json
is "...the studied cards" "$(jq .studied <<<"$out")" 28
is "...the new cards, and that they fit at 20 a day" "$(jq -c .new <<<"$out")" '{"cards":12,"fit":12}'
is "...reviews brought forward" "$([ "$(jq '[.days[].moved] | add' <<<"$out")" -gt 0 ] && echo some)" "some"
is "...a plan for every day to the exam" "$(jq '.days | length' <<<"$out")" 14
is "...that leaves no card below the target" "$(jq .below_target_planned <<<"$out")" 0
planned=$(jq .reviews <<<"$out")
every=$(jq .every_day_reviews <<<"$out")
is "...with fewer reviews than every card every day" "$([ "$planned" -lt "$every" ] && echo fewer)" "fewer"
is "...the per-day totals add up to the reviews" "$(jq '[.days[].total] | add' <<<"$out")" "$planned"
below=$(jq .below_target_scheduled <<<"$out")
has "...some cards would be below the target on their current schedule" "$([ "$below" -gt 0 ] && echo "below: $below")" "below:"
is "...the per-card recall under the current schedule" "$(jq '[.cards[] | select(.recall_scheduled != null and .recall_scheduled < 0.95)] | length' <<<"$out")" "$below"
is "...and after the plan: every card at the target" "$(jq '[.cards[] | select(.recall_planned < 0.95)] | length' <<<"$out")" 0

out=$(TZ=Pacific/Kiritimati "$TRAINER" --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam "$EXAM" --target 0.95 --json)
is "in a zone 14 hours ahead: the same days, every card at the target" "$(jq -c '[.days_left, (.days | length), .below_target_planned]' <<<"$out")" "[14,14,0]"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam "$EXAM"
has "plan: the text" "$out" "Exam on $EXAM (in 14 days), target recall 90%"
has "...a line a day" "$out" "  $(day 14)"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam "$EXAM" --deck p --tag first --json
is "--deck and --tag narrow it" "$(jq '.studied + .new.cards' <<<"$out")" 20
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam 2026-03-01
is "an exam in the past exits 64" "$status" 64
has "...saying so" "$err" "the exam date 2026-03-01 is past"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam 2026-13-01
is "a date that is none exits 64" "$status" 64
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" plan --exam "$EXAM" --target 1.5
is "a target above 0.99 exits 64" "$status" 64

# ---- config exam: review follows the plan ----
run --db "$DB" config exam "$EXAM" --target 0.95
is "config exam DATE --target R exits 0" "$status" 0
is "...says both" "$out" "exam = $EXAM (default none)
exam-target = 0.95 (default 0.9)"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" stats --json
is "stats: the exam countdown" "$(jq -c '.exam | {date, days_left, target}' <<<"$out")" "{\"date\":\"$EXAM\",\"days_left\":14,\"target\":0.95}"
is "...the share of cards predicted at the target on the day, with the plan" "$(jq -c '.exam.at_target_planned' <<<"$out")" "1"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" stats
has "stats: the countdown in words" "$out" "Exam $EXAM: in 14 days;"
run --db "$DB" --decks "$WORK/d" --now "$(t 14)" report --html "$WORK/r.html"
has "the HTML report shows the countdown" "$(cat "$WORK/r.html")" 'data-stat="exam.days_left">14<'

run --db "$DB" config exam 2026-02-30
is "config exam with a day that is none exits 64" "$status" 64
before=$(sqlite3 "$DB" 'SELECT count(*) FROM reviews')
for d in $(seq 14 27); do
	out=$(review "$d")
	[ "$d" = 14 ] && first=$out
done
has "review says how many need you today" "$first" "exam in 14 days ($EXAM): "
answers=$(( $(sqlite3 "$DB" 'SELECT count(*) FROM reviews') - before ))
is "every card was started" "$(sqlite3 "$DB" 'SELECT count(*) FROM cards WHERE state = 0')" 0
# FSRS-6's curve (w20 0.1542) on the exam day, from each card's state
low=$(sqlite3 "$DB" "SELECT count(*) FROM cards WHERE power(1 + (power(0.9, -1 / 0.1542) - 1) * (julianday('$EXAM') - julianday(date(last_review, 'unixepoch'))) / stability, -0.1542) < 0.95")
is "on the exam day every card is at the target (FSRS's curve)" "$low" 0
is "...with fewer answers than every card every day" "$([ "$answers" -lt "$every" ] && echo fewer)" "fewer"
echo "# plan: $planned reviews planned, $answers answered, $every to review every card every day"

# the setting expires by itself after the exam
out=$(review 29)
hasnt "after the exam review says nothing of it" "$out" "exam in"
run --db "$DB" --decks "$WORK/d" --now "$(t 29)" stats --json
is "...nor does stats" "$(jq -c .exam <<<"$out")" "null"
