# The bundled decks us-rok-command and us-rok-readings, true to history
# (issue 11): what a learner sees of the mended cards, in 'trainer cards'
# and in drills through a pipe.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

DB=$WORK/p.db
T0=2026-03-01T09:00:00Z
"$TRAINER" --db "$DB" --decks decks --now $T0 review </dev/null >/dev/null 2>&1

# drill QUESTION ANSWER ARGS...: a drill of the cards ARGS select, in which
# a learner answers QUESTION with ANSWER the first time it comes and every
# other question rightly (with the answer 'trainer cards --json' gives);
# $out holds the whole session as the learner saw it.
drill() {
	local question=$1 answer=$2
	shift 2
	"$TRAINER" --db "$DB" --decks decks cards --json "$@" >"$WORK/cards.json"
	timeout 20 /usr/bin/python3 - "$WORK/cards.json" "$question" "$answer" \
		"$TRAINER" --db "$DB" --decks decks --seed 1 --now $T0 drill "$@" >"$WORK/out" <<'PY'
import json, re, subprocess, sys
right = {c["question"]: c["answer"] for c in json.load(open(sys.argv[1]))}
question, answer, cmd = sys.argv[2], sys.argv[3], sys.argv[4:]
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, text=True)
def line():  # a line of the session, also written to stdout
    text = p.stdout.readline()
    sys.stdout.write(text)
    return text
while text := line():
    if not re.match(r"\[\d+ left\]", text):
        continue
    q = line().rstrip("\n")
    if q not in right:  # a cloze card: its instruction, then its text
        q += "\n" + line().rstrip("\n")
    if q == question and answer is not None:
        reply, answer = answer, None
    else:
        reply = right.get(q) or ":dunno"
    p.stdin.write(reply + "\n")
    p.stdin.flush()
p.stdin.close()
sys.exit(p.wait())
PY
	status=$?
	out=$(cat "$WORK/out")
}

# asked QUESTION: what the drill in $out showed from QUESTION to the blank
# line after its verdict and note, the first time it was asked.
asked() {
	printf '%s\n' "$out" | awk -v q="$1" '
		$0 == q { inq = 1 }
		inq { print }
		inq && $0 == "" { exit }'
}

# ---- tags: --tag dates and --tag people drill history, not bibliography ----
run --db "$DB" --decks decks cards --tag dates
is "cards --tag dates exits 0" "$status" 0
has "--tag dates lists the command deck's dates" "$out" "us-rok-command/peacetime-opcon  date"
hasnt "--tag dates lists no reading-list card" "$out" "us-rok-readings/"
run --db "$DB" --decks decks cards --tag people
has "--tag people lists the command deck's people" "$out" "us-rok-command/opcon-first-holder"
hasnt "--tag people lists no reading-list card" "$out" "us-rok-readings/"
run --db "$DB" --decks decks cards --tag readings
is "--tag readings lists every reading-list card" "$(printf '%s\n' "$out" | grep -c '^us-rok-readings/')" 19
is "...and nothing else" "$(printf '%s\n' "$out" | grep -c '^us-rok-')" 19
run --db "$DB" --decks decks cards --deck us-rok-readings
is "reading-list cards are tagged readings only" \
	"$(printf '%s\n' "$out" | grep '^us-rok-readings/' | grep -vc '\[readings\]$')" 0
run --db "$DB" --decks decks cards --deck us-rok-command --tag dates
hasnt "an order card is not a date card" "$out" "order-command-steps"

# ---- reversed cards that tested only initials are retired ----
run --db "$DB" --decks decks cards --deck us-rok-command --tag terms
hasnt "Combined Forces Command is no longer asked for its initials" "$out" "cfc-abbr.reverse"
hasnt "nor United Nations Command" "$out" "unc-abbr.reverse"
hasnt "nor United States Forces Korea" "$out" "usfk-abbr.reverse"
has "operational control still asks for OPCON" "$out" "us-rok-command/opcon-abbr.reverse"

# ---- gaps that answered each other ----
run --db "$DB" --decks decks cards --deck us-rok-command
hasnt "the CFC staff card has one gap, not two that answer each other" "$out" "cfc-staff.2"
has "...asking for both allies at once" "$out" "also has [...] military members."
hasnt "peacetime and wartime no longer answer each other" "$out" "opcon-split.2"
hasnt "the Agreed Minute did not give the UN Command control" "$out" "gained operational control"
has "...it kept the control the command held since the war's first weeks" "$out" "ROK forces stayed under the operational control of the [...], which had held it since"
hasnt "no cloze text names the years a date card asks" "$(printf '%s\n' "$out" | grep -A2 'field-army-name')" "1971"

# ---- the Agreed Minute: its singular title, the article's plural, Hangul ----
q='What 1954 US-ROK document, a follow-up to the Mutual Defense Treaty, kept ROK forces under the UN Command'"'"'s operational control?'
drill "$q" 'Agreed Minute' --deck us-rok-command --tag treaties
is "a drill of the treaty cards answered rightly exits 0" "$status" 0
has "the document is the Agreed Minute" "$(asked "$q")" "right: Agreed Minute"
drill "$q" 'Agreed Minutes' --deck us-rok-command --tag treaties
has "the article's plural is accepted" "$(asked "$q")" "right: Agreed Minute"
has "the note says the title is singular" "$(asked "$q")" "Its title is singular"
drill "$q" '한미합의의사록' --deck us-rok-command --tag treaties
has "the Korean name is accepted" "$(asked "$q")" "right: Agreed Minute"
drill "$q" 'Mutual Defense Treaty' --deck us-rok-command --tag treaties
has "the treaty it followed up is refused" "$(asked "$q")" "wrong: the answer is Agreed Minute"

# ---- OPCON: wartime OPCON held by an American since 1950 ----
drill 'OPCON' 'operational control' --deck us-rok-command --tag terms
has "OPCON is operational control" "$(asked 'OPCON')" "right: operational control"
has "the note says an American has held wartime OPCON since 1950" "$(asked 'OPCON')" \
	"An American general has held wartime OPCON of ROK forces since 1950"
drill 'OPCON' '작전통제권' --deck us-rok-command --tag terms
has "the Korean term for OPCON is accepted" "$(asked 'OPCON')" "right: operational control"
q='When did American operational control over ROK forces begin?'
drill "$q" 'When the ROK was founded, in 1948' --deck us-rok-command --tag korean-war
v=$(asked "$q")
has "American command did not begin with the ROK's founding" "$v" "wrong: the answer is"
has "...but in the first weeks of the war" "$v" ". In the first weeks of the Korean War, in 1950"

# ---- new date cards: Rhee's letter, the CFC's activation, the 2012 date ----
q='On what date did President Rhee sign the letter that handed command of the ROK'"'"'s armed forces to an American general?'
drill "$q" '14 July 1950' --deck us-rok-command --tag korean-war
has "Rhee's letter is of 14 July 1950" "$(asked "$q")" "right: 14 July 1950"
drill "$q" 'July 1950' --deck us-rok-command --tag korean-war
has "...the month alone is only partly right" "$(asked "$q")" "partly right"
q='On what date was the Combined Forces Command activated?'
drill "$q" '7 November 1978' --deck us-rok-command --tag dates
has "the CFC was activated on 7 November 1978" "$(asked "$q")" "right: 7 November 1978"
q='In which month and year did the US and the ROK agree to establish the Combined Forces Command?'
drill "$q" 'November 1978' --deck us-rok-command --tag dates
has "...a month after the article's date of the agreement" "$(asked "$q")" "wrong"
q='On what date was the transfer of wartime operational control to the ROK first scheduled to take place?'
drill "$q" '17 April 2012' --deck us-rok-command --tag dates
has "the first date set for wartime OPCON is 17 April 2012" "$(asked "$q")" "right: 17 April 2012"
has "...and the note says it was put off" "$(asked "$q")" "It did not happen then"

# ---- growth: what the article credits, and when growth began ----
q='According to the article, from which decade did the ROK'"'"'s unprecedented economic growth largely support the advance of its military?'
drill "$q" '1960s' --deck us-rok-command --tag dates
has "the article does not credit the 1960s" "$(asked "$q")" "wrong: the answer is"
has "...but the 1980s" "$(asked "$q")" ". 1980s"
has "...and the note says growth began in the 1960s" "$(asked "$q")" "began in the 1960s"

# ---- the reading list: the 1882 treaty was not signed on a ship ----
run --db "$DB" --decks decks cards --json --deck us-rok-readings
hasnt "no reading card says the 1882 treaty was signed aboard a ship" "$out" "Ticonderoga"
hasnt "no reading card's note names the Blood Alliance (another card's answer)" "$out" "Blood Alliance"
