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
# Scale-out services.
# The cluster tests (tests/cluster, ctest label "cluster") start everything they need themselves:
# per test executable a private PostgreSQL, a private Redis (when encore-server supports --redis)
# and nginx, on free loopback ports in a temporary directory, from the Debian packages that
# scripts/setup.sh installed, and stop them at the end — never the system instances. So nothing
# is started here. ENCORE_SKIP_CLUSTER_TESTS=1 leaves them out (ctest -LE cluster).
# ---------------------------------------------------------------------------------------------
ctest_args=()
if [[ "${ENCORE_SKIP_CLUSTER_TESTS:-0}" == 1 ]]; then
    ctest_args+=(-LE cluster)
fi
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
    :
}
trap cleanup EXIT

cd build
set +e
# A failed test runs once more (and its first failure stays in the output): the failover suites
# start and kill real engines on a 2-core machine and one is known to be load-sensitive
# (docs/HANDOFF.md: tst_haredisfailover). Fix flakes; this only keeps one from hiding the rest.
ctest --output-on-failure --no-tests=error -j1 --repeat until-pass:2 "${ctest_args[@]}" "$@"
rc=$?
set -e
exit "$rc"
