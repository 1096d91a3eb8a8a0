# Helpers for end-to-end tests of the real binary.  Source this file; each
# check prints "ok - NAME" or "not ok - NAME" with the difference.
#
#   run ARGS...            run $TRAINER with ARGS; sets $out (stdout),
#                          $err (stderr) and $status
#   is NAME GOT WANT       GOT equals WANT
#   has NAME TEXT PART     TEXT contains PART
#   hasnt NAME TEXT PART   TEXT does not contain PART
set -u
: "${TRAINER:?set TRAINER to the binary}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TZ=UTC NO_COLOR= HOME=$WORK/home
mkdir -p "$HOME"

run() {
	local o e
	o=$WORK/.out
	e=$WORK/.err
	"$TRAINER" "$@" >"$o" 2>"$e" </dev/null
	status=$?
	out=$(cat "$o")
	err=$(cat "$e")
}

is() {
	if [ "$2" == "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		diff <(printf '%s\n' "$3") <(printf '%s\n' "$2") | sed 's/^/#   /'
	fi
}

has() {
	case "$2" in
	*"$3"*) echo "ok - $1" ;;
	*)
		echo "not ok - $1"
		printf '%s\n' "#   wanted: $3" "#   in:" "$2" | sed '3,$s/^/#     /'
		;;
	esac
}

hasnt() {
	case "$2" in
	*"$3"*)
		echo "not ok - $1"
		printf '#   unwanted: %s\n' "$3"
		;;
	*) echo "ok - $1" ;;
	esac
}

# kill_after N REGEX CMD...: run CMD with its output into a pipe, read the
# lines back into $WORK/acked, and SIGKILL it as soon as N lines matching
# REGEX were read: the kill comes after an event, never after a guessed
# sleep.  What CMD wrote before the kill landed is in $WORK/acked too.
kill_after() {
	local n=$1 pat=$2 seen=0 line rd pid fifo=$WORK/.kill.fifo
	shift 2
	rm -f "$fifo"
	mkfifo "$fifo"
	"$@" <&0 >"$fifo" &
	pid=$!
	exec {rd}<"$fifo"
	: >"$WORK/acked"
	while IFS= read -r line <&"$rd"; do
		printf '%s\n' "$line" >>"$WORK/acked"
		if [[ $line =~ $pat ]] && ((++seen >= n)); then
			break
		fi
	done
	kill -9 "$pid" 2>/dev/null
	cat <&"$rd" >>"$WORK/acked"
	exec {rd}<&-
	wait "$pid" 2>/dev/null
	rm -f "$fifo"
}
