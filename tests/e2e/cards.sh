# 'trainer cards': text and JSON listings, filters.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: Test
cards:
  - id: rhee
    q: Who was president?
    a: Syngman Rhee
    accept: [Rhee, 이승만]
    tags: [people]
  - id: mdt
    type: date
    q: When was the treaty signed?
    a: 1953-10-01
    tags: [dates, treaties]
    hint: autumn
  - id: aid
    type: number
    q: How much aid?
    a: 2.3 billion
    unit: $
    tolerance: 0.1 billion
    tags: [figures]
  - id: who
    type: choice
    q: Who came to Seoul?
    choices: [Dulles, Acheson]
    a: Dulles
  - id: seq
    type: order
    q: Earliest first
    items: [a, b, c]
  - id: gap
    type: cloze
    text: "{{CFC}} means Combined Forces Command"
  - id: esc
    q: "Bell \e[31m red"
    a: x
YAML

run --decks "$WORK/d" cards --json
is "cards without a database yet exits 66" "$status" 66
has "...saying so" "$err" "no progress database here yet (a 'trainer review' creates it)"
# the database is made by a review (cards only reads it)
"$TRAINER" --decks "$WORK/d" review </dev/null >/dev/null 2>&1

run --decks "$WORK/d" cards --json
is "cards --json exits 0" "$status" 0
json=$out
if /usr/bin/python3 - "$json" <<'PY'
import json, sys
cards = json.loads(sys.argv[1])
assert [c["id"] for c in cards] == ["rhee", "mdt", "aid", "who", "seq", "gap.1", "esc"], cards
keys = ["id", "deck", "type", "question", "answer", "accept", "choices", "items", "tags", "hint", "note", "event", "value", "unit", "tolerance",
        "state", "due", "stability", "difficulty", "reps", "lapses", "suspended"]
for c in cards:
    assert list(c.keys()) == keys, c.keys()
r, m, a, w, s, g, e = cards
assert r["accept"] == ["Rhee", "이승만"] and r["tags"] == ["people"] and r["type"] == "text"
assert m["answer"] == "1953-10-01" and m["hint"] == "autumn" and m["tags"] == ["dates", "treaties"]
assert a["value"] == 2.3e9 and a["unit"] == "$" and a["tolerance"] == 1e8 and a["answer"] == "2.3 billion"
assert w["choices"] == ["Dulles", "Acheson"] and w["answer"] == "Dulles"
assert s["items"] == ["a", "b", "c"] and s["answer"] is None
assert g["question"] == "[...] means Combined Forces Command" and g["answer"] == "CFC"
assert e["question"] == "Bell \x1b[31m red"
assert all(c["deck"] == "t" for c in cards)
assert all(c["state"] == "new" and c["due"] is None and c["reps"] == 0 and c["lapses"] == 0
           and c["stability"] == 0 and c["difficulty"] == 0 and c["suspended"] is False for c in cards)
PY
then echo "ok - cards --json holds every field"; else echo "not ok - cards --json holds every field"; fi

run --decks "$WORK/d" cards --json --tag dates --tag figures
ids=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)))')
is "--tag repeated keeps cards with any of the tags" "$ids" "mdt aid"

run cards --decks "$WORK/d" --deck t --tag people
is "text listing of one card" "$out" "t/rhee  text  [people]
  q:       Who was president?
  a:       Syngman Rhee
  also:    Rhee | 이승만
  state:   new"

run cards --decks "$WORK/d" --tag figures
is "a number card shows unit and tolerance" "$out" "t/aid  number  [figures]
  q:       How much aid?
  a:       \$2.3 billion
  within:  +/- \$100 million
  state:   new"

run cards --decks "$WORK/d"
has "an order card lists its items in order" "$out" "  order:   1. a  2. b  3. c"
has "a choice card lists its choices" "$out" "  choices: Dulles | Acheson"
has "escape sequences in deck text are shown escaped" "$out" 'Bell \x1b[31m red'
hasnt "no raw escape reaches the terminal" "$out" $'\e'

run cards --decks "$WORK/d" --tag nothing
is "a tag no card has is a usage error" "$status" 64
has "which says so" "$err" "cards: no card has tag 'nothing'"
run cards --decks "$WORK/d" --tag 'say "hi"'
is "a tag with quotes is looked up as it is" "$status" 64
has "and named in the message" "$err" "no card has tag 'say \"hi\"'"

run cards --decks "$WORK/d" --deck nope
is "an unknown deck exits 64" "$status" 64
has "an unknown deck is named" "$err" "no deck is named 'nope'"

printf 'deck: x\ntitle: t\ncards: [{id: a, q: q}]\n' >"$WORK/d/bad.yaml"
run cards --decks "$WORK/d"
is "cards with a broken deck exits 65" "$status" 65
has "cards shows why" "$err" "bad.yaml:3:9: error: card 'a' has no 'a' (the answer)"
