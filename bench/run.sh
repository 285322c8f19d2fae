#!/usr/bin/env bash
# bench/run.sh: time crosscheck against the floor on generated corpora.
#
# For each corpus size it generates a corpus with internal/tools/gencorpus
# (unless it is there already), then measures each of these REPS times and
# reports the median wall time, CPU time and peak RSS (from /usr/bin/time
# -v). A repetition measures every run at every size before the next one
# starts, so that the machine drifting over the minutes this takes moves
# all the figures alike:
#
#   floor      bench/floor: read and decode every file, read every text
#   cold       crosscheck check DIR with no cache (--no-cache when check
#              has it, else a fresh empty XDG_CACHE_HOME each run)
#   first      crosscheck check DIR with an empty cache, which it fills:
#              the first check a machine runs (when check has --no-cache)
#   warm       crosscheck check DIR again, cache primed by a previous run
#   one new    crosscheck check DIR right after one new source file was
#              added (each repetition adds another)
#
# and prints a table with each figure as a ratio to the floor measured in
# the same run, a table of how much faster the cache makes a check, and,
# with more than one size, how each run grows with the corpus. CPU time (user + system) is reported beside wall time: on a
# machine shared with other work it varies far less than wall time does. Corpora live under the work directory (default /tmp), never
# in the repository.
#
# Usage: bench/run.sh [--small-only] [--sizes "20000 200000"] [--claims 10]
#                     [--reps 3] [--seed 1] [--work /tmp/crosscheck-bench]
#                     [--regenerate]
set -euo pipefail

SIZES="20000 200000"
CLAIMS=10
REPS=3
SEED=1
WORK=/tmp/crosscheck-bench
REGEN=0

while [ $# -gt 0 ]; do
	case "$1" in
	--small-only) SIZES="20000" ;;
	--sizes) SIZES="$2"; shift ;;
	--claims) CLAIMS="$2"; shift ;;
	--reps) REPS="$2"; shift ;;
	--seed) SEED="$2"; shift ;;
	--work) WORK="$2"; shift ;;
	--regenerate) REGEN=1 ;;
	-h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
	esac
	shift
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$WORK/bin"
mkdir -p "$BIN"

# GNU time reports peak RSS; Debian ships it as the package "time".
if [ ! -x /usr/bin/time ]; then
	echo "run.sh: installing GNU time" >&2
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && apt-get install -y -qq time >/dev/null
	else
		sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null
	fi
fi

echo "== building" >&2
# What was built: the working tree may hold others' uncommitted changes.
BUILT="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet HEAD -- . 2>/dev/null || echo ' with uncommitted changes')"
(cd "$ROOT" && go build -o "$BIN/gencorpus" ./internal/tools/gencorpus)
(cd "$ROOT" && go build -o "$BIN/floor" ./bench/floor)
HAVE_CHECK=1
if ! (cd "$ROOT" && go build -o "$BIN/crosscheck" ./cmd/crosscheck) 2>"$WORK/build-crosscheck.log"; then
	HAVE_CHECK=0
	echo "run.sh: cmd/crosscheck does not build (see $WORK/build-crosscheck.log); measuring the floor only" >&2
elif ! "$BIN/crosscheck" check -h >"$WORK/check-help.txt" 2>&1; then
	HAVE_CHECK=0
	echo "run.sh: this crosscheck has no check command; measuring the floor only" >&2
fi
NOCACHE=""
if [ "$HAVE_CHECK" = 1 ] && grep -q -- '-no-cache' "$WORK/check-help.txt"; then
	NOCACHE="--no-cache"
fi

# measure LABEL CMD... runs CMD once under /usr/bin/time -v and appends
# "wall_seconds rss_kb cpu_seconds" to $WORK/m.LABEL. Exit status 0 and 1 are fine (check
# exits 1 when it has findings); 2 or more, or a signal, is a failure.
measure() {
	local label=$1
	shift
	local out="$WORK/time.out" rc=0
	# Whatever the previous run wrote (a cache, a generated corpus) goes
	# to disk now, not while this one is timed.
	sync
	/usr/bin/time -v -o "$out" "$@" >"$WORK/last.stdout" 2>"$WORK/last.stderr" || rc=$?
	if [ "$rc" -ge 2 ]; then
		echo "run.sh: $label: '$*' exited $rc:" >&2
		tail -5 "$WORK/last.stderr" >&2
		return 1
	fi
	awk -F': ' '
		/Elapsed \(wall clock\)/ {
			n = split($2, p, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + p[i]
			wall = s
		}
		/Maximum resident set size/ { rss = $2 }
		/User time \(seconds\)/ { cpu += $2 }
		/System time \(seconds\)/ { cpu += $2 }
		END { printf "%.3f %d %.3f\n", wall, rss, cpu }
	' "$out" >>"$WORK/m.$label"
}

# median LABEL prints "wall rss cpu": the median of each column.
median() {
	local f="$WORK/m.$1" n c out=""
	n=$(wc -l <"$f")
	for c in 1 2 3; do
		out="$out $(cut -d' ' -f$c "$f" | sort -g | sed -n "$(((n + 1) / 2))p")"
	done
	echo $out
}

# ratio A B prints A / B.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print "nan" }'; }

# A source file to copy as "one new source": one without explicit claim
# ids, so the copy's claims (ids from its file name) are new ids.
template_source() {
	local dir=$1 f
	for f in "$dir"/sources/0000/*.toml; do
		if ! grep -q '^id = ' "$f"; then
			echo "$f"
			return
		fi
	done
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$WORK/medians.txt"
ROWS="$WORK/rows.txt"
: >"$ROWS"
GENROWS="$WORK/gen.txt"
: >"$GENROWS"

corpus_dir() { echo "$WORK/corpus-$1-$CLAIMS-$SEED"; }
size_label() { echo "$(($1 / 1000))k×$CLAIMS"; }

# Generate what is missing, and prime each size's warm cache.
for N in $SIZES; do
	DIR=$(corpus_dir "$N")
	label=$(size_label "$N")
	if [ "$REGEN" = 1 ] || [ ! -f "$DIR/crosscheck.toml" ]; then
		echo "== generating $label in $DIR" >&2
		rm -rf "$DIR"
		rm -f "$WORK/m.gen"
		measure gen "$BIN/gencorpus" -sources "$N" -claims-per-source "$CLAIMS" -seed "$SEED" -out "$DIR"
		read -r gw gr gc < <(median gen)
		size=$(du -s --apparent-size --block-size=1 "$DIR" | cut -f1)
		files=$(find "$DIR" -type f | wc -l)
		printf '| %s | %s | %.1f | %.1f | %.1f | %d |\n' "$label" "$files" "$(ratio "$size" 1000000)" "$gw" "$gc" "$((gr / 1024))" >>"$GENROWS"
	fi
	rm -f "$DIR"/sources/0000/sbench-*.toml
	rm -f "$WORK/m.$N".*
	if [ "$HAVE_CHECK" = 1 ]; then
		echo "== $label: priming the warm cache" >&2
		rm -rf "$WORK/cache-warm-$N"
		mkdir -p "$WORK/cache-warm-$N"
		XDG_CACHE_HOME="$WORK/cache-warm-$N" "$BIN/crosscheck" check "$DIR" >/dev/null 2>&1 || true
	fi
done

# Each repetition measures every run at every size in turn, so that a
# machine that speeds up or slows down over the minutes this takes
# shifts all the figures alike, and the ratios (to the floor, and from
# one size to the next) compare runs made at about the same time.
for rep in $(seq 1 "$REPS"); do
	for N in $SIZES; do
		DIR=$(corpus_dir "$N")
		label=$(size_label "$N")
		echo "== $label: repetition $rep of $REPS" >&2
		measure "$N.floor" "$BIN/floor" "$DIR"
		[ "$HAVE_CHECK" = 1 ] || continue
		if [ -n "$NOCACHE" ]; then
			measure "$N.cold" "$BIN/crosscheck" check "$NOCACHE" "$DIR"
			cache=$(mktemp -d "$WORK/cache-first.XXXXXX")
			XDG_CACHE_HOME="$cache" measure "$N.first" "$BIN/crosscheck" check "$DIR"
			rm -rf "$cache"
		else
			cache=$(mktemp -d "$WORK/cache-cold.XXXXXX")
			XDG_CACHE_HOME="$cache" measure "$N.cold" "$BIN/crosscheck" check "$DIR"
			rm -rf "$cache"
		fi
		# Warm: the cache as the previous check here left it (the
		# priming run, or the last repetition's one new source).
		XDG_CACHE_HOME="$WORK/cache-warm-$N" measure "$N.warm" "$BIN/crosscheck" check "$DIR"
		# One new source: each repetition adds another; they stay until
		# the end, a few files among thousands.
		cp "$(template_source "$DIR")" "$DIR/sources/0000/sbench-$rep.toml"
		XDG_CACHE_HOME="$WORK/cache-warm-$N" measure "$N.new" "$BIN/crosscheck" check "$DIR"
	done
done

for N in $SIZES; do
	DIR=$(corpus_dir "$N")
	label=$(size_label "$N")
	rm -f "$DIR"/sources/0000/sbench-*.toml
	read -r fw fr fc < <(median "$N.floor")
	printf '| %s | floor | %.2f | 1.00 | %.2f | 1.00 | %d | 1.00 |\n' "$label" "$fw" "$fc" "$((fr / 1024))" >>"$ROWS"
	if [ "$HAVE_CHECK" = 0 ]; then
		printf '| %s | check (cold, warm, one new file) | TODO: crosscheck check not available | | | | | |\n' "$label" >>"$ROWS"
		continue
	fi
	for m in cold first warm new; do
		[ -s "$WORK/m.$N.$m" ] || continue
		read -r w r c < <(median "$N.$m")
		case $m in
		cold) name="check, cold${NOCACHE:+ ($NOCACHE)}" ;;
		first) name="check, first (empty cache, filled)" ;;
		warm) name="check, warm" ;;
		new) name="check, one new source" ;;
		esac
		printf '| %s | %s | %.2f | %.2f | %.2f | %.2f | %d | %.2f |\n' "$label" "$name" "$w" \
			"$(ratio "$w" "$fw")" "$c" "$(ratio "$c" "$fc")" "$((r / 1024))" "$(ratio "$r" "$fr")" >>"$ROWS"
		echo "$N $m $w $c $r" >>"$WORK/medians.txt"
	done
	echo "$N floor $fw $fc $fr" >>"$WORK/medians.txt"
done

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "crosscheck: built from $BUILT; $(go version | cut -d' ' -f3); medians of $REPS runs"
if [ -s "$GENROWS" ]; then
	echo
	echo "| corpus | files | MB | generation wall s | generation CPU s | generation peak RSS MB |"
	echo "|---|---:|---:|---:|---:|---:|"
	cat "$GENROWS"
fi
echo
echo "| corpus | run | wall s | × floor | CPU s | × floor | peak RSS MB | × floor |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
cat "$ROWS"

# How much faster the cache makes a check: the run that fills it, and the
# run without it, each divided by the warm and one-new-source runs.
if [ "$HAVE_CHECK" = 1 ]; then
	echo
	echo "| corpus | baseline | warm: × faster (wall) | warm: × faster (CPU) | one new source: × faster (wall) | one new source: × faster (CPU) |"
	echo "|---|---|---:|---:|---:|---:|"
	awk '
		{ w[$1" "$2] = $3; c[$1" "$2] = $4; if (!($1 in seen)) { seen[$1] = 1; sizes[++n] = $1 } }
		END {
			for (i = 1; i <= n; i++) {
				s = sizes[i]
				for (b = 1; b <= 2; b++) {
					base = (b == 1) ? "first" : "cold"
					if (!((s" "base) in w) || !((s" warm") in w)) continue
					printf "| %dk×'"$CLAIMS"' | %s | %.1f | %.1f | %.1f | %.1f |\n", s / 1000,
						(base == "first") ? "first check (empty cache, filled)" : "check without the cache", \
						w[s" "base] / w[s" warm"], c[s" "base] / c[s" warm"], w[s" "base] / w[s" new"], c[s" "base] / c[s" new"]
				}
			}
		}' "$WORK/medians.txt"
fi

# How each run grows from the smallest corpus to the largest (linear growth
# is the size ratio): the medians at each size divided, and, paired, each
# repetition's run at the larger size divided by the same repetition's at
# the smaller, whose median and range are given. A repetition measures both
# sizes within a few minutes of each other, so the paired figure follows
# the machine's pace less than medians taken across the whole script do.
if [ "$(echo $SIZES | wc -w)" -gt 1 ]; then
	SMALL=$(echo $SIZES | tr ' ' '\n' | sort -n | head -1)
	LARGE=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -1)
	echo
	echo "| run | corpus grew | wall grew | CPU grew | peak RSS grew | wall grew, paired: median (range) | CPU grew, paired: median (range) |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	for k in floor cold first warm new; do
		[ -s "$WORK/m.$SMALL.$k" ] && [ -s "$WORK/m.$LARGE.$k" ] || continue
		awk -v k="$k" -v lo="$SMALL" -v hi="$LARGE" '
			$1 == lo && $2 == k { lw = $3; lc = $4; lr = $5 }
			$1 == hi && $2 == k { hw = $3; hc = $4; hr = $5 }
			END {
				if (lw == 0 || lc == 0) exit
				printf "| %s | %.1f× | %.1f× | %.1f× | %.1f× ", k, hi / lo, hw / lw, hc / lc, hr / lr
			}' "$WORK/medians.txt"
		# Column 1 of m.* is wall time, column 3 CPU time.
		for c in 1 3; do
			paste -d' ' "$WORK/m.$SMALL.$k" "$WORK/m.$LARGE.$k" |
				awk -v c="$c" '{ if ($c > 0) print $(c + 3) / $c }' | sort -g |
				awk '{ v[NR] = $1 } END { if (NR) printf "| %.1f× (%.1f–%.1f) ", v[int((NR + 1) / 2)], v[1], v[NR] }'
		done
		echo "|"
	done
fi
