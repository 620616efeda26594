#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 with trust authentication.
#   .ci/postgres.sh start DIR   installs PostgreSQL from Debian's packages if missing, creates a cluster in DIR, starts it
#                               on a free port and prints the connection string (user postgres, database postgres)
#   .ci/postgres.sh stop DIR    stops it and deletes DIR
# POSTGRES_DURABLE=1 starts it as a server that keeps what it commits (fsync, synchronous commit, full-page writes),
# with POSTGRES_SHARED_BUFFERS of shared buffers (default 256MB): for benchmarks, where durability off would flatter it.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# The server refuses to run as root: as root, run it as the package's postgres user.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A port nothing answers on, from a range the kernel does not hand out to outgoing connections.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}

start() {
    local dir=$1
    if [ -z "$(bin_dir)" ] || [ ! -x "$(bin_dir)/initdb" ]; then
        echo "Installing PostgreSQL from Debian's packages" >&2
        as_root apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home postgres
    fi
    local bin; bin=$(bin_dir)
    local port; port=$(free_port)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-locale -E UTF8 >"$dir/initdb.log" 2>&1
    # Throwaway data: durability off makes the suites faster; connections enough for several test hosts at once.
    local settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "${POSTGRES_DURABLE:-0}" = 1 ]; then
        settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=${POSTGRES_SHARED_BUFFERS:-256MB}"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
        "-h 127.0.0.1 -p $port -k $dir $settings -c max_connections=300" >&2
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop() {
    local dir=$1
    if [ -d "$dir/data" ]; then
        as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
