# 'trainer check': the shipped decks, paths, exit codes, hostile files.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1

run check
is "the shipped decks pass check" "$status" 0
is "check prints nothing on stderr for the shipped decks: no error, no warning" "$err" ""
is "check summarises the decks, with no warning" "$(printf '%s\n' "$out" | grep -c 'cards: no errors$')" 1

run check decks
is "check on the decks folder" "$status" 0
ncards=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9]*\) cards: no errors.*/\1/p')
if [ "${ncards:-0}" -ge 80 ]; then echo "ok - the shipped decks hold at least 80 cards ($ncards)"; else echo "not ok - the shipped decks hold only ${ncards:-0} cards"; fi

for f in decks/*.yaml; do
	run check "$f"
	is "$f passes check on its own" "$status" 0
done

run check "$WORK/nope.yaml"
is "a missing path exits 66" "$status" 66
is "a missing path is named" "$err" "trainer: $WORK/nope.yaml: error: cannot open: no such file or directory"

run check decks "$WORK/nope.yaml"
is "a missing path among good ones still exits 66" "$status" 66

printf 'deck: x\ntitle: t\ncards: [{id: a, q: q}]\n' >"$WORK/bad.yaml"
run check "$WORK/nope.yaml" "$WORK/bad.yaml"
is "missing path and bad deck: 66 wins" "$status" 66
has "both problems are reported" "$err" "bad.yaml:3:9: error: card 'a' has no 'a' (the answer)"

run check "$WORK/bad.yaml"
is "a bad deck exits 65" "$status" 65
is "the summary counts errors" "$out" "1 deck file: 1 error"

mkdir -p "$WORK/empty"
run check "$WORK/empty"
is "a folder without decks exits 66" "$status" 66
has "a folder without decks says so" "$err" "no deck files (*.yaml or *.yml) in this folder"

# A file over the size limit is refused before it is parsed.
head -c 5000000 /dev/zero | tr '\0' 'a' >"$WORK/huge.yaml"
start=$(date +%s)
run check "$WORK/huge.yaml"
is "a 5 MB file exits 65" "$status" 65
has "a 5 MB file is refused for its size" "$err" "file is too large (5000000 bytes; a deck file may have at most 4 MiB)"
[ $(($(date +%s) - start)) -lt 5 ] && echo "ok - the size limit answers at once" || echo "not ok - the size limit took too long"

# A folder of decks with --decks, and cards from it.
mkdir -p "$WORK/d"
printf 'deck: one\ntitle: One\ncards: [{id: a, q: Q1, a: A1}]\n' >"$WORK/d/one.yaml"
printf 'deck: two\ntitle: Two\ncards: [{id: a, q: Q2, a: A2}]\n' >"$WORK/d/two.yml"
run check "$WORK/d"
is "a folder of two decks" "$out" "2 deck files, 2 cards: no errors"
printf 'deck: one\ntitle: Again\ncards: [{id: a, q: Q, a: A}]\n' >"$WORK/d/three.yaml"
run check "$WORK/d"
is "a deck name used twice exits 65" "$status" 65
has "a deck name used twice is reported" "$err" "three.yaml:1:7: error: deck name 'one' is already used by $WORK/d/one.yaml"
