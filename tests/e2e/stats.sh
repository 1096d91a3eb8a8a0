# stats, sessions and report on a database built through the real store by
# scripted sessions over several simulated weeks.  Every figure is checked
# against the answer log itself (plain SQL), and the HTML against the JSON.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$DB" "$1"; }
DB=$WORK/s.db
mkdir -p "$WORK/d"
# Every card has the same answer, so a script can answer without knowing
# the order: "yes" is right, "no" is wrong.
cat >"$WORK/d/s.yaml" <<'YAML'
deck: s
title: Stats
cards:
  - {id: c1, q: Q1?, a: yes, tags: [dates, people]}
  - {id: c2, q: Q2?, a: yes, tags: [dates]}
  - {id: c3, q: Q3?, a: yes, tags: [dates]}
  - {id: c4, q: Q4?, a: yes, tags: [people]}
  - {id: c5, q: Q5?, a: yes, tags: [people]}
  - {id: c6, q: Q6?, a: yes}
YAML
T() { "$TRAINER" --db "$DB" --decks "$WORK/d" --seed 5 "$@"; }
yes_lines() { for _ in $(seq 1 "$1"); do echo yes; done; }
session() { # time answers... : a review at TIME with these answers
	local t=$1
	shift
	printf '%s\n' "$@" | T --now "$t" review >>"$WORK/log" 2>&1
}
export TZ=UTC
session 2026-03-02T09:00:00Z $(yes_lines 30)
session 2026-03-05T09:00:00Z no no $(yes_lines 30)
session 2026-03-12T18:00:00Z no yes no $(yes_lines 30)
session 2026-03-21T09:00:00Z no $(yes_lines 30)
session 2026-03-22T09:00:00Z $(yes_lines 30)
session 2026-03-23T08:00:00Z no no no $(yes_lines 30)
printf 'yes\nno\nyes\n' | T --now 2026-03-23T09:00:00Z quiz --count 3 >/dev/null
NOW=2026-03-23T20:00:00Z
TODAY=$(q "SELECT max(day) FROM reviews")

T --now $NOW stats --json >"$WORK/s.json" 2>"$WORK/err"
is "stats --json exits 0" "$?" 0
is "stats prints nothing on stderr" "$(cat "$WORK/err")" ""
j() { /usr/bin/python3 -c "import json,sys; d=json.load(open('$WORK/s.json')); print(eval(sys.argv[1]))" "$1"; }

# today
is "today: answered" "$(j 'd["today"]["answered"]')" "$(q "SELECT count(*) FROM reviews WHERE day = $TODAY")"
is "today: right" "$(j 'd["today"]["right"]')" "$(q "SELECT count(*) FROM reviews WHERE day = $TODAY AND verdict IN ('right', 'close')")"
is "today: the quiz's 3 answers count" "$(( $(j 'd["today"]["answered"]') - $(q "SELECT count(*) FROM reviews r JOIN sessions s ON s.id = r.session_id WHERE r.day = $TODAY AND s.mode = 'review'") ))" 3
is "today: still due" "$(j 'd["today"]["due_now"]')" "$(q "SELECT count(*) FROM cards WHERE state != 0 AND due <= strftime('%s', '2026-03-23T20:00:00')")"
is "today: no new cards left (all were learnt)" "$(j 'd["today"]["new_left"]')" 0
# cards by state
is "cards: total" "$(j 'd["cards"]["total"]')" 6
is "cards: young + mature + learning + relearning" "$(j 'sum(d["cards"][k] for k in ("young", "mature", "learning", "relearning"))')" 6
is "cards: young" "$(j 'd["cards"]["young"]')" "$(q "SELECT count(*) FROM cards WHERE state = 2 AND scheduled_days < 21")"
is "cards: mature" "$(j 'd["cards"]["mature"]')" "$(q "SELECT count(*) FROM cards WHERE state = 2 AND scheduled_days >= 21")"
# true retention against the log
ret() { # window-days [tag]
	local join="" cond=""
	[ -n "${2:-}" ] && join="JOIN card_tags t ON t.card_id = r.card_id" && cond="AND t.tag = '$2'"
	q "SELECT count(*) || ' ' || total(rating > 1) FROM reviews r $join WHERE b_state = 2 AND scheduled = 1 AND day > $TODAY - $1 $cond" | sed 's/\.0$//'
}
for w in 7 30 365; do
	is "retention over $w days" "$(j "str(d['retention']['$w']['answers']) + ' ' + str(d['retention']['$w']['right'])")" "$(ret $w)"
	for tag in dates people; do
		is "retention of '$tag' over $w days" "$(j "[str(t['$w']['answers']) + ' ' + str(t['$w']['right']) for t in d['retention_by_tag'] if t['tag'] == '$tag'][0]")" "$(ret $w $tag)"
	done
done
[ "$(j 'd["retention"]["30"]["answers"]')" -gt 5 ] && echo "ok - the fixture has review answers to measure" || echo "not ok - the fixture has review answers to measure"
is "retention rate is right/answers" "$(j 'round(d["retention"]["30"]["rate"], 6) == round(d["retention"]["30"]["right"] / d["retention"]["30"]["answers"], 6)')" True
is "per tag: the cards of each tag" "$(j '",".join(t["tag"] + ":" + str(t["cards"]) for t in d["retention_by_tag"])')" "dates:3,people:3"
# the calendar and the streak
is "the calendar has 26 weeks" "$(j 'len(d["calendar"])')" 182
is "the calendar ends today" "$(j 'd["calendar"][-1]["day"]')" 2026-03-23
is "the calendar counts each day's answers" "$(j '",".join(c["day"] + ":" + str(c["answers"]) for c in d["calendar"] if c["answers"])')" "$(q "SELECT group_concat(d || ':' || n) FROM (SELECT date(day * 86400, 'unixepoch') AS d, count(*) AS n FROM reviews GROUP BY day ORDER BY day)")"
is "the current streak is 3 days" "$(j 'd["streak"]["current"]')" 3
is "the longest streak is 3 days" "$(j 'd["streak"]["longest"]')" 3
streaks='import itertools; runs = [len(list(g)) for k, g in itertools.groupby(c["answers"] > 0 for c in d["calendar"]) if k]; print(d["streak"]["longest"] == max(runs), d["streak"]["current"] == (runs[-1] if d["calendar"][-1]["answers"] or d["calendar"][-2]["answers"] else 0))'
is "the streaks follow the calendar" "$(/usr/bin/python3 -c "import json; d = json.load(open('$WORK/s.json')); $streaks")" "True True"
# the forecast
is "the forecast has 14 days from today" "$(j 'len(d["forecast"])')" 14
is "the forecast starts today" "$(j 'd["forecast"][0]["day"]')" 2026-03-23
fc=$(q "SELECT group_concat(n) FROM (SELECT max(0, (due - 14400) / 86400 - $TODAY) AS k, count(*) AS n FROM cards WHERE state != 0 GROUP BY k HAVING k < 14 ORDER BY k)")
is "the forecast counts due cards per day" "$(j '",".join(str(f["due"]) for f in d["forecast"] if f["due"])')" "$fc"
# hardest, stability, retrievability
is "the hardest card has the most lapses" "$(j 'd["hardest"][0]["lapses"]')" "$(q 'SELECT max(lapses) FROM cards')"
is "the hardest cards have their questions" "$(j 'd["hardest"][0]["question"][:1]')" Q
is "every card with a stability is in the stability bins" "$(j 'sum(b["cards"] for b in d["stability"])')" 6
[ "$(j '0.5 < d["average_retrievability"] <= 1')" = True ] && echo "ok - average predicted recall is a probability" || echo "not ok - average predicted recall is a probability"

# filters
T --now $NOW stats --json --tag dates >"$WORK/s.json"
is "--tag dates: its cards" "$(j 'd["cards"]["total"]')" 3
is "--tag dates: per tag only dates" "$(j '[t["tag"] for t in d["retention_by_tag"]]')" "['dates']"
is "--tag dates: retention of its cards" "$(j "str(d['retention']['365']['answers']) + ' ' + str(d['retention']['365']['right'])")" "$(ret 365 dates)"
T --now $NOW stats --json --tag dates --tag people >"$WORK/s.json"
is "two tags: cards with either" "$(j 'd["cards"]["total"]')" 5
both=$(q "SELECT count(*) || ' ' || total(rating > 1) FROM reviews WHERE b_state = 2 AND scheduled = 1 AND card_id IN (SELECT card_id FROM card_tags WHERE tag IN ('dates', 'people'))" | sed 's/\.0$//')
is "two tags: retention of those cards (from the log)" "$(j "str(d['retention']['365']['answers']) + ' ' + str(d['retention']['365']['right'])")" "$both"
is "two tags: the calendar of those cards" "$(j '",".join(c["day"] + ":" + str(c["answers"]) for c in d["calendar"] if c["answers"])')" "$(q "SELECT group_concat(d || ':' || n) FROM (SELECT date(day * 86400, 'unixepoch') AS d, count(*) AS n FROM reviews WHERE card_id IN (SELECT card_id FROM card_tags WHERE tag IN ('dates', 'people')) GROUP BY day ORDER BY day)")"
streaks='import itertools; runs = [len(list(g)) for k, g in itertools.groupby(c["answers"] > 0 for c in d["calendar"]) if k]; print(d["streak"]["longest"] == max(runs), d["streak"]["current"] == (runs[-1] if d["calendar"][-1]["answers"] or d["calendar"][-2]["answers"] else 0))'
is "two tags: the streaks follow the calendar" "$(/usr/bin/python3 -c "import json; d = json.load(open('$WORK/s.json')); $streaks")" "True True"
T --now $NOW stats --json --deck s --days 30 >"$WORK/s.json"
is "--deck s --days 30: a 30-day forecast" "$(j 'len(d["forecast"])')" 30
run --db "$DB" --decks "$WORK/d" stats --deck nope
is "an unknown deck exits 64" "$status" 64

# the text report (a pipe: plain characters)
out=$(T --now $NOW stats)
has "text: today" "$out" "Today: $(q "SELECT count(*) FROM reviews WHERE day = $TODAY") answered"
has "text: retention heading" "$out" "True retention (review answers passed)"
has "text: per tag" "$out" "  dates           "
has "text: forecast" "$out" "Due in the next 14 days"
has "text: calendar with the streak" "$out" "Answers per day, the last 26 weeks (streak: 3 days, longest 3)"
is "text: the calendar has a row per weekday" "$(printf '%s\n' "$out" | grep -cE '^  (Mon|Tue|Wed|Thu|Fri|Sat|Sun) ')" 7
hasnt "text: no Unicode blocks in a pipe" "$out" "█"
has "text: hardest cards" "$out" "Hardest cards"

# sessions
T sessions --json >"$WORK/s.json"
is "sessions: every one, newest first" "$(j '",".join(s["mode"] for s in d["sessions"])')" "$(q "SELECT group_concat(mode) FROM (SELECT mode FROM sessions ORDER BY started_at DESC)")"
is "sessions: a review with nothing due is not recorded" "$(q 'SELECT count(*) FROM sessions')" 6
is "sessions: counts from the log" "$(j 'd["sessions"][1]["questions"]')" "$(q "SELECT count(*) FROM reviews WHERE session_id = (SELECT max(id) FROM sessions WHERE mode = 'review')")"
is "sessions: the quiz's filters" "$(j 'd["sessions"][0]["filters"]')" "{'deck': None, 'tags': [], 'count': 3}"
is "sessions: a trend over the rates" "$(j 'len(d["trend"]["rates"]) == 6 and d["trend"]["direction"] in ("rising", "falling", "steady")')" True
out=$(T sessions --limit 3)
is "sessions --limit 3: header and three rows" "$(printf '%s\n' "$out" | grep -c ' review \| quiz ')" 3
has "sessions text: the trend" "$out" "trend: "
run --db "$WORK/none.db" sessions
is "sessions without a database exits 66" "$status" 66
"$TRAINER" --db "$WORK/none.db" --decks "$WORK/d" review </dev/null >/dev/null 2>&1
run --db "$WORK/none.db" sessions
is "no sessions yet" "$out" "no sessions yet"

# the HTML report
T --now $NOW report --html "$WORK/r.html" >"$WORK/o" 2>&1
is "report exits 0" "$?" 0
is "report says where" "$(cat "$WORK/o")" "wrote $WORK/r.html"
T --now $NOW stats --json >"$WORK/s.json"
if /usr/bin/python3 - "$WORK/r.html" "$WORK/s.json" <<'PY'; then echo "ok - the report is well-formed, self-contained and agrees with stats --json"; else echo "not ok - the report is well-formed, self-contained and agrees with stats --json"; fi
import json, sys, re
import xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8").read()
stats = json.load(open(sys.argv[2]))
root = ET.fromstring(text.replace("<!DOCTYPE html>", "", 1))  # well-formed XML
assert "<script" not in text, "no scripts"
urls = re.findall(r"(?:src|href)=\"([^\"]*)\"", text)
assert not urls, urls
assert "http://www.w3.org/2000/svg" in text and text.count("://") == text.count("http://www.w3.org/2000/svg"), "no other network address"
assert "prefers-color-scheme:dark" in text and "@media print" in text
svgs = [e for e in root.iter() if e.tag.endswith("svg")]
assert len(svgs) >= 5, len(svgs)
def lookup(key):
    v = stats
    for part in key.split("."):
        if isinstance(v, list):
            v = [x for x in v if x.get("tag") == part][0] if not part.isdigit() else v[int(part)]
        else:
            v = v[part]
    return v
checked = 0
for e in root.iter():
    key = e.get("data-stat")
    if key is None:
        continue
    want = lookup(key)
    got = int(e.get("data-value", e.text))
    assert got == want, (key, got, want)
    checked += 1
assert checked >= 25, checked
days = {e.get("data-day"): int(e.get("data-value")) for e in root.iter() if e.get("data-day")}
for c in stats["calendar"]:
    assert days[c["day"]] == c["answers"], c
print("# %d figures and %d calendar days checked" % (checked, len(days)))
PY
run --db "$DB" --decks "$WORK/d" report
is "report without --html exits 64" "$status" 64
run --db "$DB" --decks "$WORK/d" report --html "$WORK/no/such/dir/r.html"
is "report to a folder that does not exist exits 74" "$status" 74

# The daily sums follow the log through undo too (db check compares them).
printf 'no\n:undo\nyes\n:undo\n:undo\nyes\nyes\n' | T --now 2026-03-24T09:00:00Z review >/dev/null 2>&1
run --db "$DB" --decks "$WORK/d" db check
is "the daily sums agree with the log after answers and undos" "$status" 0
sqlite3 "$DB" "UPDATE day_stats SET answers = answers + 1 WHERE rowid IN (SELECT rowid FROM day_stats LIMIT 1)" 2>/dev/null ||
	sqlite3 "$DB" "UPDATE day_stats SET answers = answers + 1 WHERE day = (SELECT min(day) FROM day_stats)"
run --db "$DB" --decks "$WORK/d" db check
is "db check notices daily sums that disagree" "$status" 65
has "and says which day" "$err" "do not match the answer log"

# Far from UTC: days are local days.  A session at 20:00 UTC is 09:00 the
# next morning in Auckland (UTC+13), so it counts on that day.
export TZ=Pacific/Auckland
DB=$WORK/nz.db
session 2026-03-02T20:00:00Z $(yes_lines 30)
T --now 2026-03-02T21:00:00Z stats --json >"$WORK/s.json"
is "in Auckland the answers are on the local day" "$(j '[c["day"] for c in d["calendar"] if c["answers"]]')" "['2026-03-03']"
is "and today is that day" "$(j 'd["calendar"][-1]["day"]')" 2026-03-03
is "today's answers count" "$(j 'd["today"]["answered"]')" 12
