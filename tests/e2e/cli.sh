# The command line: help, version, usage errors, global options anywhere.
. "$(dirname "$0")/lib.bash"

run --version
is "--version prints the version" "$out" "trainer 0.1.0"
is "--version exits 0" "$status" 0

run --help
is "--help exits 0" "$status" 0
has "--help shows usage" "$out" "usage: trainer [OPTIONS] COMMAND [ARGS]"
has "--help lists check" "$out" "  check      check decks and report every problem"
has "--help lists cards" "$out" "  cards      list the cards of the decks"
has "--help documents --db" "$out" "--db PATH"
has "--help documents exit codes" "$out" "65 bad deck or data, 66 missing file"

run -h
has "-h is --help" "$out" "usage: trainer [OPTIONS] COMMAND [ARGS]"

run check --help
is "check --help exits 0" "$status" 0
has "check --help shows its usage" "$out" "usage: trainer check [PATH...]"
run --help cards
has "--help before the command helps with it" "$out" "usage: trainer cards [--json] [--deck D] [--tag T]..."
has "cards --help documents --tag" "$out" "--tag T"

run
is "no command exits 64" "$status" 64
has "no command shows usage on stderr" "$err" "usage: trainer"

run chek
is "unknown command exits 64" "$status" 64
is "unknown command suggests the closest" "$err" "trainer: unknown command 'chek' (did you mean 'check'?)
try 'trainer --help'"
is "unknown command prints nothing on stdout" "$out" ""

run frobnicate
is "unknown command far from all" "$err" "trainer: unknown command 'frobnicate'
try 'trainer --help'"

run cards --jsn
is "unknown option exits 64" "$status" 64
is "unknown option names itself and the command" "$err" "trainer: cards: unknown option '--jsn' (did you mean '--json'?)
try 'trainer cards --help'"

run cards --deck
is "option without its value exits 64" "$status" 64
has "option without its value says so" "$err" "option '--deck' needs a value"

run cards --json=yes
is "flag given a value exits 64" "$status" 64
has "flag given a value says so" "$err" "option '--json' takes no value"

run cards extra
is "stray argument exits 64" "$status" 64
has "stray argument is named" "$err" "cards: unexpected argument 'extra'"

run --now yesterday check
is "bad --now exits 64" "$status" 64
has "bad --now is explained" "$err" "'yesterday' is not an ISO 8601 time"

run check --seed abc
is "bad --seed after the command exits 64" "$status" 64
has "bad --seed is explained" "$err" "'--seed' needs a whole number, not 'abc'"

run --db "" check
is "empty --db exits 64" "$status" 64

run --now 2026-03-01T09:00:00Z --seed 7 --no-color --db "$WORK/p.db" check
is "valid global options before the command" "$status" 0
run check --now=2026-03-01T09:00:00+09:00 --seed=7 --db="$WORK/p.db"
is "valid global options after the command, with =" "$status" 0

# ---- options as each command declares them ----
run review --limit 3 --limit 4
is "an option given twice exits 64" "$status" 64
is "...and says so" "$err" "trainer: review: '--limit' is given twice
try 'trainer review --help'"
run stats --tag a --tag b --dayz 3
is "a misspelt option is named with the closest one" "$err" "trainer: stats: unknown option '--dayz' (did you mean '--days'?)
try 'trainer stats --help'"
run quiz --count=0
is "a value out of range exits 64" "$status" 64
has "...naming the option and its range" "$err" "'--count' needs a whole number from 1 to 10000, not '0'"
run backup a b
is "one argument too many is named" "$err" "trainer: backup: unexpected argument 'b'
try 'trainer backup --help'"
run report --html ''
is "an empty value is refused" "$err" "trainer: report: '--html' needs a file
try 'trainer report --help'"
# every command's help is made from its table: usage, options, each
# option of the table listed once
for c in review quiz drill check cards stats sessions report replay backup db suspend unsuspend config; do
	run "$c" --help
	[ "$status" -eq 0 ] && [ "${out%%$'\n'*}" != "${out#usage: trainer $c}" ] &&
		echo "ok - $c --help starts with its usage" || echo "not ok - $c --help starts with its usage: ${out%%$'\n'*}"
done
run cards --help
has "cards --help lists --suspended with its help" "$out" "  --suspended    only suspended cards ('trainer unsuspend' lets them back)"
