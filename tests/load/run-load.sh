#!/usr/bin/env bash
# Load test: the demo site in Release on 127.0.0.1 (SQLite in a temporary data folder), driven by wrk.
#   bash tests/load/run-load.sh                      # 20 s per scenario after 20 s of warm-up, 8 connections, page /
#   DURATION=10 CONNECTIONS=4 LOAD_PATH=/bikes/ bash tests/load/run-load.sh
# Scenarios, each on a fresh site and database:
#   personalized  the package on; every connection is one consenting visitor (its own consent + visitor cookies),
#                 so every request is decided for a profile, updates it and writes a page-view event
#   plain         the same page and cookies with Umbraco:Personalization:Enabled=false
# Reports requests/s, p50/p99 latency, personalized/plain, events written per second, and counts the event rows
# after a graceful stop (which drains the queue) against the requests wrk counted: "lost" must be 0.
# Only 127.0.0.1 is contacted; every wait is bounded. Needs dotnet, curl, python3 and wrk (apt-get install wrk).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${DURATION:-20}
warmup=${WARMUP:-20}
connections=${CONNECTIONS:-8}
path=${LOAD_PATH:-/}
port=${PORT:-5291}
ua="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
work=$(mktemp -d /tmp/up-load-XXXXXX)
site_pid=""

cleanup() {
  if [ -n "$site_pid" ] && kill -0 "$site_pid" 2>/dev/null; then kill -TERM "$site_pid" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1
  fi
fi

echo "== publishing the demo site (Release)"
dotnet publish "$root/site" -c Release -o "$work/publish" --nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
site_dll=$(cd "$work/publish" && ls UmbracoPersonalization.Site.dll)

start_site() { # $1 = scenario name, $2 = Enabled
  local data="$work/$1"
  mkdir -p "$data"
  (cd "$work/publish" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Umbraco__Personalization__Enabled="$2" Umbraco__Personalization__DataFolder="$data/data" \
    Logging__LogLevel__Default=Warning exec dotnet "$site_dll" >"$data/site.log" 2>&1) &
  site_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null -A "$ua" "http://127.0.0.1:$port/" 2>/dev/null && return 0
    kill -0 "$site_pid" 2>/dev/null || { cat "$data/site.log"; echo "the site did not start" >&2; exit 1; }
    sleep 0.5
  done
  echo "the site did not answer within 60 s" >&2; exit 1
}

stop_site() { # graceful: the host stops the ingestion worker, which drains the queue
  kill -TERM "$site_pid"
  for _ in $(seq 1 120); do kill -0 "$site_pid" 2>/dev/null || { site_pid=""; return 0; }; sleep 0.5; done
  echo "the site did not stop within 60 s" >&2; exit 1
}

cookies_for_visitors() { # one consenting visitor per connection: consent, then a first page view for the visitor id
  local file="$1/cookies.txt"
  : >"$file"
  for i in $(seq 1 "$connections"); do
    local jar="$1/jar-$i"
    curl -fsS -o /dev/null -A "$ua" -c "$jar" -H "Origin: http://127.0.0.1:$port" \
      --data "purposes=all&returnUrl=/" "http://127.0.0.1:$port/umbraco/personalization/api/consent"
    curl -fsS -o /dev/null -A "$ua" -b "$jar" -c "$jar" "http://127.0.0.1:$port$path"
    awk -F '\t' '$6 ~ /^up_(consent|vid)$/ {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7} END {print ""}' "$jar" >>"$file"
  done
  grep -q "up_vid=" "$file" || { echo "no visitor cookie was issued" >&2; exit 1; }
  echo "$file"
}

counts() { python3 "$root/tests/load/count_events.py" "$1/data/personalization.db"; }

settled_counts() { # the queue is drained when the event count stops moving (bounded)
  local last="" now
  for _ in $(seq 1 40); do
    now=$(counts "$1"); [ "$now" = "$last" ] && { echo "$now"; return 0; }; last=$now; sleep 0.5
  done
  echo "$now"
}

run_wrk() { # $1 = seconds, $2 = cookies file; prints the WRK_JSON line
  COOKIES="$2" LOAD_PATH="$path" wrk -t "$connections" -c "$connections" -d "${1}s" --timeout 10s \
    -s "$root/tests/load/visitors.lua" "http://127.0.0.1:$port" | tee -a "$work/wrk.log" | grep '^WRK_JSON' | sed 's/^WRK_JSON //'
}

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

declare -A rps p50 p99 non2xx
for scenario in personalized plain; do
  enabled=true; [ "$scenario" = plain ] && enabled=false
  echo "== $scenario: starting the site (Umbraco:Personalization:Enabled=$enabled)"
  start_site "$scenario" "$enabled"
  # The plain site has no consent endpoint: its visitors send the cookies the personalized site issued.
  [ "$scenario" = personalized ] && cookies=$(cookies_for_visitors "$work/$scenario")
  echo "== $scenario: warm-up ${warmup} s, then ${duration} s with $connections connections on $path"
  run_wrk "$warmup" "$cookies" >/dev/null
  before=$(settled_counts "$work/$scenario" 2>/dev/null || echo "0 0 0")
  result=$(run_wrk "$duration" "$cookies")
  stopped_at=$(date +%s.%N)
  requests=$(field "$result" requests)
  seconds=$(python3 -c "print($(field "$result" duration_us) / 1e6)")
  rps[$scenario]=$(python3 -c "print(round($requests / $seconds))")
  p50[$scenario]=$(python3 -c "print(round($(field "$result" p50_us) / 1000, 2))")
  p99[$scenario]=$(python3 -c "print(round($(field "$result" p99_us) / 1000, 2))")
  non2xx[$scenario]=$(( $(field "$result" non2xx) + $(field "$result" socket_errors) ))
  if [ "$scenario" = personalized ]; then
    during=$(counts "$work/$scenario")
    stop_site
    drained_at=$(date +%s.%N)
    after=$(counts "$work/$scenario")
    read -r events0 _ _ <<<"$before"
    read -r events1 _ _ <<<"$during"
    read -r events2 profiles pageviews <<<"$after"
    measured=$requests
    written=$(( events2 - events0 ))
    # wrk does not count the responses still in flight when it stops (at most one per connection), but the site
    # served them and recorded their events: written may exceed the requests counted by up to $connections.
    lost=$(( requests > written ? requests - written : 0 ))
    in_flight=$(( written - requests ))
    in_run_rate=$(python3 -c "print(round(($events1 - $events0) / $seconds))")
    overall_rate=$(python3 -c "print(round($written / ($seconds + $drained_at - $stopped_at)))")
    drain=$(python3 -c "print(round($drained_at - $stopped_at, 1))")
  else
    stop_site
  fi
done

ratio=$(python3 -c "print(f'{${rps[personalized]} / ${rps[plain]}:.3f}')")
cat <<EOF

Load on $path: $connections connections (one consenting visitor each), ${duration} s per scenario after ${warmup} s warm-up; $(nproc) cores.

| scenario | requests/s | p50 ms | p99 ms | errors |
| --- | ---: | ---: | ---: | ---: |
| personalized | ${rps[personalized]} | ${p50[personalized]} | ${p99[personalized]} | ${non2xx[personalized]} |
| plain (Enabled=false) | ${rps[plain]} | ${p50[plain]} | ${p99[plain]} | ${non2xx[plain]} |

personalized / plain throughput: $ratio
events: $measured requests measured, $written page-view events written (lost: $lost; in flight at the end: $in_flight); $in_run_rate events/s written
during the run, $overall_rate events/s including the drain at stop (${drain} s); $profiles profiles, $pageviews page views counted in them.
EOF
[ "$lost" -eq 0 ] && [ "$in_flight" -le "$connections" ]
