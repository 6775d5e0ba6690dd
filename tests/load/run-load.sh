#!/usr/bin/env bash
# Load test: the demo site in Release on 127.0.0.1 (SQLite in a temporary data folder), driven by wrk.
#   bash tests/load/run-load.sh                      # 8 rounds of 5 s per scenario after 20 s of warm-up each, 8 connections, page /
#   DURATION=40 ROUNDS=8 CONNECTIONS=4 LOAD_PATH=/bikes/ bash tests/load/run-load.sh
#   VISITORS=400 bash tests/load/run-load.sh         # 400 consenting visitors taking turns on the 8 connections
#   PERF=1 bash tests/load/run-load.sh               # also where each site's CPU per request goes (perf, see below)
#   ALLOC=1 bash tests/load/run-load.sh              # also each site's bytes allocated per request and GC counts (dotnet-counters)
#   CONTROL=1 bash tests/load/run-load.sh            # also a second plain site: the run's own noise floor (see below)
# Scenarios, each its own site and database, all running for the whole test:
#   personalized  the package on; VISITORS consenting visitors (default: one per connection, each with its own
#                 consent + visitor cookies), so every request is decided for a profile, updates it and writes a
#                 page-view event; with more visitors than connections each connection takes turns between its visitors
#   plain         the same page and cookies with Umbraco:Personalization:Enabled=false
#   plain2        (CONTROL=1) a second site configured exactly like plain, in the same rotation: plain2 / plain is what
#                 two identical sites differ by in this run (process-to-process and machine noise), the yardstick for
#                 reading personalized / plain
# The measured time (DURATION seconds per scenario) is split into ROUNDS that alternate between the sites, so a
# slower or faster spell of the machine (other tenants of the host, CPU frequency) lands on every scenario alike; the
# idle sites use no CPU while another one is driven.
# Reports requests/s, p50/p99 latency, personalized/plain (overall and per round), each site's CPU time per request
# (from /proc: steadier than requests/s on a shared machine, and the ratio the throughput ratio tends to when the sites
# are CPU-bound, apart from wrk's own share of the cores), events written per second, and counts
# the event rows after a graceful stop (which drains the queue) against the requests wrk counted: "lost" must be 0.
# With PERF=1 both sites run with perf maps (DOTNET_PerfMapEnabled=1, DOTNET_EnableWriteXorExecute=0) and one
# system-wide `perf record -a -g` (999 Hz) covers the measured rounds; afterwards each site's samples are split per
# request by where they ran (tests/load/perf_split.py). Recording costs both sites a few per cent: take the budget's
# ratio from a run without PERF. Needs Linux perf (apt-get install linux-perf) and permission to record (root, or
# kernel.perf_event_paranoid <= -1).
# With ALLOC=1 a `dotnet-counters` collector per site (installed into the work folder when it is not on the PATH) reads
# the runtime's allocation total from the first measured round until the site has stopped (the graceful stop's drain
# of the queue included); each site's total over its measured requests is printed. It includes what a site allocates
# while idle (the other site's rounds, its shutdown), which is next to nothing. Unlike CPU time, bytes per request
# repeat to a few bytes run after run, so they show changes too small for the ratio to show. The same collector's GC
# figures are printed per site too: collections of each generation per 1,000 requests and pause time per request
# (gen1 collections come from objects that outlive gen0 ones, such as queued events).
# Only 127.0.0.1 is contacted; every wait is bounded. Needs dotnet, curl, python3 and wrk (apt-get install wrk).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${DURATION:-40}
rounds=${ROUNDS:-8}
warmup=${WARMUP:-20}
connections=${CONNECTIONS:-8}
visitors=${VISITORS:-$connections}
path=${LOAD_PATH:-/}
port=${PORT:-5291}
declare -A ports=([personalized]=$port [plain]=$((port + 1)) [plain2]=$((port + 2)))
scenarios=(personalized plain)
[ -n "${CONTROL:-}" ] && scenarios+=(plain2)
ua="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
work=$(mktemp -d /tmp/up-load-XXXXXX)
declare -A pids=()
declare -A site_pids=()
declare -A requests=()
perf_pid=""
declare -A counter_pids=()

cleanup() {
  [ -n "$perf_pid" ] && kill -INT "$perf_pid" 2>/dev/null || true
  for pid in "${counter_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${site_pids[@]}"; do rm -f "/tmp/perf-$pid.map"; done # the runtime's perf maps, written with PERF=1
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

perf_env=()
if [ -n "${PERF:-}" ]; then
  if ! command -v perf >/dev/null 2>&1; then
    echo "perf is missing: sudo apt-get install linux-perf" >&2; exit 1
  fi
  perf_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
fi

counters=""
if [ -n "${ALLOC:-}" ]; then
  counters=$(command -v dotnet-counters || true)
  [ -z "$counters" ] && [ -x "$HOME/.dotnet/tools/dotnet-counters" ] && counters="$HOME/.dotnet/tools/dotnet-counters"
  if [ -z "$counters" ]; then
    echo "== installing dotnet-counters into the work folder"
    dotnet tool install dotnet-counters --version 10.0.750501 --tool-path "$work/tools" >"$work/tools.log" 2>&1 || { cat "$work/tools.log"; exit 1; }
    counters="$work/tools/dotnet-counters"
  fi
fi

echo "== publishing the demo site (Release)"
dotnet publish "$root/site" -c Release -o "$work/publish" --nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
site_dll=$(cd "$work/publish" && ls UmbracoPersonalization.Site.dll)

start_site() { # $1 = scenario name, $2 = Enabled
  local data="$work/$1" url="http://127.0.0.1:${ports[$1]}"
  mkdir -p "$data"
  (cd "$work/publish" && exec env "${perf_env[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
    Umbraco__Personalization__Enabled="$2" Umbraco__Personalization__DataFolder="$data/data" \
    Logging__LogLevel__Default=Warning dotnet "$site_dll" >"$data/site.log" 2>&1) &
  pids[$1]=$!
  site_pids[$1]=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null -A "$ua" "$url/" 2>/dev/null && return 0
    kill -0 "${pids[$1]}" 2>/dev/null || { cat "$data/site.log"; echo "the $1 site did not start" >&2; exit 1; }
    sleep 0.5
  done
  echo "the $1 site did not answer within 60 s" >&2; exit 1
}

stop_site() { # $1 = scenario; graceful: the host stops the ingestion worker, which drains the queue
  local pid=${pids[$1]}
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { unset "pids[$1]"; return 0; }; sleep 0.5; done
  echo "the $1 site did not stop within 60 s" >&2; exit 1
}

cookies_for_visitors() { # $1 = folder; VISITORS consenting visitors: consent, then a first page view for the visitor id
  local file="$1/cookies.txt" base="http://127.0.0.1:${ports[personalized]}"
  : >"$file"
  for i in $(seq 1 "$visitors"); do
    local jar="$1/jar-$i"
    curl -fsS -o /dev/null -A "$ua" -c "$jar" -H "Origin: $base" \
      --data "purposes=all&returnUrl=/" "$base/umbraco/personalization/api/consent"
    curl -fsS -o /dev/null -A "$ua" -b "$jar" -c "$jar" "$base$path"
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

run_wrk() { # $1 = scenario, $2 = seconds; prints the WRK_JSON line
  COOKIES="$cookies" LOAD_PATH="$path" WRK_THREADS="$connections" wrk -t "$connections" -c "$connections" -d "${2}s" --timeout 10s \
    -s "$root/tests/load/visitors.lua" "http://127.0.0.1:${ports[$1]}" | tee -a "$work/wrk-$1.log" | grep '^WRK_JSON' | sed 's/^WRK_JSON //'
}

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

cpu_ticks() { # $1 = scenario; user + system CPU of the site's process (all its threads) so far, in clock ticks
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/${site_pids[$1]}/stat"
}

echo "== starting the sites (personalized: Enabled=true on ${ports[personalized]}, plain: Enabled=false on ${ports[plain]}${CONTROL:+, plain2: Enabled=false on ${ports[plain2]}})"
start_site personalized true
start_site plain false
[ -n "${CONTROL:-}" ] && start_site plain2 false
# The plain site has no consent endpoint: its visitors send the cookies the personalized site issued.
cookies=$(cookies_for_visitors "$work/personalized")
for scenario in "${scenarios[@]}"; do
  echo "== $scenario: warm-up ${warmup} s"
  run_wrk "$scenario" "$warmup" >/dev/null
done
before=$(settled_counts "$work/personalized" 2>/dev/null || echo "0 0 0")

round_seconds=$(python3 -c "print(max(1, round($duration / $rounds)))")
echo "== $rounds rounds of ${round_seconds} s per scenario, alternating, $connections connections, $visitors visitors on $path"
results_file="$work/rounds.jsonl"
: >"$results_file"
if [ -n "${PERF:-}" ]; then
  perf record -F 999 -g -a -o "$work/perf.data" -- sleep 100000 >"$work/perf.log" 2>&1 &
  perf_pid=$!
  sleep 1
  kill -0 "$perf_pid" 2>/dev/null || { cat "$work/perf.log"; echo "perf record did not start" >&2; exit 1; }
fi
if [ -n "$counters" ]; then
  for scenario in "${scenarios[@]}"; do
    "$counters" collect -p "${site_pids[$scenario]}" --counters System.Runtime --format csv --refresh-interval 1 \
      -o "$work/counters-$scenario.csv" >"$work/counters-$scenario.log" 2>&1 &
    counter_pids[$scenario]=$!
  done
  sleep 3 # the collectors attach before the first round
fi
for round in $(seq 1 "$rounds"); do
  for scenario in "${scenarios[@]}"; do
    ticks=$(cpu_ticks "$scenario")
    result=$(run_wrk "$scenario" "$round_seconds")
    ticks=$(( $(cpu_ticks "$scenario") - ticks ))
    python3 -c "import json,sys; r=json.loads(sys.argv[1]); r['scenario']=sys.argv[2]; r['round']=int(sys.argv[3]); r['cpu_ticks']=int(sys.argv[4]); print(json.dumps(r))" \
      "$result" "$scenario" "$round" "$ticks" >>"$results_file"
  done
done
if [ -n "$perf_pid" ]; then
  kill -INT "$perf_pid"; wait "$perf_pid" || true; perf_pid=""
fi
stopped_at=$(date +%s.%N)
during=$(counts "$work/personalized")
stop_site personalized
drained_at=$(date +%s.%N)
after=$(counts "$work/personalized")
stop_site plain
[ -n "${CONTROL:-}" ] && stop_site plain2
# A collector ends its session and writes out what it buffered when its site exits (a background job ignores SIGINT,
# their "quit"); the graceful stop's drain of the queue is counted, since it writes the measured requests' events.
for scenario in "${!counter_pids[@]}"; do
  for _ in $(seq 1 60); do kill -0 "${counter_pids[$scenario]}" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "${counter_pids[$scenario]}" 2>/dev/null || true; wait "${counter_pids[$scenario]}" 2>/dev/null || true
  unset "counter_pids[$scenario]"
done

status=0
python3 - "$results_file" "$before" "$during" "$after" "$stopped_at" "$drained_at" "$connections" "$duration" "$rounds" "$round_seconds" "$warmup" "$path" "$(nproc)" "$visitors" "$(getconf CLK_TCK)" <<'PY' || status=$?
import json, statistics, sys
(results_file, before, during, after, stopped_at, drained_at, connections, duration, rounds, round_seconds, warmup, path, cores, visitors, clock_ticks) = sys.argv[1:]
rows = [json.loads(line) for line in open(results_file)]
connections, rounds = int(connections), int(rounds)
def summary(name):
    mine = [r for r in rows if r["scenario"] == name]
    requests = sum(r["requests"] for r in mine)
    seconds = sum(r["duration_us"] for r in mine) / 1e6
    return {
        "requests": requests, "seconds": seconds, "rps": requests / seconds,
        "p50": statistics.median(r["p50_us"] for r in mine) / 1000, "p99": max(r["p99_us"] for r in mine) / 1000,
        "errors": sum(r["non2xx"] + r["socket_errors"] for r in mine),
        "per_round": [r["requests"] / (r["duration_us"] / 1e6) for r in sorted(mine, key=lambda r: r["round"])],
        "cpu_us": sum(r["cpu_ticks"] for r in mine) / int(clock_ticks) * 1e6 / max(1, requests),
    }
p, q = summary("personalized"), summary("plain")
ratio = p["rps"] / q["rps"]
round_ratios = [a / b for a, b in zip(p["per_round"], q["per_round"])]
events0 = int(before.split()[0]); events1 = int(during.split()[0])
events2, profiles, page_views = (int(x) for x in after.split())
written = events2 - events0
lost = max(0, p["requests"] - written)
in_flight = written - p["requests"]
drain = float(drained_at) - float(stopped_at)
print(f"""
Load on {path}: {connections} connections, {visitors} consenting visitors, {rounds} alternating rounds of {round_seconds} s per scenario
({p['seconds']:.1f} s personalized, {q['seconds']:.1f} s plain) after {warmup} s warm-up each; {cores} cores.

| scenario | requests/s | p50 ms (median of rounds) | p99 ms (worst round) | errors |
| --- | ---: | ---: | ---: | ---: |
| personalized | {p['rps']:.0f} | {p['p50']:.2f} | {p['p99']:.2f} | {p['errors']} |
| plain (Enabled=false) | {q['rps']:.0f} | {q['p50']:.2f} | {q['p99']:.2f} | {q['errors']} |

personalized / plain throughput: {ratio:.3f} (per round: {', '.join(f'{r:.3f}' for r in round_ratios)}; median {statistics.median(round_ratios):.3f})
CPU per request (each site's process, all threads, from /proc): personalized {p['cpu_us']:.1f} µs, plain {q['cpu_us']:.1f} µs; plain / personalized {q['cpu_us'] / p['cpu_us']:.3f}
events: {p['requests']} requests measured, {written} page-view events written (lost: {lost}; in flight at the ends of rounds: {in_flight});
{(events1 - events0) / p['seconds']:.0f} events/s written while the personalized site was driven; queue drained {drain:.1f} s after the stop signal; {profiles} profiles,
{page_views} page views counted in them.""")
if any(r["scenario"] == "plain2" for r in rows):
    c = summary("plain2")
    control_rounds = [a / b for a, b in zip(c["per_round"], q["per_round"])]
    print(f"""
control (CONTROL=1): plain2, configured exactly like plain, {c['rps']:.0f} requests/s (p50 {c['p50']:.2f} ms, p99 {c['p99']:.2f} ms, errors {c['errors']})
plain2 / plain throughput: {c['rps'] / q['rps']:.3f} (per round: {', '.join(f'{r:.3f}' for r in control_rounds)}; median {statistics.median(control_rounds):.3f})
personalized / plain2 throughput: {p['rps'] / c['rps']:.3f} (the budget's ratio against the control instead)
CPU per request plain2 {c['cpu_us']:.1f} µs against plain {q['cpu_us']:.1f} µs: two identical sites differ by {abs(c['cpu_us'] - q['cpu_us']):.1f} µs in this run""")
    q['errors'] += c['errors']
# wrk does not count the responses still in flight when a round stops (at most one per connection), but the site served
# them and recorded their events: written may exceed the requests counted by up to connections x rounds.
sys.exit(0 if lost == 0 and 0 <= in_flight <= connections * rounds and p['errors'] == 0 and q['errors'] == 0 else 1)
PY

if [ -n "$counters" ]; then
  python3 - "$results_file" "$work"/counters-*.csv <<'PY' || { cat "$work"/counters-*.log; status=1; }
import csv, json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def totals(path):  # sums of the per-interval increments of the runtime's counters (allocations, collections, pauses)
    sums = {}
    with open(path, newline="") as f:
        for r in csv.reader(f):
            if len(r) > 4 and "/ 1 sec)" in r[2]:
                try:
                    value = float(r[4])
                except ValueError:
                    continue  # the line being written when the collector was stopped
                name = r[2].split(" ", 1)[0] + ("." + r[2].rsplit("=", 1)[1].rstrip("]") if "generation=" in r[2] else "")
                sums[name] = sums.get(name, 0.0) + value
    return sums
sites = {}
for path in sys.argv[2:]:  # counters-<scenario>.csv
    name = path.rsplit("counters-", 1)[1][:-len(".csv")]
    requests = max(1, sum(r["requests"] for r in rows if r["scenario"] == name))
    sites[name] = (totals(path), requests)
def per_request(name, counter):
    sums, requests = sites[name]
    return sums.get(counter, 0.0) / requests
p, q = per_request("personalized", "dotnet.gc.heap.total_allocated"), per_request("plain", "dotnet.gc.heap.total_allocated")
control = f"; plain2 {per_request('plain2', 'dotnet.gc.heap.total_allocated'):,.0f} B" if "plain2" in sites else ""
print(f"allocated per request (dotnet-counters, the first measured round to the site's stop): personalized {p:,.0f} B, plain {q:,.0f} B; difference {p - q:,.0f} B{control}")
# Objects that outlive a gen0 collection are promoted; once enough are, gen1 (and later gen2) collections follow.
for name in sites:
    gens = ", ".join(f"gen{g} {per_request(name, f'dotnet.gc.collections.gen{g}') * 1000:.2f}" for g in range(3))
    print(f"GC of {name}: collections per 1,000 requests {gens}; pause {per_request(name, 'dotnet.gc.pause.time') * 1e6:.1f} µs per request")
PY
fi

if [ -n "${PERF:-}" ]; then
  for scenario in personalized plain; do # the control is not split: its difference from plain is noise by construction
    perf script -i "$work/perf.data" --pid "${site_pids[$scenario]}" -F comm,tid,ip,sym,dso >"$work/$scenario.script" 2>/dev/null
    requests[$scenario]=$(python3 -c "import json,sys; print(sum(r['requests'] for r in map(json.loads, open(sys.argv[1])) if r['scenario'] == sys.argv[2]))" "$results_file" "$scenario")
  done
  python3 "$root/tests/load/perf_split.py" "$work/personalized.script" "${requests[personalized]}" "$work/plain.script" "${requests[plain]}"
fi
exit "$status"
