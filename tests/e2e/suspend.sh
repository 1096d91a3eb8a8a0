# 'trainer suspend' and 'trainer unsuspend': by deck/id, by a unique id,
# by --tag and --deck; 'cards --suspended'.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/a.yaml" <<'YAML'
deck: a
title: A
cards:
  - {id: mdt, type: date, q: When was the treaty signed?, a: 1953-10-01, tags: [dates]}
  - {id: rhee, q: Who was president?, a: Syngman Rhee, tags: [people]}
  - {id: dup, q: Dup in A?, a: yes}
  - id: gap
    type: cloze
    text: "{{CFC}} means Combined Forces Command"
  - {id: rok, q: ROK, a: Republic of Korea, reverse: true}
YAML
cat >"$WORK/d/b.yaml" <<'YAML'
deck: b
title: B
cards:
  - {id: dup, q: Dup in B?, a: yes}
  - {id: armistice, type: date, q: When was the armistice signed?, a: 1953-07-27, tags: [dates]}
YAML
DB=$WORK/p.db
T0=2026-03-01T09:00:00Z
T1=2026-03-05T09:00:00Z
t() { "$TRAINER" --db "$DB" --decks "$WORK/d" "$@"; }
q() { sqlite3 "$DB" "$1"; }
susp() { q "SELECT group_concat(n, ' ') FROM (SELECT d.name || '/' || c.key AS n FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.suspended = 1 ORDER BY 1)"; }

# every card learnt, so each is due again at T1 (siblings too: not buried)
t config bury-siblings off >/dev/null 2>&1
yes :dunno | head -8 | t --now $T0 review --new 100 --limit 8 >/dev/null 2>&1
is "the cards were learnt" "$(q "SELECT count(*) FROM cards WHERE state != 0")" 8

run --db "$DB" --decks "$WORK/d" suspend
is "suspend without cards: exit 64" "$status" 64
has "...asking which" "$err" "trainer: suspend: which cards? name them (deck/id or id) or select them with --deck or --tag"

run --db "$DB" --decks "$WORK/d" suspend a/mdt
is "suspend a/mdt: exit 0" "$status" 0
is "...says what it did" "$out" "suspended a/mdt"
is "...the database holds suspended=1" "$(q "SELECT suspended FROM cards WHERE key = 'mdt'")" 1
run --db "$DB" --decks "$WORK/d" suspend a/mdt
is "suspend it again: exit 0" "$status" 0
is "...already suspended" "$out" "a/mdt was already suspended"

run --db "$DB" --decks "$WORK/d" suspend rhee gap.1 rok.reverse
is "suspend by unique ids (a gap, a reverse): exit 0" "$status" 0
is "...each named with its deck" "$out" "suspended a/rhee
suspended a/gap.1
suspended a/rok.reverse"
is "...the database holds them" "$(susp)" "a/gap.1 a/mdt a/rhee a/rok.reverse"

run --db "$DB" --decks "$WORK/d" --now $T1 cards --suspended
is "cards --suspended: exit 0" "$status" 0
is "...lists only the suspended cards" "$(grep -o '^[a-z]*/[a-z0-9.]*' <<<"$out" | tr '\n' ' ')" "a/mdt a/rhee a/gap.1 a/rok.reverse "
run --db "$DB" --decks "$WORK/d" --now $T1 cards --due
hasnt "cards --due leaves a suspended card out" "$out" "a/mdt "
has "...but lists the others" "$out" "b/armistice "
# every card left is asked, some again and again (wrong answers)
yes :dunno | head -30 | t --now $T1 review >"$WORK/out" 2>&1
hasnt "review does not ask a suspended card" "$(cat "$WORK/out")" "When was the treaty signed?"
has "...but the others" "$(cat "$WORK/out")" "When was the armistice signed?"
is "...and logs no answer to it" "$(q "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.key = 'mdt'")" 1

run --db "$DB" --decks "$WORK/d" suspend dup
is "an id in two decks: exit 64" "$status" 64
has "...naming both forms" "$err" "trainer: suspend: the id 'dup' is in several decks: name one of 'a/dup' and 'b/dup'"
run --db "$DB" --decks "$WORK/d" suspend b/dup armistise
is "an unknown id: exit 64" "$status" 64
has "...with the closest" "$err" "trainer: suspend: no card is named 'armistise' (did you mean 'armistice'?)"
is "...and nothing changed (not even the good name)" "$(q "SELECT suspended FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = 'b' AND key = 'dup'")" 0
run --db "$DB" --decks "$WORK/d" suspend a/rhe
is "an unknown deck/id: exit 64" "$status" 64
has "...with the closest" "$err" "no card is named 'a/rhe' (did you mean 'a/rhee'?)"

run --db "$DB" --decks "$WORK/d" suspend --tag dates
is "suspend --tag dates: exit 0" "$status" 0
is "...each card once, what it did" "$out" "a/mdt was already suspended
suspended b/armistice"
run --db "$DB" --decks "$WORK/d" suspend --tag datse
is "an unknown tag: exit 64" "$status" 64
has "...with the closest" "$err" "no card has tag 'datse' (did you mean 'dates'?)"

run --db "$DB" --decks "$WORK/d" unsuspend --deck a
is "unsuspend --deck a: exit 0" "$status" 0
is "...says what it did" "$out" "unsuspended a/mdt
unsuspended a/rhee
a/dup was not suspended
unsuspended a/gap.1
a/rok was not suspended
unsuspended a/rok.reverse"
is "...the database holds suspended=0" "$(susp)" "b/armistice"
run --db "$DB" --decks "$WORK/d" --now $T1 cards --due
has "unsuspended, the card is due again" "$out" "a/mdt "
yes :dunno | head -20 | t --now $T1 review >"$WORK/out" 2>&1
has "...and review asks it" "$(cat "$WORK/out")" "When was the treaty signed?"
run --db "$DB" --decks "$WORK/d" unsuspend armistice nonesuch
is "unsuspend an unknown id: exit 64" "$status" 64
is "...and nothing changed" "$(susp)" "b/armistice"
run --db "$DB" --decks "$WORK/d" unsuspend armistice
is "unsuspend by unique id" "$out" "unsuspended b/armistice"
run --db "$DB" --decks "$WORK/d" cards --suspended
is "no suspended cards left" "$out" "no cards match"
