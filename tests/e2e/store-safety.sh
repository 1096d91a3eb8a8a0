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
