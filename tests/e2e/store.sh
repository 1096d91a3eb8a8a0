# The progress store through the real binary: where it lives, files it
# must refuse and leave alone, migration, backup, db check, deck sync.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
q() { sqlite3 "$1" "$2"; }

mkdir -p "$WORK/d"
cat >"$WORK/d/t.yaml" <<'YAML'
deck: t
title: Test
cards:
  - {id: one, q: First?, a: A1, tags: [x]}
  - {id: two, q: Second?, a: A2, tags: [y]}
  - {id: three, q: Third?, a: A3}
YAML

# ---- where the database lives ----
# (made by the commands that answer cards; those that only read it
# create nothing: see store-safety.sh)
run --decks "$WORK/d" review
is "review works with no database yet" "$status" 0
is "...and says where it made it" "$err" "trainer: created the progress database $HOME/.local/share/trainer/progress.db"
[ -f "$HOME/.local/share/trainer/progress.db" ] && echo "ok - the default database is made under ~/.local/share/trainer, folders and all" || echo "not ok - the default database is made under ~/.local/share/trainer"
is "the default database is in WAL mode" "$(q "$HOME/.local/share/trainer/progress.db" 'PRAGMA journal_mode')" "wal"
is "the schema version is set" "$(q "$HOME/.local/share/trainer/progress.db" 'PRAGMA user_version')" "9"
XDG_DATA_HOME=$WORK/xdg run db path
is "XDG_DATA_HOME is used when set" "$out" "$WORK/xdg/trainer/progress.db"
TRAINER_DB=$WORK/env.db run db path
is "TRAINER_DB comes before XDG" "$out" "$WORK/env.db"
TRAINER_DB=$WORK/env.db run --db "$WORK/opt.db" db path
is "--db comes before TRAINER_DB" "$out" "$WORK/opt.db"
run --db "$WORK/deep/er/p.db" --decks "$WORK/d" review
[ -f "$WORK/deep/er/p.db" ] && echo "ok - --db creates missing folders" || echo "not ok - --db creates missing folders"

DB=$WORK/p.db
run --db "$DB" --decks "$WORK/d" --now 2026-03-01T09:00:00Z review
is "three cards synced" "$(q "$DB" 'SELECT count(*) FROM cards WHERE retired = 0')" 3
is "tags are kept" "$(q "$DB" "SELECT group_concat(c.key) FROM card_tags t JOIN cards c ON c.id = t.card_id WHERE tag = 'x'")" "one"

# An up-to-date database is opened without writing to it.
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
sum_before=$(cat "$DB" "$DB-wal" 2>/dev/null | md5sum)
run --db "$DB" sessions
is "opening a current database writes nothing" "$(cat "$DB" "$DB-wal" 2>/dev/null | md5sum)" "$sum_before"

# ---- files that must be refused and left byte for byte ----
refused() { # name file message-part
	cp "$2" "$WORK/before"
	run --db "$2" --decks "$WORK/d" cards
	is "$1: exit 74" "$status" 74
	has "$1: says why" "$err" "$3"
	is "$1: nothing on stdout" "$out" ""
	cmp -s "$2" "$WORK/before" && echo "ok - $1: the file is unchanged" || echo "not ok - $1: the file was changed"
	[ ! -e "$2-wal" ] && [ ! -e "$2-journal" ] && echo "ok - $1: no journal left beside it" || echo "not ok - $1: a journal appeared beside it"
}
head -c 20000 /dev/urandom >"$WORK/garbage.db"
refused "a garbage file" "$WORK/garbage.db" "is not a database (it was left as it is)"
printf 'this is my essay, not a database\n' >"$WORK/essay.txt"
refused "a text file" "$WORK/essay.txt" "is not a database"

# a real trainer database cut in half
cp "$DB" "$WORK/full.db"
sqlite3 "$WORK/full.db" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE' >/dev/null
for i in $(seq 1 200); do echo "INSERT INTO card_edits (card_id, time, old_content, new_content) VALUES (1, $i, '$(printf 'x%.0s' $(seq 1 200))', 'y');"; done | sqlite3 "$WORK/full.db"
size=$(stat -c %s "$WORK/full.db")
head -c $((size / 2)) "$WORK/full.db" >"$WORK/truncated.db"
refused "a truncated database" "$WORK/truncated.db" "the database is corrupt (it was left as it is"
# whole, its header intact, its schema page overwritten: the header alone
# cannot tell, the first read does
cp "$WORK/full.db" "$WORK/damaged.db"
printf '%*s' 3996 '' | tr ' ' A | dd of="$WORK/damaged.db" bs=1 seek=100 conv=notrunc status=none
refused "a database whose schema page is damaged" "$WORK/damaged.db" "the database is corrupt ("

sqlite3 "$WORK/other.db" 'CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)'
refused "another program's SQLite database" "$WORK/other.db" "is an SQLite database, but not a trainer progress database"

cp "$DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" 'PRAGMA user_version = 99' >/dev/null
sqlite3 "$WORK/newer.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
refused "a database from a newer trainer" "$WORK/newer.db" "the database was written by a newer trainer (schema version 99; this one knows up to 9): update trainer to use it"

mkdir -p "$WORK/adir"
run --db "$WORK/adir" cards
is "a folder as database exits 74" "$status" 74
has "a folder as database is named" "$err" "is a folder, not a database file"

# read-only: as another user when root (root may write anything)
mkdir -p "$WORK/ro" && chmod 755 "$WORK" "$WORK/ro"
cp "$DB" "$WORK/ro/p.db" && sqlite3 "$WORK/ro/p.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
rm -f "$WORK/ro/p.db-wal" "$WORK/ro/p.db-shm"
chmod 444 "$WORK/ro/p.db" && chmod 555 "$WORK/ro"
as_user=""
[ "$(id -u)" = 0 ] && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
cp -r "$WORK/d" "$WORK/ro-decks" && chmod -R a+rX "$WORK/ro-decks"
$as_user "$TRAINER" --db "$WORK/ro/p.db" --decks "$WORK/ro-decks" review >"$WORK/o" 2>"$WORK/e" </dev/null
is "a read-only database exits 74 for review" "$?" 74
has "a read-only database is reported clearly" "$(cat "$WORK/e")" "read-only"
chmod 755 "$WORK/ro"

# ---- migration from version 1 ----
sqlite3 "$WORK/v1.db" <tests/fixtures/progress-v1.sql
is "the fixture is at version 1" "$(q "$WORK/v1.db" 'PRAGMA user_version')" 1
run --db "$WORK/v1.db" --decks "$WORK/d" cards --json
is "a version-1 database opens" "$status" 0
is "it is migrated to version 9" "$(q "$WORK/v1.db" 'PRAGMA user_version')" 9
is "...with the indexes the queries read, and none that no query reads" \
	"$(q "$WORK/v1.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)")" \
	"card_edits_card card_tags_tag cards_fresh cards_queue chrono_answers_day chrono_answers_session day_tag_stats_tag events_card events_pending events_review events_target reviews_card reviews_session"
is "its reviews are kept" "$(q "$WORK/v1.db" 'SELECT count(*) FROM reviews')" 2
is "its card state is kept" "$(q "$WORK/v1.db" "SELECT state, stability, reps FROM cards WHERE key = 'mdt'")" "2|2.3065|2"
is "tags move to card_tags" "$(q "$WORK/v1.db" "SELECT group_concat(tag) FROM (SELECT tag FROM card_tags WHERE card_id = 1 ORDER BY tag)")" "dates,treaties"
is "settings arrive without the defaults (they live in the program)" "$(q "$WORK/v1.db" "SELECT count(*) FROM settings")" 0
is "daily sums are made from the old answers" "$(q "$WORK/v1.db" "SELECT day, answers, right, reviewed, new_cards FROM day_stats")" "20454|2|2|0|1"
is "daily sums per tag too" "$(q "$WORK/v1.db" "SELECT group_concat(tag || ':' || answers) FROM day_tag_stats")" "dates:2,treaties:2"
run --db "$WORK/v1.db" db check
is "the migrated database passes db check" "$status" 0

# ---- backup ----
run --db "$DB" backup "$WORK/bk/copy.db"
is "backup exits 0" "$status" 0
is "backup says where" "$out" "backed up $DB to $WORK/bk/copy.db"
is "the backup holds the cards" "$(q "$WORK/bk/copy.db" 'SELECT count(*) FROM cards')" 3
is "the backup is a whole database" "$(q "$WORK/bk/copy.db" 'PRAGMA integrity_check')" ok
run --db "$DB" backup "$WORK/bk/copy.db"
is "backup over an existing file exits 74" "$status" 74
has "backup never overwrites" "$err" "already exists; a backup never overwrites a file"
run --db "$DB" backup
is "backup without a file is a usage error" "$status" 64

# ---- db check ----
run --db "$DB" db check
is "db check on a good database exits 0" "$status" 0
has "db check says ok" "$out" "ok (schema version 9; integrity and consistency checks passed)"
cp "$DB" "$WORK/bad.db"
sqlite3 "$WORK/bad.db" "UPDATE cards SET reps = 5, state = 2, stability = 0 WHERE key = 'two'"
run --db "$WORK/bad.db" db check
is "db check on an inconsistent database exits 65" "$status" 65
has "db check names the card without stability" "$err" "is in review but has no stability"
has "db check names the count that does not match" "$err" "its review count does not match its log"
run --db "$DB" db frob
is "db with an unknown action exits 64" "$status" 64

# ---- deck sync ----
id_of() { q "$DB" "SELECT id FROM cards WHERE key = '$1'"; }
one=$(id_of one)
sqlite3 "$DB" "UPDATE cards SET state = 2, stability = 5, difficulty = 5, reps = 0 WHERE id = $one"
sed -i 's/First?/The first question?/' "$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "an edited card keeps its id" "$(id_of one)" "$one"
is "an edited card keeps its state" "$(q "$DB" "SELECT state, stability FROM cards WHERE id = $one")" "2|5.0"
is "the edit is recorded with old and new content" "$(q "$DB" "SELECT json_extract(old_content, '$.q') || ' -> ' || json_extract(new_content, '$.q') FROM card_edits WHERE card_id = $one")" "First? -> The first question?"
run --db "$DB" --decks "$WORK/d" cards
has "the listing shows the new text" "$out" "The first question?"

sed -i '/id: two/d' "$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "a removed card is retired, not deleted" "$(q "$DB" "SELECT retired FROM cards WHERE key = 'two'")" 1
run --db "$DB" --decks "$WORK/d" cards
hasnt "a retired card is not listed" "$out" "Second?"
echo '  - {id: two, q: Second?, a: A2, tags: [y]}' >>"$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "a card that comes back is live again" "$(q "$DB" "SELECT retired FROM cards WHERE key = 'two'")" 0
is "with the same id (its history)" "$(q "$DB" "SELECT count(*) FROM cards WHERE key = 'two'")" 1

cp "$DB" "$WORK/snap.db"
before=$(q "$DB" 'SELECT group_concat(key || content || retired, "|") FROM cards')
printf 'deck: t\ntitle: Test\ncards:\n  - {id: one, q: Changed?, a: A1}\n  - {id: Bad Id, q: q, a: a}\n' >"$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "a broken deck exits 65" "$status" 65
has "a broken deck is reported" "$err" "t.yaml:5:10: error: id 'Bad Id' must be lower case"
is "a broken deck changes nothing in the database" "$(q "$DB" 'SELECT group_concat(key || content || retired, "|") FROM cards')" "$before"
run --db "$DB" --decks "$WORK/d" cards
is "cards with the broken deck exits 65 too" "$status" 65
has "the cards are still listed from the store" "$out" "The first question?"

# An unchanged deck file is not read again: garbage with the same size
# and modification time goes unnoticed.
printf 'deck: t\ntitle: Test\ncards:\n  - {id: one, q: Q1, a: A1}\n' >"$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "the mended deck syncs" "$status" 0
stamp=$(stat -c %y "$WORK/d/t.yaml")
size=$(stat -c %s "$WORK/d/t.yaml")
head -c "$size" /dev/zero | tr '\0' '#' >"$WORK/d/t.yaml"
touch -d "$stamp" "$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "an unchanged deck is not parsed again" "$status" 0
is "...so its garbage is not seen" "$err" ""
touch "$WORK/d/t.yaml"
run --db "$DB" --decks "$WORK/d" review
is "once its time changes it is read again" "$status" 65

# A deck file removed from the folder: its cards are retired.
printf 'deck: t\ntitle: Test\ncards:\n  - {id: one, q: Q1, a: A1}\n' >"$WORK/d/t.yaml"
printf 'deck: u\ntitle: U\ncards:\n  - {id: x, q: Qx, a: Ax}\n' >"$WORK/d/u.yaml"
run --db "$DB" --decks "$WORK/d" review
is "a second deck arrives" "$(q "$DB" "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = 'u' AND c.retired = 0")" 1
rm "$WORK/d/u.yaml"
run --db "$DB" --decks "$WORK/d" review
is "a deck file removed: its cards retire" "$(q "$DB" "SELECT retired FROM cards WHERE key = 'x'")" 1
is "and the deck too" "$(q "$DB" "SELECT retired FROM decks WHERE name = 'u'")" 1
run --db "$DB" db check
is "db check passes after all that" "$status" 0
