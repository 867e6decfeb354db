#!/usr/bin/env bash
# Runs a command with SINTRA_BENCH_POSTGRES pointing at a throw-away PostgreSQL server on 127.0.0.1.
#
# The server is a fresh cluster in a temp folder with the default durability settings (fsync and synchronous
# commit on), so its figures compare with SQLite's default of a synced write-ahead log. It is stopped on exit.
# Example: scripts/bench-postgres.sh dotnet run -c Release --project benchmarks/Sintra.Hub.Benchmarks -- reservations
set -uo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/bench-postgres.sh COMMAND [ARGUMENTS...]" >&2
  exit 2
fi

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi

work="$(mktemp -d /tmp/sintra-bench-pg.XXXXXX)"
data="$work/pg"
started=""
run_pg() { if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n "$started" ]] && run_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# The first free port from 55532 on; the test script takes ports from 55432.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for candidate in $(seq 55532 55599); do
  if port_free "$candidate"; then port="$candidate"; break; fi
done
[[ -n "$port" ]] || { echo "no free port between 55532 and 55599" >&2; exit 1; }

mkdir -p "$data" "$work/sock"
if [[ "$(id -u)" == "0" ]]; then chown -R postgres "$work"; chmod 755 "$work"; fi
run_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
run_pg "$bin/pg_ctl" -D "$data" -l "$work/postgres.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/sock" >/dev/null \
  || { cat "$work/postgres.log" >&2; exit 1; }
started=1
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

SINTRA_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true" "$@"
