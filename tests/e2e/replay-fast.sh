# 'trainer replay' writes its rows without printf: the same bytes as
# before (the sums below are of the output of the replay made with
# fprintf's "%.15g" and snprintf, before the change) and as ts-fsrs.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

# 20,000 reviews of 200 cards, a quarter of them from 1900, at every
# hour of the day, with every rating.
awk '
function fdiv(a, b) { return a >= 0 ? int(a / b) : -int((-a + b - 1) / b) }
function iso(t,    days, secs, z, era, doe, yoe, y, doy, mp, d, m) {
	days = fdiv(t, 86400); secs = t - days * 86400
	z = days + 719468; era = fdiv(z, 146097); doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9; y += m <= 2
	return sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, int(secs / 3600), int(secs / 60) % 60, secs % 60)
}
BEGIN {
	print "card,time,rating"
	for (r = 0; r < 100; r++)
		for (c = 0; c < 200; c++) {
			base = (c % 4 == 0) ? -2208988800 : 1767225600
			t = base + r * (c % 7 + 1) * 86400 + c * 37 + (r * c * 997) % 86400
			x = (r * 7 + c * 13 + (r * c) % 11) % 20
			printf "c%d,%s,%d\n", c, iso(t), x < 3 ? 1 : x < 6 ? 2 : x < 18 ? 3 : 4
		}
}' >"$WORK/h.csv"
is "the generated history is the one the sums were made from" "$(sha256sum <"$WORK/h.csv" | cut -d" " -f1)" b49add8bb288ae5ad774baac627160eacbc79e7f4fc51df2453995bd6ffe89ac

sums() { # tz fuzz-option
	TZ=$1 "$TRAINER" replay ${2:-} <"$WORK/h.csv" | sha256sum | cut -d' ' -f1
}
is "20,000 reviews, fuzz, UTC: the same bytes as before" "$(sums UTC)" 687eba6805c6b7ed0c62899d106bcf8027ed83bd9348a7fda701c3cb96634c4d
is "20,000 reviews, no fuzz, UTC: the same bytes as before" "$(sums UTC --no-fuzz)" 09a26150d8b5528499dabb6cce65c361bf17fe125c17c1226a9938af31a803fb
is "20,000 reviews, fuzz, New York: the same bytes as before" "$(sums America/New_York)" 728819e176d70b27b60a64bcc88e0e531247f223600acfeaecc68186fd883bfc
is "20,000 reviews, no fuzz, New York: the same bytes as before" "$(sums America/New_York --no-fuzz)" dd33fc29f987e40300b94a73498135eac8ce9d1b2e417bb20b14fb9742593c32

# Without fuzz, at UTC days, the very bytes ts-fsrs 5.4.2 writes.
TZ=UTC "$TRAINER" replay --no-fuzz --rollover 0 <tests/fsrs/replay-small.csv >"$WORK/small.csv"
if cmp -s "$WORK/small.csv" tests/fsrs/replay-small.expected; then echo "ok - the small history is byte for byte ts-fsrs's"; else echo "not ok - the small history is byte for byte ts-fsrs's"; fi
