#!/usr/bin/env bash
# Installs every Debian package Encore needs to build, run and test (Debian 12 "bookworm").
#
# Idempotent: when every package is already installed it does nothing and needs no root.
# Otherwise it runs `apt-get update` and installs only the missing packages, as root or via sudo.
#
# System services that Debian starts on install (postgresql, redis-server, nginx) are left alone:
# nothing in Encore's build, run or tests uses them. Tests and `scripts/run.sh` start private
# instances on their own ports and data directories.
set -euo pipefail

PACKAGES=(
    # toolchain
    cmake ninja-build g++ pkg-config git ca-certificates
    # the libFuzzer test (tst_fuzz_decoders): clang with its fuzzer and sanitizer runtimes
    # (~36 MB download, ~10 s to install)
    clang libclang-rt-14-dev
    # Qt 6.4 (qt6-httpserver-dev needs qt6-websockets-dev; Debian forgot the dependency)
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-psql
    # translations (LinguistTools), charts (need the OpenGL dev files)
    qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev
    # Qt's own strings in Korean (standard buttons such as a question box's Cancel)
    qt6-translations-l10n
    # server libraries
    libsodium-dev libhiredis-dev libpq-dev openssl
    # PostgreSQL 15 binaries (initdb, pg_ctl, pg_basebackup) for the embedded and test clusters;
    # Redis (redis-server also runs the sentinels: --sentinel) and nginx binaries for the
    # scale-out and HA setups; openssl makes the HA setup's CA and certificate
    postgresql postgresql-contrib redis-server nginx
    # GUI tests and a headless desktop app; Korean glyphs
    xvfb xauth fonts-nanum
    # scripts/run.sh readiness probe, benchmarks
    curl wrk
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "installed" ]]; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "setup: all ${#PACKAGES[@]} packages are installed"
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: run this script as root or install sudo" >&2
    exit 1
fi

echo "setup: installing ${missing[*]}"
apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
"${apt_get[@]}" update
"${apt_get[@]}" install -y --no-install-recommends "${missing[@]}"
echo "setup: done"
