# Anki packages read by import_read_anki (trainer/import-anki.c), through
# the anki-dump tool: packages built by tests/fixtures/make-apkg.py to
# Anki's layouts, legacy (collection.anki2, JSON note types) and current
# (meta, zstd collection.anki21b with protobuf configs and the 'unicase'
# collation, a dummy collection.anki2 beside), and malformed ones.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
: "${TOOLS:=build/tools}"
DUMP=$(realpath "$TOOLS/anki-dump")

python3 tests/fixtures/make-apkg.py "$WORK" || {
	echo "not ok - the fixtures could not be built"
	exit 1
}

dump() {
	"$DUMP" "$@" >"$WORK/.out" 2>"$WORK/.err" </dev/null
	status=$?
	out=$(cat "$WORK/.out")
	err=$(cat "$WORK/.err")
}

# The entries both formats hold, whatever the deck tags.
common='1600000000001 text key="Gb:1a" q="Who led the ROK in 1950?" a="Syngman Rhee" tags=people,history-korea
1600000000002 text reverse key="Gb:2b" q="Seoul" a="capital of South Korea"
1600000000003 text reverse key="Gb:3c" q="Pusan" a="port in the south"
1600000000004 text key="Gb:4d" q="Inchon" a="landing in 1950"
1600000000005 text key="Gb:5e" q="Year the armistice was signed?" a="1953"
1600000000006 cloze key="Gb:6f" text="The war began on {{25 June 1950}} when {{North Korea}} invaded.\nIt ended in {{1953}}." hint="gap 1: date" note="An armistice, not a peace treaty." tags=dates
1600000000007 text key="Gb:7g" q="What is \"DMZ\" short for?" a="Demilitarized Zone & <b> AB" tags=geo
1600000000009 text key="Gb:9i" q="한국" a="Korea" note="Hanguk, in Korean" tags=vocab-korean
1600000000010 text key="Gb:10j" q="Left text" a="Right text"
1600000000013 text reverse key="Gb:13m" q="Panmunjom" a="truce village"
1600000000014 text key="Gb:14n" q="Kaesong" a="first talks" hint="city"'
notes='skipped 3 media 2
note: the package holds 1 media file: not imported
note: note 1600000000008: note type '"'Picture'"' has one field: no question and answer
note: note type '"'Odd'"': its templates show no question and answer field: read by its first two fields ('"'Left'"' as the question, '"'Right'"' as the answer)
note: note 1600000000011: has no question once HTML and media are taken out
note: note 1600000000012: is an image occlusion: no text to ask
note: note type '"'Three ways'"': 1 of its 3 card templates not imported (only '"'Word'"' asked for '"'Meaning'"' and the reverse)'

dump "$WORK/legacy.apkg"
is "legacy package: read" "$status" 0
is "legacy package: every note as an entry, the skipped ones named" "$out" "deck korean-war title Korean War
$common
$notes"
is "legacy package: no diagnostics" "$err" ""

legacy=$out
dump "$WORK/legacy21.apkg"
is "legacy 2.1 package: collection.anki21 read, not the dummy collection.anki2" "$out" "$legacy"

dump "$WORK/current.apkg"
is "current package: read" "$status" 0
# notes 9 and 10 are in Korea::Language, the others in Korea::History
want='1600000000001 text key="Gb:1a" q="Who led the ROK in 1950?" a="Syngman Rhee" tags=people,history-korea,korea-history
1600000000002 text reverse key="Gb:2b" q="Seoul" a="capital of South Korea" tags=korea-history
1600000000003 text reverse key="Gb:3c" q="Pusan" a="port in the south" tags=korea-history
1600000000004 text key="Gb:4d" q="Inchon" a="landing in 1950" tags=korea-history
1600000000005 text key="Gb:5e" q="Year the armistice was signed?" a="1953" tags=korea-history
1600000000006 cloze key="Gb:6f" text="The war began on {{25 June 1950}} when {{North Korea}} invaded.\nIt ended in {{1953}}." hint="gap 1: date" note="An armistice, not a peace treaty." tags=dates,korea-history
1600000000007 text key="Gb:7g" q="What is \"DMZ\" short for?" a="Demilitarized Zone & <b> AB" tags=geo,korea-history
1600000000009 text key="Gb:9i" q="한국" a="Korea" note="Hanguk, in Korean" tags=vocab-korean,korea-language
1600000000010 text key="Gb:10j" q="Left text" a="Right text" tags=korea-language
1600000000013 text reverse key="Gb:13m" q="Panmunjom" a="truce village" tags=korea-history
1600000000014 text key="Gb:14n" q="Kaesong" a="first talks" hint="city" tags=korea-history'
is "current package: the anki21b collection, not the dummy; several decks as tags" "$out" "deck korea-history title Korea::History
$want
$notes
note: the notes are in 2 Anki decks: the deck is the one of most notes, 'Korea::History', and each card is tagged with its own"
hasnt "current package: the dummy collection.anki2 is not read" "$out" "Please update"

# The same package as a .colpkg, and twice: the same entries and keys.
cp "$WORK/current.apkg" "$WORK/current.colpkg"
first=$out
dump "$WORK/current.colpkg"
is "a .colpkg reads the same" "$out" "$first"
dump "$WORK/current.apkg"
is "reading twice gives the same entries and keys" "$out" "$first"

# The entries are what a deck author writes: as YAML (ids from the note
# ids), 'trainer check' takes them without an error (valid tags, names and
# cloze gaps).
as_yaml() { python3 tests/fixtures/anki-dump-yaml.py; }
mkdir -p "$WORK/decks"
printf '%s\n' "$first" | as_yaml >"$WORK/decks/current.yaml"
dump "$WORK/legacy.apkg"
printf '%s\n' "$out" | as_yaml >"$WORK/decks/legacy.yaml"
run check "$WORK/decks"
is "the entries of both packages load as decks" "$status" 0
is "every entry is a card (cloze gaps and reverses counted)" "$out" "2 deck files, 32 cards: no errors, 6 warnings"

# Malformed packages: exit 65, one message naming the problem, no entries.
bad() { # name file message
	dump "$WORK/$2"
	is "$1: exit 65" "$status" 65
	is "$1: nothing read" "$out" ""
	is "$1: the message" "$err" "trainer: $WORK/$2: error: $3"
}
bad "not a zip" not-a-zip.apkg "not an Anki package (not a zip file)"
bad "a zip without a collection" no-collection.apkg \
	"not an Anki package: it holds no collection.anki21b, collection.anki21 or collection.anki2"
bad "a note with a field too many" field-mismatch.apkg \
	"note 1600000000099: it has 3 fields, but its note type 'Basic' has 2"
bad "truncated zstd" truncated-zstd.apkg \
	"'collection.anki21b' in the package is truncated (its zstd data ends early)"
bad "a package of a newer Anki" newer.apkg \
	"the package is of a newer Anki (package version 4): export it again with 'Support older Anki versions' ticked"
bad "a collection that is no database" not-sqlite.apkg \
	"'collection.anki2' in the package is not an SQLite database"
bad "broken deflate data" damaged.apkg \
	"'collection.anki2' in the package cannot be read: its compressed data is damaged"
bad "a member whose checksum is wrong" bad-crc.apkg \
	"'collection.anki2' in the package cannot be read: its checksum is wrong"
bad "a member compressed with bzip2" bzip2.apkg \
	"'collection.anki2' in the package cannot be read: it is compressed in a way this program does not read"
dump "$WORK/zip64.apkg"
zip64=$out
dump "$WORK/legacy.apkg"
is "a zip64 package reads as the plain one" "$zip64" "$out"

dump "$WORK/missing.apkg"
is "a missing file: exit 66" "$status" 66
is "a missing file: the message" "$err" "trainer: $WORK/missing.apkg: error: cannot open: no such file or directory"

# ---- 'trainer import' of a package ----
for f in legacy current; do
	run import "$WORK/$f.apkg" -o "$WORK/$f.yaml"
	is "import $f.apkg exits 0" "$status" 0
	has "...says what it imported and skipped" "$err" "imported 11 cards from $WORK/$f.apkg"
	has "...notes, not rows" "$err" "3 notes skipped; 2 images or sounds left out"
	has "...names a skipped note by its id" "$err" "note 1600000000012: is an image occlusion"
	run check "$WORK/$f.yaml"
	is "...and the deck passes check" "$status" 0
	has "...with every card" "$out" "1 deck file, 16 cards: no errors"
	cp "$WORK/$f.yaml" "$WORK/$f.first"
	run import "$WORK/$f.apkg" -o "$WORK/$f.yaml"
	is "$f: imported again, the same bytes (ids from the note guids)" "$(cmp "$WORK/$f.first" "$WORK/$f.yaml" && echo same)" same
done
has "a bare year for an answer becomes a date card" "$(cat "$WORK/current.yaml")" 'type: date
    q: "Year the armistice was signed?"'
run import --text-only "$WORK/current.apkg"
hasnt "...unless --text-only" "$out" "type: date"
is "legacy and current packages give the same cards" \
	"$(grep -v '^title\|^deck' "$WORK/legacy.yaml" | grep -c '  - id:')" \
	"$(grep -v '^title\|^deck' "$WORK/current.yaml" | grep -c '  - id:')"
run import "$WORK/field-mismatch.apkg" -o "$WORK/bad.yaml"
is "a malformed package: exit 65" "$status" 65
has "...naming the note" "$err" "note 1600000000099"
[ -e "$WORK/bad.yaml" ] && echo "not ok - ...and nothing written" || echo "ok - ...and nothing written"
