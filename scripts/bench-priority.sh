#!/usr/bin/env bash
# Runs a benchmark command so that other work on a shared machine (builds, test suites) takes as
# little of its CPU as the scheduler allows (docs/PERFORMANCE.md, "Machine and conditions").
#
# With autogroup scheduling on (/proc/sys/kernel/sched_autogroup_enabled = 1) the CPU is shared
# between sessions first, so `nice 19` on a build in another session does nothing against the
# benchmark. Session 4's answer — autogroup nice −19 for the benchmark's session — was wrong:
# PostgreSQL puts every backend in a session (so an autogroup) of its own at nice 0, and against
# a −19 group a backend waited up to 564 ms for a core while the server's workers waited for its
# answer (perf sched, session 5: wrk's p99 of 0.2–3 s on the seat map were those waits). So
# this turns autogroup off for the run — then `nice` weighs each thread as documented, the
# benchmark's processes and PostgreSQL's at nice 0 and builds run under `nice 19` at 1/70 of
# that weight — and restores it at the end. Needs root; changes nothing else.
#
#   sudo scripts/bench-priority.sh scripts/bench.sh [options...]
set -uo pipefail

knob=/proc/sys/kernel/sched_autogroup_enabled
before=$(cat "$knob" 2>/dev/null || echo "")
restore() { [[ -n "$before" ]] && echo "$before" > "$knob"; }
trap restore EXIT
[[ -n "$before" ]] && echo 0 > "$knob"
"$@"
