# Hostile deck files: bombs, huge lists, FIFOs, unreadable files in a
# folder, UTF-16 and UTF-32.  Each must be refused at once with a position,
# never hang or eat the machine's memory.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

# Run check under 'timeout 10' and /usr/bin/time when present: sets
# $status, $out, $err, $secs and $kb (peak memory, 0 when not measured).
timed_check() {
	local t=$WORK/.time
	rm -f "$t"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -o "$t" -f '%e %M' timeout 10 "$TRAINER" check "$@" \
			>"$WORK/.out" 2>"$WORK/.err" </dev/null
	else
		timeout 10 "$TRAINER" check "$@" >"$WORK/.out" 2>"$WORK/.err" </dev/null
	fi
	status=$?
	out=$(cat "$WORK/.out")
	err=$(cat "$WORK/.err")
	secs=0 kb=0
	[ -s "$t" ] && read -r secs kb < <(tail -1 "$t")
}

# Sanitizers multiply memory: only the plain build's peak is asserted.
small_memory() { # NAME
	case $TRAINER in
	*sanitize*) echo "ok - $1 (memory not measured with sanitizers)" ;;
	*) if [ "$kb" -lt 100000 ]; then echo "ok - $1"; else echo "not ok - $1: $kb KB"; fi ;;
	esac
}

# The cloze bomb: 60 cards of 13,000 gaps each, 3.9 MB.
awk 'BEGIN {
	print "deck: bomb\ntitle: Bomb\ncards:"
	gaps = ""
	for (i = 0; i < 13000; i++) gaps = gaps "{{a}}"
	for (c = 0; c < 60; c++) printf "  - id: c%d\n    type: cloze\n    text: x%s\n", c, gaps
}' >"$WORK/cloze-bomb.yaml"
timed_check "$WORK/cloze-bomb.yaml"
is "the cloze bomb exits 65" "$status" 65
has "the cloze bomb is refused at its first card's 51st gap" "$err" "cloze-bomb.yaml:6:262: error: 'text' has more than 50 gaps"
is "the cloze bomb: one error per card" "$out" "1 deck file: 60 errors"
small_memory "the cloze bomb takes little memory"

# 160,000 tags on one card, and as many accepted answers.
for key in tags accept; do
	awk -v key=$key 'BEGIN {
		printf "deck: lists\ntitle: Lists\ncards:\n  - id: c\n    q: q\n    a: a\n    %s: [t0", key
		for (i = 1; i < 160000; i++) printf ", t%d", i
		print "]"
	}' >"$WORK/$key.yaml"
	timed_check "$WORK/$key.yaml"
	is "160,000 $key exit 65" "$status" 65
	is "160,000 $key are refused at the list" "$err" "trainer: $WORK/$key.yaml:7:$((${#key} + 7)): error: '$key' lists 160000 items; the most is 64"
	small_memory "160,000 $key take little memory"
done

# As many choices and order items: refused by count before any duplicate
# check (which compared every item with every other).
for key in choices items; do
	awk -v key=$key 'BEGIN {
		type = key == "choices" ? "choice" : "order"
		printf "deck: lists\ntitle: Lists\ncards:\n  - id: c\n    type: %s\n    q: q\n", type
		if (type == "choice") print "    a: t0"
		printf "    %s: [t0", key
		for (i = 1; i < 160000; i++) printf ", t%d", i
		print "]"
	}' >"$WORK/$key.yaml"
	timed_check "$WORK/$key.yaml"
	is "160,000 $key exit 65" "$status" 65
	has "160,000 $key are refused by their count" "$err" "card has 160000 $key; the most is 26"
done

# A file of a hundred thousand problems is reported in full, quickly.
awk 'BEGIN {
	print "deck: keys\ntitle: Keys\ncards:\n  - id: c\n    q: q\n    a: a"
	for (k = 0; k < 200000; k++) printf "    k%d: v\n", k
}' >"$WORK/keys.yaml"
timed_check "$WORK/keys.yaml"
is "200,000 unknown keys exit 65" "$status" 65
is "200,000 unknown keys are all counted" "$out" "1 deck file: 200000 errors"
is "200,000 unknown keys are all reported" "$(grep -c "error: unknown key 'k" <<<"$err")" 200000

# FIFOs: one named on the command line is opened without waiting for a
# writer (so it reads as empty when none is there yet); one found in a
# folder is skipped with a warning.  Pipes named on purpose, with their
# writer, are read.
deck=decks/us-rok-readings.yaml
mkfifo "$WORK/fifo.yaml"
timed_check "$WORK/fifo.yaml"
is "a FIFO with no writer does not hang check" "$status" 65
is "a FIFO with no writer reads as empty" "$err" "trainer: $WORK/fifo.yaml:1:1: error: the file holds no deck; a deck needs 'deck', 'title' and 'cards'"
mkdir -p "$WORK/fifo-folder"
cp "$deck" "$WORK/fifo-folder/"
mkfifo "$WORK/fifo-folder/x.yaml"
timed_check "$WORK/fifo-folder"
is "a FIFO in a folder does not hang check" "$status" 0
is "a FIFO in a folder is skipped with a warning" "$err" "trainer: $WORK/fifo-folder/x.yaml: warning: not a regular file; skipped"
is "a FIFO in a folder is not counted, its warning is" "$out" "1 deck file, 19 cards: no errors, 1 warning"
printf ":quit\n" | timeout 10 "$TRAINER" --db "$WORK/fifo.db" --decks "$WORK/fifo-folder" review >/dev/null 2>&1
timeout 10 "$TRAINER" --db "$WORK/fifo.db" --decks "$WORK/fifo-folder" cards >"$WORK/.out" 2>"$WORK/.err" </dev/null
is "a FIFO in the decks folder does not hang the other commands" "$?" 0
has "cards lists the good deck beside a FIFO" "$(cat "$WORK/.out")" "us-rok-readings"
rm "$WORK/fifo-folder/us-rok-readings.yaml"
timed_check "$WORK/fifo-folder"
is "a folder holding only a FIFO has no deck files" "$status" 66
has "a folder holding only a FIFO says so" "$err" "no deck files (*.yaml or *.yml) in this folder"
out=$(timeout 10 "$TRAINER" check <(cat "$deck") 2>&1)
is "check <(cat deck) reads the pipe" "$out" "1 deck file, 19 cards: no errors"
out=$(timeout 10 "$TRAINER" check /dev/stdin <"$deck" 2>&1)
is "check /dev/stdin reads a redirected file" "$out" "1 deck file, 19 cards: no errors"
out=$(cat "$deck" | timeout 10 "$TRAINER" check /dev/stdin 2>&1)
is "check /dev/stdin reads a pipe" "$out" "1 deck file, 19 cards: no errors"

# A folder whose first files cannot be read: every file is still checked,
# every problem reported and every file counted.
mkdir -p "$WORK/unreadable/b.yaml"
ln -s "$WORK/nowhere.yaml" "$WORK/unreadable/a.yaml"
cp "$deck" "$WORK/unreadable/c.yaml"
printf 'deck: d\ntitle: caf\xe9\ncards: [{id: x, q: q, a: a}]\n' >"$WORK/unreadable/d.yaml"
printf 'deck: e\ntitle: E\ncards: [{id: x, q: q}]\n' >"$WORK/unreadable/e.yaml"
timed_check "$WORK/unreadable"
is "unreadable files in a folder: exit 66" "$status" 66
is "unreadable files in a folder: every problem of every file" "$err" "trainer: $WORK/unreadable/a.yaml: error: cannot open: no such file or directory
trainer: $WORK/unreadable/b.yaml: error: is a folder, not a deck file
trainer: $WORK/unreadable/d.yaml:2:11: error: the file is not valid UTF-8 (byte 0xE9 is not part of a valid character; save the file as UTF-8)
trainer: $WORK/unreadable/e.yaml:3:9: error: card 'x' has no 'a' (the answer)"
is "unreadable files in a folder: the summary counts every file" "$out" "5 deck files: 4 errors"

# 70,000 cards with one id: every duplicate reported with its note, found
# through a hash (no card compared with every other).
awk 'BEGIN {
	print "deck: ids\ntitle: Ids\ncards:"
	for (c = 0; c < 70000; c++) print "  - {id: same, q: q, a: a}"
}' >"$WORK/ids.yaml"
timed_check "$WORK/ids.yaml"
is "70,000 cards with one id exit 65" "$status" 65
is "70,000 cards with one id: every duplicate counted" "$out" "1 deck file: 69999 errors"
is "70,000 cards with one id: each points at the first" "$(grep -c "note: 'same' is first used here" <<<"$err")" 69999
