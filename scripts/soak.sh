#!/usr/bin/env bash
# Soak test (issue 8), not part of `mvn verify`: starts `keygate serve` from the runnable jar on a
# fresh H2 database in a temporary directory, on a free loopback port, registers an API with an
# organization and a user, and runs SOAK_SECONDS (default 60) of mixed load from SOAK_WORKERS
# (default 8) workers with scripts/SoakLoad.java: verify valid keys and wrong secrets, get, list,
# create, revoke, rotate, disable/enable. Every answer is checked; a 429 (load shed) is waited out
# as Retry-After says, sent again and counted. Prints the requests made, the errors (final answers
# other than the expected ones, and failed connections: there must be none) and the server's heap
# after a full GC at the start and at the end of the load. Exits 0 when there was no error, 1
# otherwise; the server is always stopped and the directory removed (SOAK_KEEP=1 keeps it). Other
# KEYGATE_* variables (Argon2 cost, ...) reach the server; SOAK_JAVA_OPTS are its JVM options.
# Needs a JDK 17+ (java, jcmd), curl, and Maven for the first build of the jar.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bootstrap/target/keygate.jar"
seconds="${SOAK_SECONDS:-60}"
workers="${SOAK_WORKERS:-8}"

if [[ ! "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "soak: SOAK_SECONDS must be a whole number of seconds, was '$seconds'" >&2
  exit 2
fi
if [[ ! "$workers" =~ ^[1-9][0-9]*$ ]]; then
  echo "soak: SOAK_WORKERS must be a whole number, was '$workers'" >&2
  exit 2
fi
for tool in java jcmd curl; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is needed" >&2; exit 5; }
done

# The launcher builds the jar when it is missing or older than the sources.
"$root/keygate" --version >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/keygate-soak.XXXXXX")"
server_pid=""

cleanup() {
  local status=$?
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -s "$work/server.log" ]]; then
    echo "soak: the end of the server's log:" >&2
    tail -n 20 "$work/server.log" >&2
  fi
  if [[ "${SOAK_KEEP:-0}" == 1 ]]; then
    echo "soak: kept $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The server: its root key goes to a file of this private directory, its log to another.
(
  cd "$work"
  # shellcheck disable=SC2086 # SOAK_JAVA_OPTS is a list of options
  exec env KEYGATE_HOST=127.0.0.1 KEYGATE_PORT=0 KEYGATE_KEY_PREFIX=k_soak \
    KEYGATE_DB_URL="jdbc:h2:file:$work/data/keygate;AUTO_SERVER=TRUE" \
    java ${SOAK_JAVA_OPTS:-} -jar "$jar" serve >"$work/server.out" 2>"$work/server.log"
) &
server_pid=$!

for _ in $(seq 1 240); do
  grep -q '^Keygate is serving ' "$work/server.out" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "soak: keygate serve ended before serving" >&2; exit 5; }
  sleep 0.5
done
base="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.out" | head -n 1)"
root_key="$(grep -o 'k_soak_[0-9A-Za-z]\{61\}' "$work/server.out" | head -n 1)"
if [[ -z "$base" || -z "$root_key" ]]; then
  echo "soak: keygate serve did not print its address and root key" >&2
  exit 5
fi

kg="$base/api/v1"
call() {
  curl -sS --fail-with-body -H "Authorization: Bearer $root_key" \
    -H "Content-Type: application/json" "$@"
}
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; } # the last "name":"value" of an answer

api_id="$(call -X POST "$kg/apis" -d '{"name":"Soak API","audience":"https://soak.example.com"}' |
  field id)"
call -X POST "$kg/apis/$api_id/scopes" -d '{"key":"read:users","description":"Read users"}' >/dev/null
org_code="$(call -X POST "$kg/organization" -d '{"name":"Soak Org"}' | field code)"
user_id="$(call -X POST "$kg/user" -d '{"name":"Soak User","email":"soak@example.com"}' | field id)"
if [[ -z "$api_id" || -z "$org_code" || -z "$user_id" ]]; then
  echo "soak: registering the API, the organization and the user failed" >&2
  exit 5
fi

heap_after_gc() {
  jcmd "$server_pid" GC.run >/dev/null
  jcmd "$server_pid" GC.heap_info |
    awk '/heap/ && /total/ { for (i = 1; i < NF; i++) if ($i == "used") { sub(/K,?$/, "", $(i + 1));
      printf "%.1f MiB", $(i + 1) / 1024; exit } }'
}

echo "soak: keygate serve (pid $server_pid) on $base, fresh H2 database, ${seconds} s, $workers workers"
heap_start="$(heap_after_gc)"

load_status=0
SOAK_KEY="$root_key" java "$root/scripts/SoakLoad.java" \
  "$base" "$api_id" "$org_code" "$user_id" "$seconds" "$workers" || load_status=$?

heap_end="$(heap_after_gc)"
server_errors="$(curl -sS "$base/metrics" |
  awk '/^keygate_http_requests_seconds_count\{/ && /status="5[0-9][0-9]"/ { n += $NF } END { print n + 0 }')"

echo "server: answers with status 5xx counted by /metrics: $server_errors"
echo "heap after GC (jcmd GC.run, GC.heap_info): start $heap_start, end $heap_end"
if [[ $load_status -ne 0 || $server_errors != 0 ]]; then
  echo "soak: FAILED"
  exit 1
fi
echo "soak: passed"
