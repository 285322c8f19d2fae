#!/usr/bin/env bash
# bench/cache.sh: what the parse cache buys, against the floor.
#
# For each corpus size (sources of 10 claims, generated under the work
# directory by internal/tools/gencorpus), it measures REPS times each and
# prints the median wall time and peak RSS (GNU time), each also as a
# ratio to the floor measured in the same run:
#
#   floor        bench/floor: read every file, decode every .toml
#   cold         crosscheck check --no-cache DIR
#   first        crosscheck check --cache EMPTY DIR: the first check, which
#                also writes the cache
#   warm         crosscheck check --cache C DIR again, nothing changed
#   one new      crosscheck check --cache C DIR after one source file was
#                added (each repetition adds another)
#
# and, for warm and one new, how many times faster than cold and first
# they are.
#
# Usage: bench/cache.sh [--sizes "20000 200000"] [--reps 3]
#                       [--work /tmp/crosscheck-cache-bench] [--regenerate]
set -euo pipefail

SIZES="20000 200000"
REPS=3
WORK=/tmp/crosscheck-cache-bench
REGEN=0
while [ $# -gt 0 ]; do
	case "$1" in
	--sizes) SIZES="$2"; shift ;;
	--reps) REPS="$2"; shift ;;
	--work) WORK="$2"; shift ;;
	--regenerate) REGEN=1 ;;
	-h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "cache.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
	esac
	shift
done
case "$WORK" in
/tmp/*) ;;
*) echo "cache.sh: the work directory must be under /tmp" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$WORK/bin"
mkdir -p "$BIN"

if [ ! -x /usr/bin/time ]; then
	echo "cache.sh: installing GNU time" >&2
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && apt-get install -y -qq time >/dev/null
	else
		sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null
	fi
fi

echo "== building" >&2
(cd "$ROOT" && go build -o "$BIN/gencorpus" ./internal/tools/gencorpus)
(cd "$ROOT" && go build -o "$BIN/floor" ./bench/floor)
(cd "$ROOT" && go build -o "$BIN/crosscheck" ./cmd/crosscheck)

# measure LABEL CMD... runs CMD under GNU time and appends "wall rss_kb"
# to $WORK/m.LABEL. check exits 1 when it has findings; 2 or more fails.
measure() {
	local label=$1 rc=0
	shift
	/usr/bin/time -v -o "$WORK/time.out" "$@" >"$WORK/last.stdout" 2>"$WORK/last.stderr" || rc=$?
	if [ "$rc" -ge 2 ]; then
		echo "cache.sh: $label: '$*' exited $rc:" >&2
		tail -5 "$WORK/last.stderr" >&2
		exit 1
	fi
	awk -F': ' '
		/Elapsed \(wall clock\)/ {
			n = split($2, p, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + p[i]
			wall = s
		}
		/Maximum resident set size/ { rss = $2 }
		END { printf "%.3f %d\n", wall, rss }
	' "$WORK/time.out" >>"$WORK/m.$label"
}

# median LABEL COLUMN
median() {
	local f="$WORK/m.$1" n
	n=$(wc -l <"$f")
	cut -d' ' -f"$2" "$f" | sort -g | sed -n "$(((n + 1) / 2))p"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }

# A source without explicit claim ids, so a copy's claims get new ids.
template_source() {
	local f
	for f in "$1"/sources/0000/*.toml; do
		if ! grep -q '^id = ' "$f"; then
			echo "$f"
			return
		fi
	done
}

ROWS="$WORK/rows.txt"
SPEED="$WORK/speed.txt"
: >"$ROWS"
: >"$SPEED"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

for N in $SIZES; do
	DIR="$WORK/corpus-$N"
	label="$((N / 1000))k×10"
	if [ "$REGEN" = 1 ] || [ ! -f "$DIR/crosscheck.toml" ]; then
		echo "== generating $label in $DIR" >&2
		rm -rf "$DIR"
		"$BIN/gencorpus" -sources "$N" -claims-per-source 10 -seed 1 -out "$DIR" 2>/dev/null
	fi
	rm -f "$DIR"/sources/0000/sbench-*.toml "$WORK"/m.*
	CACHE="$WORK/cache-$N"

	echo "== $label: floor, cold, first" >&2
	for r in $(seq 1 "$REPS"); do
		measure floor "$BIN/floor" "$DIR"
		measure cold "$BIN/crosscheck" check --no-cache "$DIR"
		rm -rf "$CACHE"
		measure first "$BIN/crosscheck" check --cache "$CACHE" "$DIR"
	done

	echo "== $label: warm" >&2
	for r in $(seq 1 "$REPS"); do
		measure warm "$BIN/crosscheck" check --cache "$CACHE" "$DIR"
	done

	echo "== $label: one new source" >&2
	tmpl=$(template_source "$DIR")
	for k in $(seq 1 "$REPS"); do
		cp "$tmpl" "$DIR/sources/0000/sbench-$k.toml"
		measure new "$BIN/crosscheck" check --cache "$CACHE" "$DIR"
	done
	rm -f "$DIR"/sources/0000/sbench-*.toml

	fw=$(median floor 1)
	fr=$(median floor 2)
	for m in floor cold first warm new; do
		w=$(median $m 1)
		r=$(median $m 2)
		case $m in
		floor) name="floor (decode only)" ;;
		cold) name="check, cold (--no-cache)" ;;
		first) name="check, first (empty --cache)" ;;
		warm) name="check, warm" ;;
		new) name="check, one new source" ;;
		esac
		printf '| %s | %s | %.2f | %s | %d | %s |\n' "$label" "$name" "$w" "$(ratio "$w" "$fw")" "$((r / 1024))" "$(ratio "$r" "$fr")" >>"$ROWS"
	done
	cw=$(median cold 1)
	sw=$(median first 1)
	for m in warm new; do
		w=$(median $m 1)
		printf '| %s | %s | %s× | %s× |\n' "$label" "$m" "$(ratio "$cw" "$w")" "$(ratio "$sw" "$w")" >>"$SPEED"
	done
done

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "crosscheck $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(go version | cut -d' ' -f3); medians of $REPS runs"
echo
echo "| corpus | run | wall s | × floor | peak RSS MB | × floor |"
echo "|---|---|---:|---:|---:|---:|"
cat "$ROWS"
echo
echo "| corpus | run | faster than cold | faster than first |"
echo "|---|---|---:|---:|"
cat "$SPEED"
