# 'trainer cards --json' written a card at a time: numbers in their
# shortest form, valid and complete JSON for a large collection.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/n.yaml" <<'YAML'
deck: n
title: Numbers
cards:
  - id: third
    type: number
    q: "Three tenths? \u2028 tab\there \"quoted\" back\\slash 한국"
    a: 0.3
    tolerance: 0.1
    unit: people
  - id: aid
    type: number
    q: How much aid?
    a: 2.3 billion
    unit: $
    tolerance: 0.1 billion
  - id: tiny
    type: number
    q: Tiny?
    a: 0.0000001
  - id: gap
    type: cloze
    text: "{{CFC}} means Combined Forces Command"
    note: "two\nlines"
  - id: later
    q: Not asked yet?
    a: later
YAML
db=$WORK/n.db
printf '0.3\n2.3 billion\n0.0000001\nCFC\n' |
	"$TRAINER" --db "$db" --decks "$WORK/d" --now 2026-03-01T10:00:00Z review >/dev/null 2>&1

run --db "$db" --decks "$WORK/d" cards --json
is "cards --json exits 0" "$status" 0
has "a value of 0.3 is printed 0.3" "$out" '"value": 0.3,'
has "a tolerance of 0.1 is printed 0.1" "$out" '"tolerance": 0.1,'
has "an integral value keeps its .0" "$out" '"value": 2300000000.0,'
has "a small value is printed with a short exponent" "$out" '"value": 1e-7,'
has "a new card's stability is 0.0" "$out" '"stability": 0.0,'
hasnt "no number is printed with 17 digits" "$out" '0000000000'
hasnt "...nor with their rounding error" "$out" '9999999'
has "strings are escaped as before" "$out" '"question": "Three tenths? \u2028 tab\there \"quoted\" back\\slash 한국",'
has "a note keeps its line break escaped" "$out" '"note": "two\nlines",'
# every number read back equals the state the database holds
got=$(printf '%s' "$out" | /usr/bin/python3 -c '
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
stored = {k: (s, d) for k, s, d in
          db.execute("SELECT key, stability, difficulty FROM cards")}
cards = json.load(sys.stdin)
print(len(cards), all(stored[c["id"]] ==
                      (c["stability"], c["difficulty"]) for c in cards),
      sum(c["state"] != "new" for c in cards))' "$db")
is "stability and difficulty read back exactly as stored" "$got" "5 True 4"
is "the layout is jansson's (two-space indent, an empty array as [])" \
	"$(printf '%s\n' "$out" | sed -n '1,9p')" '[
  {
    "id": "third",
    "deck": "n",
    "type": "number",
    "question": "Three tenths? \u2028 tab\there \"quoted\" back\\slash 한국",
    "answer": "0.3",
    "accept": [],
    "choices": [],'

run --db "$db" --decks "$WORK/d" cards --json --suspended
is "no card listed: an empty array" "$out" "[]"
is "...and exit 0" "$status" 0

# a large collection: 3 files of 2,000 cards, every one listed, in order
mkdir -p "$WORK/big"
for f in 0 1 2; do
	awk -v f=$f 'BEGIN {
		printf "deck: big%d\ntitle: Big %d\ncards:\n", f, f
		for (c = 0; c < 2000; c++)
			printf "  - {id: c%d, q: \"Q %d?\", a: \"A %d\", tags: [t%d]}\n", c, c, c, c % 3
	}' >"$WORK/big/b$f.yaml"
done
"$TRAINER" --db "$WORK/big.db" --decks "$WORK/big" review </dev/null >/dev/null 2>&1
"$TRAINER" --db "$WORK/big.db" --decks "$WORK/big" cards --json >"$WORK/big.json"
is "a large collection's output ends the array" "$(tail -c 4 "$WORK/big.json" | od -An -c | tr -s ' ')" ' } \n ] \n'
got=$(/usr/bin/python3 -c '
import json, sys
cards = json.load(open(sys.argv[1]))
want = ["big%d/c%d" % (f, c) for f in range(3) for c in range(2000)]
print(len(cards), [c["deck"] + "/" + c["id"] for c in cards] == want,
      all(c["tags"] == ["t%d" % (int(c["id"][1:]) % 3)] for c in cards))' "$WORK/big.json")
is "a large collection's output parses, every card once, in order" "$got" "6000 True True"
