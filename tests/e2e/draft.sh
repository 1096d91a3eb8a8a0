# 'trainer draft FILE': from a reading to a deck that 'trainer check'
# passes and a learner can study, with nothing written on a mistake.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
FIX=tests/fixtures/draft
mkdir -p "$WORK/d"

run draft "$FIX/korean-war.txt" -o "$WORK/d/korean-war.yaml"
is "draft -o exits 0" "$status" 0
is "...and says nothing on stdout" "$out" ""
has "...says what it drafted, on stderr" "$err" "trainer: drafted 42 cards (20 dates, 5 figures, 7 people,"
has "...and what to do next" "$err" "edit it, then run 'trainer check'"
is "the deck starts with a comment saying it is a draft" \
	"$(head -1 "$WORK/d/korean-war.yaml")" "# A DRAFT made by 'trainer draft': edit it before anyone studies it."
has "...is named after the file" "$(cat "$WORK/d/korean-war.yaml")" $'\ndeck: korean-war\ntitle: "The Korean War, 1950-1953"\n'
has "...a date card blanks the date and keeps the line" "$(cat "$WORK/d/korean-war.yaml")" \
	$'    q: "On what date: The Armistice Agreement was finally signed on ___"\n    a: "1953-07-27"'
has "...a person is a cloze with the surname accepted" "$(cat "$WORK/d/korean-war.yaml")" \
	'text: "President {{Harry S. Truman|Truman}} removed MacArthur'
hasnt "...no figure for the 38th parallel" "$(cat "$WORK/d/korean-war.yaml")" 'a: "38"'
run check "$WORK/d/korean-war.yaml"
is "the draft passes 'trainer check' as it is" "$status" 0
has "...with no error" "$out" "1 deck file, 42 cards: no errors"

# the same again: the file is never replaced without --force
cp "$WORK/d/korean-war.yaml" "$WORK/before.yaml"
echo "# my edits" >>"$WORK/d/korean-war.yaml"
run draft "$FIX/korean-war.txt" -o "$WORK/d/korean-war.yaml"
is "an existing deck is not replaced: exit 73" "$status" 73
has "...saying so" "$err" "korean-war.yaml"
has "...and how to replace it" "$err" "--force"
is "...the teacher's edits are kept" "$(tail -1 "$WORK/d/korean-war.yaml")" "# my edits"
run draft "$FIX/korean-war.txt" --output="$WORK/d/korean-war.yaml" --force
is "--force replaces it" "$status" 0
is "...with the same deck (stable ids, same order)" "$(cat "$WORK/d/korean-war.yaml")" "$(cat "$WORK/before.yaml")"

# standard output, --deck and --title
run draft "$FIX/three-kingdoms.md" --deck kingdoms --title "Unit 2"
is "without -o the deck goes to stdout" "$status" 0
has "...named by --deck and --title" "$out" $'deck: kingdoms\ntitle: "Unit 2"\n'
has "...Markdown marks out of the questions" "$out" 'q: "When: Buddhism reached Goguryeo in ___"'
hasnt "...no year before AD 1" "$out" 'a: "0057"'
printf '%s\n' "$out" >"$WORK/d/kingdoms.yaml"

# a reading to studying: the drafted decks load for a quiz
printf '1953-07-27\n' | "$TRAINER" --db "$WORK/p.db" --decks "$WORK/d" --now 2026-03-01T09:00:00Z \
	--seed 1 quiz --deck korean-war --count 1 >"$WORK/quiz.out" 2>&1
is "a drafted deck can be studied" "$?" 0
has "...its questions are asked" "$(cat "$WORK/quiz.out")" "___"

# standard input
"$TRAINER" draft - --deck piped <"$FIX/korean-war.txt" >"$WORK/piped.yaml" 2>"$WORK/piped.err"
is "'-' reads standard input" "$?" 0
has "...named by --deck" "$(cat "$WORK/piped.yaml")" $'\ndeck: piped\n'
is "...the same cards as from the file" "$(grep -c '^  - id:' "$WORK/piped.yaml")" 42
run draft "$FIX/korean-war.txt" --force
is "--force without --output exits 64" "$status" 64

# --dry-run and --json write nothing
run draft "$FIX/korean-war.txt" --dry-run -o "$WORK/none.yaml"
is "--dry-run exits 0" "$status" 0
has "...prints the counts by kind" "$out" $'kind       cards\ndates         20\nfigures        5\npeople         7'
has "...and each card with its line" "$out" "   11  dates     1953-07-27"
[ -e "$WORK/none.yaml" ] && echo "not ok - --dry-run wrote a file" || echo "ok - --dry-run writes no file"
run draft "$FIX/korean-war.txt" --json
is "--json exits 0" "$status" 0
is "...is JSON with the counts" "$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["counts"]["dates"], d["sentences"], d["cards"][0]["kind"])')" "20 23 dates"

# HTML: tags and scripts out
cat >"$WORK/notes.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Notes</title><script>var x = "June 25, 1950";</script></head>
<body><h1>Notes</h1>
<p>The armistice was signed on <b>27 July 1953</b> &amp; the fighting stopped.</p>
</body></html>
HTML
run draft "$WORK/notes.html"
is "HTML is read" "$status" 0
has "...its text drafted" "$out" 'q: "On what date: the armistice was signed on ___ & the fighting stopped"'
hasnt "...not its script" "$out" "1950"
has "...with the line of the sentence" "$out" "    source: 4"

# mistakes: a message, a sysexits status, nothing written
run draft "$WORK/missing.txt" -o "$WORK/x.yaml"
is "a missing file exits 66" "$status" 66
has "...naming it" "$err" "missing.txt: cannot open"
printf 'In 1953 caf\xe9 owners.\n' >"$WORK/latin1.txt"
run draft "$WORK/latin1.txt" -o "$WORK/x.yaml"
is "a text that is not UTF-8 exits 65" "$status" 65
has "...with its line and column" "$err" "latin1.txt:1:12: error: not UTF-8 text"
printf 'Nothing to learn here.\n' >"$WORK/empty.txt"
run draft "$WORK/empty.txt" -o "$WORK/x.yaml"
is "a text with no facts exits 65" "$status" 65
has "...saying so" "$err" "no dates, figures, people, commands or treaties found"
run draft "$FIX/korean-war.txt" --deck "Bad Name" -o "$WORK/x.yaml"
is "a bad --deck exits 64" "$status" 64
has "...naming the option" "$err" "'--deck' needs a deck name"
run draft "$FIX/korean-war.txt" -o
is "-o without a file exits 64" "$status" 64
has "...naming it" "$err" "option '--output' needs a value"
[ -e "$WORK/x.yaml" ] && echo "not ok - a failed draft wrote a file" || echo "ok - no failed draft wrote a file"
run draft
is "no file exits 64" "$status" 64
run draft --help
has "the help lists -o with --output" "$out" "-o, --output FILE"

# the article the bundled decks come from, when it is here
ARTICLE=../shared/article/us-korea-military-alliance.txt
if [ -e "$ARTICLE" ]; then
	run draft "$ARTICLE" -o "$WORK/d/article.yaml"
	is "the article's draft is written" "$status" 0
	run check "$WORK/d/article.yaml"
	is "...and passes 'trainer check'" "$status" 0
	has "...with no error" "$out" "cards: no errors"
fi

# C1 controls and noncharacters in a reading (YAML takes neither raw) are
# written escaped: the draft still loads (found by fuzz_draft)
printf 'General Douglas MacArthur landed at Inchon on 15 September 1950 \302\232 with \357\277\276 marks.\n' >"$WORK/c1.txt"
run draft "$WORK/c1.txt" -o "$WORK/c1.yaml"
is "a reading with C1 controls drafts" "$status" 0
run check "$WORK/c1.yaml"
is "...into a deck check passes" "$status" 0
