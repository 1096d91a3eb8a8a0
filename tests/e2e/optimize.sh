# 'trainer optimize': FSRS-6 fitted to the learner's log, compared with
# the defaults, kept only when better and not --dry-run; --reviews FILE
# reads the layout of 'trainer export reviews'; --reset; which weights
# are in use shown by stats and config.
. "$(dirname "$0")/lib.bash"
: "${TOOLS:?set TOOLS to the folder of the test tools}"

mkdir -p "$WORK/d"
printf 'deck: tiny\ntitle: Tiny\ncards:\n  - {id: a, q: Q, a: A}\n' >"$WORK/d/tiny.yaml"
DB=$WORK/p.db
T() { run --db "$DB" --decks "$WORK/d" --now 2026-12-31T12:00:00Z "$@"; }
q() { sqlite3 "$DB" "$@"; }

run --db "$WORK/none.db" optimize
is "no database yet: exit 66" "$status" 66
is "...and none made" "$(ls "$WORK/none.db" 2>/dev/null)" ""

# ---- a few reviews: the defaults stay, and it says why ----
"$TOOLS/sim-reviews" 1000 >"$WORK/sim.csv"
head -n 51 "$WORK/sim.csv" >"$WORK/few.csv"
run --db "$WORK/none.db" optimize --reviews "$WORK/few.csv"
is "50 reviews from a file: exit 0" "$status" 0
has "...the defaults stay, and why" "$out" "at least 8 are needed; the default weights stay"
has "...counted" "$out" "50 reviews of"
is "...nothing on stderr through a pipe (no progress bar)" "$err" ""
run --db "$WORK/none.db" optimize --reviews "$WORK/few.csv" --json
is "...--json says so too" "$(/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print(d["reviews"], d["outcome"], d["saved"], len(d["weights"]), d["weights"][0])' "$out")" "50 defaults False 21 0.212"

# ---- the learner's own log: 1000 cards simulated from known weights ----
printf '' | T review >/dev/null 2>&1
sqlite3 "$DB" <<SQL
CREATE TEMP TABLE sim (card_id INTEGER, review_time INTEGER,
	review_rating INTEGER, review_state INTEGER, review_duration INTEGER);
.import --csv --skip 1 $WORK/sim.csv sim
INSERT INTO decks (id, name, title, path, synced_at)
VALUES (1000, 'sim', 'Simulated', '/nonexistent/sim.yaml', 1767225600);
INSERT INTO cards (id, deck_id, key, type, content, position, due, added_at)
SELECT DISTINCT 1000 + card_id, 1000, 'c' || card_id, 'text',
	'{"q":"Q?","a":"A"}', card_id, 0, 1767225600 FROM sim;
INSERT INTO reviews (card_id, session_id, time, day, rating, answer, verdict,
	duration_ms, scheduled, b_state, b_stability, b_difficulty, b_step,
	b_scheduled_days, b_reps, b_lapses, b_due, b_last_review, b_last_day,
	a_state, a_stability, a_difficulty, a_scheduled_days, a_due)
SELECT 1000 + card_id, NULL, review_time / 1000,
	(review_time / 1000 - 4 * 3600) / 86400, review_rating, 'x',
	CASE WHEN review_rating > 1 THEN 'right' ELSE 'wrong' END, 0, 1,
	review_state, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 5, 1, 0
FROM sim ORDER BY review_time, card_id;
SQL
reviews=$(q "SELECT count(*) FROM reviews WHERE scheduled = 1")

T optimize --dry-run
is "--dry-run: exit 0" "$status" 0
has "...counts the reviews" "$out" "$reviews reviews of 1000 cards"
has "...fits every weight" "$out" "every weight fitted"
has "...compares both" "$out" "default weights"
has "...side by side" "$out" "fitted weights"
has "...and saves nothing" "$out" "not saved (--dry-run)"
is "...the store holds no weights" "$(q "SELECT count(*) FROM settings WHERE key LIKE 'weights%'")" 0
T optimize --dry-run --json
dry=$out
is "--json: the fitted weights predict the held-out reviews better" "$(/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print(d["outcome"], d["better"], d["saved"], d["fitted"]["log_loss"] < d["default"]["log_loss"],
      d["fitted"]["rmse_bins"] < d["default"]["rmse_bins"], 0.5 <= d["fitted"]["auc"] <= 1,
      d["held_out"] == d["items"] // 5, d["fitted_on"] + d["held_out"] == d["items"])' "$dry")" \
	"fitted True False True True True True True"

# the same log exported and read back: the same items, the same fit
T export reviews
printf '%s\n' "$out" >"$WORK/export.csv"
run --db "$DB" --now 2026-12-31T12:00:00Z optimize --reviews "$WORK/export.csv" --json
is "--reviews on the export: the same figures and weights as from the store" "$(/usr/bin/python3 -c '
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
keys = ["reviews", "cards", "items", "held_out", "default", "fitted", "weights"]
print([k for k in keys if a[k] != b[k]])' "$dry" "$out")" "[]"
cut -d, -f1-3,5 "$WORK/export.csv" >"$WORK/nostate.csv"
run --db "$DB" optimize --reviews "$WORK/nostate.csv" --json
is "...without review_state: every review of each card counts" "$(/usr/bin/python3 -c '
import json, sys
print(json.loads(sys.argv[1])["outcome"])' "$out")" "fitted"

T optimize
is "optimize: exit 0" "$status" 0
has "...saved" "$out" "saved: the weights fitted again on all"
is "...nothing on stderr through a pipe" "$err" ""
w=$(q "SELECT value FROM settings WHERE key = 'weights'")
is "...the store holds 21 weights the scheduler accepts" "$(/usr/bin/python3 -c '
import json, sys
w = json.loads(sys.argv[1])
print(len(w), all(isinstance(x, float) for x in w), w != [0.212, 1.2931, 2.3065, 8.2956])' "$w")" "21 True True"
is "...and when (--now, and the seconds the run took) and from how many reviews" "$(/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print(0 <= d["time"] - int(sys.argv[2]) < 60, d["reviews"])' "$(q "SELECT value FROM settings WHERE key = 'weights-fitted'")" "$(date -d 2026-12-31T12:00:00Z +%s)")" "True $reviews"
T config
has "config shows the fitted weights and since when" "$out" "weights = fitted to $reviews reviews on 2026-12-31 12:00 (default FSRS-6's: 'trainer optimize --reset')"
T config weights 1
is "config weights VALUE: exit 64" "$status" 64
has "...pointing at optimize" "$err" "the weights are fitted by 'trainer optimize' and reset by 'trainer optimize --reset'"
T stats
has "stats shows them" "$out" "Weights: fitted to $reviews reviews on 2026-12-31 12:00"
T stats --json
is "stats --json too (since: --now and the run's seconds)" "$(/usr/bin/python3 -c '
import json, sys
w = json.loads(sys.argv[1])["weights"]
print(w["fitted"], w["set"], w["since"][:16], w["reviews"])' "$out")" "True True 2026-12-31T12:00 $reviews"
printf '' | T review >/dev/null 2>&1
is "a review session takes the fitted weights" "$?" 0

T optimize --reset --dry-run
is "--reset with another option: exit 64" "$status" 64
T optimize --reset
is "--reset: exit 0" "$status" 0
has "...says so" "$out" "weights: FSRS-6's defaults again"
is "...the store holds no weights" "$(q "SELECT count(*) FROM settings WHERE key LIKE 'weights%'")" 0
T stats
has "...stats shows the defaults" "$out" "Weights: FSRS-6's defaults"

# ---- on a terminal: a progress bar (epoch and loss), then cleared ----
if command -v script >/dev/null 2>&1; then
	tty_out=$(TERM=dumb script -qec "'$TRAINER' --db '$WORK/none.db' optimize --reviews '$WORK/sim.csv'" /dev/null)
	has "on a terminal: the progress bar shows the epoch" "$tty_out" "fitting: epoch 5/5 ["
	has "...and the loss" "$tty_out" "] loss 0."
	has "...and is cleared before the result" "$tty_out" $'\r\033[K'
else
	echo "ok - # SKIP no script(1) for a terminal"
fi

# ---- any columns after the first five, quoted as CSV quotes them ----
printf 'card_id,review_time,review_rating,review_state,review_duration,answer\n7,1767254400000,3,0,100,"a, ""b""\nc"\n7,1767513600000,3,2,100,x\n8,1767254400000,1,0,0,y\n' >"$WORK/quoted.csv"
run --db "$DB" optimize --reviews "$WORK/quoted.csv"
is "a field with a comma, quotes and a line break: exit 0" "$status" 0
has "...every review read" "$out" "3 reviews of 2 cards: 1 to predict"

# ---- bad files ----
printf 'card_id,review_time\n1,2\n' >"$WORK/bad1.csv"
run --db "$DB" optimize --reviews "$WORK/bad1.csv"
is "a file without ratings: exit 65" "$status" 65
has "...naming the file and the column" "$err" "bad1.csv:1:1: error: the header has no column 'review_rating'"
printf 'card_id,review_time,review_rating\n1,1000,3\n1,90000000,7\n' >"$WORK/bad2.csv"
run --db "$DB" optimize --reviews "$WORK/bad2.csv"
is "a rating out of range: exit 65" "$status" 65
has "...naming its line" "$err" "bad2.csv:3: error: review_rating must be 0 to 4, not '7'"
run --db "$DB" optimize --reviews "$WORK/nosuch.csv"
is "a missing file: exit 66" "$status" 66
run --db "$DB" optimize --reviews "$WORK"
is "a folder: exit 66" "$status" 66
got=$("$TRAINER" --db "$WORK/none.db" optimize --reviews - <"$WORK/few.csv" 2>&1)
has "--reviews - reads standard input" "$got" "50 reviews of"
