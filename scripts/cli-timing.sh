#!/usr/bin/env bash
# How long local CLI commands take, wall clock, as a user runs them through ./keygate: builds the
# jar if needed, makes a throwaway deployment in a temporary directory, runs each command RUNS times
# (default 10) and prints the median of each beside the median of `java -version`, the floor no
# Java command goes under. With --compare, also times each command as plain `java -jar keygate.jar`
# (no launcher options: no class-data sharing archive, both JIT compilers, the default collector).
#
#   scripts/cli-timing.sh            # or RUNS=20 scripts/cli-timing.sh --compare
#
# The machine matters: the script prints its processors and load average before and after. On a
# busy machine every number grows; compare runs made on the same machine at the same load.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-10}"
compare=false
[[ "${1:-}" == "--compare" ]] && compare=true

java="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"

deployment="$(mktemp -d "${TMPDIR:-/tmp}/keygate-timing.XXXXXX")"
trap 'rm -rf "$deployment"' EXIT
cd "$deployment"

# The first ./keygate builds the jar and its archive when they are missing or stale.
"$root/keygate" init >/dev/null
api="$("$root/keygate" apis register --name Timing --audience https://timing.example |
  grep -o 'api_[0-9a-z]*' | head -n 1)"
[[ -n "$api" ]] || { echo "cli-timing: could not register an API" >&2; exit 1; }
"$root/keygate" orgs create --code timing --name Timing >/dev/null

# The median wall time of RUNS runs of the command, in seconds; every run must succeed.
median() {
  local i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>"$deployment/stderr" || {
      echo "cli-timing: failed: $* ($(head -c 300 "$deployment/stderr"))" >&2
      exit 1
    }
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | sort -n | awk '{ms[NR] = $1} END {
    m = (NR % 2) ? ms[(NR + 1) / 2] : (ms[NR / 2] + ms[NR / 2 + 1]) / 2
    printf "%.2f", m / 1000
  }'
}

commands=(
  "orgs list"
  "keys list"
  "apis list"
  "keys create --api $api --org timing --name timed"
)

echo "machine: $(nproc) processors, $(uname -m), $("$java" -version 2>&1 | head -n 1)"
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime)"
echo "median wall time of $runs runs, seconds:"
printf '  %-28s %s\n' "java -version (the floor)" "$(median "$java" -version)"
for command in "${commands[@]}"; do
  read -r -a words <<<"$command"
  label="keygate ${words[0]} ${words[1]}"
  line="$(printf '  %-28s %s' "$label" "$(median "$root/keygate" "${words[@]}")")"
  if [[ "$compare" == true ]]; then
    line+="$(printf '   (plain java -jar: %s)' \
      "$(median "$java" -jar "$root/bootstrap/target/keygate.jar" "${words[@]}")")"
  fi
  echo "$line"
done
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime)"
