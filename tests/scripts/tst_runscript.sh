#!/usr/bin/env bash
# tst_runscript: scripts/run.sh as a person uses it, with the real server and the real desktop app
# (offscreen). Each case starts run.sh, waits until the server answers and the app runs, then:
#   sigterm   SIGTERM to run.sh        -> app and server stop, run.sh exits 143
#   ctrl-c    SIGINT to its process group (what Ctrl-C in its terminal sends)
#                                      -> app and server stop, run.sh exits 130
#   close-app the app quits            -> the server stops, run.sh exits 0
# and the log is where the README says (ENCORE_LOG_DIR), with no PostgreSQL NOTICE on a restart.
#
#   tests/scripts/tst_runscript.sh BUILD_DIR
set -uo pipefail

build_dir=${1:?usage: tst_runscript.sh BUILD_DIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/encore-runscript-XXXXXX)
chmod 755 "$work" # the embedded PostgreSQL runs as postgres when we are root
failures=0
passed=0

fail() {
    echo "FAIL!  : $*"
    failures=$((failures + 1))
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + $$ % 20000))
while ! port_free "$port"; do port=$((port + 1)); done
url="http://127.0.0.1:$port"
# The sandbox gateway too: a developer's own run.sh may hold the default 8090.
pay_port=$((port + 1))
while ! port_free "$pay_port"; do pay_port=$((pay_port + 1)); done

# Waits up to $2 tenths of a second for command $1 to succeed.
wait_for() {
    local i
    for ((i = 0; i < $2; i++)); do
        eval "$1" && return 0
        sleep 0.1
    done
    return 1
}

app_running() { pgrep -f -- "client/encore --server $url" >/dev/null; }
server_running() { pgrep -f -- "encore-server --demo-data --listen 127.0.0.1:$port" >/dev/null; }

run_case() {
    local name=$1 expected_rc=$2
    local out="$work/$name.out"
    echo "--- $name"
    # setsid: run.sh leads its own process group, like a job in a terminal. perl restores
    # SIGINT, which bash ignores in the background jobs of a script (and a shell cannot trap a
    # signal ignored at its start) — in a terminal, run.sh gets Ctrl-C's SIGINT as it is.
    ENCORE_SKIP_BUILD=1 ENCORE_BUILD_DIR="$build_dir" ENCORE_LISTEN="127.0.0.1:$port" \
        ENCORE_PAY_LISTEN="127.0.0.1:$pay_port" ENCORE_DATA_DIR="$work/data" ENCORE_LOG_DIR="$work/log" \
        DISPLAY=:encore-test QT_QPA_PLATFORM=offscreen \
        setsid perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' \
        bash "$root/scripts/run.sh" >"$out" 2>&1 &
    local pid=$!
    if ! wait_for "curl -fsS -o /dev/null --max-time 1 $url/readyz" 1200 || ! wait_for app_running 300; then
        fail "$name: the server or the app did not start"
        cat "$out"
        kill -KILL -- "-$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        return
    fi
    case "$name" in
        sigterm) kill -TERM "$pid" ;;
        ctrl-c) kill -INT -- "-$pid" ;;
        close-app) pkill -TERM -f -- "client/encore --server $url" ;;
    esac
    if ! wait_for "! kill -0 $pid 2>/dev/null" 600; then
        fail "$name: run.sh still runs 60 s after the signal"
        kill -KILL -- "-$pid" 2>/dev/null
    fi
    wait "$pid"
    local rc=$?
    local ok=1
    [[ $rc == "$expected_rc" ]] || { fail "$name: run.sh exited $rc, expected $expected_rc"; ok=0; }
    app_running && { fail "$name: the app still runs"; ok=0; }
    server_running && { fail "$name: the server still runs"; ok=0; }
    curl -fsS -o /dev/null --max-time 1 "$url/healthz" 2>/dev/null &&
        { fail "$name: something still answers at $url"; ok=0; }
    grep -q "server log: *$work/log/encore-server.log" "$out" ||
        { fail "$name: run.sh did not name the log in ENCORE_LOG_DIR"; ok=0; }
    [[ -s "$work/log/encore-server.log" ]] || { fail "$name: no server log in ENCORE_LOG_DIR"; ok=0; }
    if ((ok)); then
        echo "PASS   : $name"
        passed=$((passed + 1))
    else
        cat "$out"
    fi
}

run_case sigterm 143
run_case ctrl-c 130
run_case close-app 0
# The later starts found the cluster and the schema in place: nothing PostgreSQL says on a
# restart belongs in the log.
if grep -q "NOTICE" "$work/log/encore-server.log"; then
    fail "restart: the server log has PostgreSQL NOTICEs"
    grep "NOTICE" "$work/log/encore-server.log"
else
    echo "PASS   : restart without NOTICE noise"
    passed=$((passed + 1))
fi

pkill -KILL -f -- "$work/data" 2>/dev/null
rm -rf "$work"
echo "Totals: $passed passed, $failures failed"
((failures == 0))
