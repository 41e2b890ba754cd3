#!/usr/bin/env bash
# The same authenticated request (GET /api/actions/{id}) straight to plan-service, through nginx (Debian's, the
# reference proxy), through the floor (ReactorNettyFloor.java: the gateway's own server and client passing the request on
# with nothing else) and through the gateway, in one run, with each proxy's CPU per request: throughput at saturation (3 interleaved rounds, median) and
# latency percentiles at half of the gateway's saturation rate, with the gateway's and nginx's ratios to each other.
# Needs a running local stack (./run-local) for plan-service and the issuer, and wrk and nginx (apt-get install wrk
# nginx). It starts a gateway of its own (same jar, same settings, rate limit raised so the load is not refused) and
# an nginx of its own, and stops both at the end.
# Usage: gateway/bench/run-gateway-benchmark.sh [--seconds 10] [--connections 16] [--rounds 3] [--warmup 360] [--jfr]
# The gateway runs with its image's collector (ParallelGC, gateway/pom.xml). GATEWAY_JAVA_OPTS adds JVM options or -Dproperty=value settings to the gateway under test.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=10 connections=16 rounds=3 warmup=360 jfr=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --jfr) jfr="-XX:StartFlightRecording=filename=gateway/target/gateway-bench.jfr,settings=profile"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx: apt-get install -y wrk nginx" >&2; exit 1; }
plan=http://127.0.0.1:8081 issuer=http://localhost:9000 nginx_port=8096 gateway_port=8095 floor_port=8094
curl -sf "$plan/actuator/health" >/dev/null || { echo "start the local stack first: ./run-local" >&2; exit 1; }
work=$(mktemp -d)
cleanup() {
  [[ -n "${gateway_pid:-}" ]] && kill "$gateway_pid" 2>/dev/null || true
  [[ -n "${floor_pid:-}" ]] && kill "$floor_pid" 2>/dev/null || true
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# Tokens live 10 minutes: each phase takes a fresh one.
fresh_token() {
  token=$(curl -sf -u planwatch-admin-script:local-admin-secret "$issuer/oauth2/token" -d grant_type=client_credentials \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}
fresh_token
action=$(curl -sf -H "Authorization: Bearer $token" "$plan/api/actions?size=1" | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
path="/api/actions/$action"

cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream plan { server 127.0.0.1:8081; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://plan;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

mkdir -p gateway/target
PORT=$gateway_port SERVER_ADDRESS=127.0.0.1 PLAN_SERVICE_URL=$plan PLANWATCH_ISSUER_URI=$issuer \
  PLANWATCH_RATE_LIMIT_PER_SECOND=1000000 PLANWATCH_RATE_LIMIT_CAPACITY=1000000 \
  java -Xmx512m -XX:+UseParallelGC $jfr ${GATEWAY_JAVA_OPTS:-} -jar gateway/target/gateway.jar > gateway/target/gateway-bench.log 2>&1 &
gateway_pid=$!
mkdir -p "$work/netty"
(cd "$work/netty" && unzip -qoj "$OLDPWD/gateway/target/gateway.jar" 'BOOT-INF/lib/reactor-netty-*' 'BOOT-INF/lib/netty-*' \
  'BOOT-INF/lib/reactor-core-*' 'BOOT-INF/lib/reactive-streams-*' 'BOOT-INF/lib/micrometer-commons-*')
java -Xmx512m -XX:+UseParallelGC -cp "$work/netty/*" gateway/bench/ReactorNettyFloor.java "$floor_port" "$plan" \
  > gateway/target/floor-bench.log 2>&1 &
floor_pid=$!
for _ in $(seq 90); do curl -sf "http://127.0.0.1:$gateway_port/actuator/health" >/dev/null && break; sleep 1; done

declare -A url=([direct]="$plan$path" [nginx]="http://127.0.0.1:$nginx_port$path" [floor]="http://127.0.0.1:$floor_port$path"
  [gateway]="http://127.0.0.1:$gateway_port$path")
declare -A pids=([direct]="" [nginx]="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
  [floor]="$floor_pid" [gateway]="$gateway_pid")
targets="direct nginx floor gateway"
for target in $targets; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${url[$target]}")
  [[ "$code" == 200 ]] || { echo "$target answers $code, not 200: ${url[$target]}" >&2; exit 1; }
done
# A gateway runs for days; what is measured here is its steady state. On two cores shared with the service, wrk and
# nginx, its JIT compilers take minutes to finish (after one minute it ran at half its steady rate), so it is driven
# in 10 s rounds until its C2 compiler threads are nearly idle (under 0.2 s of CPU in each of two rounds in a row; --warmup seconds at
# most). The service and nginx get 20 s each, which is all they need.
compiler_ticks() {
  for task in /proc/"$gateway_pid"/task/*; do
    if [[ $(cat "$task/comm" 2>/dev/null) == "C2 CompilerThre"* ]]; then sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}'; fi
  done | awk '{t += $1} END {print t + 0}'
}
warmed=0 quiet=0
while (( warmed < warmup )); do
  before=$(compiler_ticks)
  rate=$(wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $token" "${url[gateway]}" | awk '/Requests\/sec/ {print int($2)}')
  compiled=$(( $(compiler_ticks) - before )); warmed=$((warmed + 10))
  if (( warmed % 120 == 0 )); then fresh_token; fi
  if (( compiled < 20 )); then quiet=$((quiet + 1)); else quiet=0; fi
  if (( warmed >= 60 && quiet >= 2 )); then break; fi
done
echo "Gateway warmed up for $warmed s (last round: $rate requests/s, its C2 compilers busy for ${compiled}0 ms)"
for target in direct nginx floor; do
  wrk -t2 -c"$connections" -d20s -H "Authorization: Bearer $token" "${url[$target]}" >/dev/null
done
fresh_token

# CPU ticks (1/100 s) the processes have used.
ticks() { local t=0 pid; for pid in $1; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $t; }
# One round: its requests per second, and the proxy's CPU milliseconds per request (- for the service itself).
round() {
  local target=$1 before after out
  before=$(ticks "${pids[$target]}")
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Authorization: Bearer $token" "${url[$target]}")
  after=$(ticks "${pids[$target]}")
  grep -q "Non-2xx" <<<"$out" && { echo "non-2xx answers from ${url[$target]}:" >&2; grep Non-2xx <<<"$out" >&2; }
  awk -v t=$((after - before)) -v own="${pids[$target]}" \
    '/requests in/ {n = $1} /Requests\/sec/ {r = $2} END {if (own == "") printf "%s -\n", r; else printf "%s %.3f\n", r, t * 10 / n}' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A rates cpu
for _ in $(seq "$rounds"); do
  for target in $targets; do
    read -r rate per <<<"$(round "$target")"
    rates[$target]+="$rate "; cpu[$target]+="$per "
  done
done
echo "Throughput, $connections connections, ${seconds} s each, $rounds interleaved rounds (requests/s; the proxy's CPU per request, median):"
declare -A best
for target in $targets; do
  best[$target]=$(echo "${rates[$target]}" | tr ' ' '\n' | grep . | median)
  per=""; [[ -n "${pids[$target]}" ]] && per="$(echo "${cpu[$target]}" | tr ' ' '\n' | grep . | median) ms CPU a request"
  printf '  %-8s %10s   rounds: %-26s %s\n' "$target" "${best[$target]}" "${rates[$target]}" "$per"
done
awk -v g="${best[gateway]}" -v n="${best[nginx]}" -v d="${best[direct]}" -v f="${best[floor]}" \
  'BEGIN {printf "  gateway/nginx %.2f   floor/nginx %.2f   nginx/direct %.2f   gateway/direct %.2f\n", g/n, f/n, n/d, g/d}'

# Half of the gateway's saturation rate, offered alike to all three: 4 connections, each pausing between requests.
rate=$(awk -v g="${best[gateway]}" 'BEGIN {printf "%d", g/2}')
cat > "$work/paced.lua" <<LUA
local pause = 4 * 1000 / $rate
function delay() return pause end
LUA
fresh_token
echo "Latency at about $rate requests/s (half of the gateway's saturation), 4 connections, $rounds interleaved rounds of ${seconds} s (ms; each the median of the rounds):"
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}'; }
declare -A paced
for round in $(seq "$rounds"); do
  for target in $targets; do
    out=$(wrk -t2 -c4 -d"${seconds}s" --latency -s "$work/paced.lua" -H "Authorization: Bearer $token" "${url[$target]}")
    paced[$target.rps]+="$(awk '/Requests\/sec/ {print $2}' <<<"$out") "
    for q in 50% 90% 99%; do paced[$target.$q]+="$(awk -v q=$q '$1 == q {print $2}' <<<"$out" | to_ms) "; done
    paced[$target.max]+="$(awk '/Latency/ && !/Distribution/ {print $4; exit}' <<<"$out" | to_ms) "
  done
done
printf '  %-8s %8s %8s %8s %8s %8s\n' target "req/s" p50 p90 p99 max
declare -A p50 p99
for target in $targets; do
  mid() { echo "${paced[$target.$1]}" | tr ' ' '\n' | grep . | median; }
  p50[$target]=$(mid 50%); p99[$target]=$(mid 99%)
  printf '  %-8s %8s %8s %8s %8s %8s\n' "$target" "$(mid rps)" "${p50[$target]}" "$(mid 90%)" "${p99[$target]}" "$(mid max)"
done
awk -v g50="${p50[gateway]}" -v n50="${p50[nginx]}" -v d50="${p50[direct]}" -v f50="${p50[floor]}" -v g99="${p99[gateway]}" -v d99="${p99[direct]}" -v n99="${p99[nginx]}" -v f99="${p99[floor]}" \
  'BEGIN {printf "  added to direct at p50: nginx %.2f ms, floor %.2f ms, gateway %.2f ms; at p99: nginx %.2f ms, floor %.2f ms, gateway %.2f ms\n", n50-d50, f50-d50, g50-d50, n99-d99, f99-d99, g99-d99}'
[[ -n "$jfr" ]] && echo "Flight recording of the gateway: gateway/target/gateway-bench.jfr (jfr print --events jdk.ExecutionSample ...)"
exit 0
