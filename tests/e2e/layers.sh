# The arrows point down: no engine file (deck, answers, dates, numbers,
# the scheduler, the store and the reports' figures) includes readline,
# the terminal, the session or the command line, and nothing outside
# progress/ includes the store's private header.
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.." || exit 1
engine="trainer/deck trainer/ytree trainer/deckset trainer/answer trainer/date
	trainer/number trainer/isotime trainer/fsrs trainer/diff trainer/util
	trainer/diag trainer/replay trainer/opt trainer/queue trainer/lint
	trainer/chrono progress/store-chrono
	progress/store progress/store-check progress/store-review
	progress/sync progress/stats progress/content progress/schema
	trainer/optimize trainer/optimize-init
	trainer/draft trainer/draft-impl trainer/draft-text trainer/draft-facts
	trainer/draft-names"
bad=""
for f in $engine; do
	for e in c h; do
		[ -f "$f.$e" ] || continue
		if grep -qE '#include [<"](readline/|tty\.h|session\.h|session-impl\.h|wording\.h|clock\.h|cli\.h|study\.h|report\.h)' "$f.$e"; then
			bad="$bad $f.$e"
		fi
	done
done
is "no engine file includes readline, the terminal, the session or the command line" "${bad# }" ""
is "nothing outside progress/ includes store-impl.h" "$(grep -l '#include "store-impl.h"' trainer/*.[ch] tests/unit/*.c tests/tools/*.c 2>/dev/null | paste -sd' ')" ""
is "the engine never reads the clock" "$(for f in $engine; do grep -l 'time(NULL)\|clock_gettime\|gettimeofday' "$f".[ch] 2>/dev/null; done | paste -sd' ')" ""
is "the queue calls neither the store nor the clock module" "$(grep -nE '\<(store|clock)_[a-z_]+\(' trainer/queue.c trainer/queue.h | grep -v 'store_card' | paste -sd' ')" ""
is "only the session's own files include session-impl.h" "$(grep -l '#include "session-impl.h"' trainer/*.[ch] tests/unit/*.c 2>/dev/null | paste -sd' ')" "trainer/session-chrono.c trainer/session-cmd.c trainer/session-load.c trainer/session.c"
is "the session loop is under 400 lines" "$(awk 'END { print (NR < 400) ? "yes" : NR " lines" }' trainer/session.c)" "yes"
is "only the draft's own files include draft-impl.h" "$(grep -l '#include "draft-impl.h"' trainer/*.[ch] tests/unit/*.c 2>/dev/null | paste -sd' ')" "trainer/draft-facts.c trainer/draft-names.c trainer/draft-text.c trainer/draft.c"
is "the draft engine does no I/O: text in, cards out" "$(grep -nE '\<(fopen|open|read|write|printf|fprintf|puts|fputs|fwrite|getenv|time)\(|\<(stdout|stderr|stdin)\>' trainer/draft*.[ch] | paste -sd' ')" ""
