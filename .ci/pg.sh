#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster in a temp folder on a loopback port.
# Ports below 32768: Linux hands out 32768–60999 as the local ports of outgoing connections, and
# a benchmark's thousands of them (wrk → gunicorn → PostgreSQL) left in TIME_WAIT made the server
# fail now and then to bind a port in that range ("could not create any TCP/IP sockets").
#   source .ci/pg.sh; pg_start [PORT]   → exports DATABASE_URL; pg_stop (also on EXIT)
# It does not sync to disk (fsync, synchronous_commit off: fast tests); PG_DURABLE=1 keeps the
# server's defaults, as in production.
# initdb refuses to run as root, so the cluster runs as the `postgres` user when we are root.

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
}

pg_install() {
  if [ -z "$(pg_bin)" ]; then
    echo "Installing PostgreSQL (Debian package)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

pg_start() {
  local port="${1:-25432}"
  pg_install
  local bin; bin="$(pg_bin)"
  PG_DIR="$(mktemp -d /tmp/danvan-pg.XXXXXX)"
  export PG_DIR PG_BIN="$bin"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-0}" = 1 ] && durability=""
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 $durability" start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE danvan" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/danvan"
  PG_AS=("${as[@]}")
  trap pg_stop EXIT
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
  PG_DIR=""
}
