# 'trainer timeline': the events of the date cards in order, with their
# dates as written, the gaps, and the learner's state; on the bundled
# decks, in JSON, and as an SVG page.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

DB=$WORK/p.db

# ---- the bundled decks, nothing studied yet (no database: none made) ----
run --db "$DB" --decks decks timeline
is "timeline exits 0 without a database" "$status" 0
is "...and makes none" "$(test -e "$DB" && echo made || echo none)" "none"
is "every bundled date card has its event, once" "$(printf '%s\n' "$out" | head -1)" "24 events, 1882 to 2014"
events=$(printf '%s\n' "$out" | grep -E '●|│' | sed -E 's/^.{5} . .{17} .{18} //; s/  \[.*\]$//')
is "the events in date order" "$(printf '%s\n' "$events" | head -9)" "Korea and the US sign their first treaty
Taft-Katsura Agreement
US troops arrive in Korea
Syngman Rhee becomes president
North Korea invades the South
Rhee hands command of ROK forces to the US
Eisenhower becomes US President
Rhee frees anti-communist POWs
Korean War Armistice signed"
has "a date at its precision, the gap since the one before" "$out" "● 1 October 1953    +2 months 4 days   Mutual Defense Treaty signed  [new]"
has "a year after a day: the gap in years" "$out" "1900s ● 1905              +23 years          Taft-Katsura Agreement  [new]"
has "a month" "$out" "● October 1978      +7 years           Agreement to create the CFC  [new]"
has "a day in a year given alone: the same year" "$out" "● 18 June 1953      the same year      Rhee frees anti-communist POWs"
has "a mark for a decade with no event" "$out" "1920s ┆"
has "two events of one date stand together" "$out" "1980s ● 1982              +4 years           Kyungnam volume on a century of relations published  [new]
      ● 1983              +1 year            Curtis and Han essay collection published  [new]
      │                                      Finley's US military history in Korea published  [new]"

run --db "$DB" --decks decks timeline --json
is "--json exits 0" "$status" 0
is "--json: 24 events" "$(jq '.count' <<<"$out")" 24
is "--json: the dates in order, as written" "$(jq -r '[.events[].date] | join(" ")' <<<"$out")" \
	"1882-05-22 1905 1945 1948 1950-06-25 1950-07-14 1953 1953-06-18 1953-07-27 1953-10-01 1954-11-17 1968 1971 1978-10 1978-11-07 1982 1983 1983 1990 1994 2007 2010 2012-04-17 2014"
is "--json: the gaps" "$(jq -r '[.events[1:10][].gap] | join(", ")' <<<"$out")" \
	"23 years, 40 years, 3 years, 2 years, 19 days, 3 years, the same year, 1 month 9 days, 2 months 4 days"
is "--json: gap_days from the start of one to the next" "$(jq '.events[9].gap_days' <<<"$out")" 66
is "--json: the same date marked" "$(jq -c '[.events[] | select(.same_date_as_previous) | .id]' <<<"$out")" '["finley-year"]'
is "--json: nothing studied, no recall" "$(jq -c '[.events[].state] | unique' <<<"$out")" '["new"]'

run --db "$DB" --decks decks timeline --deck us-rok-command --tag dates
is "--deck and --tag narrow it" "$(printf '%s\n' "$out" | head -1)" "9 events, 1950 to 2012"
run --db "$DB" --decks decks timeline --deck nosuch
is "an unknown deck exits 64" "$status" 64
has "...naming it" "$err" "no deck is named 'nosuch'"

# ---- with progress: the learner's state and predicted recall ----
mkdir -p "$WORK/d"
cat >"$WORK/d/h.yaml" <<'YAML'
deck: h
title: H
cards:
  - {id: armistice, type: date, q: "On what date was the armistice signed?", a: 1953-07-27, event: Armistice signed}
  - {id: mdt, type: date, q: "On what date was the treaty signed?", a: 1953-10-01, event: Treaty signed}
  - {id: war, type: date, q: "In what year did the war begin?", a: 1950, event: War begins}
  - {id: other, q: "Capital?", a: Seoul}
YAML
printf '1953-07-27\n1953-10-01\n1951\n' |
	"$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z review --new 2 >/dev/null 2>&1
# the learning steps, then a day later the review
for t in 2026-03-01T09:05:00Z 2026-03-01T09:30:00Z 2026-03-02T09:00:00Z; do
	printf '1953-07-27\n1953-10-01\n' |
		"$TRAINER" --db "$DB" --decks "$WORK/d" --now "$t" review --new 0 >/dev/null 2>&1
done
run --db "$DB" --decks "$WORK/d" --now 2026-03-10T09:00:00Z timeline --json
is "a card studied shows its state" "$(jq -r '[.events[] | .state] | join(" ")' <<<"$out")" "new review review"
# FSRS-6's curve over the whole days since the last review (w20 0.1542)
want=$(sqlite3 "$DB" "SELECT round(power(1 + (power(0.9, -1 / 0.1542) - 1) * (julianday('2026-03-10') - julianday(date(last_review, 'unixepoch'))) / stability, -0.1542), 4) FROM cards WHERE key = 'armistice'")
is "...and the recall FSRS predicts now" "$(jq '.events[1].recall' <<<"$out")" "$want"
run --db "$DB" --decks "$WORK/d" --now 2026-03-10T09:00:00Z timeline
has "the terminal shows 'known' and the recall" "$out" "Armistice signed  [known "

# ---- HTML ----
run --db "$DB" --decks "$WORK/d" --now 2026-03-10T09:00:00Z timeline --html "$WORK/t.html"
is "--html exits 0" "$status" 0
is "...and says where" "$out" "wrote $WORK/t.html"
html=$(cat "$WORK/t.html")
has "an SVG timeline" "$html" "<svg xmlns=\"http://www.w3.org/2000/svg\""
is "a dot per event" "$(grep -o '<circle' "$WORK/t.html" | wc -l)" 3
has "decade marks" "$html" ">1950s</text>"
hasnt "no script" "$html" "<script"
hasnt "nothing from the network" "$html" "http://www.w3.org/1999"
is "no link to anything outside" "$(grep -Eo '(src|href)=' "$WORK/t.html" | wc -l)" 0
has "printable" "$html" "@media print"
run --db "$DB" --decks "$WORK/d" timeline --html "$WORK/t2.html" --json
is "--html with --json exits 64" "$status" 64
