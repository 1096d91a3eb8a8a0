# Options: every numeric option of every command refuses overflow,
# trailing junk, blanks, signs and empty values with a usage error that
# names the option (exit 64), before anything is opened or created.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

# refused NAME EXPECTED-MESSAGE ARGS...: exit 64, the message, no database
refused() {
	local name=$1 want=$2
	shift 2
	run --db "$WORK/never.db" "$@"
	if [ "$status" -eq 64 ] && [[ "$err" == *"$want"* ]] && [ ! -e "$WORK/never.db" ]; then
		echo "ok - $name"
	else
		echo "not ok - $name"
		printf '#   exit %s, wanted 64 and: %s\n#   stderr: %s\n' "$status" "$want" "$err"
	fi
}

# Whole numbers: each option, each kind of bad value.
for spec in "review new 0 9999" "review limit 1 100000" "quiz count 1 10000" \
	"stats days 1 3650" "report days 1 366" "sessions limit 1 100000" \
	"replay rollover 0 23"; do
	read -r cmd opt lo hi <<<"$spec"
	for bad in 99999999999999999999 9223372036854775808 -1 "" 5x " 5" +5 0x10 1e3 5.0; do
		refused "$cmd --$opt '$bad' is refused" \
			"'--$opt' needs a whole number from $lo to $hi, not '$bad'" "$cmd" "--$opt" "$bad"
	done
	refused "$cmd --$opt=$((hi + 1)) is refused" \
		"'--$opt' needs a whole number from $lo to $hi, not '$((hi + 1))'" "$cmd" "--$opt=$((hi + 1))"
done

# --seed: a whole number up to 2^64-1, nothing clamped.
refused "--seed past 2^64-1 is refused, not clamped" \
	"'--seed' needs a whole number up to 18446744073709551615, not '99999999999999999999999'" \
	--seed 99999999999999999999999 replay
refused "--seed 2^64 is refused" "up to 18446744073709551615, not '18446744073709551616'" \
	--seed 18446744073709551616 replay
for bad in -5 "" " 5" +5 5x; do
	refused "--seed '$bad' is refused" "'--seed' needs a whole number, not '$bad'" --seed "$bad" replay
done
printf '' | "$TRAINER" --seed 18446744073709551615 replay >/dev/null 2>"$WORK/err"
is "--seed 2^64-1 is accepted" "$?:$(cat "$WORK/err")" "0:"

# --retention: a decimal number; no nan, inf, hex or junk.
for bad in nan inf -inf 0x1p-1 "" " 0.9" 0.9x 0.5 1 9e-1x .; do
	refused "--retention '$bad' is refused" \
		"'--retention' needs a number from 0.70 to 0.99, not '$bad'" replay --retention "$bad"
done
for good in 0.9 .9 9e-1 0.70 0.99; do
	printf '' | "$TRAINER" replay --retention "$good" >/dev/null 2>&1
	is "--retention $good is accepted" "$?" 0
done

# Steps: no overflow, no empty value, at most 16.
refused "--learning-steps that overflow are refused" \
	"'--learning-steps' needs steps like 1m,10m (m, h or d; each from 1m to 30d; 'none' for no steps), not '3333333333333333333h'" \
	replay --learning-steps 3333333333333333333h
refused "--relearning-steps that overflow in days are refused" \
	"'--relearning-steps' needs steps like 1m,10m" replay --relearning-steps 99999999999999d
refused "a step past 30 days is refused" "not '1m,43201m'" replay --learning-steps 1m,43201m
refused "a step of 0 minutes is refused" "not '0m'" replay --learning-steps 0m
refused "empty --learning-steps are refused" \
	"'--learning-steps' needs steps like 1m,10m, or 'none', not ''" replay --learning-steps ""
refused "--learning-steps of commas only are refused" "not ',,'" replay --learning-steps ,,
refused "'none' among steps is refused" "not '1m,none'" replay --learning-steps 1m,none
refused "a step without a unit is refused" "not '10'" replay --learning-steps 10
refused "17 steps are refused" "'--relearning-steps' takes at most 16 steps" \
	replay --relearning-steps "$(printf '%sm,' $(seq 1 17))"
st=$(printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --no-fuzz --learning-steps "1m 30d" | tail -1)
is "a step of exactly 30 days is accepted" "$st" "c,2026-01-05T09:00:00Z,3,review,2.3065,2.11810397,30,2026-02-04T09:00:00Z"

# --now: a zone offset is whole.
refused "--now with a '+05:' offset is refused" \
	"--now: '2026-01-01T00:00:00+05:' is not an ISO 8601 time" --now 2026-01-01T00:00:00+05: replay
refused "--now with a '+5' offset is refused" "is not an ISO 8601 time" --now 2026-01-01T00:00:00+5 replay
refused "--now with a '+05:3' offset is refused" "is not an ISO 8601 time" --now 2026-01-01T00:00:00+05:3 replay
refused "empty --now is refused" "--now: '' is not an ISO 8601 time" --now "" replay
for good in +05 +0530 +05:30 -05:00 Z; do
	o=$(printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" --now "2026-01-01T00:00:00$good" replay 2>&1 | tail -1)
	has "--now with a '$good' offset is accepted" "$o" "c,2026-01-05T09:00:00Z,3,learning"
done

# "--" ends the global options: the next argument is the command.
printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" -- replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "'trainer -- replay' runs replay" "$?:$(tail -1 "$WORK/o")" "0:c,2026-01-05T09:00:00Z,3,learning,2.3065,2.11810397,0,2026-01-05T09:10:00Z"
run --db "$WORK/d.db" -- check decks
is "'trainer --db X -- check' runs check" "$status" 0
refused "after '--' a global option is not taken" "replay: unknown option '--seed'" -- replay --seed 1
refused "'trainer -- --db' names an unknown command" "unknown command '--db'" -- --db x
run --
is "'trainer --' alone is a usage error" "$status" 64

# --params: a folder or an empty name.
run replay --params "$WORK"
is "--params with a folder exits 66" "$status" 66
is "--params with a folder says it is one" "$err" "trainer: $WORK: error: cannot read: it is a folder, not a file"
refused "empty --params is refused" "replay: '--params' needs a file" replay --params ""

# --now before 1970 is a time like any other: new cards are shown, the
# review is saved at that time, and the card comes back the next day.
mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: Test
cards:
  - {id: mdt, type: date, q: When was the Mutual Defense Treaty signed?, a: 1953-10-01, tags: [dates]}
YAML
printf '1 October 1953\n' | "$TRAINER" --db "$WORK/old.db" --decks "$WORK/d" --now 1969-12-30T12:00:00Z review >"$WORK/o" 2>"$WORK/err"
is "review with --now in 1969 exits 0" "$?" 0
hasnt "and reports no error" "$(cat "$WORK/err")" "error"
has "review with --now in 1969 asks the new card" "$(cat "$WORK/o")" "When was the Mutual Defense Treaty signed?"
# --now moves on with the real clock: a loaded machine may take a second
is "the review in 1969 is saved at its time" "$(sqlite3 "$WORK/old.db" 'SELECT time BETWEEN -129600 AND -129590, rating FROM reviews')" "1|3"
run --db "$WORK/old.db" --decks "$WORK/d" --now 1969-12-30T12:11:00Z stats
has "stats with --now in 1969 counts the card due" "$out" "1 due now"
printf '1 October 1953\n' | "$TRAINER" --db "$WORK/old.db" --decks "$WORK/d" --now 1969-12-30T12:11:00Z review >"$WORK/o" 2>&1
has "the card comes back in its learning step in 1969" "$(cat "$WORK/o")" "When was the Mutual Defense Treaty signed?"
refused "--now past 9999 is refused" "--now: '10000-01-01T00:00:00Z' is past the year 9999" \
	--now 10000-01-01T00:00:00Z replay
refused "--now before year 1 in UTC is refused" \
	"--now: '0001-01-01T00:00:00+01:00' is outside the years 0001 to 9999 in UTC" \
	--now 0001-01-01T00:00:00+01:00 replay
