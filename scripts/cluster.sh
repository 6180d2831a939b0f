#!/usr/bin/env bash
# Encore in cluster mode on one machine: a private PostgreSQL, a private Redis, N encore-server
# instances and nginx in front (least connections, WebSocket upgrade, 1 MiB body limit, no POST
# retried on another instance). Everything runs from Debian's packages with the config files in
# resources/cluster/, and lives in one state directory.
#
#   scripts/cluster.sh start [N]    start PostgreSQL, Redis, N instances (default 3), nginx
#   scripts/cluster.sh start --ha [N]
#                                   high availability: PostgreSQL primary + synchronous streaming
#                                   standby, Redis primary + replica + three sentinels, N
#                                   instances that follow failovers, nginx with TLS (a CA and
#                                   certificate made here: <state dir>/tls/ca.pem for clients;
#                                   HTTP redirected to HTTPS, HSTS). Passwords are made here too,
#                                   kept in <state dir>/secrets (mode 600) and handed over in
#                                   files, never on a command line.
#   scripts/cluster.sh stop         stop all of them (nginx first, PostgreSQL last)
#   scripts/cluster.sh status       what runs, whether each part answers, who is primary
#   scripts/cluster.sh restart [N]  stop, then start (with the mode it was started with)
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
# With --ha also:
#   ENCORE_CLUSTER_HTTPS       nginx HTTPS address [127.0.0.1:8443]; ENCORE_CLUSTER_LISTEN then
#                              only redirects to it
#   ENCORE_CLUSTER_PG_STANDBY_PORT     the standby's port [PG_PORT+1]
#   ENCORE_CLUSTER_REDIS_REPLICA_PORT  the Redis replica's port [REDIS_PORT+1]
#   ENCORE_CLUSTER_SENTINEL_PORT       the first sentinel's port; the others follow [8191]
#   ENCORE_CLUSTER_SENTINEL_DOWN_MS    how long a silent Redis primary is given [5000]
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
https_listen=${ENCORE_CLUSTER_HTTPS:-127.0.0.1:8443}
pg_standby_port=${ENCORE_CLUSTER_PG_STANDBY_PORT:-$((pg_port + 1))}
redis_replica_port=${ENCORE_CLUSTER_REDIS_REPLICA_PORT:-$((redis_port + 1))}
sentinel_port=${ENCORE_CLUSTER_SENTINEL_PORT:-8191}
sentinel_down_ms=${ENCORE_CLUSTER_SENTINEL_DOWN_MS:-5000}
ha=0
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
https_ok() {
    curl -fsS -o /dev/null --max-time 2 --cacert "$state/tls/ca.pem" "https://$1$2" 2>/dev/null
}

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
# initdb in $1 (superuser encore; the rest of the arguments choose the authentication) with
# resources/cluster/postgresql.conf included, unless it exists.
init_postgres() {
    local data=$1 bin
    shift
    bin=$(pg_bindir)
    [[ -f "$data/PG_VERSION" ]] && return
    mkdir -p "$data"
    if is_root; then chown postgres: "$data"; chmod 700 "$data"; fi
    as_user postgres "$bin/initdb" -D "$data" -U encore "$@" -E UTF8 --no-locale \
        >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; die "initdb failed"; }
    cp "$conf_dir/postgresql.conf" "$data/encore.conf"
    echo "include 'encore.conf'" >>"$data/postgresql.conf"
    if is_root; then chown postgres: "$data/encore.conf"; fi
}

# Starts the cluster in $1 on 127.0.0.1:$2 unless it runs.
start_pg_node() {
    local data=$1 port=$2 bin
    bin=$(pg_bindir)
    if as_user postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
        log "PostgreSQL already runs on 127.0.0.1:$port"
        return
    fi
    port_busy "$port" && die "port $port is taken"
    as_user postgres "$bin/pg_ctl" start -w -t 120 -D "$data" -l "$data/server.log" \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1" >/dev/null ||
        { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start on port $port"; }
    log "PostgreSQL on 127.0.0.1:$port (data $data)"
}

start_postgres() {
    local bin data="$state/postgres"
    bin=$(pg_bindir)
    # Instances on other machines: add "host encore encore <net> scram-sha-256" to pg_hba.conf.
    init_postgres "$data" -A trust
    start_pg_node "$data" "$pg_port"
    if ! as_user postgres "$bin/psql" -h "$data" -p "$pg_port" -U encore -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'encore'" | grep -q 1; then
        as_user postgres "$bin/createdb" -h "$data" -p "$pg_port" -U encore encore
    fi
}

# Stops the cluster in $1 (fast: open connections are cut, committed work is kept) if it runs.
stop_pg_node() {
    local data=$1 name=$2 bin
    [[ -f "$data/PG_VERSION" ]] || return 0
    bin=$(pg_bindir)
    if as_user postgres "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
        as_user postgres "$bin/pg_ctl" stop -w -m fast -D "$data" >/dev/null
        log "stopped $name"
    fi
}

stop_postgres() { stop_pg_node "$state/postgres" "PostgreSQL"; }

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
    local args=(--listen "127.0.0.1:$port" --port-file "$dir/port" --data-dir "$dir"
        --trusted-proxy 127.0.0.1)  # nginx: its X-Real-IP is the customer's address
    ((k == 1)) && args+=(--demo-data)
    [[ -n "${ENCORE_CLUSTER_WORKERS:-}" ]] && args+=(--workers "$ENCORE_CLUSTER_WORKERS")
    local env=()
    if ((ha)); then
        # Both PostgreSQL servers: libpq picks the one that accepts writes. Passwords come from
        # files (PGPASSFILE, --redis-password-file), never from this command line.
        args+=(--database "postgresql://encore@127.0.0.1:$pg_port,127.0.0.1:$pg_standby_port/encore"
            --redis-sentinel "$(sentinel_list)" --redis-master-name encore
            --redis-password-file "$state/secrets/redis-password")
        env=(PGPASSFILE="$state/secrets/pgpass")
    else
        args+=(--database "postgresql://encore@127.0.0.1:$pg_port/encore")
        if redis_wanted && server_supports_redis; then
            args+=(--redis "redis://127.0.0.1:$redis_port")
        fi
    fi
    # shellcheck disable=SC2206  # word splitting of the extra arguments is intended
    args+=(${ENCORE_SERVER_ARGS:-})
    rm -f "$dir/port"
    echo "$server_bin ${args[*]}" >"$dir/command"
    env "${env[@]}" setsid "$server_bin" "${args[@]}" </dev/null >>"$dir/server.log" 2>&1 &
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
    tmpl=${tmpl//@UPSTREAMS@/${upstreams%$'\n'}}
    if ((ha)); then
        local tls redirect
        tls="        ssl_certificate $state/tls/server.pem;
        ssl_certificate_key $state/tls/server.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_session_cache shared:encore_tls:10m;
        # Browsers and clients that saw this keep to HTTPS for a year.
        add_header Strict-Transport-Security \"max-age=31536000\" always;"
        redirect="    server {
        listen $listen;
        return 301 https://\$host:${https_listen##*:}\$request_uri;
    }"
        tmpl=${tmpl//@LISTEN@/$https_listen}
        tmpl=${tmpl//@LISTEN_SSL@/ ssl}
        tmpl=${tmpl//@TLS@/$tls}
        tmpl=${tmpl//@HTTP_REDIRECT@/$redirect}
        tmpl=${tmpl//@NEXT_UPSTREAM@/error timeout http_503}
    else
        tmpl=${tmpl//@LISTEN@/$listen}
        tmpl=${tmpl//@LISTEN_SSL@/}
        tmpl=${tmpl//@TLS@/}
        tmpl=${tmpl//@HTTP_REDIRECT@/}
        tmpl=${tmpl//@NEXT_UPSTREAM@/error timeout}
    fi
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
    if ((ha)); then
        wait_for "nginx → encore" 30 https_ok "$https_listen" /readyz
        log "nginx on https://$https_listen, http://$listen redirects there (config $dir/nginx.conf)"
    else
        wait_for "nginx → encore" 30 http_ok "$listen" /readyz
        log "nginx on http://$listen (config $dir/nginx.conf)"
    fi
}

stop_nginx() {
    local dir="$state/nginx"
    alive "$dir/nginx.pid" || return 0
    # Graceful: finish in-flight requests (WebSocket clients are cut after worker_shutdown).
    stop_pid "$dir/nginx.pid" 30 "nginx"
}

# ---------------------------------------------------------------------------------------------
# High availability (start --ha)

# Writes stdin to $1 with mode 600, owned by user $2 (when root).
write_secret() {
    local file=$1 owner=${2:-}
    (umask 077 && cat >"$file")
    if is_root && [[ -n "$owner" ]]; then chown "$owner": "$file"; fi
}

make_secrets() {
    local dir="$state/secrets"
    mkdir -p "$dir"
    chmod 700 "$dir"
    [[ -f "$dir/pg-password" ]] || openssl rand -hex 24 | write_secret "$dir/pg-password"
    [[ -f "$dir/redis-password" ]] || openssl rand -hex 24 | write_secret "$dir/redis-password"
    # libpq password files: the instances' (this user), and the postgres user's own (initdb and
    # the standby's replication connection). They live outside secrets/, which only we enter.
    local pg_password
    pg_password=$(<"$dir/pg-password")
    echo "*:*:*:encore:$pg_password" | write_secret "$dir/pgpass"
    mkdir -p "$state/postgres-secrets"
    is_root && chown postgres: "$state/postgres-secrets"
    chmod 700 "$state/postgres-secrets"
    echo "*:*:*:encore:$pg_password" | write_secret "$state/postgres-secrets/pgpass" postgres
    echo "$pg_password" | write_secret "$state/postgres-secrets/pg-password" postgres
}

# A private CA and a certificate for 127.0.0.1/localhost signed by it (clients trust ca.pem).
make_tls() {
    local dir="$state/tls"
    [[ -f "$dir/server.pem" ]] && return
    mkdir -p "$dir"
    (
        umask 077
        openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=Encore cluster CA" \
            -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
            -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' \
            >"$dir/server.ext"
        openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
            -CAcreateserial -days 825 -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
    ) || die "openssl could not make the TLS certificate"
    chmod 644 "$dir/ca.pem" "$dir/server.pem"
    log "TLS: CA $dir/ca.pem (give it to clients: encore --ca-file $dir/ca.pem)"
}

pg_ha_psql() {
    local port=$1
    shift
    as_user postgres env PGPASSFILE="$state/postgres-secrets/pgpass" "$(pg_bindir)/psql" \
        -h 127.0.0.1 -p "$port" -U encore -d postgres -tAc "$@"
}

start_postgres_ha() {
    local bin primary="$state/postgres" standby="$state/postgres-standby"
    bin=$(pg_bindir)
    # After a failover the old primary must not come back as a second primary (split brain).
    if [[ -f "$standby/PG_VERSION" && ! -f "$standby/standby.signal" ]]; then
        die "the standby in $standby was promoted and is the primary now: make $primary its standby (pg_rewind or a new base backup, README \"Scaling out\") before starting the cluster again"
    fi
    # Passwords over TCP (scram-sha-256), trust only on the Unix socket in the data directory.
    init_postgres "$primary" --pwfile="$state/postgres-secrets/pg-password" \
        --auth-host=scram-sha-256 --auth-local=trust
    start_pg_node "$primary" "$pg_port"
    if [[ $(pg_ha_psql "$pg_port" "SELECT 1 FROM pg_database WHERE datname = 'encore'") != 1 ]]; then
        pg_ha_psql "$pg_port" "CREATE DATABASE encore" >/dev/null
    fi
    if [[ ! -f "$standby/PG_VERSION" ]]; then
        mkdir -p "$standby"
        if is_root; then chown postgres: "$standby"; chmod 700 "$standby"; fi
        as_user postgres env PGPASSFILE="$state/postgres-secrets/pgpass" "$bin/pg_basebackup" \
            -h 127.0.0.1 -p "$pg_port" -U encore -D "$standby" -X stream -R --checkpoint=fast ||
            die "pg_basebackup failed"
        # The name synchronous_standby_names waits for; the password from the postgres user's file.
        echo "primary_conninfo = 'host=127.0.0.1 port=$pg_port user=encore passfile=$state/postgres-secrets/pgpass application_name=standby1'" \
            >>"$standby/postgresql.auto.conf"
        rm -f "$standby/server.log"
    fi
    start_pg_node "$standby" "$pg_standby_port"
    # Synchronous: a commit is acknowledged once the standby has it. Set after the base backup,
    # so a promoted standby (with no standby of its own) does not wait for one.
    pg_ha_psql "$pg_port" "ALTER SYSTEM SET synchronous_standby_names = 'standby1'" >/dev/null
    pg_ha_psql "$pg_port" "SELECT pg_reload_conf()" >/dev/null
    log "PostgreSQL primary 127.0.0.1:$pg_port, synchronous standby 127.0.0.1:$pg_standby_port"
}

sentinel_list() {
    echo "127.0.0.1:$sentinel_port,127.0.0.1:$((sentinel_port + 1)),127.0.0.1:$((sentinel_port + 2))"
}

# redis-cli with the password from the environment (REDISCLI_AUTH), not the command line.
redis_ha_cli() {
    REDISCLI_AUTH=$(<"$state/secrets/redis-password") redis-cli --no-auth-warning "$@"
}

render_template() {
    local file=$1
    shift
    local text
    text=$(<"$conf_dir/$file")
    while (($#)); do
        text=${text//@$1@/$2}
        shift 2
    done
    printf '%s\n' "$text"
}

start_redis_node() {
    local name=$1 port=$2 conf=$3 dir="$state/$1" user=root
    mkdir -p "$dir"
    if alive "$dir/redis.pid"; then
        log "$name already runs on 127.0.0.1:$port"
        return
    fi
    port_busy "$port" && die "port $port is taken"
    if is_root && id redis >/dev/null 2>&1; then user=redis; fi
    # Sentinel rewrites its file; Redis too when Sentinel changes its role. Only its user reads
    # it (the password is inside): written once, then left to them.
    [[ -f "$dir/$conf" ]] || { cat | write_secret "$dir/$conf" "$user"; }
    is_root && chown -R "$user": "$dir"
    rm -f "$dir/redis.pid"
    local sentinel=()
    [[ "$conf" == sentinel.conf ]] && sentinel=(--sentinel)
    # umask 077: the files Redis/Sentinel rewrite (with the password inside) stay the user's own.
    (
        umask 077
        as_user "$user" setsid redis-server "$dir/$conf" "${sentinel[@]}" \
            --pidfile "$dir/redis.pid" </dev/null >/dev/null 2>&1 &
    )
    wait_for "$name" 30 alive "$dir/redis.pid"
}

start_redis_ha() {
    local password base="$state/redis-base.conf"
    password=$(<"$state/secrets/redis-password")
    cp "$conf_dir/redis.conf" "$base"
    chmod 644 "$base"
    local k port replicaof
    for k in 1 2; do
        port=$([[ $k == 1 ]] && echo "$redis_port" || echo "$redis_replica_port")
        replicaof=$([[ $k == 1 ]] || echo "replicaof 127.0.0.1 $redis_port")
        render_template redis-ha.conf.in BASE "$base" PORT "$port" DIR "$state/redis-$k" \
            PASSWORD "$password" REPLICAOF "$replicaof" | start_redis_node "redis-$k" "$port" redis.conf
        wait_for "Redis on $port" 30 redis_ha_up "$port"
    done
    for k in 1 2 3; do
        port=$((sentinel_port + k - 1))
        render_template sentinel.conf.in PORT "$port" DIR "$state/sentinel-$k" \
            MASTER_PORT "$redis_port" PASSWORD "$password" DOWN_MS "$sentinel_down_ms" |
            start_redis_node "sentinel-$k" "$port" sentinel.conf
    done
    wait_for "the sentinels" 60 sentinels_ready
    log "Redis primary 127.0.0.1:$redis_port, replica 127.0.0.1:$redis_replica_port, sentinels $(sentinel_list)"
}

redis_ha_up() { [[ $(redis_ha_cli -p "$1" ping 2>/dev/null) == PONG ]]; }

# Every sentinel knows the replica and the two other sentinels: a failover can be agreed on.
sentinels_ready() {
    local k info
    for k in 0 1 2; do
        info=$(redis-cli -p $((sentinel_port + k)) sentinel master encore 2>/dev/null | paste -sd' ')
        [[ "$info" == *"num-slaves 1 "* && "$info" == *"num-other-sentinels 2 "* ]] || return 1
    done
}

stop_ha_engines() {
    local k
    for k in 1 2 3; do stop_pid "$state/sentinel-$k/redis.pid" 10 "sentinel $k"; done
    for k in 1 2; do stop_pid "$state/redis-$k/redis.pid" 30 "Redis $k"; done
    # The primary is stopped by stop_postgres, after this.
    stop_pg_node "$state/postgres-standby" "the PostgreSQL standby"
}

status_ha_engines() {
    local rc=0 port role
    for port in "$pg_port" "$pg_standby_port"; do
        role=$(pg_ha_psql "$port" "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby' ELSE 'PRIMARY' END" 2>/dev/null) ||
            { echo "postgres   DOWN  127.0.0.1:$port"; rc=1; continue; }
        echo "postgres   up    127.0.0.1:$port $role"
    done
    for port in "$redis_port" "$redis_replica_port"; do
        role=$(redis_ha_cli -p "$port" role 2>/dev/null | head -n 1) ||
            { echo "redis      DOWN  127.0.0.1:$port"; rc=1; continue; }
        [[ -n "$role" ]] || { echo "redis      DOWN  127.0.0.1:$port"; rc=1; continue; }
        [[ "$role" == master ]] && role=PRIMARY
        [[ "$role" == slave ]] && role=replica
        echo "redis      up    127.0.0.1:$port $role"
    done
    for port in $(sentinel_list | tr ',' ' '); do
        local primary
        primary=$(redis-cli -p "${port##*:}" sentinel get-master-addr-by-name encore 2>/dev/null | paste -sd:)
        if [[ -n "$primary" ]]; then
            echo "sentinel   up    $port says the primary is $primary"
        else
            echo "sentinel   DOWN  $port"; rc=1
        fi
    done
    return $rc
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
    printf 'instances=%s\nlisten=%s\nha=%s\n' "$n" "$listen" "$ha" >"$state/cluster.env"

    if ((ha)); then
        command -v redis-server >/dev/null || die "redis-server is not installed (run scripts/setup.sh)"
        make_secrets
        make_tls
        start_postgres_ha
        start_redis_ha
    else
        start_postgres
        if redis_wanted; then
            start_redis
            server_supports_redis || log "encore-server has no --redis option: instances share PostgreSQL only"
        else
            log "Redis not used (ENCORE_CLUSTER_REDIS=$use_redis)"
        fi
    fi
    # The first instance migrates the database and loads the demo data; the others then start
    # together.
    start_instance 1
    wait_instance 1
    for ((k = 2; k <= n; k++)); do start_instance "$k"; done
    for ((k = 2; k <= n; k++)); do wait_instance "$k"; done
    start_nginx "$n"
    if ((ha)); then
        log "ready: https://$https_listen ($n instances; CA $state/tls/ca.pem)"
    else
        log "ready: http://$listen ($n instances)"
    fi
}

cmd_stop() {
    [[ -d "$state" ]] || { log "nothing to stop in $state"; return; }
    stop_nginx
    local dir
    for dir in "$state"/instance-*; do
        [[ -d "$dir" ]] && stop_pid "$dir/server.pid" 35 "instance ${dir##*-}"
    done
    stop_redis
    stop_ha_engines
    stop_postgres
}

cmd_status() {
    local rc=0 dir
    [[ -f "$state/cluster.env" ]] || { log "not started (state dir $state)"; return 3; }
    local instances
    instances=$(sed -n 's/^instances=//p' "$state/cluster.env")
    local bin
    bin=$(pg_bindir)
    if [[ $(sed -n 's/^ha=//p' "$state/cluster.env") == 1 ]]; then
        status_ha_engines || rc=1
    elif as_user postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" 2>/dev/null; then
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
    if [[ $(sed -n 's/^ha=//p' "$state/cluster.env") == 1 ]] && https_ok "$https_listen" /readyz; then
        echo "nginx      up    https://$https_listen (http://$listen redirects)"
    elif http_ok "$listen" /readyz; then
        echo "nginx      up    http://$listen"
    else
        echo "nginx      DOWN  http://$listen"; rc=1
    fi
    return $rc
}

command=${1:-}
shift || true
count=3
for arg in "$@"; do
    case "$arg" in
        --ha) ha=1 ;;
        *) count=$arg ;;
    esac
done
# restart keeps the mode the cluster was started with.
if [[ "$command" == restart && -f "$state/cluster.env" ]] &&
    [[ $(sed -n 's/^ha=//p' "$state/cluster.env") == 1 ]]; then
    ha=1
fi
case "$command" in
    start) cmd_start "$count" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    restart) cmd_stop; cmd_start "$count" ;;
    -h|--help|help) sed -n '2,39p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) echo "usage: scripts/cluster.sh start [--ha] [N] | stop | status | restart [N]" >&2; exit 2 ;;
esac
