#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with ctest.
#
#   scripts/test.sh [extra ctest arguments...]     e.g. scripts/test.sh -R tst_wallet
#
# Needs no services started by hand: every server test starts its own private PostgreSQL
# cluster (and server) on free ports. The exit code is ctest's, and ctest's output comes last.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/setup.sh
bash scripts/build.sh build

# GUI tests run offscreen (the tests also set this through ctest's ENVIRONMENT property).
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

# ---------------------------------------------------------------------------------------------
# Scale-out services (not needed yet).
# When the scale-out tests arrive, start their private Redis and nginx here — on free ports, in
# a temporary directory, never the system instances — export their addresses for the tests,
# and stop them in cleanup() below. Keep cleanup() silent: ctest's output must come last.
# ---------------------------------------------------------------------------------------------
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
    :
}
trap cleanup EXIT

cd build
set +e
ctest --output-on-failure --no-tests=error -j1 "$@"
rc=$?
set -e
exit "$rc"
