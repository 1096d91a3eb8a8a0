# 'trainer import': CSV, TSV, Anki's and Quizlet's text exports made into
# decks that 'trainer check' passes; stable ids; malformed files refused
# with their line and nothing written; bad options.
. "$(dirname "$0")/lib.bash"
D=$WORK/in
mkdir -p "$D"

# --- CSV: a header row, quotes, CRLF, a BOM, dates and numbers ---
printf '\xef\xbb\xbfQuestion,Answer,Tags\r\n' >"$D/Korean War.csv"
printf 'When did the Korean War begin?,1950,dates\r\n' >>"$D/Korean War.csv"
printf '"Capital of South Korea, since 1948","Seoul",places\r\n' >>"$D/Korean War.csv"
printf 'How many US troops are in Korea?,"28,500",\r\n' >>"$D/Korean War.csv"
printf 'On what date was the MDT signed?,"October 1, 1953",dates treaties\r\n' >>"$D/Korean War.csv"
printf '"The ""forgotten"" war is?","the Korean War\r\nof 1950-53",\r\n' >>"$D/Korean War.csv"
printf 'What line divides Korea?,the 38th parallel,\r\n' >>"$D/Korean War.csv"
printf 'Empty answer,,\r\n' >>"$D/Korean War.csv"

run import "$D/Korean War.csv"
is "a CSV file imports" "$status" 0
printf '%s\n' "$out" >"$WORK/stdout.yaml"
has "the deck is named from the file" "$out" 'deck: "korean-war"'
has "the title is the file's name" "$out" 'title: "Korean War"'
has "a year is a date card" "$out" "$(printf '    type: date\n    q: "When did the Korean War begin?"\n    a: "1950"')"
has "a date in words is written as ISO" "$out" "$(printf '    type: date\n    q: "On what date was the MDT signed?"\n    a: "1953-10-01"\n    tags: ["dates", "treaties"]')"
has "a figure is a number card" "$out" "$(printf '    type: number\n    q: "How many US troops are in Korea?"\n    a: "28,500"')"
has "a separator inside quotes stays in the field" "$out" 'q: "Capital of South Korea, since 1948"'
has "doubled quotes and a quoted line break" "$out" "$(printf '    q: "The \\"forgotten\\" war is?"\n    a: "the Korean War\\nof 1950-53"')"
has "words with a number in them stay text" "$out" "$(printf '    q: "What line divides Korea?"\n    a: "the 38th parallel"\n')"
hasnt "a text card has no type" "$out" "$(printf 'type: text')"
has "the report says what was imported" "$err" "trainer: imported 6 cards from $D/Korean War.csv into deck 'korean-war': 3 text, 2 dates, 1 number; 1 row skipped; fields split on comma (guessed; --separator sets it)"
has "the skipped row is named by its line" "$err" "trainer: $D/Korean War.csv: line 9: the answer is empty: skipped"
has "the header row is said" "$err" "line 1: a header row: question, answer, tags"

run check "$WORK/stdout.yaml"
is "the deck written passes check" "$status" 0
has "check counts its cards" "$out" "1 deck file, 6 cards: no errors"

# --- the deck made is one to study: a date card takes a date typed ---
printf 'When did the Korean War begin?,June 1950\n' >"$D/one.csv"
run import "$D/one.csv" -o "$WORK/one.yaml"
out=$(echo "25 June 1950" | "$TRAINER" --decks "$WORK/one.yaml" --db "$WORK/one.db" quiz --count 1 2>&1)
has "a quiz on the imported deck judges a date" "$out" "right: June 1950"
has "... and scores it" "$out" "score: 1/1"

# --- the same file twice: the same bytes; -o writes the same ---
run import "$D/Korean War.csv"
is "a second import gives the same bytes" "$out" "$(cat "$WORK/stdout.yaml")"
run import "$D/Korean War.csv" -o "$WORK/out.yaml"
is "-o writes the deck" "$status" 0
is "-o prints nothing on stdout" "$out" ""
is "-o writes what stdout shows" "$(cat "$WORK/out.yaml")" "$(cat "$WORK/stdout.yaml")"
has "the report names the output" "$err" "into deck 'korean-war' ($WORK/out.yaml)"
run import --output="$WORK/out2.yaml" "$D/Korean War.csv"
is "--output=FILE writes the same" "$(cat "$WORK/out2.yaml")" "$(cat "$WORK/stdout.yaml")"

# --- an edited answer keeps its card's id; a row added moves none ---
id_of() { # FILE QUESTION: the id of the card with that question
	awk -v q="    q: \"$2\"" '/^  - id: /{id=$3} $0==q{print id}' "$1" | tr -d '"'
}
old_id=$(id_of "$WORK/out.yaml" "What line divides Korea?")
old_mdt=$(id_of "$WORK/out.yaml" "On what date was the MDT signed?")
sed -e 's/the 38th parallel/the 38th parallel (and the DMZ)/' \
	-e 's/^Question,Answer,Tags/Question,Answer,Tags\r\nA new first question?,A new answer,/' \
	"$D/Korean War.csv" >"$D/edited.csv"
run import "$D/edited.csv" --deck korean-war -o "$WORK/edited.yaml"
is "the edited file imports" "$status" 0
has "the edited answer is there" "$(cat "$WORK/edited.yaml")" 'a: "the 38th parallel (and the DMZ)"'
is "the edited card keeps its id" "$(id_of "$WORK/edited.yaml" "What line divides Korea?")" "$old_id"
is "a card after the added row keeps its id" "$(id_of "$WORK/edited.yaml" "On what date was the MDT signed?")" "$old_mdt"
[ -n "$old_id" ] && echo "ok - the id was found" || echo "not ok - no id found for the edited card"

# --- -o is atomic: a malformed file changes nothing and makes nothing ---
printf 'q,a\nfine,row\n"never closed,x\nmore,rows\n' >"$D/bad.csv"
cp "$WORK/out.yaml" "$WORK/keep.yaml"
run import "$D/bad.csv" -o "$WORK/out.yaml"
is "an unterminated quote exits 65" "$status" 65
is "the error names the file, line and column" "$err" "trainer: $D/bad.csv:3:1: error: the quoted field opened here is never closed (a quote inside a quoted field is written twice: \"\")"
is "the existing output is left as it was" "$(cat "$WORK/out.yaml")" "$(cat "$WORK/keep.yaml")"
run import "$D/bad.csv" -o "$WORK/new.yaml"
[ -e "$WORK/new.yaml" ] && echo "not ok - a malformed file created the output" || echo "ok - a malformed file creates no output"
is "no temporary file is left behind" "$(ls -A "$WORK" | grep -c '\.yaml\.')" 0
run import "$D/bad.csv"
is "a malformed file writes nothing on stdout" "$out" ""

printf 'q,a\n"x"y,z\n' >"$D/bad2.csv"
run import "$D/bad2.csv"
is "text after a closing quote exits 65" "$status" 65
has "... naming its line and column" "$err" "bad2.csv:2:4: error: text after the closing quote"
run import "$D/bad2.csv" --no-quotes
is "--no-quotes reads quotes as text" "$status" 0
has "... and keeps them" "$out" 'q: "\"x\"y"'

printf 'q,a\ncaf\xe9,x\n' >"$D/latin1.csv"
run import "$D/latin1.csv"
is "a file that is not UTF-8 exits 65" "$status" 65
is "... naming the byte's place" "$err" "trainer: $D/latin1.csv:2:4: error: byte 0xE9 is not UTF-8 (save the file as UTF-8)"

: >"$D/empty.csv"
run import "$D/empty.csv" -o "$WORK/empty.yaml"
is "an empty file exits 65" "$status" 65
is "... saying there are no cards" "$err" "trainer: $D/empty.csv: error: no cards to import: the file holds no rows"
[ -e "$WORK/empty.yaml" ] && echo "not ok - an empty file wrote a deck" || echo "ok - an empty file writes no deck"
printf 'just one column\nand another\n' >"$D/one.csv"
run import "$D/one.csv"
is "a file of one column exits 65" "$status" 65
has "... each row said" "$err" "line 2: one column only, no answer: skipped"
has "... and why nothing is written" "$err" "no cards to import: the 2 rows read were skipped"

run import "$D/nope.csv"
is "a missing file exits 66" "$status" 66
is "... and says so" "$err" "trainer: $D/nope.csv: error: cannot open: no such file or directory"

# --- a file too large for one deck file: refused, nothing written ---
awk 'BEGIN { for (i = 0; i < 74000; i++) printf "%dx,y\n", i }' >"$D/many.csv"
run import "$D/many.csv" -o "$WORK/many.yaml"
is "more values than a deck file holds exits 65" "$status" 65
is "... saying to split the file" "$err" "trainer: $D/many.csv: error: the deck would hold more values or text than one deck file may (see decks/README.md): split the file"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "question %d,answer %d\n", i, i }' >"$D/long.csv"
run import "$D/long.csv" -o "$WORK/many.yaml"
is "more bytes than a deck file holds exits 65" "$status" 65
has "... saying so" "$err" "more than a deck file may hold (4 MiB): split the file"
[ -e "$WORK/many.yaml" ] && echo "not ok - a too large import wrote a deck" || echo "ok - a too large import writes no deck"

# --- Anki's text export ---
{
	printf '#separator:tab\n#html:true\n#guid column:1\n#tags column:4\n#deck:History::Korea\n'
	printf 'aB3$x\tWho led the <b>UN</b> forces?\tDouglas&nbsp;MacArthur<img src="m.jpg">\tpeople Korea::War\n'
	printf 'Zz9!y\tWhen was the armistice signed?\t27 July 1953\tdates\n'
	printf 'Qq1#z\t{{c1::Seoul}} is on the {{c2::Han}} river\tsee the map\t\n'
} >"$D/anki.txt"
run import "$D/anki.txt" -o "$WORK/anki.yaml"
is "an Anki text export imports" "$status" 0
y=$(cat "$WORK/anki.yaml")
has "its deck name comes from '#deck:'" "$y" 'deck: "history-korea"'
has "its HTML is read as text" "$y" 'a: "Douglas MacArthur"'
has "its tags are names" "$y" 'tags: ["people", "korea-war"]'
has "a cloze note becomes a cloze card" "$y" "$(printf '    type: cloze\n    text: "{{Seoul}} is on the {{Han}} river"\n    note: "see the map"')"
has "the image is counted" "$err" "1 image or sound left out"
run check "$WORK/anki.yaml"
is "the Anki deck passes check" "$status" 0
guid_id=$(id_of "$WORK/anki.yaml" "Who led the UN forces?")
sed 's/Who led the <b>UN<\/b> forces?/Who commanded the UN forces?/' "$D/anki.txt" >"$D/anki2.txt"
run import "$D/anki2.txt"
printf '%s\n' "$out" >"$WORK/anki2.yaml"
is "a note with an edited question keeps its id (from its guid)" "$(id_of "$WORK/anki2.yaml" "Who commanded the UN forces?")" "$guid_id"
case $guid_id in n-*) echo "ok - a guid makes an n- id" ;; *) echo "not ok - a guid made '$guid_id'" ;; esac

# --- Quizlet's copy text: tab or comma, newline or semicolon ---
printf 'Incheon landing\t15 September 1950;Chosin Reservoir\tbattle fought\nin the winter of 1950;' >"$D/quizlet.txt"
run import "$D/quizlet.txt" --separator tab --row-separator semicolon --tag quizlet
is "Quizlet rows split on semicolons import" "$status" 0
has "a line break stays in the answer" "$out" 'a: "battle fought\nin the winter of 1950"'
has "--tag adds a tag to every card" "$out" 'tags: ["quizlet"]'
has "the report says the separator chosen" "$err" "fields split on tab"
hasnt "... not guessed" "$err" "guessed"
printf 'Pusan Perimeter - 1950\nDMZ - 1953\n' >"$D/dash.txt"
run import "$D/dash.txt" --separator " - " --text-only
is "a separator of several characters" "$status" 0
hasnt "--text-only makes no date cards" "$out" "type:"
has "... the answers as written" "$out" 'a: "1950"'
printf 'x;y\n' >"$D/semi.txt"
run import "$D/semi.txt" --detect-types --text-only
is "--text-only and --detect-types together: exit 64" "$status" 64
has "... saying so" "$err" "--detect-types or --text-only, not both"

# --- --html on a file without Anki's header lines; a title cleaned ---
printf 'Who?,<i>Syngman</i>&nbsp;Rhee<br>first president\n' >"$D/html.csv"
run import "$D/html.csv" --html --title "$(printf 'Rhee\001 \377deck')"
is "--html reads the fields as HTML" "$status" 0
has "... as text" "$out" 'a: "Syngman Rhee\nfirst president"'
has "a title's control characters and bad bytes are left out" "$out" 'title: "Rhee deck"'
run import "$D/html.csv"
has "without --html the HTML is kept as written" "$out" 'a: "<i>Syngman</i>&nbsp;Rhee<br>first president"'

# --- standard input ---
out=$(printf 'Seoul?,Yes\n' | "$TRAINER" import - --deck from-stdin --title "From stdin" 2>"$WORK/err")
is "'-' reads standard input" "$out" "$(printf 'deck: "from-stdin"\ntitle: "From stdin"\ncards:\n  - id: "seoul-79434926"\n    q: "Seoul?"\n    a: "Yes"')"
has "... and says so" "$(cat "$WORK/err")" "from standard input into deck 'from-stdin'"

# --- what this build cannot read, and bad options ---
printf 'PK\003\004rest' >"$D/deck.apkg"
run import "$D/deck.apkg" -o "$WORK/apkg.yaml"
is "a broken Anki package exits 65" "$status" 65
has "... saying so" "$err" "not an Anki package"
[ -e "$WORK/apkg.yaml" ] && echo "not ok - a broken Anki package wrote a deck" || echo "ok - a broken Anki package writes no deck"

run import
is "no file exits 64" "$status" 64
has "... saying what is missing" "$err" "trainer: import: say which file to import"
run import "$D/dash.txt" "$D/semi.txt"
is "two files exit 64" "$status" 64
run import "$D/dash.txt" --deck Bad_Name
is "a bad --deck exits 64" "$status" 64
has "... naming the rules" "$err" "'--deck' needs a deck name: 1 to 64 lower case letters, digits and dashes"
run import "$D/dash.txt" --tag "two words"
is "a bad --tag exits 64" "$status" 64
run import "$D/dash.txt" --separator ""
is "an empty --separator exits 64" "$status" 64
run import "$D/dash.txt" --separator newline
is "a line break as --separator exits 64" "$status" 64
run import "$D/dash.txt" --separator tab --row-separator tab
is "the same two separators exit 64" "$status" 64
run import "$D/dash.txt" --title " "
is "an empty --title exits 64" "$status" 64
run import "$D/dash.txt" --colour
is "an unknown option exits 64" "$status" 64
run import "$D/dash.txt" -o
is "-o without a file exits 64" "$status" 64
mkdir -p "$WORK/folder"
run import "$D/semi.txt" -o "$WORK/folder"
is "-o onto a folder exits 73" "$status" 73

cp "$D/semi.txt" "$WORK/self.txt"
run import "$WORK/self.txt" -o "$WORK/self.txt"
is "-o onto the file being imported exits 64" "$status" 64
is "... leaving it as it was" "$(cat "$WORK/self.txt")" "x;y"

run import --help
is "import --help" "$status" 0
has "the help lists -o" "$out" "-o, --output FILE"
has "the help lists --row-separator" "$out" "--row-separator SEP"
run --help
has "the command is listed" "$out" "import"
