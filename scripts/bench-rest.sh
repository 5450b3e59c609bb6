#!/usr/bin/env bash
# Measures verification over REST with wrk, on loopback, against the same server's /health/live:
#   1. GET /health/live, then POST /api/v1/api_keys/verify of a valid key (proven after the first
#      call), each for BENCH_SECONDS with BENCH_CONNECTIONS connections;
#   2. the wrong-secret guesses alone (refused with 429 once the lookup is locked out), then the
#      valid key while as many other connections flood those guesses, both at once for
#      BENCH_SECONDS.
# Prints requests per second, the server's CPU time per request (user + system, from /proc), the
# ratios, the flood's status codes, and the heap after a GC before and after the flood. Bounded:
# every wrk run lasts BENCH_SECONDS (15 s by default).
#
#   scripts/bench-rest.sh                              # following the change feed (the default)
#   KEYGATE_VERIFY_MODE=strict scripts/bench-rest.sh   # a version read per verification
#   KEYGATE_STATE_CACHE_TTL=30s scripts/bench-rest.sh  # the state cache (ttl mode)
#
# Needs Java 17+, Maven 3.8+ (the launcher builds the jar) and wrk (installed with apt-get when
# missing and running as root).
set -euo pipefail

seconds="${BENCH_SECONDS:-15}"
connections="${BENCH_CONNECTIONS:-8}"
threads="${BENCH_THREADS:-1}"
port="${BENCH_PORT:-18089}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "bench-rest: wrk is needed (apt-get install wrk)" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
server=""
stop() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server" && wait "$server" || true
  fi
  rm -rf "$work"
}
trap stop EXIT
cd "$work"

# The launcher builds the jar when it is missing or stale; init prints the root key once.
root_key="$("$root/keygate" init | grep -o 'k_live_[0-9A-Za-z]*')"
jar="$root/bootstrap/target/keygate.jar"
KEYGATE_PORT="$port" java -jar "$jar" serve 2>"$work/serve.log" >/dev/null &
server=$!
for _ in $(seq 1 120); do
  curl -sf "$base/health/live" >/dev/null && break
  sleep 0.5
done
curl -sf "$base/health/live" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }

auth="Authorization: Bearer $root_key"
json="Content-Type: application/json"
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
api_id="$(curl -sf -X POST "$base/api/v1/apis" -H "$auth" -H "$json" \
  -d '{"name":"Bench API","audience":"https://bench.example.com"}' | field id)"
curl -sf -X POST "$base/api/v1/apis/$api_id/scopes" -H "$auth" -H "$json" \
  -d '{"key":"read:users","description":"Read users"}' >/dev/null
curl -sf -X POST "$base/api/v1/organization" -H "$auth" -H "$json" \
  -d '{"name":"Bench","code":"org_bench"}' >/dev/null
token="$(curl -sf -X POST "$base/api/v1/api_keys" -H "$auth" -H "$json" \
  -d "{\"name\":\"bench\",\"api_id\":\"$api_id\",\"org_code\":\"org_bench\",\"scope_ids\":[\"read:users\"]}" \
  | field key)"

# A token with the same lookup and another secret, its checksum right: it reaches the hash check.
cat >"$work/WrongSecret.java" <<'JAVA'
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.TokenFormat;

public class WrongSecret {
  public static void main(String[] args) {
    ParsedToken token = TokenFormat.parse(args[0]).orElseThrow();
    char[] secret = token.secret();
    secret[0] = secret[0] == 'A' ? 'B' : 'A';
    String prefix = args[0].substring(0, args[0].lastIndexOf('_'));
    System.out.println(TokenFormat.compose(new KeyPrefix(prefix), token.lookup(), secret).reveal());
  }
}
JAVA
wrong="$(java -cp "$jar" "$work/WrongSecret.java" "$token")"

# No per-response Lua callback: wrk runs on the same cores as the server, and a callback would
# charge wrk's own work to the verify runs. wrk counts non-2xx answers itself.
verify_script() { # $1: file, $2: token
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $root_key"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"api_key":"$2","required_scopes":["read:users"]}'
LUA
}
verify_script "$work/valid.lua" "$token"
verify_script "$work/flood.lua" "$wrong"

# The first verification proves the token (one Argon2 check); every later one is warm.
code="$(curl -s -X POST "$base/api/v1/api_keys/verify" -H "$auth" -H "$json" \
  -d "{\"api_key\":\"$token\"}" | field code)"
[[ "$code" == API_KEY_VERIFIED ]] || { echo "bench-rest: the key does not verify: $code" >&2; exit 1; }

rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"; }
non2xx() { sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1"; }
run() { # $1: output file, $2...: wrk arguments
  local out="$1"
  shift
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" >"$out" 2>&1
}
# The server's CPU time so far (user + system, in clock ticks), and per request between two readings.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
cpu_per_request() { # $1: ticks before, $2: ticks after, $3: requests per second over the run
  awk -v t="$(($2 - $1))" -v hz="$(getconf CLK_TCK)" -v r="$3" -v s="$seconds" \
    'BEGIN { printf "%.0f", t * 1e6 / hz / (r * s) }'
}
heap_after_gc() {
  jcmd "$server" GC.run >/dev/null
  jcmd "$server" GC.heap_info | sed -n 's/.*used \([0-9]*K\).*/\1/p' | head -1
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
mode="${KEYGATE_VERIFY_MODE:-$([[ -n "${KEYGATE_STATE_CACHE_TTL:-}" ]] && echo ttl || echo follow)}"
case "$mode" in
  strict) verify_target=60 ;;
  *) verify_target=80 ;;
esac
echo "verify mode: $mode (state cache ttl: ${KEYGATE_STATE_CACHE_TTL:-off}); wrk: $threads thread(s), $connections connections, ${seconds}s per run"
echo

# Both paths warm up first, so that neither is measured while the JIT is still compiling it.
run "$work/warmup-live.txt" "$base/health/live"
run "$work/warmup.txt" -s "$work/valid.lua" "$base/api/v1/api_keys/verify"
ticks0="$(server_ticks)"
run "$work/live.txt" "$base/health/live"
ticks1="$(server_ticks)"
run "$work/verify.txt" -s "$work/valid.lua" "$base/api/v1/api_keys/verify"
ticks2="$(server_ticks)"
live="$(rps "$work/live.txt")"
verify="$(rps "$work/verify.txt")"
echo "GET  /health/live              $live req/s, server CPU $(cpu_per_request "$ticks0" "$ticks1" "$live") us a request"
echo "POST /api/v1/api_keys/verify   $verify req/s, server CPU $(cpu_per_request "$ticks1" "$ticks2" "$verify") us a request (non-2xx: $(non2xx "$work/verify.txt" || true))"
awk -v v="$verify" -v l="$live" -v t="$verify_target" 'BEGIN { printf "verify / live                  %.0f%%  (target >= %d%%)\n\n", 100 * v / l, t }'

# A refused guess alone, for its cost beside a verification's, after its own warm-up (which also
# locks the lookup out).
run "$work/warmup-refused.txt" -s "$work/flood.lua" "$base/api/v1/api_keys/verify"
ticks3="$(server_ticks)"
run "$work/refused.txt" -s "$work/flood.lua" "$base/api/v1/api_keys/verify"
ticks4="$(server_ticks)"
refused="$(rps "$work/refused.txt")"
echo "wrong-secret guesses alone     $refused req/s, server CPU $(cpu_per_request "$ticks3" "$ticks4" "$refused") us a request (non-2xx: $(non2xx "$work/refused.txt" || true))"
echo

heap_before="$(heap_after_gc)"
run "$work/flood.txt" -s "$work/flood.lua" "$base/api/v1/api_keys/verify" &
flood=$!
run "$work/under-flood.txt" -s "$work/valid.lua" "$base/api/v1/api_keys/verify"
wait "$flood"
heap_after="$(heap_after_gc)"
under="$(rps "$work/under-flood.txt")"
echo "valid key alone                $verify req/s"
echo "valid key under a flood        $under req/s (non-2xx: $(non2xx "$work/under-flood.txt" || true))"
echo "wrong-secret flood             $(rps "$work/flood.txt") req/s, of which non-2xx (429): $(non2xx "$work/flood.txt" || true)"
awk -v u="$under" -v v="$verify" 'BEGIN { printf "kept under the flood           %.0f%%  (target >= 60%%)\n", 100 * u / v }'
echo "heap after GC                  $heap_before before the flood, $heap_after after"
if curl -sf "$base/health/live" >/dev/null; then
  echo "server                         up after the flood"
else
  echo "server                         DOWN after the flood"
  exit 1
fi
