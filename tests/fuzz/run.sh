#!/usr/bin/env bash
# Runs the libFuzzer target for a fixed time over the corpus in the repository.
#
#   tests/fuzz/run.sh FUZZER SECONDS [--keep]
#
# New interesting inputs go to a scratch directory (the repository's corpus stays as it is)
# unless --keep is given, which merges them into tests/fuzz/corpus afterwards. A crash leaves
# its input as crash-* in the current directory and fails.
set -euo pipefail
fuzzer=$1
seconds=${2:-20}
keep=${3:-}
corpus=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/corpus
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "$scratch" "$corpus"
if [[ "$keep" == "--keep" ]]; then
    "$fuzzer" -merge=1 "$corpus" "$scratch"
fi
