# 'trainer config': the settings, their defaults, checks, and what the
# session makes of them; the old keys of version 3 are migrated.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: T
cards:
  - {id: c1, q: Q1?, a: alpha}
  - {id: c2, q: Q2?, a: bravo}
  - {id: c3, q: Q3?, a: charlie}
  - {id: c4, q: Q4?, a: delta}
  - {id: c5, q: Q5?, a: echo}
YAML
DB=$WORK/p.db
T0=2026-03-01T09:00:00Z
q() { sqlite3 "$DB" "$1"; }
cfg() { run --db "$DB" --decks "$WORK/d" config "$@"; }
defaults="desired-retention = 0.9 (default)
new-per-day = 20 (default)
learning-steps = 1m 10m (default)
relearning-steps = 10m (default)
rollover-hour = 4 (default)
learn-ahead = 20 (default)
bury-siblings = on (default)
new-order = deck (default)
chronology = off (default)
exam = none (default)
exam-target = 0.9 (default)
sync-dir = none (default)
weights = FSRS-6's defaults (default; 'trainer optimize' fits them)"

cfg
is "config without a database: exit 0" "$status" 0
is "...every setting at its default" "$out" "$defaults"
is "...and no database made" "$(ls "$WORK")" "d
home"

cfg new-per-day 2
is "config new-per-day 2: exit 0" "$status" 0
is "...says what is set" "$out" "new-per-day = 2 (default 20)"
cfg new-per-day
is "config new-per-day reads it back" "$out" "2"
cfg learning-steps "5m"
cfg bury-siblings off
cfg new-order random
cfg learn-ahead 0
cfg desired-retention 0.85
cfg
is "the list shows set values with their defaults" "$out" "desired-retention = 0.85 (default 0.9)
new-per-day = 2 (default 20)
learning-steps = 5m (default 1m 10m)
relearning-steps = 10m (default)
rollover-hour = 4 (default)
learn-ahead = 0 (default 20)
bury-siblings = off (default on)
new-order = random (default deck)
chronology = off (default)
exam = none (default)
exam-target = 0.9 (default)
sync-dir = none (default)
weights = FSRS-6's defaults (default; 'trainer optimize' fits them)"
is "the database holds only the values set" "$(q "SELECT key || '=' || value FROM settings ORDER BY key")" "bury-siblings=off
desired-retention=0.85
learn-ahead=0
learning-steps=5m
new-order=random
new-per-day=2"
cfg --json
is "config --json: exit 0" "$status" 0
is "...each key with its value, default and whether set" "$(/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print(list(d)[0], d["desired-retention"], d["new-per-day"], d["relearning-steps"], d["bury-siblings"]["value"])
' "$out")" "desired-retention {'value': 0.85, 'default': 0.9, 'set': True} {'value': 2, 'default': 20, 'set': True} {'value': '10m', 'default': '10m', 'set': False} off"

cfg desired-retention --reset
is "config KEY --reset: exit 0" "$status" 0
is "...says it is the default again" "$out" "desired-retention = 0.9 (default)"
is "...and the row is gone" "$(q "SELECT count(*) FROM settings WHERE key = 'desired-retention'")" 0
for kv in bury-siblings new-order learn-ahead; do cfg $kv --reset; done

# ---- bad values and unknown keys: exit 64, nothing stored ----
before=$(q "SELECT key || '=' || value FROM settings ORDER BY key")
bad() { # name key value message
	cfg "$2" "$3"
	is "$1: exit 64" "$status" 64
	has "...naming the key, the values it takes and the value" "$err" "trainer: config: $4"
}
bad "a retention above 0.99" desired-retention 1.5 "'desired-retention' must be a number from 0.7 to 0.99, not '1.5'"
bad "a retention in hex" desired-retention 0x1p-1 "'desired-retention' must be a number from 0.7 to 0.99, not '0x1p-1'"
bad "new cards over 9999" new-per-day 10000 "'new-per-day' must be a whole number from 0 to 9999, not '10000'"
bad "a negative number of new cards" new-per-day -1 "'new-per-day' must be a whole number from 0 to 9999, not '-1'"
bad "a rollover hour of 24" rollover-hour 24 "'rollover-hour' must be a whole number from 0 to 23, not '24'"
bad "learn-ahead over a day" learn-ahead 1441 "'learn-ahead' must be a whole number of minutes from 0 to 1440, not '1441'"
bad "a step that is not one" learning-steps 5x "'learning-steps' must be steps like '1m 10m' (m, h or d; each from 1m to 30d; at most 16), or 'none', not '5x'"
bad "bury-siblings maybe" bury-siblings maybe "'bury-siblings' must be 'on' or 'off', not 'maybe'"
bad "new-order by date" new-order date "'new-order' must be 'deck' or 'random', not 'date'"
cfg new-per-dya 3
is "an unknown key: exit 64" "$status" 64
has "...with the closest" "$err" "trainer: config: no setting is named 'new-per-dya' (did you mean 'new-per-day'?)"
cfg new_per_day
is "an old key name: exit 64" "$status" 64
has "...pointing to the new one" "$err" "no setting is named 'new_per_day' (did you mean 'new-per-day'?)"
cfg colour
has "a key nothing is close to" "$err" "no setting is named 'colour' (see 'trainer config')"
cfg new-per-day 2 3
is "a key with two values: exit 64" "$status" 64
cfg --reset
is "--reset without a key: exit 64" "$status" 64
is "nothing bad was stored" "$(q "SELECT key || '=' || value FROM settings ORDER BY key")" "$before"

# ---- the session follows them ----
printf ':quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
yes x | head -40 | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >"$WORK/out" 2>&1
is "new-per-day 2: the review asks only 2 new cards" "$(grep -o '^Q[0-9]?' "$WORK/out" | sort -u | tr '\n' ' ')" "Q1? Q2? "
is "...and logs answers to 2 cards only" "$(q "SELECT count(DISTINCT card_id) FROM reviews")" 2
has "learning-steps 5m: a wrong answer comes back in 5m" "$(cat "$WORK/out")" "rated Again: next in 5m"
hasnt "...not in 1m" "$(cat "$WORK/out")" "next in 1m"
cfg learning-steps --reset
cfg new-per-day 3
printf 'x\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now 2026-03-02T09:00:00Z review >"$WORK/out" 2>&1
has "reset: the default step again" "$(cat "$WORK/out")" "rated Again: next in 1m"

# a value stored by hand that is not one the setting takes is refused
q "UPDATE settings SET value = '99' WHERE key = 'new-per-day'; INSERT INTO settings VALUES ('relearning-steps', '0m')"
printf ':quit\n' | "$TRAINER" --db "$DB" --decks "$WORK/d" --now $T0 review >"$WORK/out" 2>"$WORK/err"
is "a stored step of 0m: exit 65" "$?" 65
has "...naming the setting" "$(cat "$WORK/err")" "the setting 'relearning-steps' is '0m'; it must be steps like '10m'"

# ---- migration: the keys of version 3 get their new names ----
OLD=$WORK/old.db
printf ':quit\n' | "$TRAINER" --db "$OLD" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
sqlite3 "$OLD" "DELETE FROM settings; INSERT INTO settings VALUES ('desired_retention', '0.8'), ('new_per_day', '2'), ('rollover_hour', '4'), ('weights', '[0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]'); PRAGMA user_version = 3"
run --db "$OLD" --decks "$WORK/d" config
is "a version-3 database: config exits 0" "$status" 0
is "...its old keys read under the new names" "$out" "desired-retention = 0.8 (default 0.9)
new-per-day = 2 (default 20)
learning-steps = 1m 10m (default)
relearning-steps = 10m (default)
rollover-hour = 4 (default)
learn-ahead = 20 (default)
bury-siblings = on (default)
new-order = deck (default)
chronology = off (default)
exam = none (default)
exam-target = 0.9 (default)
sync-dir = none (default)
weights = FSRS-6's defaults (default; 'trainer optimize' fits them)"
is "...it is migrated to version 9" "$(sqlite3 "$OLD" 'PRAGMA user_version')" 9
is "...the old keys renamed, the defaults version 2 stored removed" "$(sqlite3 "$OLD" "SELECT key || '=' || value FROM settings ORDER BY key")" "desired-retention=0.8
new-per-day=2"
yes x | head -40 | "$TRAINER" --db "$OLD" --decks "$WORK/d" --now $T0 review >/dev/null 2>&1
is "...and the session follows them: 2 new cards" "$(sqlite3 "$OLD" "SELECT count(DISTINCT card_id) FROM reviews")" 2
