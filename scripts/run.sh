#!/usr/bin/env bash
# Installs what is missing, builds, starts encore-server with demo data on its own private
# PostgreSQL beside encore-pay-sandbox (the stand-in card gateway: top-ups are paid by card), and
# opens the desktop app when there is a display. Ctrl-C in this terminal, SIGINT or SIGTERM to this
# script, or closing the app stops the app, the server and the sandbox.
#
#   scripts/run.sh [--no-app]
#
# Environment:
#   ENCORE_LISTEN         address the server listens on (default 127.0.0.1:8080, loopback only)
#   ENCORE_PAY_LISTEN     address of the sandbox card gateway (default 127.0.0.1:8090)
#   ENCORE_DATA_DIR       passed as --data-dir (default: the server's own, /var/lib/encore as root)
#   ENCORE_READY_TIMEOUT  seconds to wait for /readyz (default 120)
#   ENCORE_LOG_DIR        where encore-server.log goes (default /var/log/encore as root,
#                         else ${XDG_STATE_HOME:-~/.local/state}/encore)
#   ENCORE_BUILD_DIR      build directory (default build/)
#   ENCORE_SKIP_BUILD=1   re-use the binaries already built there (no package check, no build)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

start_app=1
for arg in "$@"; do
    case "$arg" in
        --no-app) start_app=0 ;;
        -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

listen=${ENCORE_LISTEN:-127.0.0.1:8080}
url="http://$listen"
pay_listen=${ENCORE_PAY_LISTEN:-127.0.0.1:8090}
pay_url="http://$pay_listen"
ready_timeout=${ENCORE_READY_TIMEOUT:-120}

build_dir=${ENCORE_BUILD_DIR:-build}
[[ "$build_dir" = /* ]] || build_dir="$root/$build_dir"
if [[ "${ENCORE_SKIP_BUILD:-0}" != 1 ]]; then
    bash scripts/setup.sh
    bash scripts/build.sh "$build_dir"
fi

server_bin="$build_dir/server/encore-server"
client_bin="$build_dir/client/encore"
sandbox_bin="$build_dir/tools/paysandbox/encore-pay-sandbox"
for bin in "$server_bin" "$sandbox_bin"; do
    if [[ ! -x "$bin" ]]; then
        echo "run: $bin was not built" >&2
        exit 1
    fi
done

if curl -s -o /dev/null --max-time 2 "$url/healthz" 2>/dev/null; then
    echo "run: something already answers at $url; stop it or set ENCORE_LISTEN=127.0.0.1:PORT" >&2
    exit 1
fi

# The log outlives the build tree (a rebuild or `rm -rf build` keeps it).
if [[ -n "${ENCORE_LOG_DIR:-}" ]]; then
    log_dir=$ENCORE_LOG_DIR
elif [[ $(id -u) -eq 0 ]]; then
    log_dir=/var/log/encore
else
    log_dir="${XDG_STATE_HOME:-$HOME/.local/state}/encore"
fi
mkdir -p "$log_dir"
log="$log_dir/encore-server.log"

if curl -s -o /dev/null --max-time 2 "$pay_url/healthz" 2>/dev/null; then
    echo "run: something already answers at $pay_url; stop it or set ENCORE_PAY_LISTEN=127.0.0.1:PORT" >&2
    exit 1
fi

# Fresh gateway keys for this run, handed to both processes in their environment (never argv).
random_key() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
pay_secret="test_sk_$(random_key)"
pay_client="test_ck_$(random_key)"
pay_webhook_secret="whsec_$(random_key)"
sandbox_log="$log_dir/encore-pay-sandbox.log"

server_args=(--demo-data --listen "$listen" --payment-gateway "$pay_url")
if [[ -n "${ENCORE_DATA_DIR:-}" ]]; then
    server_args+=(--data-dir "$ENCORE_DATA_DIR")
    data_dir=$ENCORE_DATA_DIR
elif [[ $(id -u) -eq 0 ]]; then
    data_dir=/var/lib/encore # the server's own default (serverconfig.cpp)
else
    data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/encore"
fi
# The sandbox keeps what it charged beside the server's data, as a real gateway keeps its
# records: after a restart reconciliation still finds every top-up in its settlements, and
# wiping the data directory forgets both together.
mkdir -p "$data_dir"
pay_state="$data_dir/pay-sandbox.json"

server_pid=""
app_pid=""
# shellcheck disable=SC2317  # called from the EXIT trap
stop_app() {
    [[ -n "$app_pid" ]] || return 0
    if kill -0 "$app_pid" 2>/dev/null; then
        echo "run: closing the desktop app"
        kill -TERM "$app_pid" 2>/dev/null || true
    fi
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}
sandbox_pid=""
# shellcheck disable=SC2317  # called from the EXIT trap
stop_all() {
    stop_server
    if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill -TERM "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    sandbox_pid=""
}
# shellcheck disable=SC2317  # called from stop_all
stop_server() {
    [[ -n "$server_pid" ]] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        echo
        echo "run: stopping the server (pid $server_pid)"
        kill -TERM "$server_pid" 2>/dev/null || true
        # The server finishes in-flight requests and stops its embedded PostgreSQL on SIGTERM.
        for _ in $(seq 1 150); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "run: the server did not stop within 30 s; killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
trap 'stop_app; stop_all' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "run: starting the SANDBOX card gateway $sandbox_bin on $pay_url (log: $sandbox_log)"
env ENCORE_PAY_SECRET_KEY="$pay_secret" ENCORE_PAY_CLIENT_KEY="$pay_client" \
    ENCORE_PAY_WEBHOOK_SECRET="$pay_webhook_secret" \
    ENCORE_PAY_WEBHOOK_URL="$url/api/v1/payment-gateway/webhook" \
    "$sandbox_bin" --listen "$pay_listen" --state-file "$pay_state" >"$sandbox_log" 2>&1 &
sandbox_pid=$!

echo "run: starting $server_bin ${server_args[*]} (log: $log)"
env ENCORE_PAYMENT_SECRET_KEY="$pay_secret" ENCORE_PAYMENT_CLIENT_KEY="$pay_client" \
    ENCORE_PAYMENT_WEBHOOK_SECRET="$pay_webhook_secret" \
    "$server_bin" "${server_args[@]}" >"$log" 2>&1 &
server_pid=$!

deadline=$((SECONDS + ready_timeout))
until curl -fsS -o /dev/null --max-time 2 "$url/readyz" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "run: the server exited before it was ready; its log:" >&2
        cat "$log" >&2
        exit 1
    fi
    if ((SECONDS >= deadline)); then
        echo "run: the server was not ready within ${ready_timeout} s; its log so far:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.5
done

cat "$log"
cat <<EOF

================================================================================
 Encore server is ready at $url
   customer account:  demo  / demo-password-1
   staff account:     staff / staff-password-1   (or as printed above)
   health:            $url/healthz   $url/readyz   $url/metrics
   server log:        $log
 Top-ups are paid by card through a SANDBOX gateway at $pay_url (no real money):
   test card:         4242 4242 4242 4242, any future expiry (e.g. 12/30), CVC 123
   declined:          4000 0000 0000 0002    insufficient funds: 4000 0000 0000 9995
   one-time code:     4000 0000 0000 3220 (code 123456)
   gateway log:       $sandbox_log
================================================================================
EOF

has_display=0
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    has_display=1
fi

# Runs the desktop app in place of the calling (sub)shell, so that its pid is the app's. Started
# through sudo, the app runs as the user who called sudo, so it can reach their display and keeps
# its settings in their home.
run_app() {
    local env_args=()
    local var
    for var in DISPLAY WAYLAND_DISPLAY XAUTHORITY XDG_RUNTIME_DIR QT_QPA_PLATFORM LANG LC_ALL; do
        if [[ -n "${!var:-}" ]]; then
            env_args+=("$var=${!var}")
        fi
    done
    if [[ $(id -u) -eq 0 && -n "${SUDO_USER:-}" && "${SUDO_USER}" != root ]] &&
        runuser -u "$SUDO_USER" -- test -x "$client_bin" 2>/dev/null; then
        local uid
        uid=$(id -u "$SUDO_USER")
        if [[ -z "${XDG_RUNTIME_DIR:-}" && -d "/run/user/$uid" ]]; then
            env_args+=("XDG_RUNTIME_DIR=/run/user/$uid")
        fi
        exec runuser -u "$SUDO_USER" -- env "${env_args[@]}" "$client_bin" --server "$url"
    else
        exec env "${env_args[@]}" "$client_bin" --server "$url"
    fi
}

if ((start_app)) && ((has_display)) && [[ -x "$client_bin" ]]; then
    echo "run: opening the desktop app; close it (or press Ctrl-C) to stop the server"
    # In the background, so that a SIGTERM to this script runs its trap at once (bash runs traps
    # only between foreground commands); a background job ignores SIGINT, so the trap closes it.
    run_app &
    app_pid=$!
    app_rc=0
    wait "$app_pid" || app_rc=$?
    app_pid=""
    if ((app_rc != 0)); then
        echo "run: the desktop app exited with status $app_rc" >&2
    fi
    exit 0
fi

if ((start_app)) && [[ ! -x "$client_bin" ]]; then
    echo "run: the desktop app ($client_bin) was not built; serving the API only."
elif ((start_app)); then
    cat <<EOF
run: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop app was not
     opened. The server keeps running; to use it:
       - from a desktop session on this machine, in a terminal:
           $client_bin --server $url
       - from another machine, forward the port and run the app there:
           ssh -L ${listen##*:}:127.0.0.1:${listen##*:} $(hostname)
       - headless (no visible window, e.g. for scripted checks or screenshots):
           xvfb-run -a $client_bin --server $url
       - or call the API directly, e.g.
           curl -s -X POST $url/api/v1/auth/login -H 'Content-Type: application/json' \\
                -d '{"username":"demo","password":"demo-password-1"}'
EOF
fi
echo
echo "run: server log follows; press Ctrl-C to stop the server."
# In the background so that `wait` returns at once on Ctrl-C or SIGTERM and the trap runs;
# tail ends by itself when the server does.
tail -n 0 -f --pid="$server_pid" "$log" &
wait $! || true
echo "run: the server exited; see $log" >&2
exit 1
