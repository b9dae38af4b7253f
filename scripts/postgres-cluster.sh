#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, on 127.0.0.1 at
# a free port, in a temporary folder, owned by an unprivileged user (initdb
# refuses root). Source it: it defines pg_cluster_start and pg_cluster_stop.
#
#   . scripts/postgres-cluster.sh
#   pg_cluster_start [SHARDS] # exports EF_POSTGRES_URL (and PG_CLUSTER_DIR); with SHARDS,
#                             # that many more servers: EF_POSTGRES_SHARD_URLS
#   trap pg_cluster_stop EXIT # stops the servers and removes their folders
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

# Starts one server in a new temporary folder and prints "PORT DIR".
pg_server_start() {
  local bin port dir
  bin=$(pg_cluster_bin) || {
    echo "postgres-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    return 1
  }
  dir=$(mktemp -d /tmp/ef-postgres.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  # A free port: ask the kernel for one, then let the server take it.
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  pg_cluster_as_owner "$bin/initdb" -D "$dir/data" -U ef -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  }
  pg_cluster_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    return 1
  }
  echo "$port $dir"
}

# Stops the server of a folder and removes the folder.
pg_server_stop() {
  [ -n "${1:-}" ] && [ -d "$1" ] || return 0
  local bin
  bin=$(pg_cluster_bin) && pg_cluster_as_owner "$bin/pg_ctl" -D "$1/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$1"
}

# The main server: EF_POSTGRES_URL. With a count, that many shard servers too,
# for the sharded tests (a coordinator on the main server reaches them by
# postgres_fdw): EF_POSTGRES_SHARD_URLS, comma-separated.
pg_cluster_start() {
  local started urls="" i
  started=$(pg_server_start) || return 1
  PG_CLUSTER_DIR=${started#* }
  export PG_CLUSTER_DIR
  export EF_POSTGRES_URL="postgres://ef@127.0.0.1:${started%% *}/postgres"
  echo "postgres-cluster: PostgreSQL on 127.0.0.1:${started%% *} ($PG_CLUSTER_DIR)" >&2
  PG_SHARD_DIRS=""
  for ((i = 0; i < ${1:-0}; i++)); do
    started=$(pg_server_start) || return 1
    PG_SHARD_DIRS="$PG_SHARD_DIRS ${started#* }"
    urls="$urls${urls:+,}postgres://ef@127.0.0.1:${started%% *}/postgres"
    echo "postgres-cluster: shard $((i + 1)) on 127.0.0.1:${started%% *}" >&2
  done
  export PG_SHARD_DIRS
  [ -z "$urls" ] || export EF_POSTGRES_SHARD_URLS="$urls"
}

pg_cluster_stop() {
  local dir
  for dir in ${PG_SHARD_DIRS:-}; do pg_server_stop "$dir"; done
  PG_SHARD_DIRS=
  pg_server_stop "${PG_CLUSTER_DIR:-}"
  PG_CLUSTER_DIR=
}
