# 'trainer names': what the shell completions offer, from the database,
# or from the deck files before there is one; nothing is created.
. "$(dirname "$0")/lib.bash"

mkdir -p "$WORK/d"
cat >"$WORK/d/b.yaml" <<'YAML'
deck: beta
title: Beta
cards:
  - {id: one, q: One?, a: one, tags: [dates, people]}
  - {id: two, q: Two?, a: two, tags: [dates]}
YAML
cat >"$WORK/d/a.yaml" <<'YAML'
deck: alpha
title: Alpha
cards:
  - {id: x, type: cloze, text: "{{A}} and {{B}}", tags: [zeta]}
YAML
DB=$WORK/p.db

run --db "$DB" --decks "$WORK/d" names decks
is "no database yet: the decks of the files, sorted" "$out" "alpha
beta"
[ -e "$DB" ] && echo "not ok - names creates no database" || echo "ok - names creates no database"
run --db "$DB" --decks "$WORK/d" names tags
is "...their tags, each once" "$out" "dates
people
zeta"
run --db "$DB" --decks "$WORK/d" names cards
is "...their cards as deck/id, cloze gaps included" "$out" "alpha/x.1
alpha/x.2
beta/one
beta/two"

printf '' | "$TRAINER" --db "$DB" --decks "$WORK/d" review >/dev/null 2>&1
rm "$WORK/d/a.yaml"
run --db "$DB" --decks "$WORK/d" names decks
is "with a database: the decks it holds (a deck file gone stays until the next sync)" "$out" "alpha
beta"
printf '' | "$TRAINER" --db "$DB" --decks "$WORK/d" review >/dev/null 2>&1
run --db "$DB" --decks "$WORK/d" names decks
is "...and not a retired deck" "$out" "beta"
run --db "$DB" names cards beta/t
is "a prefix keeps the names starting with it" "$out" "beta/two"
run --db "$DB" names tags p
is "...for tags too" "$out" "people"
run names commands su
is "commands" "$out" "suspend"
run names settings new
is "settings' keys, sorted" "$out" "new-order
new-per-day"
run names
is "no kind: exit 64" "$status" 64
run names flowers
is "an unknown kind: exit 64" "$status" 64
has "...naming the kinds" "$err" "say commands, decks, tags, cards or settings"
