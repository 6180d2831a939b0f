#!/usr/bin/env bash
# Runs a benchmark command with its session's autogroup, and that of the private PostgreSQL the
# benchmark starts, at nice -19 — for a machine shared with builds (docs/PERFORMANCE.md, "Machine
# and conditions"). With autogroup scheduling on (/proc/sys/kernel/sched_autogroup_enabled = 1)
# the CPU is shared between sessions first, so a `nice 19` build in another session weighs as
# much as the whole benchmark; this gives the benchmark's own processes the weight instead. Needs
# root (a negative nice); touches only processes this command starts. Resets its autogroup to 0
# at the end.
#
#   sudo scripts/bench-priority.sh scripts/bench.sh [options...]
set -uo pipefail

echo -19 > /proc/self/autogroup
top=$$
descendants() { local p; for p in $(pgrep -P "$1"); do echo "$p"; descendants "$p"; done; }
# pg_ctl starts PostgreSQL in a session (so an autogroup) of its own: find it through the socket
# directory on the command line of our encore-server.
(
    while true; do
        for s in $(descendants "$top"); do
            [[ "$(cat "/proc/$s/comm" 2>/dev/null)" == encore-server ]] || continue
            dir=$(tr '\0' '\n' < "/proc/$s/cmdline" | grep -o 'host=[^&]*' | head -1 | cut -d= -f2 | sed 's/%2F/\//g')
            [[ -n "$dir" ]] || continue
            for p in $(pgrep -f -- "-k $dir"); do
                grep -q "nice 0" "/proc/$p/autogroup" 2>/dev/null && echo -19 > "/proc/$p/autogroup"
            done
        done
        sleep 1
    done
) &
watcher=$!
"$@"
rc=$?
kill "$watcher" 2>/dev/null
echo 0 > /proc/self/autogroup
exit $rc
