# The arrows point down: no engine file (deck, answers, dates, numbers,
# the scheduler, the store and the reports' figures) includes readline,
# the terminal, the session or the command line, and nothing outside
# progress/ includes the store's private header.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
engine="trainer/deck trainer/ytree trainer/deckset trainer/answer trainer/date
	trainer/number trainer/isotime trainer/fsrs trainer/diff trainer/util
	trainer/diag trainer/replay trainer/opt trainer/lint progress/store progress/store-check
	progress/sync progress/stats progress/content progress/schema"
bad=""
for f in $engine; do
	for e in c h; do
		[ -f "$f.$e" ] || continue
		if grep -qE '#include [<"](readline/|tty\.h|session\.h|cli\.h|study\.h|report\.h)' "$f.$e"; then
			bad="$bad $f.$e"
		fi
	done
done
is "no engine file includes readline, the terminal, the session or the command line" "${bad# }" ""
is "nothing outside progress/ includes store-impl.h" "$(grep -l '#include "store-impl.h"' trainer/*.[ch] tests/unit/*.c tests/tools/*.c 2>/dev/null | paste -sd' ')" ""
is "the engine never reads the clock" "$(for f in $engine; do grep -l 'time(NULL)\|clock_gettime\|gettimeofday' "$f".[ch] 2>/dev/null; done | paste -sd' ')" ""
