#!/usr/bin/env bash
# Configures (Ninja, RelWithDebInfo) and builds everything: server, desktop app, tests.
#
#   scripts/build.sh [build-dir] [extra cmake configure arguments...]
#
# build-dir defaults to build/ in the repository; a relative path is taken from the repository
# root. Run scripts/setup.sh first on a fresh machine.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build_dir=${1:-build}
shift || true
[[ "$build_dir" = /* ]] || build_dir="$root/$build_dir"

# A build directory configured with another generator cannot be re-used by Ninja: drop only
# CMake's cache (never the sources or other files in it) and configure afresh.
cache="$build_dir/CMakeCache.txt"
if [[ -f "$cache" ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
    echo "build: $build_dir was configured with another generator; reconfiguring with Ninja"
    rm -rf "$cache" "$build_dir/CMakeFiles"
fi

launcher=()
if command -v ccache >/dev/null 2>&1; then
    # Re-use objects across build directories and checkouts (paths are hashed relative to the
    # checkout, so a second worktree of the same commit compiles nothing).
    export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@"
cmake --build "$build_dir" --parallel "$(nproc)"
