# The bundled deck us-rok-alliance as a learner meets it: the facts issue 11
# corrected (the 1882 treaty signed ashore at Chemulpo, the full treaty
# title, the article's American casualty figure, the article's list of
# earlier treaty partners), answers accepted in Korean and older names, and
# the card ids learners' progress hangs on.  Single cards are copied out of
# the real file into a one-card deck so that each can be asked on its own.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
DECK=decks/us-rok-alliance.yaml
DB=$WORK/p.db
T0=2026-03-01T09:00:00Z

one() { # ID: $WORK/ID/one.yaml holds only that card of the deck, with its
	# own database $WORK/ID.db (a database remembers the decks it has seen)
	mkdir -p "$WORK/$1"
	{
		printf 'deck: one\ntitle: One\ncards:\n'
		awk -v id="$1" '$0 == "  - id: " id { p = 1; print; next }
			p && (/^  - id: / || /^  #/) { exit }
			p { print }' "$DECK"
	} >"$WORK/$1/one.yaml"
	[ -e "$WORK/$1.db" ] || "$TRAINER" --db "$WORK/$1.db" --decks "$WORK/$1" review </dev/null >/dev/null 2>&1
}
ask() { # ID ANSWERS (printf format): a quiz of one question on card ID
	one "$1"
	printf "$2" | "$TRAINER" --db "$WORK/$1.db" --decks "$WORK/$1" --now $T0 --seed 1 quiz --count 1 >"$WORK/out" 2>&1
	status=$?
	out=$(cat "$WORK/out")
}
drill() { # ID ANSWERS: drill card ID until it is answered right
	one "$1"
	printf "$2" | "$TRAINER" --db "$WORK/$1.db" --decks "$WORK/$1" --now $T0 --seed 1 drill >"$WORK/out" 2>&1
	status=$?
	out=$(cat "$WORK/out")
}
listing() { # ID: what 'trainer cards' shows of card ID (every gap, both directions)
	one "$1"
	run --db "$WORK/$1.db" --decks "$WORK/$1" cards
}
note() { # ID: the note of card ID, as 'trainer cards --json' gives it
	one "$1"
	"$TRAINER" --db "$WORK/$1.db" --decks "$WORK/$1" cards --json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["note"])'
}

run check "$DECK"
is "the deck passes check" "$status" 0
is "with nothing on stderr, not even a warning" "$err" ""

# ---- ids never change: every card a learner had before issue 11 is there ----
"$TRAINER" --db "$DB" --decks decks review </dev/null >/dev/null 2>&1 # makes the database
run --db "$DB" --decks decks cards --deck us-rok-alliance --json
ids=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json, sys; print(" ".join(c["id"] for c in json.load(sys.stdin)))')
missing=""
for id in alliance-span relationship-span great-powers peninsula-size lynchpin.1 lynchpin.2 \
	rok-abbr rok-abbr.reverse dprk-abbr dprk-abbr.reverse prc-abbr prc-abbr.reverse \
	treaty-1882-date treaty-1882-ship treaty-1882-name.1 treaty-1882-name.2 treaty-1882-name.3 \
	treaty-1882-western.1 joseon treaty-1882-hope taft-katsura-year taft-katsura-name \
	taft-katsura-trade.1 taft-katsura-trade.2 taft-katsura-trade.3 taft-to-invasion \
	involvement-1945 involvement-trigger invasion-date war-length war-casualties us-kia \
	blood-alliance.1 un-leader eisenhower-name eisenhower-year eisenhower-platform \
	eisenhower-worry eisenhower-nato.1 eisenhower-nato.2 rhee-name rhee-office rhee-goal \
	rhee-anticommunist.1 rhee-pacific rhee-binding ceasefire-willing pow-release-date \
	pow-release-act pow-release-planned treaty-offer armistice-date armistice-nonsigner \
	dulles-name dulles-office dulles-city dulles-timing mdt-signed mdt-backbone \
	mdt-precedents-count mdt-precedents mdt-unique mdt-purpose.1 order-early-history \
	order-1953 order-agreements; do
	case " $ids " in *" $id "*) ;; *) missing="$missing $id" ;; esac
done
is "every card id of the old deck is still there" "$missing" ""
dates_off=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json, sys; print(" ".join(c["id"] for c in json.load(sys.stdin) if "dates" in c["tags"] and c["type"] != "date"))')
is "only date cards are tagged dates" "$dates_off" ""

# ---- 1882: where, aboard what, under which title ----
for a in Chemulpo 제물포 인천 Incheon Inchon; do
	ask treaty-1882-place "$a\n"
	has "$a is accepted for where the 1882 treaty was signed" "$out" "right: Chemulpo"
done
ask treaty-1882-place 'Busan\n'
has "another port is not" "$out" "wrong: the answer is Chemulpo"

ask treaty-1882-ship 'Ticonderoga\n'
has "the ship is asked as the article's claim" "$out" "According to the article, on the deck of which US Navy ship"
has "the article's ship is accepted" "$out" "right: USS Ticonderoga"
has "and the note says where it really happened" "$out" "signed ashore"
has "and on which ship Shufeldt really came" "$out" "USS Swatara"

listing treaty-1882-name
has "the first gap is shown in the full title, with Amity" "$out" "Treaty of [...], Amity, Commerce and Navigation."
has "the last gap too" "$out" "Treaty of Peace, Amity, Commerce and [...]."
has "the note says the article leaves the word out" "$(note treaty-1882-name)" 'leaving out "Amity"'

ask joseon 'Yi dynasty\n'
has "the older English name of the dynasty is accepted" "$out" "right: Joseon"
ask treaty-1882-date '22 May 1882\n'
has "the 1882 treaty's date is asked to the day" "$out" "right: 22 May 1882"
hasnt "its question does not give away the dynasty" "$out" "Joseon"

listing taft-katsura-trade
hasnt "the Japan gap does not name Japan elsewhere" "$(printf '%s\n' "$out" | grep -A2 'taft-katsura-trade.1' | tail -1)" "Japan"
hasnt "...nor its capital" "$out" "Tokyo"

# ---- dates: the day is asked for, and a learner's way of writing it ----
drill mdt-signed '1/10/1953\n1 Oct 1953\n'
has "the treaty's question asks for the day" "$out" "On what date was the US-ROK Mutual Defense Treaty signed?"
has "1/10/1953 is named ambiguous" "$out" "1/10/1953 is ambiguous: write 1 Oct 1953 or 1953-10-01"
has "1 Oct 1953 is then right" "$out" "right: 1 October 1953"
has "the note says when the treaty came into force" "$out" "came into force on 17 November 1954"

# ---- the war's figures are the article's, and American ----
ask war-casualties '142,901\n'
has "the casualties question says whose figure it is" "$out" "According to the article, about how many American casualties"
has "the article's figure is right" "$out" "right: 142,901 casualties"
has "the note says the war's own toll was far larger" "$out" "killed millions"
ask war-casualties '142,091\n'
has "a figure within the tolerance counts" "$out" "right: 142,901 casualties"
ask war-casualties '33,629\n'
has "the Americans killed in action alone are not the casualties" "$out" "wrong"
ask us-kia '33,629\n'
has "the killed-in-action figure is the article's" "$out" "According to the article, how many American servicemen were killed in action"
has "its note dates the count" "$out" "1954 count of US battle deaths"

ask blood-alliance '혈맹\n'
has "the Korean word for the blood alliance is accepted" "$out" "right: Blood Alliance"
listing blood-alliance
hasnt "the cloze text does not say blood" "$(printf '%s\n' "$out" | grep -A2 'blood-alliance.1' | tail -1 | tr '[:upper:]' '[:lower:]')" "blood"

# ---- treaties before the ROK's: the article's list, corrected ----
ask mdt-precedents-count '5\n'
has "the count is asked as the article's" "$out" "According to the article, with how many countries"
has "and the note gives the true count" "$out" "In fact there were four"
listing mdt-precedents-list
has "the list names Thailand as the article does" "$out" "similar treaties with Japan, [...], the Philippines, Australia and New Zealand."
has "and the note corrects it" "$(note mdt-precedents-list)" "Manila Pact of September 1954"

# ---- siblings and neighbours do not answer each other ----
listing rok-abbr
has "the reversed abbreviation asks for more than initials" "$out" "  q:       South Korea
  a:       ROK"
ask eisenhower-worry 'a\n'
hasnt "the UN worry does not list Eisenhower's other reservations" "$out" "unstable"
hasnt "...not even the first one" "$out" "against its will"
ask rhee-office '1948\n'
has "Rhee's year is right" "$out" "right: 1948"
has "the note puts NATO in 1949" "$out" "NATO was founded only in April 1949"

# ---- the facts the deck lacked before issue 11 ----
run --db "$DB" --decks decks cards --deck us-rok-alliance --json
ids=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json, sys; print(" ".join(c["id"] for c in json.load(sys.stdin)))')
missing=""
for id in eisenhower-renewed-war eisenhower-rok-politics rhee-pacific-bond rhee-treaty-why \
	mdt-chip.1 mdt-agreed-minute treaty-1882-place mdt-precedents-list.5; do
	case " $ids " in *" $id "*) ;; *) missing="$missing $id" ;; esac
done
is "the new cards are there" "$missing" ""
ask eisenhower-renewed-war 'Commit the US, against its will, to renewed fighting with the DPRK\n'
has "Eisenhower's fear of renewed fighting is its own card" "$out" "score: 1/1 (100%)"
ask eisenhower-rok-politics 'Its volatile politics and unstable government\n'
has "...and his doubt about the ROK's politics" "$out" "score: 1/1 (100%)"
ask rhee-pacific-bond 'Anti-communism and the United States\n'
has "what would bind Rhee's Pacific alliance" "$out" "score: 1/1 (100%)"
ask rhee-treaty-why "That the US would stay at the ROK's side if it pushed north\n"
has "why Rhee wanted the treaty" "$out" "score: 1/1 (100%)"
ask mdt-chip 'bargaining chip\n'
has "the treaty as a bargaining chip is accepted" "$out" "right: negotiating chip"
ask mdt-agreed-minute "The UN Command's duty to defend the ROK, and large US economic and military aid\n"
has "the Agreed Minute's other provisions" "$out" "score: 1/1 (100%)"
hasnt "...under its singular title" "$out" "Agreed Minutes"

# ---- no hint gives its own answer; no neighbour's question names a place it asks ----
run --db "$DB" --decks decks cards --deck us-rok-alliance --json
given=$(printf '%s' "$out" | /usr/bin/python3 -c '
import json, re, sys
for c in json.load(sys.stdin):
    if c["type"] in ("text", "cloze") and c["hint"]:
        for f in [c["answer"]] + c["accept"]:
            if re.search(r"\b" + re.escape(f.lower()) + r"\b", c["hint"].lower()):
                print(c["id"], f)')
is "no hint holds its card's answer" "$given" ""
ask dulles-office 'Secretary of State\n'
hasnt "the question on Dulles's office does not name the city of the talks" "$out" "Seoul"
