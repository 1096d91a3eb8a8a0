# The command line: help, version, usage errors, global options anywhere.
. "$(dirname "$0")/lib.bash"

run --version
is "--version prints the version" "$out" "trainer 0.1.0"
is "--version exits 0" "$status" 0

run --help
is "--help exits 0" "$status" 0
has "--help shows usage" "$out" "usage: trainer [OPTIONS] COMMAND [ARGS]"
has "--help lists check" "$out" "  check    check decks and report every problem"
has "--help lists cards" "$out" "  cards    list the cards of the decks"
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
is "unknown option names itself and the command" "$err" "trainer: cards: unknown option '--jsn'
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
