#!/usr/bin/env bash
# Fuzzes the JSON reader, the DTO decoders and the request framer for longer than the test
# suite does (default 10 minutes) and keeps the new interesting inputs in tests/fuzz/corpus.
#
#   scripts/fuzz.sh [SECONDS] [build-dir]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-600}
build=${2:-$root/build}
cmake --build "$build" --target encore_fuzz
exec bash "$root/tests/fuzz/run.sh" "$build/fuzz/encore-fuzz" "$seconds" --keep
