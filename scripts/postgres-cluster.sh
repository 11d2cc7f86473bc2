#!/usr/bin/env bash
# Sourced by scripts/test: starts a throwaway PostgreSQL cluster on a free
# loopback port, exports the connection string that Backstage's
# TestDatabases reads, and stops and deletes the cluster when the calling
# shell exits.
#
# Uses the server binaries in /usr/lib/postgresql/<major>/bin and installs
# Debian's `postgresql` package when there are none (root only).

rm_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

rm_pg_start() {
  local bin
  bin="$(rm_pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin; install Debian's postgresql package" >&2
      return 1
    fi
    echo "==> Installing Debian's postgresql package" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
    bin="$(rm_pg_bin)"
  fi
  local major
  major="$(basename "$(dirname "$bin")")"

  # PostgreSQL refuses to run as root: run it as the postgres user then.
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    run_as=(runuser -u postgres --)
  fi

  RM_PG_DIR="$(mktemp -d /tmp/rm-postgres.XXXXXX)"
  chmod 755 "$RM_PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$RM_PG_DIR"
  RM_PG_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

  "${run_as[@]}" "$bin/initdb" -D "$RM_PG_DIR/data" -U postgres -A trust --no-sync >"$RM_PG_DIR/initdb.log" 2>&1 || {
    cat "$RM_PG_DIR/initdb.log" >&2
    return 1
  }
  # fsync off: a test cluster trades durability for speed; the restart tests
  # stop it with a fast shutdown, which still writes everything out.
  "${run_as[@]}" "$bin/pg_ctl" -D "$RM_PG_DIR/data" -l "$RM_PG_DIR/server.log" -w -t 60 \
    -o "-p $RM_PG_PORT -k $RM_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
    start >/dev/null || {
    cat "$RM_PG_DIR/server.log" >&2
    return 1
  }
  RM_PG_BIN="$bin"
  RM_PG_RUN_AS="${run_as[*]}"
  export RM_PG_DIR RM_PG_PORT RM_PG_BIN RM_PG_RUN_AS
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$RM_PG_PORT"
  RM_PG_ENV_NAME="BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING"
  export RM_PG_ENV_NAME
  echo "==> PostgreSQL $major test cluster on 127.0.0.1:$RM_PG_PORT ($RM_PG_ENV_NAME)" >&2
}

rm_pg_stop() {
  [ -n "${RM_PG_DIR:-}" ] || return 0
  # shellcheck disable=SC2086
  $RM_PG_RUN_AS "$RM_PG_BIN/pg_ctl" -D "$RM_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$RM_PG_DIR"
  RM_PG_DIR=""
}
