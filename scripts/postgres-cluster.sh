#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, on 127.0.0.1 at
# a free port, in a temporary folder, owned by an unprivileged user (initdb
# refuses root). Source it: it defines pg_cluster_start and pg_cluster_stop.
#
#   . scripts/postgres-cluster.sh
#   pg_cluster_start          # exports EF_POSTGRES_URL (and PG_CLUSTER_DIR)
#   trap pg_cluster_stop EXIT # stops the server and removes the folder
#
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql).

pg_cluster_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] && command -v pg_ctl >/dev/null 2>&1; then bin=$(dirname "$(command -v pg_ctl)"); fi
  [ -n "$bin" ] || return 1
  echo "$bin"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
pg_cluster_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local bin port
  bin=$(pg_cluster_bin) || {
    echo "postgres-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    return 1
  }
  PG_CLUSTER_DIR=$(mktemp -d /tmp/ef-postgres.XXXXXX)
  export PG_CLUSTER_DIR
  [ "$(id -u)" = 0 ] && chown postgres "$PG_CLUSTER_DIR"
  # A free port: ask the kernel for one, then let the server take it.
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  pg_cluster_as_owner "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U ef -A trust -E UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || {
    cat "$PG_CLUSTER_DIR/initdb.log" >&2
    return 1
  }
  pg_cluster_as_owner "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_CLUSTER_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    cat "$PG_CLUSTER_DIR/server.log" >&2
    return 1
  }
  export EF_POSTGRES_URL="postgres://ef@127.0.0.1:$port/postgres"
  echo "postgres-cluster: PostgreSQL on 127.0.0.1:$port ($PG_CLUSTER_DIR)" >&2
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR" ] || return 0
  local bin
  bin=$(pg_cluster_bin) && pg_cluster_as_owner "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=
}
