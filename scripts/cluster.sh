#!/usr/bin/env bash
# Encore in cluster mode on one machine: a private PostgreSQL, a private Redis, N encore-server
# instances and nginx in front (least connections, WebSocket upgrade, 1 MiB body limit, no POST
# retried on another instance). Everything runs from Debian's packages with the config files in
# resources/cluster/, and lives in one state directory.
#
#   scripts/cluster.sh start [N]    start PostgreSQL, Redis, N instances (default 3), nginx
#   scripts/cluster.sh stop         stop all of them (nginx first, PostgreSQL last)
#   scripts/cluster.sh status       what runs, and whether each part answers
#   scripts/cluster.sh restart [N]  stop, then start
#
# Environment (defaults in brackets):
#   ENCORE_CLUSTER_DIR         state directory [build/cluster in the repository]
#   ENCORE_CLUSTER_LISTEN      nginx address [127.0.0.1:8080]
#   ENCORE_CLUSTER_BASE_PORT   instance k listens on BASE_PORT+k [8100: 8101, 8102, ...]
#   ENCORE_CLUSTER_PG_PORT     PostgreSQL TCP port on 127.0.0.1 [8132]
#   ENCORE_CLUSTER_REDIS_PORT  Redis port on 127.0.0.1 [8179]
#   ENCORE_CLUSTER_REDIS       1: pass --redis to the instances when encore-server supports it,
#                              0: share PostgreSQL only [1]
#   ENCORE_CLUSTER_WORKERS     --workers per instance [server default]
#   ENCORE_SERVER_BIN          encore-server to run [build/server/encore-server, built if missing]
#   ENCORE_SERVER_ARGS         extra encore-server arguments for every instance
# The first instance loads the demo data (customer demo/demo-password-1, staff
# staff/staff-password-1) when the database is empty. Logs: <state dir>/*/…log.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${ENCORE_CLUSTER_DIR:-$root/build/cluster}
listen=${ENCORE_CLUSTER_LISTEN:-127.0.0.1:8080}
base_port=${ENCORE_CLUSTER_BASE_PORT:-8100}
pg_port=${ENCORE_CLUSTER_PG_PORT:-8132}
redis_port=${ENCORE_CLUSTER_REDIS_PORT:-8179}
use_redis=${ENCORE_CLUSTER_REDIS:-1}
server_bin=${ENCORE_SERVER_BIN:-$root/build/server/encore-server}
conf_dir="$root/resources/cluster"
ready_timeout=120

log() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as `user` when we are root (PostgreSQL refuses root; Redis should not be root).
as_user() {
    local user=$1
    shift
    if is_root; then runuser -u "$user" -- "$@"; else "$@"; fi
}

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 2 "http://$1$2" 2>/dev/null; }

# Polls `check args...` until it succeeds or `seconds` pass.
wait_for() {
    local what=$1 seconds=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || die "$what was not ready within ${seconds} s"
        sleep 0.2
    done
}

# Stops the process in pid file $1 with SIGTERM, SIGKILL after $2 seconds.
stop_pid() {
    local pidfile=$1 grace=$2 name=$3
    alive "$pidfile" || { rm -f "$pidfile"; return 0; }
    local pid
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name (pid $pid) did not stop within ${grace} s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
    log "stopped $name"
}

pg_bindir() {
    local dir
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [[ ! -x "$dir/initdb" ]]; then
        dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    [[ -x "$dir/initdb" ]] || die "PostgreSQL server binaries not found (run scripts/setup.sh)"
    echo "$dir"
}

# ---------------------------------------------------------------------------------------------
start_postgres() {
    local bin data="$state/postgres"
    bin=$(pg_bindir)
    if [[ ! -f "$data/PG_VERSION" ]]; then
        mkdir -p "$data"
        if is_root; then chown postgres: "$data"; chmod 700 "$data"; fi
        as_user postgres "$bin/initdb" -D "$data" -U encore -A trust -E UTF8 --no-locale \
            >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; die "initdb failed"; }
        cp "$conf_dir/postgresql.conf" "$data/encore.conf"
        echo "include 'encore.conf'" >>"$data/postgresql.conf"
        # Instances on other machines: add "host encore encore <net> scram-sha-256" here.
        if is_root; then chown postgres: "$data/encore.conf"; fi
    fi
    if as_user postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
        log "PostgreSQL already runs on 127.0.0.1:$pg_port"
    else
        port_busy "$pg_port" && die "port $pg_port is taken (set ENCORE_CLUSTER_PG_PORT)"
        as_user postgres "$bin/pg_ctl" start -w -t 120 -D "$data" -l "$data/server.log" \
            -o "-p $pg_port -k $data -c listen_addresses=127.0.0.1" >/dev/null ||
            { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start"; }
        log "PostgreSQL on 127.0.0.1:$pg_port (data $data)"
    fi
    if ! as_user postgres "$bin/psql" -h "$data" -p "$pg_port" -U encore -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'encore'" | grep -q 1; then
        as_user postgres "$bin/createdb" -h "$data" -p "$pg_port" -U encore encore
    fi
}

stop_postgres() {
    local data="$state/postgres" bin
    [[ -f "$data/PG_VERSION" ]] || return 0
    bin=$(pg_bindir)
    if as_user postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
        as_user postgres "$bin/pg_ctl" stop -w -m fast -D "$data" >/dev/null
        log "stopped PostgreSQL"
    fi
}

# ---------------------------------------------------------------------------------------------
redis_wanted() {
    [[ "$use_redis" == 1 ]] && command -v redis-server >/dev/null
}

start_redis() {
    local dir="$state/redis"
    mkdir -p "$dir"
    if alive "$dir/redis.pid"; then
        log "Redis already runs on 127.0.0.1:$redis_port"
        return
    fi
    port_busy "$redis_port" && die "port $redis_port is taken (set ENCORE_CLUSTER_REDIS_PORT)"
    cp "$conf_dir/redis.conf" "$dir/redis.conf"
    local user=root
    if is_root && id redis >/dev/null 2>&1; then
        user=redis
        chown -R redis: "$dir"
    fi
    rm -f "$dir/redis.pid"
    # Not daemonized (the config says so): Redis writes its own pid file (the process to stop).
    as_user "$user" setsid redis-server "$dir/redis.conf" --port "$redis_port" --dir "$dir" \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1 &
    wait_for "Redis" 30 redis_up
    log "Redis on 127.0.0.1:$redis_port (dir $dir)"
}

redis_up() { [[ $(redis-cli -p "$redis_port" ping 2>/dev/null) == PONG ]]; }

stop_redis() {
    stop_pid "$state/redis/redis.pid" 30 "Redis"
}

# ---------------------------------------------------------------------------------------------
server_supports_redis() {
    "$server_bin" --help 2>/dev/null | grep -q -- --redis
}

instance_port() { echo $((base_port + $1)); }

start_instance() {
    local k=$1 port dir
    port=$(instance_port "$k")
    dir="$state/instance-$k"
    mkdir -p "$dir"
    if alive "$dir/server.pid"; then
        log "instance $k already runs on 127.0.0.1:$port"
        return
    fi
    port_busy "$port" && die "port $port is taken (set ENCORE_CLUSTER_BASE_PORT)"
    local args=(--database "postgresql://encore@127.0.0.1:$pg_port/encore"
        --listen "127.0.0.1:$port" --port-file "$dir/port" --data-dir "$dir"
        --trusted-proxy 127.0.0.1)  # nginx: its X-Real-IP is the customer's address
    ((k == 1)) && args+=(--demo-data)
    [[ -n "${ENCORE_CLUSTER_WORKERS:-}" ]] && args+=(--workers "$ENCORE_CLUSTER_WORKERS")
    if redis_wanted && server_supports_redis; then
        args+=(--redis "redis://127.0.0.1:$redis_port")
    fi
    # shellcheck disable=SC2206  # word splitting of the extra arguments is intended
    args+=(${ENCORE_SERVER_ARGS:-})
    rm -f "$dir/port"
    echo "$server_bin ${args[*]}" >"$dir/command"
    setsid "$server_bin" "${args[@]}" </dev/null >>"$dir/server.log" 2>&1 &
    echo $! >"$dir/server.pid"
}

wait_instance() {
    local k=$1 port
    port=$(instance_port "$k")
    local deadline=$((SECONDS + ready_timeout))
    until http_ok "127.0.0.1:$port" /readyz; do
        if ! alive "$state/instance-$k/server.pid"; then
            tail -n 30 "$state/instance-$k/server.log" >&2
            die "instance $k exited before it was ready"
        fi
        ((SECONDS < deadline)) || die "instance $k was not ready within ${ready_timeout} s"
        sleep 0.2
    done
    log "instance $k on 127.0.0.1:$port (log $state/instance-$k/server.log)"
}

# ---------------------------------------------------------------------------------------------
render_nginx() {
    local n=$1 dir="$state/nginx" upstreams="" user_line=""
    for ((k = 1; k <= n; k++)); do
        upstreams+="        server 127.0.0.1:$(instance_port "$k") max_fails=1 fail_timeout=2s;"$'\n'
    done
    is_root && user_line="user www-data;"
    local tmpl
    tmpl=$(<"$conf_dir/nginx.conf.in")
    tmpl=${tmpl//@USER_LINE@/$user_line}
    tmpl=${tmpl//@STATE_DIR@/$dir}
    tmpl=${tmpl//@LISTEN@/$listen}
    tmpl=${tmpl//@UPSTREAMS@/${upstreams%$'\n'}}
    printf '%s\n' "$tmpl" >"$dir/nginx.conf"
}

start_nginx() {
    local n=$1 dir="$state/nginx"
    mkdir -p "$dir/tmp"
    if alive "$dir/nginx.pid"; then
        render_nginx "$n"
        nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" -s reload
        log "nginx already ran on $listen; reloaded with $n instances"
        return
    fi
    port_busy "${listen##*:}" && die "$listen is taken (set ENCORE_CLUSTER_LISTEN)"
    render_nginx "$n"
    nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" -t -q ||
        die "nginx rejected $dir/nginx.conf"
    # nginx daemonizes itself and writes its own pid file (the master's).
    nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf"
    wait_for "nginx" 30 alive "$dir/nginx.pid"
    wait_for "nginx → encore" 30 http_ok "$listen" /readyz
    log "nginx on http://$listen (config $dir/nginx.conf)"
}

stop_nginx() {
    local dir="$state/nginx"
    alive "$dir/nginx.pid" || return 0
    # Graceful: finish in-flight requests (WebSocket clients are cut after worker_shutdown).
    stop_pid "$dir/nginx.pid" 30 "nginx"
}

# ---------------------------------------------------------------------------------------------
ensure_server_bin() {
    [[ -x "$server_bin" ]] && return
    [[ -n "${ENCORE_SERVER_BIN:-}" ]] && die "ENCORE_SERVER_BIN=$server_bin is not executable"
    log "building encore-server in $root/build"
    bash "$root/scripts/setup.sh"
    local generator=()
    [[ -f "$root/build/CMakeCache.txt" ]] || generator=(-G Ninja)
    cmake -S "$root" -B "$root/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$root/build" --parallel "$(nproc)" --target encore-server
}

cmd_start() {
    local n=${1:-3}
    [[ "$n" =~ ^[1-9][0-9]?$ ]] || die "N must be 1..99, got $n"
    command -v nginx >/dev/null || die "nginx is not installed (run scripts/setup.sh)"
    ensure_server_bin
    [[ $state == /* ]] || state="$(pwd)/$state"
    mkdir -p "$state"
    if is_root; then
        # The postgres and redis users must reach their directories inside the state dir.
        chmod 755 "$state"
        local p
        p=$(dirname "$state")
        while [[ "$p" != / ]]; do
            [[ $(stat -c %A "$p") == *[xt] ]] ||
                die "the postgres user cannot enter $p: choose ENCORE_CLUSTER_DIR elsewhere (e.g. /tmp/encore-cluster)"
            p=$(dirname "$p")
        done
    fi
    # Instances from an earlier start beyond N are stopped.
    for dir in "$state"/instance-*; do
        [[ -d "$dir" ]] || continue
        local k=${dir##*-}
        ((k > n)) && stop_pid "$dir/server.pid" 30 "instance $k"
    done
    printf 'instances=%s\nlisten=%s\n' "$n" "$listen" >"$state/cluster.env"

    start_postgres
    if redis_wanted; then
        start_redis
        server_supports_redis || log "encore-server has no --redis option: instances share PostgreSQL only"
    else
        log "Redis not used (ENCORE_CLUSTER_REDIS=$use_redis)"
    fi
    # The first instance migrates the database and loads the demo data; the others then start
    # together.
    start_instance 1
    wait_instance 1
    for ((k = 2; k <= n; k++)); do start_instance "$k"; done
    for ((k = 2; k <= n; k++)); do wait_instance "$k"; done
    start_nginx "$n"
    log "ready: http://$listen ($n instances)"
}

cmd_stop() {
    [[ -d "$state" ]] || { log "nothing to stop in $state"; return; }
    stop_nginx
    local dir
    for dir in "$state"/instance-*; do
        [[ -d "$dir" ]] && stop_pid "$dir/server.pid" 35 "instance ${dir##*-}"
    done
    stop_redis
    stop_postgres
}

cmd_status() {
    local rc=0 dir
    [[ -f "$state/cluster.env" ]] || { log "not started (state dir $state)"; return 3; }
    local instances
    instances=$(sed -n 's/^instances=//p' "$state/cluster.env")
    local bin
    bin=$(pg_bindir)
    if as_user postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" 2>/dev/null; then
        echo "postgres   up    127.0.0.1:$pg_port"
    else
        echo "postgres   DOWN  127.0.0.1:$pg_port"; rc=1
    fi
    if [[ -f "$state/redis/redis.pid" ]]; then
        if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
            echo "redis      up    127.0.0.1:$redis_port"
        else
            echo "redis      DOWN  127.0.0.1:$redis_port"; rc=1
        fi
    fi
    for dir in "$state"/instance-*; do
        [[ -d "$dir" ]] || continue
        local k=${dir##*-} port
        port=$(instance_port "$k")
        if http_ok "127.0.0.1:$port" /readyz; then
            echo "instance-$k up    127.0.0.1:$port pid $(cat "$dir/server.pid")"
        elif alive "$dir/server.pid"; then
            echo "instance-$k NOT READY 127.0.0.1:$port pid $(cat "$dir/server.pid")"; rc=1
        else
            echo "instance-$k down  127.0.0.1:$port"; ((k <= instances)) && rc=1
        fi
    done
    if http_ok "$listen" /readyz; then
        echo "nginx      up    http://$listen"
    else
        echo "nginx      DOWN  http://$listen"; rc=1
    fi
    return $rc
}

case "${1:-}" in
    start) cmd_start "${2:-3}" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    restart) cmd_stop; cmd_start "${2:-3}" ;;
    -h|--help|help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) echo "usage: scripts/cluster.sh start [N] | stop | status | restart [N]" >&2; exit 2 ;;
esac
