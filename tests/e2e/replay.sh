# 'trainer replay': a history against ts-fsrs's answer, options, and bad
# input refused with the line named and nothing printed.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

# Compare two replay outputs: the same rows, states, intervals and due
# times exactly; stability and difficulty within 1e-6 relative.
same_replay() { # name got-file want-file
	if /usr/bin/python3 - "$2" "$3" <<'PY'; then echo "ok - $1"; else echo "not ok - $1"; fi
import sys
got = open(sys.argv[1]).read().splitlines()
want = open(sys.argv[2]).read().splitlines()
if got[0] != want[0] or len(got) != len(want):
    print("#   header or row count differs:", got[0], len(got), len(want)); sys.exit(1)
bad = 0
for n, (g, w) in enumerate(zip(got[1:], want[1:]), 2):
    g, w = g.split(","), w.split(",")
    ok = len(g) == 8 and g[:4] == w[:4] and g[6:] == w[6:]
    for i in (4, 5):
        a, b = float(g[i]), float(w[i])
        ok = ok and abs(a - b) <= 1e-6 * max(abs(b), 1e-12)
    if not ok:
        print("#   line %d: got %s, want %s" % (n, ",".join(g), ",".join(w))); bad += 1
sys.exit(1 if bad else 0)
PY
}

TZ=UTC "$TRAINER" replay --no-fuzz --rollover 0 <tests/fsrs/replay-small.csv >"$WORK/out.csv" 2>"$WORK/err"
is "replay exits 0" "$?" 0
is "replay prints nothing on stderr" "$(cat "$WORK/err")" ""
same_replay "replay of a small history agrees with ts-fsrs" "$WORK/out.csv" tests/fsrs/replay-small.expected

# Without the header, and with rating words: the same output.
tail -n +2 tests/fsrs/replay-small.csv | sed 's/,1$/,again/; s/,4$/,Easy/' |
	TZ=UTC "$TRAINER" replay --no-fuzz --rollover 0 >"$WORK/out2.csv"
is "the header is optional and ratings may be words" "$(cat "$WORK/out2.csv")" "$(cat "$WORK/out.csv")"

# An offset written in the time is honoured.
printf 'c1,2026-01-05T18:00:00+09:00,3\n' | TZ=UTC "$TRAINER" replay --no-fuzz >"$WORK/o"
is "times with an offset are printed in UTC" "$(tail -1 "$WORK/o")" "c1,2026-01-05T09:00:00Z,3,learning,2.3065,2.11810397,0,2026-01-05T09:10:00Z"

# The rollover hour decides the day: a review at 03:00 after one at
# 23:00 is the same day with rollover 4, the next day with rollover 0.
hist='c,2026-01-05T09:00:00Z,4
c,2026-01-12T23:00:00Z,3
c,2026-01-13T03:00:00Z,3'
d4=$(printf '%s\n' "$hist" | TZ=UTC "$TRAINER" replay --no-fuzz --rollover 4 | tail -1)
d0=$(printf '%s\n' "$hist" | TZ=UTC "$TRAINER" replay --no-fuzz --rollover 0 | tail -1)
# (same day: short-term stability keeps S; Good still gets one day more)
is "rollover 4: 03:00 belongs to the day before (short-term)" "$d4" "c,2026-01-13T03:00:00Z,3,review,36.05646792,1,37,2026-02-19T03:00:00Z"
is "rollover 0: 03:00 is a new day (long-term)" "$d0" "c,2026-01-13T03:00:00Z,3,review,40.30312951,1,40,2026-02-22T03:00:00Z"
# The same moments in Seoul (UTC+9): 2026-01-05 18:00, then 08:00 and
# 12:00 on 2026-01-13: eight days after the first, and one day together.
dk=$(printf '%s\n' "$hist" | TZ=Asia/Seoul "$TRAINER" replay --no-fuzz --rollover 4 | tail -2 | paste -sd' ')
is "TZ decides the local day: in Seoul 8 days, then the same day" "$dk" "c,2026-01-12T23:00:00Z,3,review,38.90515015,1,39,2026-02-20T23:00:00Z c,2026-01-13T03:00:00Z,3,review,38.90515015,1,40,2026-02-22T03:00:00Z"
dny=$(printf '%s\n' "$hist" | TZ=America/New_York "$TRAINER" replay --no-fuzz --rollover 0 | tail -1)
is "in New York (UTC-5) 18:00 and 22:00 are one day too" "$dny" "$d4"

# Fuzz: reproducible, inside the range, off with --no-fuzz.
TZ=UTC "$TRAINER" replay <tests/fsrs/replay-small.csv >"$WORK/f1.csv"
TZ=UTC "$TRAINER" replay <tests/fsrs/replay-small.csv >"$WORK/f2.csv"
is "fuzzed replay is reproducible" "$(cat "$WORK/f1.csv")" "$(cat "$WORK/f2.csv")"
if [ "$(cat "$WORK/f1.csv")" != "$(cat "$WORK/out.csv")" ]; then echo "ok - fuzz changes some interval"; else echo "not ok - fuzz changes some interval"; fi

# Retention and steps change the schedule.
r95=$(printf 'c,2026-01-05T09:00:00Z,4\n' | TZ=UTC "$TRAINER" replay --no-fuzz --retention 0.95 | tail -1)
is "--retention 0.95 shortens intervals" "$r95" "c,2026-01-05T09:00:00Z,4,review,8.2956,1,3,2026-01-08T09:00:00Z"
st=$(printf 'c,2026-01-05T09:00:00Z,3\n' | TZ=UTC "$TRAINER" replay --no-fuzz --learning-steps 5m,1h | tail -1)
is "--learning-steps 5m,1h" "$st" "c,2026-01-05T09:00:00Z,3,learning,2.3065,2.11810397,0,2026-01-05T10:00:00Z"
st=$(printf 'c,2026-01-05T09:00:00Z,3\n' | TZ=UTC "$TRAINER" replay --no-fuzz --learning-steps none | tail -1)
is "--learning-steps none graduates at once" "$st" "c,2026-01-05T09:00:00Z,3,review,2.3065,2.11810397,2,2026-01-07T09:00:00Z"

# Parameters from a file.
seq 21 | sed 's/.*/0.5/' | paste -sd, >"$WORK/w.txt"
printf '# weights\n0.212 1.2931 2.3065 8.2956 6.4133 0.8334 3.0194 0.001 1.8722 0.1666\n0.796 1.4835 0.0614 0.2629 1.6483 0.6014 1.8729 0.5425 0.0912 0.0658 0.1542\n' >"$WORK/default.txt"
TZ=UTC "$TRAINER" replay --no-fuzz --rollover 0 --params "$WORK/default.txt" <tests/fsrs/replay-small.csv >"$WORK/p.csv" 2>"$WORK/err"
is "--params with the default weights gives the default schedule" "$(cat "$WORK/p.csv")" "$(cat "$WORK/out.csv")"
is "--params in bounds warns of nothing" "$(cat "$WORK/err")" ""
printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --params "$WORK/w.txt" >/dev/null 2>"$WORK/err"
is "--params out of bounds is clamped with a warning" "$(cat "$WORK/err")" "trainer: $WORK/w.txt: warning: 3 weights were outside FSRS's bounds, clamped to them"
printf '0.2 0.3\n0.4 abc 0.5\n' >"$WORK/bad.txt"
printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --params "$WORK/bad.txt" >"$WORK/o" 2>"$WORK/err"
is "a bad parameter file exits 65" "$?" 65
is "a bad parameter is named with its line and column" "$(cat "$WORK/err")" "trainer: $WORK/bad.txt:2:5: error: 'abc' is not a number"
is "a bad parameter file prints no rows" "$(cat "$WORK/o")" ""
printf '0.2 0.3\n' >"$WORK/short.txt"
printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --params "$WORK/short.txt" 2>"$WORK/err" >/dev/null
is "too few weights" "$(cat "$WORK/err")" "trainer: $WORK/short.txt:1: error: expected 21 weights (w0 to w20), found 2"
printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --params "$WORK/none.txt" 2>/dev/null >/dev/null
is "a missing parameter file exits 66" "$?" 66

# Malformed rows: every one named by its line, nothing printed, exit 65.
printf 'card,time,rating\nc1,2026-01-05T09:00:00Z,3\nc1,yesterday,3\nc2,2026-01-05T09:00:00Z,5\nc3,2026-01-05T09:00:00Z\n,2026-01-05T09:00:00Z,3\nc1,2026-01-01T09:00:00Z,3\nc4,2026-02-30T09:00:00Z,3\n' >"$WORK/bad.csv"
"$TRAINER" replay <"$WORK/bad.csv" >"$WORK/o" 2>"$WORK/err"
is "malformed rows exit 65" "$?" 65
is "malformed rows print no output" "$(cat "$WORK/o")" ""
is "every malformed row is named" "$(cat "$WORK/err")" "trainer: <stdin>:3: error: 'yesterday' is not an ISO 8601 time (like 2026-03-01T09:30:00Z)
trainer: <stdin>:4: error: the rating must be 1 to 4 (or again, hard, good, easy), not '5'
trainer: <stdin>:5: error: expected 3 fields (card,time,rating), found 2
trainer: <stdin>:6: error: the card is empty
trainer: <stdin>:7: error: card 'c1' is reviewed at 2026-01-01T09:00:00Z, before its previous review at 2026-01-05T09:00:00Z
trainer: <stdin>:8: error: '2026-02-30T09:00:00Z' is not a real date"

printf '' | "$TRAINER" replay >"$WORK/o"
is "an empty history prints the header only" "$(cat "$WORK/o")" "card,time,rating,state,stability,difficulty,interval_days,due"

# Usage errors.
run replay --retention 0.5
is "--retention out of range exits 64" "$status" 64
has "--retention out of range is explained" "$err" "'--retention' needs a number from 0.70 to 0.99, not '0.5'"
run replay --rollover 24
is "--rollover out of range exits 64" "$status" 64
run replay --learning-steps 10x
has "bad steps are explained" "$err" "'--learning-steps' needs steps like 1m,10m"
run replay history.csv
has "a file argument is refused" "$err" "the history is read from standard input"
run replay --help
has "replay --help documents the output" "$out" "card,time,rating,state,stability,difficulty,interval_days,due"

# Times before 1970 are times: a review in 1900 and one at the epoch
# itself are scheduled like any other (not taken for "never reviewed").
printf 'c,1900-01-01T00:00:00Z,3\nc,1900-01-01T00:10:00Z,3\nd,1969-12-31T23:59:59Z,3\nd,1970-01-01T00:00:00Z,3\nd,1970-01-02T00:00:00Z,3\n' |
	TZ=UTC "$TRAINER" replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "reviews in 1900 and at the epoch are replayed" "$?:$(cat "$WORK/err")" "0:"
is "reviews in 1900 and at the epoch are scheduled as any other" "$(tail -n +2 "$WORK/o")" "c,1900-01-01T00:00:00Z,3,learning,2.3065,2.11810397,0,1900-01-01T00:10:00Z
c,1900-01-01T00:10:00Z,3,review,2.3065,2.11121424,2,1900-01-03T00:10:00Z
d,1969-12-31T23:59:59Z,3,learning,2.3065,2.11810397,0,1970-01-01T00:09:59Z
d,1970-01-01T00:00:00Z,3,review,2.3065,2.11121424,2,1970-01-03T00:00:00Z
d,1970-01-02T00:00:00Z,3,review,7.31918604,2.1043314,7,1970-01-09T00:00:00Z"
printf 'c,0001-01-01T00:00:00Z,3\nc,0001-01-01T00:00:00+01:00,3\nc,10000-01-01,3\n' |
	TZ=UTC "$TRAINER" replay >"$WORK/o" 2>"$WORK/err"
is "times outside the years 1 to 9999 exit 65" "$?:$(cat "$WORK/o")" "65:"
is "times outside the years 1 to 9999 are named" "$(cat "$WORK/err")" "trainer: <stdin>:2: error: '0001-01-01T00:00:00+01:00' is outside the years 0001 to 9999 in UTC
trainer: <stdin>:3: error: '10000-01-01' is past the year 9999"

# A UTF-8 byte order mark before the header (as spreadsheets write it).
printf '\xef\xbb\xbfcard,time,rating\r\nc1,2026-01-05T09:00:00Z,3\r\n' | TZ=UTC "$TRAINER" replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "a byte order mark before the header is accepted" "$?:$(cat "$WORK/err")" "0:"
is "a byte order mark before the header is not a row" "$(cat "$WORK/o")" "card,time,rating,state,stability,difficulty,interval_days,due
c1,2026-01-05T09:00:00Z,3,learning,2.3065,2.11810397,0,2026-01-05T09:10:00Z"
printf '\xef\xbb\xbfc1,2026-01-05T09:00:00Z,3\n' | TZ=UTC "$TRAINER" replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "a byte order mark before the first row is accepted" "$?:$(tail -1 "$WORK/o")" "0:c1,2026-01-05T09:00:00Z,3,learning,2.3065,2.11810397,0,2026-01-05T09:10:00Z"

# A NUL byte in a line is named, not taken as the end of the line.
printf 'card,time,rating\nc1,2026-01-05T09:00:00Z,3\nc1,2026-01-06T09:00:00Z,3\0,1\n' | "$TRAINER" replay >"$WORK/o" 2>"$WORK/err"
is "a NUL byte in a line exits 65" "$?:$(cat "$WORK/o")" "65:"
is "a NUL byte in a line is named" "$(cat "$WORK/err")" "trainer: <stdin>:3: error: the line holds a NUL byte"

# Due dates past 9999 are refused, not printed as 10000-...
printf 'c1,9999-12-01T09:00:00Z,4\nc1,9999-12-20T09:00:00Z,4\nc2,9999-12-31T23:55:00Z,4\n' | "$TRAINER" replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "a due date past 9999 exits 65 and prints no rows" "$?:$(cat "$WORK/o")" "65:"
is "a due date past 9999 is named by line" "$(cat "$WORK/err")" "trainer: <stdin>:2: error: the due date is past 9999
trainer: <stdin>:3: error: the due date is past 9999"
printf 'c1,9999-12-01T09:00:00Z,4\n' | "$TRAINER" replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "a due date in 9999 is printed" "$?:$(tail -1 "$WORK/o")" "0:c1,9999-12-01T09:00:00Z,4,review,8.2956,1,8,9999-12-09T09:00:00Z"

# Card ids with control characters are printed escaped.
printf 'c\033[31mred,2026-01-05T09:00:00Z,3\nd\302\233x,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --no-fuzz >"$WORK/o" 2>"$WORK/err"
is "card ids with control characters are replayed" "$?" 0
is "card ids with control characters are printed escaped" "$(cut -d, -f1 "$WORK/o" | tail -n +2)" 'c\x1b[31mred
d\u009bx'

# Weights are decimal numbers: no hex, inf or nan; past a double's range
# is too large.
for w in nan inf 0x1p-2 1.5e 1e400; do
	printf '%s' "$w" >"$WORK/w1.txt"
	for i in $(seq 20); do printf ', 0.5' >>"$WORK/w1.txt"; done
	printf 'c,2026-01-05T09:00:00Z,3\n' | "$TRAINER" replay --params "$WORK/w1.txt" >"$WORK/o" 2>"$WORK/err"
	rc=$?
	want="not a number"
	[ "$w" = 1e400 ] && want="too large"
	is "a weight '$w' is refused" "$rc:$(cat "$WORK/o"):$(cat "$WORK/err")" "65::trainer: $WORK/w1.txt:1:1: error: '$w' is $want"
done

# At the maximum interval the ratings are still kept apart, as ts-fsrs 5.4.2
# does (an Easy one day past Good): 36501 days, not a crash or a clamp.
printf 'card,time,rating\na,2026-01-02T00:00Z,4\na,2026-01-20T00:10Z,3\na,2026-03-01T00:00Z,2\na,2027-03-01T00:00Z,2\na,7220-03-10T00:00Z,4\n' |
	"$TRAINER" replay --retention 0.7 --no-fuzz --relearning-steps none >"$WORK/max.out" 2>&1
is "an Easy at the maximum interval agrees with ts-fsrs" "$(tail -1 "$WORK/max.out")" "a,7220-03-10T00:00:00Z,4,review,7208.20676447,4.66087764,36501,7320-02-16T00:00:00Z"
