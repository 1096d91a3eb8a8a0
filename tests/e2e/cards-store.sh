# 'trainer cards' lists a deck file unchanged since the last sync from the
# store, without reading the file, and parses only the files that changed;
# both ways give the same listing, byte for byte.
. "$(dirname "$0")/lib.bash"

# the bundled decks: every card type (text, number, date, choice, order,
# cloze, reversed twins), some cards with a state, one suspended
mkdir -p "$WORK/d"
cp "$(dirname "$0")"/../../decks/*.yaml "$WORK/d/"
db=$WORK/db
T() { "$TRAINER" --db "$db" --decks "$WORK/d" "$@"; }
T suspend us-rok-readings/article-author >/dev/null 2>&1
sqlite3 "$db" "UPDATE cards SET state = 2, stability = 3.25, difficulty = 5.5,
	reps = 3, lapses = 1, scheduled_days = 4, due = 1772445600,
	last_review = 1772100000 WHERE key IN ('treaty-1882-date', 'article-author')
	OR key LIKE '%-cloze%' OR rowid % 7 = 0"
is "the store holds states to list" \
	"$(sqlite3 "$db" "SELECT count(*) > 3 FROM cards WHERE state = 2")" 1
types=$(sqlite3 "$db" "SELECT group_concat(type, ' ') FROM (SELECT DISTINCT type FROM cards ORDER BY type)")
is "the decks have every card type" "$types" "choice cloze date number order text"

run --db "$db" --decks "$WORK/d" cards --json
json=$out
is "cards --json from the store exits 0" "$status" 0
is "...with no message" "$err" ""
run --db "$db" --decks "$WORK/d" cards
text=$out

# A file of the same size and modification time is not read: a question
# changed in place, its mtime put back, still lists as stored.
f=$WORK/d/us-rok-readings.yaml
cp -p "$f" "$WORK/orig.yaml"
sed -i 's/Who wrote the article/WHO WROTE THE ARTICLE/' "$f"
touch -r "$WORK/orig.yaml" "$f"
is "the edited file has the same size" "$(stat -c %s "$f")" "$(stat -c %s "$WORK/orig.yaml")"
run --db "$db" --decks "$WORK/d" cards --json
is "an unchanged file (size, mtime) is listed from the store, not read" "$out" "$json"
# the file as it was, touched: every deck parsed again, joined with the
# store: the same listing, byte for byte
cp "$WORK/orig.yaml" "$f"
touch "$WORK"/d/*.yaml
run --db "$db" --decks "$WORK/d" cards --json
is "the listing parsed from the files equals the one from the store" "$out" "$json"
run --db "$db" --decks "$WORK/d" cards
is "...as text too" "$out" "$text"
for opt in "--deck us-rok-command" "--tag dates" "--due" "--suspended"; do
	a=$("$TRAINER" --db "$db" --decks "$WORK/d" --now 2026-03-05T00:00:00Z cards --json $opt)
	T suspend us-rok-readings/article-author >/dev/null 2>&1 # a sync
	b=$("$TRAINER" --db "$db" --decks "$WORK/d" --now 2026-03-05T00:00:00Z cards --json $opt)
	is "cards $opt: parsed and from the store alike" "$b" "$a"
	has "...and not empty" "$b" "\"id\": "
	touch "$WORK"/d/*.yaml
	[ "$opt" = "--deck us-rok-command" ] && deck_only=$b
done
has "--deck lists that deck" "$deck_only" '"deck": "us-rok-command"'
hasnt "...only that deck" "$deck_only" '"deck": "us-rok-alliance"'
T suspend us-rok-readings/article-author >/dev/null 2>&1

# a card edited in its file, not synced yet: the file's text, the card's
# state kept; the other decks still from the store
sed -i 's/Who wrote the article/Who is the author of the article/' "$f"
run --db "$db" --decks "$WORK/d" cards --json
has "an edited card shows the file's new text" "$out" '"question": "Who is the author of the article'
hasnt "...not the stored one" "$out" '"question": "Who wrote the article'
got=$(printf '%s' "$out" | /usr/bin/python3 -c '
import json, sys
c = [c for c in json.load(sys.stdin) if c["id"] == "article-author"][0]
print(c["state"], c["reps"], c["lapses"], c["suspended"])')
is "...with its stored state" "$got" "review 3 1 True"
is "...and every other card as before" \
	"$(printf '%s\n' "$out" | grep -v 'Who is the author')" \
	"$(printf '%s\n' "$json" | grep -v 'Who wrote the article')"

# a card added to a file, not synced: listed as new, in its place
printf '  - id: added-card\n    q: Added?\n    a: yes\n' >>"$f"
run --db "$db" --decks "$WORK/d" cards
has "a card not synced yet is listed as new" "$out" "us-rok-readings/added-card  text"
is "...last of its deck" "$(printf '%s\n' "$out" | grep -A3 'added-card' | tail -1)" "  state:   new"
cp "$WORK/orig.yaml" "$f"
T suspend us-rok-readings/article-author >/dev/null 2>&1

# a deck file with an error: reported, its cards listed as last synced
c=$WORK/d/us-rok-command.yaml
cp -p "$c" "$WORK/command.yaml"
printf 'oops: [\n' >>"$c"
run --db "$db" --decks "$WORK/d" cards --json
is "a deck with an error lists its cards as last synced" "$out" "$json"
has "...and reports the error" "$err" "us-rok-command.yaml:"
has "...as an error" "$err" "error:"
is "...exiting 65" "$status" 65
cp -p "$WORK/command.yaml" "$c"

# a deck file gone: its cards listed as last synced, as before
mv "$c" "$WORK/command.yaml"
run --db "$db" --decks "$WORK/d" cards --json
is "a deck whose file is gone is listed as last synced" "$out" "$json"
is "...exiting 0" "$status" 0
mv "$WORK/command.yaml" "$c"

# the names asked for are checked before anything is printed
run --db "$db" --decks "$WORK/d" cards --json --deck nosuch
is "an unknown --deck prints nothing on stdout" "$out" ""
has "...and names it" "$err" "no deck is named 'nosuch'"
is "...exiting 64" "$status" 64
run --db "$db" --decks "$WORK/d" cards --tag nosuch
is "an unknown --tag prints nothing on stdout" "$out" ""
has "...and names it" "$err" "no card has tag 'nosuch'"
# a tag only in a file not synced yet is known
sed -i 's/tags: \[readings\]/tags: [readings, fresh-tag]/' "$f"
run --db "$db" --decks "$WORK/d" cards --tag fresh-tag
has "a tag only in a changed file is known" "$out" "us-rok-readings/article-author"
# a deck renamed in its file to the name of an unchanged deck: the first
# file in order keeps the name, the other is an error, as a sync says
sed -i 's/^deck: us-rok-readings$/deck: us-rok-alliance/' "$f"
run --db "$db" --decks "$WORK/d" cards --json
has "a file taking an unchanged deck's name is an error" "$err" \
	"us-rok-readings.yaml:5:7: error: deck name 'us-rok-alliance' is already used by $WORK/d/us-rok-alliance.yaml"
is "...and the listing is the last synced one" "$out" "$json"
cp "$WORK/orig.yaml" "$f"
sed -i 's/^deck: us-rok-alliance$/deck: us-rok-readings/' "$WORK/d/us-rok-alliance.yaml"
run --db "$db" --decks "$WORK/d" cards
has "a file before it in order taking its name: the later file is the error" "$err" \
	"us-rok-readings.yaml:5:7: error: deck name 'us-rok-readings' is already used by $WORK/d/us-rok-alliance.yaml"
