#!/usr/bin/env bash
# One command for the Encore benchmark: builds encore-server and encore-bench (Release) in
# build-bench/, starts a server on a private PostgreSQL, runs the HTTP scenarios (HttpClient and
# wrk) and the pgbench ceilings, and prints a markdown report (paste into docs/PERFORMANCE.md).
#
#   scripts/bench.sh [encore-bench options...]     e.g. --seconds 5, --no-wrk, --workers 4
#   BENCH_SKIP_BUILD=1 scripts/bench.sh             re-use the binaries already in build-bench/
#   TZ=UTC scripts/bench.sh                         the server with TZ set (see docs/PERFORMANCE.md)
#   scripts/bench.sh --soak [--soak-minutes 30]      soak at half of peak (RSS, fds, connections, errors)
#   scripts/bench.sh --no-live ...                  skip the live-feed fan-out sweep
#   LIVE_SWEEP=100,1000 scripts/bench.sh            other subscriber counts for the sweep
#   scripts/bench.sh --cluster [encore-cluster-bench options...]
#       flash sale and queue poll against 1 instance (direct and behind nginx) and 3 instances
#       behind nginx (e.g. --instances 3 --workers 8 --flash-attempts 3000)
#
# The report goes to stdout (and build-bench/bench-report.md or cluster-bench-report.md); progress goes to stderr.
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
bench=encore-bench
report="bench-report.md"
live=1
durable=1
if [[ "${1:-}" == --cluster ]]; then
    bench=encore-cluster-bench
    report="cluster-bench-report.md"
    live=0
    shift
fi
args=()
for a in "$@"; do
    case "$a" in
        --no-live) live=0 ;;
        --soak) live=0; report="soak-report.md"; args+=("$a") ;;
        --help|-h) live=0; args+=("$a") ;;
        --fast-unsafe) durable=0; args+=("$a") ;;
        *) args+=("$a") ;;
    esac
done
targets=(encore-server "$bench")
[[ $live == 1 ]] && targets+=(encore-live-bench)
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    cmake --build "$build_dir" --parallel "$jobs" --target "${targets[@]}" >&2
fi

if ! command -v wrk >/dev/null; then
    echo "bench: wrk not installed (apt-get install -y wrk): GET scenarios use HttpClient only" >&2
fi

export ENCORE_SERVER_BIN="$build_dir/server/encore-server"
dirty=""
git -C "$root" status --porcelain --untracked-files=no -- server shared 2>/dev/null | grep -q . && dirty=" + uncommitted changes in server/ or shared/"
[[ "${BENCH_SKIP_BUILD:-0}" == 1 ]] && dirty="$dirty (binaries not rebuilt: built from an earlier tree)"
export BENCH_SOURCE="commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$dirty"
echo "bench: $BENCH_SOURCE; $(uptime)" >&2
"$build_dir/tests/bench/$bench" "${args[@]}" | tee "$build_dir/$report"
if [[ $live == 1 ]]; then
    # Live feed: seat change → subscriber, subscribers on one instance, holds on another.
    sweep=${LIVE_SWEEP:-100,500,1000,10000}
    echo "bench: live-feed fan-out sweep ($sweep subscribers)" >&2
    {
        printf '\n### Live feed: seat change → WebSocket subscriber (2 instances, durable)\n'
        ENCORE_TEST_CLUSTER_DURABLE=$durable "$build_dir/tests/bench/encore-live-bench" "$sweep" 50
    } | tee -a "$build_dir/$report"
fi
