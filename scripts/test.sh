#!/usr/bin/env bash
# Runs every test of the solution against real components.
#
# Installs what is missing: PostgreSQL, Chromium and the OpenSSH server from Debian (as root), and Azurite from npm
# into .tools/azurite. Starts a throw-away PostgreSQL server and Azurite's blob service on 127.0.0.1, runs
# `dotnet test` and stops both servers. The last line reads "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test`, for example: scripts/test.sh --filter "FullyQualifiedName~Webhooks"
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/sintra-test.XXXXXX)"
results="$root/TestResults"
pg_port="${SINTRA_TEST_PG_PORT:-}"
pg_started=""

log() { printf '[test] %s\n' "$*" >&2; }

stop_postgres() {
  if [[ -n "$pg_started" ]]; then
    log "stopping PostgreSQL"
    run_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1
    pg_started=""
  fi
}

azurite_pid=""
stop_azurite() {
  if [[ -n "$azurite_pid" ]]; then
    log "stopping Azurite"
    kill "$azurite_pid" 2>/dev/null
    wait "$azurite_pid" 2>/dev/null
    azurite_pid=""
  fi
}

cleanup() {
  stop_postgres
  stop_azurite
  rm -rf "$work"
}
trap cleanup EXIT

apt_updated=""
apt_install() {
  if [[ "$(id -u)" != "0" ]]; then
    log "missing $*: install it (apt-get install -y $*) or run this script as root"
    return 1
  fi
  if [[ -z "$apt_updated" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt_updated=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [[ -z "$(pg_bin)" || ! -x "$(pg_bin)/initdb" ]]; then
  apt_install postgresql || exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium || exit 1
fi
# The exchange tests start their own sshd on a loopback port, with a throw-away user they remove again.
if [[ ! -x /usr/sbin/sshd ]]; then
  apt_install openssh-server || exit 1
fi

# The first free port from 55432 on, unless one is given: another test run may hold 55432 already.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -z "$pg_port" ]]; then
  for candidate in $(seq 55432 55499); do
    if port_free "$candidate"; then pg_port="$candidate"; break; fi
  done
fi

# PostgreSQL: a fresh cluster in a temp folder, reachable only on 127.0.0.1, stopped on exit.
bin="$(pg_bin)"
data="$work/pg"
mkdir -p "$data" "$work/sock"
run_pg() { if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ "$(id -u)" == "0" ]]; then chown -R postgres "$work"; chmod 755 "$work"; fi
run_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
# One line: pg_ctl hands these options to a shell, where a line break would end the command.
pg_tuning="-c full_page_writes=off -c max_connections=200"
run_pg "$bin/pg_ctl" -D "$data" -l "$work/postgres.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/sock -c fsync=off -c synchronous_commit=off $pg_tuning" \
  >/dev/null \
  || { cat "$work/postgres.log" >&2; exit 1; }
pg_started=1
log "PostgreSQL on 127.0.0.1:$pg_port"
export SINTRA_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
export SINTRA_TEST_CHROMIUM="${SINTRA_TEST_CHROMIUM:-$(command -v chromium)}"

# Azurite (blob service only), pinned, in a tools folder that git ignores. --disableTelemetry keeps it off the
# network, and without it Azurite also ignores SIGTERM.
azurite_main="$root/.tools/azurite/node_modules/azurite/dist/src/blob/main.js"
if [[ ! -f "$azurite_main" ]]; then
  log "installing azurite@3.37.0 into .tools/azurite"
  mkdir -p "$root/.tools/azurite"
  (cd "$root/.tools/azurite" && npm install --no-audit --no-fund --silent azurite@3.37.0 >/dev/null) || exit 1
fi
azurite_port=""
for candidate in $(seq 56000 56099); do
  if port_free "$candidate"; then azurite_port="$candidate"; break; fi
done
[[ -n "$azurite_port" ]] || { log "no free port for Azurite in 56000-56099"; exit 1; }
mkdir -p "$work/azurite"
(exec node "$azurite_main" --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$work/azurite" \
  --skipApiVersionCheck --disableTelemetry --silent >"$work/azurite.log" 2>&1) &
azurite_pid=$!
for _ in $(seq 1 300); do
  if ! port_free "$azurite_port"; then break; fi
  kill -0 "$azurite_pid" 2>/dev/null || { cat "$work/azurite.log" >&2; exit 1; }
  sleep 0.1
done
log "Azurite on 127.0.0.1:$azurite_port"
# Azurite's published development account and key, not a secret.
azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export SINTRA_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

rm -rf "$results"
cd "$root"
dotnet test Sintra.Hub.sln --nologo -c Debug \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" 2>&1 | tee "$work/dotnet-test.log" | grep -vE '^\s*(Passed |$)'
status=${PIPESTATUS[0]}

stop_postgres
stop_azurite

trx="$(find "$results" -name 'results.trx' 2>/dev/null | head -n 1)"
if [[ -n "$trx" ]]; then
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed="$(value passed)"; failed="$(value failed)"
  total="$(value total)"; executed="$(value executed)"
  skipped=$(( ${total:-0} - ${executed:-0} ))
  if [[ "${failed:-0}" != "0" ]]; then
    # The failures again, next to the summary, so that a log cut to its last lines still names them. awk, not an
    # XML parser, because awk is on every Debian system: the trx logger writes each result's start tag on one line,
    # and the message between <Message> and </Message>.
    awk -f "$root/scripts/trx-failures.awk" "$trx"
  fi
  echo "${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
else
  log "no test results: the build or the test host failed (see the output above)"
  echo "0 passed, 1 failed"
  [[ $status -eq 0 ]] && status=1
fi
exit "$status"
