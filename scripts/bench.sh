#!/usr/bin/env bash
# One command for the Encore benchmark: builds encore-server and encore-bench (Release) in
# build-bench/, starts a server on a private PostgreSQL, runs the HTTP scenarios (HttpClient and
# wrk) and the pgbench ceilings, and prints a markdown report (paste into docs/PERFORMANCE.md).
#
#   scripts/bench.sh [encore-bench options...]     e.g. --seconds 5, --no-wrk, --workers 4
#
# The report goes to stdout (and build-bench/bench-report.md); progress goes to stderr.
# Needs: cmake, ninja, Qt 6 dev packages, PostgreSQL 15 server (pgbench), and wrk for the
# second GET load generator (apt-get install wrk; skipped when missing).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir="$root/build-bench"
jobs=${BENCH_JOBS:-2}

generator=()
if [[ ! -f "$build_dir/CMakeCache.txt" ]] && command -v ninja >/dev/null; then
    generator=(-G Ninja)
fi
cmake -S "$root" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DENCORE_BUILD_CLIENT=OFF >/dev/null
cmake --build "$build_dir" --parallel "$jobs" --target encore-server encore-bench >&2

if ! command -v wrk >/dev/null; then
    echo "bench: wrk not installed (apt-get install -y wrk): GET scenarios use HttpClient only" >&2
fi

export ENCORE_SERVER_BIN="$build_dir/server/encore-server"
echo "bench: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') $(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo '(uncommitted changes in the tree)'), uptime: $(uptime)" >&2
"$build_dir/tests/bench/encore-bench" "$@" | tee "$build_dir/bench-report.md"
