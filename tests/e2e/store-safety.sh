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
refused "schema version INT_MAX" "$WORK/newer.db" 74 "written by a newer trainer (schema version 2147483647; this one knows up to 3)"

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
wal_only "$WORK/newer-wal.db" "$dump; PRAGMA user_version = 7; PRAGMA application_id = $app;"
refused "a newer version only in the -wal" "$WORK/newer-wal.db" 74 \
	"written by a newer trainer (schema version 7; this one knows up to 3)" review
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
