# Files the store must refuse and leave byte for byte as they were (odd
# schema versions, WAL-only content, non-regular paths), read-only
# opening, the files the program writes, and the database as input.
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
NOW=--now=2026-03-01T09:00:00Z

# A trainer database with the test deck, made by a session with no answers.
make_db() { # path
	"$TRAINER" --db "$1" --decks "$WORK/d" $NOW review </dev/null >/dev/null 2>&1
}
DB=$WORK/p.db
make_db "$DB"
is "the test database is made" "$(q "$DB" 'SELECT count(*) FROM cards')" 3

# The sums of a file and of its -wal (or "none"), and whether -shm is there.
sums() { # file
	local f
	for f in "$1" "$1-wal"; do
		if [ -e "$f" ]; then sha256sum <"$f"; else echo none; fi
	done
	[ -e "$1-shm" ] && echo shm || echo no-shm
	[ -e "$1-journal" ] && echo journal || echo no-journal
}

# refused NAME FILE STATUS MESSAGE [COMMAND...]: the command (default
# 'cards') exits STATUS saying MESSAGE, and the file and its -wal are as
# they were, no -shm or -journal appearing.
refused() {
	local name=$1 file=$2 want=$3 msg=$4 before
	shift 4
	[ $# -eq 0 ] && set -- cards
	before=$(sums "$file")
	run --db "$file" --decks "$WORK/d" $NOW "$@"
	is "$name: exit $want" "$status" "$want"
	has "$name: says why" "$err" "$msg"
	is "$name: file, -wal, -shm and -journal as they were" "$(sums "$file")" "$before"
}

# ---- schema versions below 0 ----
for v in -1 -2 -3 -2147483648; do
	cp "$DB" "$WORK/neg.db"
	q "$WORK/neg.db" "PRAGMA user_version = $v" >/dev/null
	refused "schema version $v" "$WORK/neg.db" 74 \
		"is not a trainer progress database (schema version $v; it was left as it is)"
	refused "schema version $v, by review" "$WORK/neg.db" 74 \
		"is not a trainer progress database" review
	rm -f "$WORK/neg.db"*
done
cp "$DB" "$WORK/newer.db"
q "$WORK/newer.db" 'PRAGMA user_version = 2147483647' >/dev/null
refused "schema version INT_MAX" "$WORK/newer.db" 74 "written by a newer trainer (schema version 2147483647; this one knows up to 9)"

# ---- content that is only in the -wal ----
# wal_only DEST SQL [torn]: a database DEST in WAL mode whose every commit
# (schema, rows, header) is still only in DEST-wal: the files are copied
# while the writer holds them open, before it checkpoints.  With 'torn',
# as after a kill during the close-time checkpoint: the first page of the
# main file is already the new one, the others are not written yet.
wal_only() {
	/usr/bin/python3 - "$@" <<'PY'
import os, shutil, sqlite3, sys, tempfile
dest, sql = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(dir=os.path.dirname(dest))
src = os.path.join(tmp, "w.db")
c = sqlite3.connect(src, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA wal_autocheckpoint=0")
c.executescript(sql)
shutil.copyfile(src, dest)
shutil.copyfile(src + "-wal", dest + "-wal")
if len(sys.argv) > 3:
    c.execute("PRAGMA wal_checkpoint")
    size = c.execute("PRAGMA page_size").fetchone()[0]
    with open(src, "rb") as f, open(dest, "r+b") as g:
        g.write(f.read(size))
c.close()
shutil.rmtree(tmp)
PY
}
dump=$(sqlite3 "$DB" .dump)
app=$(q "$DB" 'PRAGMA application_id')
wal_only "$WORK/walonly.db" "$dump; PRAGMA user_version = 3; PRAGMA application_id = $app;" torn
has "without its -wal, the torn database looks corrupt" "$(q "file:$WORK/walonly.db?immutable=1" 'SELECT count(*) FROM cards' 2>&1)" "malformed"
cp "$WORK/walonly.db" "$WORK/walonly2.db" && cp "$WORK/walonly.db-wal" "$WORK/walonly2.db-wal"
run --db "$WORK/walonly.db" --decks "$WORK/d" $NOW cards
is "a database whose commits are in its -wal opens" "$status" 0
is "...with no message" "$err" ""
has "...and its cards are there" "$out" "Second?"
run --db "$WORK/walonly2.db" --decks "$WORK/d" $NOW review
is "review opens a database whose commits are in its -wal" "$status" 0
is "...and keeps its cards" "$(q "$WORK/walonly2.db" 'SELECT count(*) FROM cards')" 3

# Another program's database, its tables only in its -wal: left alone.
wal_only "$WORK/foreign.db" "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine');"
refused "another program's database, tables only in its -wal" "$WORK/foreign.db" 74 \
	"is an SQLite database, but not a trainer progress database (it was left as it is)"
refused "another program's database, tables only in its -wal, by review" "$WORK/foreign.db" 74 \
	"not a trainer progress database" review
is "...it holds no trainer table" "$(q "$WORK/foreign.db" "SELECT group_concat(name) FROM sqlite_schema")" "notes"

# A newer trainer's database, its version only in its -wal: not checkpointed.
wal_only "$WORK/newer-wal.db" "$dump; PRAGMA user_version = 10; PRAGMA application_id = $app;"
refused "a newer version only in the -wal" "$WORK/newer-wal.db" 74 \
	"written by a newer trainer (schema version 10; this one knows up to 9)" review
# A negative version only in the -wal.
wal_only "$WORK/neg-wal.db" "$dump; PRAGMA user_version = -1; PRAGMA application_id = $app;"
refused "a negative version only in the -wal" "$WORK/neg-wal.db" 74 \
	"is not a trainer progress database (schema version -1" review
# A -shm that was there already is left too.
: >"$WORK/newer-wal.db-shm"
refused "a newer version only in the -wal, with a -shm" "$WORK/newer-wal.db" 74 \
	"written by a newer trainer" review

# ---- paths that are not regular files ----
# (a FIFO and a character device made here, never /dev itself: without
# the check SQLite would block on the FIFO and put files beside them)
mkfifo "$WORK/fifo.db"
timeout 20 "$TRAINER" --db "$WORK/fifo.db" --decks "$WORK/d" review </dev/null >"$WORK/o" 2>"$WORK/e"
is "a FIFO as database: exit 74" "$?" 74
is "a FIFO as database: says why" "$(cat "$WORK/e")" "trainer: $WORK/fifo.db: error: is not a regular file, so it cannot be a database (it was left as it is)"
[ -p "$WORK/fifo.db" ] && echo "ok - a FIFO as database: still a FIFO" || echo "not ok - a FIFO as database: still a FIFO"
is "a FIFO as database: nothing beside it" "$(ls "$WORK" | grep -c '^fifo.db.')" 0
if mknod "$WORK/null" c 1 3 2>/dev/null; then
	for cmd in review cards; do
		run --db "$WORK/null" --decks "$WORK/d" $cmd
		is "a character device as database ($cmd): exit 74" "$status" 74
		has "a character device as database ($cmd): says why" "$err" "is not a regular file"
		[ -c "$WORK/null" ] && echo "ok - a character device as database ($cmd): still one" || echo "not ok - a character device as database ($cmd): still one"
		is "a character device as database ($cmd): no -journal, -wal or -shm" "$(ls "$WORK" | grep -c '^null-')" 0
	done
	ln -s "$WORK/null" "$WORK/null-link"
	run --db "$WORK/null-link" --decks "$WORK/d" review
	is "a symlink to a character device: exit 74" "$status" 74
	rm "$WORK/null-link"
else
	echo "ok - # skip a character device as database: mknod needs root"
fi

# ---- files the program writes ----
mkdir -p "$WORK/out"
echo "precious" >"$WORK/victim"
ln -s "$WORK/victim" "$WORK/out/r.html.tmp"
run --db "$DB" --decks "$WORK/d" $NOW report --html "$WORK/out/r.html"
is "report with a planted FILE.tmp symlink: exit 0" "$status" 0
is "...the symlink's target is untouched" "$(cat "$WORK/victim")" "precious"
is "...the symlink is still there" "$(readlink "$WORK/out/r.html.tmp")" "$WORK/victim"
has "...the report is written" "$(head -c 200 "$WORK/out/r.html")" "<!DOCTYPE html>"
[ -f "$WORK/out/r.html" ] && [ ! -L "$WORK/out/r.html" ] && echo "ok - ...as a regular file" || echo "not ok - ...as a regular file"
is "...and no temporary file is left" "$(ls -A "$WORK/out" | sort | tr '\n' ' ')" "r.html r.html.tmp "
is "...with the usual mode" "$(stat -c %a "$WORK/out/r.html")" "$(umask 022; : >"$WORK/m"; stat -c %a "$WORK/m")"

mkfifo "$WORK/out/fifo.html"
timeout 20 "$TRAINER" --db "$DB" --decks "$WORK/d" $NOW report --html "$WORK/out/fifo.html" >"$WORK/o" 2>"$WORK/e" </dev/null
is "report to a FIFO: exit 73" "$?" 73
is "report to a FIFO: says why" "$(cat "$WORK/e")" "trainer: $WORK/out/fifo.html: error: is not a regular file, so it is not replaced (it was left as it is)"
[ -p "$WORK/out/fifo.html" ] && echo "ok - report to a FIFO: still a FIFO" || echo "not ok - report to a FIFO: still a FIFO"
ln -s "$WORK/victim" "$WORK/out/link.html"
run --db "$DB" --decks "$WORK/d" $NOW report --html "$WORK/out/link.html"
is "report to a symlink: exit 73" "$status" 73
is "report to a symlink: the link is kept" "$(readlink "$WORK/out/link.html")" "$WORK/victim"
is "report to a symlink: its target is untouched" "$(cat "$WORK/victim")" "precious"
if mknod "$WORK/out/null" c 1 3 2>/dev/null; then
	run --db "$DB" --decks "$WORK/d" $NOW report --html "$WORK/out/null"
	is "report to a character device: exit 73" "$status" 73
	[ -c "$WORK/out/null" ] && echo "ok - report to a character device: still one" || echo "not ok - report to a character device: still one"
fi
mkdir -p "$WORK/cwd"
cd "$WORK/cwd" || exit 1
run --db "$DB" --decks "$WORK/d" $NOW report --html -
cd - >/dev/null || exit 1
is "report --html - : exit 0" "$status" 0
has "report --html - : the report is on stdout" "$out" "<!DOCTYPE html>"
hasnt "report --html - : no 'wrote' line in it" "$out" "wrote -"
is "report --html - : no file is made" "$(ls -A "$WORK/cwd")" ""

mkdir -p "$WORK/bk"
run --db "$DB" backup "$WORK/bk/b.db"
is "backup: exit 0" "$status" 0
is "backup: only the backup is left in its folder" "$(ls -A "$WORK/bk")" "b.db"
is "backup: a whole database" "$(q "$WORK/bk/b.db" 'SELECT count(*) FROM cards')" 3
mkfifo "$WORK/bk/fifo.db"
timeout 20 "$TRAINER" --db "$DB" backup "$WORK/bk/fifo.db" >"$WORK/o" 2>"$WORK/e" </dev/null
is "backup to a FIFO: exit 73" "$?" 73
[ -p "$WORK/bk/fifo.db" ] && echo "ok - backup to a FIFO: still a FIFO" || echo "not ok - backup to a FIFO: still a FIFO"
ln -s "$WORK/nowhere.db" "$WORK/bk/dangling.db"
run --db "$DB" backup "$WORK/bk/dangling.db"
is "backup to a dangling symlink: exit 73" "$status" 73
[ ! -e "$WORK/nowhere.db" ] && echo "ok - backup to a dangling symlink: nothing written through it" || echo "not ok - backup to a dangling symlink: written through it"
run --db "$DB" backup -
is "backup to standard output is a usage error" "$status" 64
is "no temporary file is left by a refused backup" "$(ls -A "$WORK/bk" | sort | tr '\n' ' ')" "b.db dangling.db fifo.db "

# ---- commands that only read the database ----
RO=$WORK/ro.db
make_db "$RO"
printf 'no\n' | "$TRAINER" --db "$RO" --decks "$WORK/d" $NOW --seed 1 review >/dev/null 2>&1
# (SQLite's read-only connection may leave an empty -wal and -shm beside
# it: they are SQLite's, and the next writer removes them)
stamp() { stat -c '%Y.%y' "$1"; sha256sum <"$1"; }
before=$(stamp "$RO")
mkdir -p "$WORK/rout"
readers=("stats" "stats --json" "cards" "cards --json" "sessions" "report --html $WORK/rout/r.html" "db check" "backup $WORK/rout/b.db")
for c in "${readers[@]}"; do
	# shellcheck disable=SC2086
	run --db "$RO" --decks "$WORK/d" $NOW $c
	is "$c: exit 0" "$status" 0
	is "$c: the database's bytes and time are as they were" "$(stamp "$RO")" "$before"
done

# A card just added to a deck is listed as new, and nothing is synced.
printf '  - {id: four, q: Fourth?, a: A4}\n' >>"$WORK/d/t.yaml"
run --db "$RO" --decks "$WORK/d" $NOW cards --json
is "cards lists a card just added to its deck" "$(/usr/bin/python3 -c 'import json,sys; print([(c["id"], c["state"]) for c in json.loads(sys.argv[1])])' "$out")" \
	"[('one', 'learning'), ('two', 'new'), ('three', 'new'), ('four', 'new')]"
is "...without writing it to the database" "$(stamp "$RO")" "$before"
run --db "$RO" --decks "$WORK/d" $NOW cards --due --json
is "cards --due from the stored state" "$(/usr/bin/python3 -c 'import json,sys; print([c["id"] for c in json.loads(sys.argv[1])])' "$out")" "[]"
run --db "$RO" --decks "$WORK/d" --now=2026-03-02T09:00:00Z cards --due --json
is "cards --due a day later" "$(/usr/bin/python3 -c 'import json,sys; print([c["id"] for c in json.loads(sys.argv[1])])' "$out")" "['one']"
run --db "$RO" --decks "$WORK/d" $NOW cards --deck nosuch
is "cards --deck with an unknown deck exits 64" "$status" 64

# A writer stopped while it holds the write lock does not stop readers.
mkfifo "$WORK/lock-in" "$WORK/lock-out"
/usr/bin/python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE cards SET suspended = 1")
print("locked", flush=True)
sys.stdin.read()
c.execute("ROLLBACK")
' "$RO" <"$WORK/lock-in" >"$WORK/lock-out" &
locker=$!
exec 7>"$WORK/lock-in" 8<"$WORK/lock-out"
read -r line <&8
is "the writer holds the write lock" "$line" "locked"
kill -STOP "$locker"
for c in "stats" "cards" "sessions" "report --html $WORK/rout/r2.html" "db check" "backup $WORK/rout/b2.db"; do
	# shellcheck disable=SC2086
	run --db "$RO" --decks "$WORK/d" $NOW $c
	is "$c while a stopped writer holds the lock: exit 0" "$status" 0
	is "$c while a stopped writer holds the lock: no message" "$err" ""
done
hasnt "...and its uncommitted change is not seen" "$(q "$WORK/rout/b2.db" 'SELECT group_concat(suspended) FROM cards')" 1
kill -CONT "$locker"
exec 7>&- 8<&-
wait "$locker"

# A file and folder nobody may write (as another user when root).
mkdir -p "$WORK/rof"
cp "$RO" "$WORK/rof/p.db"
chmod 755 "$WORK" && chmod 444 "$WORK/rof/p.db" && chmod 555 "$WORK/rof"
mkdir -p "$WORK/rof-out" && chmod 777 "$WORK/rof-out"
chmod -R a+rX "$WORK/d"
as_user=""
[ "$(id -u)" = 0 ] && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ -z "$as_user" ] || $as_user true 2>/dev/null; then
	before=$(stamp "$WORK/rof/p.db")
	for c in "stats" "cards" "sessions" "report --html $WORK/rof-out/r.html" "db check" "backup $WORK/rof-out/b.db"; do
		# shellcheck disable=SC2086
		$as_user "$TRAINER" --db "$WORK/rof/p.db" --decks "$WORK/d" $NOW $c >"$WORK/o" 2>"$WORK/e" </dev/null
		is "$c on a read-only file in a read-only folder: exit 0" "$?" 0
		is "$c on a read-only file in a read-only folder: no message" "$(cat "$WORK/e")" ""
	done
	is "...the read-only database is as it was" "$(stamp "$WORK/rof/p.db")" "$before"
else
	echo "ok - # skip read-only file and folder: cannot run as another user"
fi
chmod 755 "$WORK/rof"

# ---- no database yet ----
# Commands that only read say so and create nothing, not even folders.
for c in "stats" "stats --json" "cards" "sessions" "report --html $WORK/rout/none.html" "db check" "backup $WORK/rout/none.db"; do
	# shellcheck disable=SC2086
	run --db "$WORK/none/deeper/p.db" --decks "$WORK/d" $NOW $c
	is "$c without a database: exit 66" "$status" 66
	is "$c without a database: says so" "$err" "trainer: $WORK/none/deeper/p.db: error: no progress database here yet (a 'trainer review' creates it)"
	[ ! -e "$WORK/none" ] && echo "ok - $c without a database: creates nothing" || echo "not ok - $c without a database: creates nothing"
done
[ ! -e "$WORK/rout/none.html" ] && [ ! -e "$WORK/rout/none.db" ] && echo "ok - ...and writes no report or backup" || echo "not ok - ...and writes no report or backup"
ls -A "$WORK/rout" | grep -q '^\.' && echo "not ok - ...and leaves no temporary file" || echo "ok - ...and leaves no temporary file"
: >"$WORK/empty.db"
run --db "$WORK/empty.db" --decks "$WORK/d" $NOW stats
is "stats on an empty file: exit 66" "$status" 66
is "stats on an empty file: it stays empty" "$(stat -c %s "$WORK/empty.db")" 0
# The commands that answer create it, and say where.
for c in review quiz drill; do
	run --db "$WORK/new-$c/p.db" --decks "$WORK/d" $NOW $c
	is "$c without a database: exit 0" "$status" 0
	has "$c without a database: says where it made it" "$err" "trainer: created the progress database $WORK/new-$c/p.db"
	is "$c without a database: made it" "$(q "$WORK/new-$c/p.db" 'SELECT count(*) FROM cards')" 4
	run --db "$WORK/new-$c/p.db" --decks "$WORK/d" $NOW $c
	hasnt "$c the second time: says nothing about making it" "$err" "created"
done

# ---- the database is input too ----
# A database whose cards were changed by hand or by another tool: every
# command that reads cards refuses the bad ones by name, db check reports
# them, and nothing overflows (the sanitizer build runs these too).
mkdir -p "$WORK/d2"
{
	printf 'deck: t\ntitle: Six cards\ncards:\n  - {id: one, q: Q1, a: A1, tags: [x]}\n'
	for k in two three four five six; do printf '  - {id: %s, q: Q-%s, a: A-%s}\n' $k $k $k; done
} >"$WORK/d2/t.yaml"
BAD=$WORK/bad-input.db
"$TRAINER" --db "$BAD" --decks "$WORK/d2" $NOW review </dev/null >/dev/null 2>&1
choices=$(seq -s, 1 30 | sed 's/[0-9]*/"c&"/g')
q "$BAD" "UPDATE cards SET type = 'choice', content = '{\"q\":\"Pick\",\"a\":\"c1\",\"choices\":[$choices]}' WHERE key = 'one';
UPDATE cards SET state = 2, due = 0, last_review = -9223372036854775808, reps = 0, stability = 3, difficulty = 5 WHERE key = 'two';
UPDATE cards SET state = 2, due = 0, reps = 2147483647, stability = 3, difficulty = 5, last_review = 1 WHERE key = 'three';
UPDATE cards SET state = 2, due = 0, stability = -4, difficulty = 5, last_review = 1 WHERE key = 'four';
UPDATE cards SET type = 'order', content = '{\"q\":\"Order\",\"items\":[\"a\"]}' WHERE key = 'six';
PRAGMA ignore_check_constraints = 1;
UPDATE cards SET state = 7 WHERE key = 'five';"
is "the damaged rows are in" "$(q "$BAD" "SELECT group_concat(state) FROM cards")" "0,2,2,2,7,0"
for c in "review" "cards" "cards --json" "quiz" "drill"; do
	# shellcheck disable=SC2086
	run --db "$BAD" --decks "$WORK/d2" $NOW $c
	is "$c with damaged cards: exit 0" "$status" 0
	has "$c: the 30 choices are named" "$err" "card 't/one' was left out: it has 30 choices; the most is 26; run 'trainer db check'"
	has "$c: last_review INT64_MIN is named" "$err" "card 't/two' was left out: its last_review (-9223372036854775808) is out of range"
	has "$c: reps INT_MAX is named" "$err" "card 't/three' was left out: its reps (2147483647) is out of range"
	has "$c: a negative stability is named" "$err" "card 't/four' was left out: its stability (-4) or difficulty (5) is out of range"
	has "$c: state 7 is named" "$err" "card 't/five' was left out: its state (7) is out of range"
	has "$c: one order item is named" "$err" "card 't/six' was left out: it has 1 items; it needs at least two"
done
# only the card with 30 choices: a session would show it
for c in review quiz drill; do
	run --db "$BAD" --decks "$WORK/d2" $NOW $c --tag x
	hasnt "$c --tag x: the card with 30 choices is not asked" "$out" "Pick"
	has "$c --tag x: it is named" "$err" "card 't/one' was left out: it has 30 choices"
	hasnt "$c --tag x: nothing overflows" "$err" "runtime error"
done
for c in "stats" "stats --json" "report --html $WORK/rout/bad.html" "sessions"; do
	# shellcheck disable=SC2086
	run --db "$BAD" --decks "$WORK/d2" $NOW $c
	is "$c with damaged cards: exit 0" "$status" 0
done
run --db "$BAD" db check
is "db check with damaged cards: exit 65" "$status" 65
for want in "card 't/one': it has 30 choices; the most is 26" "card 't/two': its last_review (-9223372036854775808) is out of range" \
	"card 't/three': its reps (2147483647) is out of range" "card 't/four': its stability (-4) or difficulty (5) is out of range" \
	"card 't/five': its state (7) is out of range" "card 't/six': it has 1 items; it needs at least two"; do
	has "db check: $want" "$err" "$want"
done

# db check: the per-tag daily sums, the triggers, the indexes.
SUMS=$WORK/sums.db
"$TRAINER" --db "$SUMS" --decks "$WORK/d2" $NOW review </dev/null >/dev/null 2>&1
printf 'A1\n\nA-two\n\n' | "$TRAINER" --db "$SUMS" --decks "$WORK/d2" $NOW --seed 1 review >/dev/null 2>&1
run --db "$SUMS" db check
is "db check after answers: exit 0" "$status" 0
cp "$SUMS" "$WORK/sums2.db"
q "$WORK/sums2.db" "UPDATE day_tag_stats SET answers = answers + 1 WHERE tag = 'x'"
run --db "$WORK/sums2.db" db check
is "db check with a wrong per-tag sum: exit 65" "$status" 65
has "db check names the day and tag" "$err" "the daily sums of day 20513 (tag 'x') do not match the answer log"
cp "$SUMS" "$WORK/sums3.db"
q "$WORK/sums3.db" "DROP TRIGGER reviews_add; DROP INDEX reviews_session;
CREATE TRIGGER reviews_remove2 AFTER DELETE ON reviews BEGIN SELECT 1; END;"
q "$WORK/sums3.db" "DROP TRIGGER reviews_remove; CREATE TRIGGER reviews_remove AFTER DELETE ON reviews BEGIN SELECT 1; END;"
run --db "$WORK/sums3.db" db check
is "db check with triggers gone: exit 65" "$status" 65
has "db check names a missing trigger" "$err" "the trigger 'reviews_add' is missing"
has "db check names a changed trigger" "$err" "the trigger 'reviews_remove' is not the one the schema makes"
has "db check names a missing index" "$err" "the index 'reviews_session' is missing"

# ---- a deck file that cannot be read during sync ----
mkdir -p "$WORK/d3"
printf 'deck: t\ntitle: T\ncards:\n  - {id: a, q: Qa, a: Aa}\n' >"$WORK/d3/t.yaml"
printf 'deck: u\ntitle: U\ncards:\n  - {id: b, q: Qb, a: Ab}\n' >"$WORK/d3/u.yaml"
SY=$WORK/sync.db
run --db "$SY" --decks "$WORK/d3" $NOW review
is "two decks synced" "$(q "$SY" 'SELECT count(*) FROM cards WHERE retired = 0')" 2
mv "$WORK/d3/u.yaml" "$WORK/u.yaml.away"
ln -s "$WORK/nowhere.yaml" "$WORK/d3/u.yaml"
run --db "$SY" --decks "$WORK/d3" $NOW review
is "a dangling deck symlink: exit 65" "$status" 65
has "a dangling deck symlink is reported" "$err" "u.yaml: error: cannot be read: no such file or directory; its deck is left as it was"
is "...and its deck is not retired" "$(q "$SY" "SELECT retired FROM decks WHERE name = 'u'")" 0
is "...nor its cards" "$(q "$SY" "SELECT retired FROM cards WHERE key = 'b'")" 0
is "...the other deck syncs" "$(q "$SY" "SELECT retired FROM cards WHERE key = 'a'")" 0
rm "$WORK/d3/u.yaml"
run --db "$SY" --decks "$WORK/d3" $NOW review
is "once the file is really gone, its deck retires" "$(q "$SY" "SELECT retired FROM cards WHERE key = 'b'")" 1
mv "$WORK/u.yaml.away" "$WORK/d3/u.yaml"
run --db "$SY" --decks "$WORK/d3" $NOW review
is "...and comes back with it" "$(q "$SY" "SELECT retired FROM cards WHERE key = 'b'")" 0
