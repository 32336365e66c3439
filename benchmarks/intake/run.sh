#!/usr/bin/env bash
# Intake benchmark (issue 8), on PostgreSQL, in one run:
#   1. instance 1 started on a fresh schema and warmed with the intake load, straight at :8181,
#      until its JIT compiler is idle and its rate flat
#   2. instance 2 started, clustered with 1, and warmed the same way at :8182
#   3. ROUNDS rounds (default 3), each measuring instance 1 straight (:8181), instance 1 alone
#      behind nginx (:8191, an upstream of one) and both behind nginx (:8190, docker/cluster), in
#      that order in odd rounds and the reverse one in even rounds,
#      so that one instance and two are compared on the same warm JVMs, at the same minutes, behind
#      the same proxy; the medians of the rounds are the figures
#   4. baseline: pgbench running the same inserts as one intake (pgbench-intake.sql), 16 clients
# The load generator is wrk (C, benchmarks/intake/intake.lua), as pgbench's client is C: on these
# two shared cores a JVM client took a third of a core at 50 requests/s, from the server measured.
# Prints rates, the ratio intake/pgbench, latency percentiles, start-up time and RSS per instance.
# Usage (from the project root, after ./mvnw -B package -DskipTests; holds the Payara lock itself):
#   benchmarks/intake/run.sh [seconds=60] [clients=16]      (ROUNDS=3, warm-up: WARMUP below)
# WAR= deploys another build on both instances (A/B runs of two builds, one run each).
set -euo pipefail
if [[ -n ${WAR:-} ]]; then
    export TRILINK_CLUSTER_WAR=$(realpath "$WAR")
fi
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-60}
CLIENTS=${2:-16}
# A fresh instance compiles (JIT) for minutes under this load: on two cores shared by sixteen
# request threads and PostgreSQL, its two compiler threads get about a sixth of a core, and the
# rate climbs from about 240 to about 700 intakes/s over four to five minutes (2026-12-04, 30 s
# rounds: 243 350 373 411 481 531 639 695 695 703 715 ...; the compiler threads' share fell to
# 0.01 core in the round the rate flattened). The 300 s of a fixed warm-up were not always enough
# (the tenth session's rounds still climbed 363, 487, 547/s), so an instance is warmed in 30 s
# rounds until its compiler threads are idle (under WARM_JIT cores, default 0.03) and its rate
# is within 5 % of the round before, at least WARM_MIN s (120) and at most WARMUP s (600).
WARMUP=${WARMUP:-600}
WARM_MIN=${WARM_MIN:-120}
WARM_JIT=${WARM_JIT:-0.03}
ROUNDS=${ROUNDS:-3}
export TRILINK_CLUSTER_SCHEMA=${TRILINK_CLUSTER_SCHEMA:-trilink_intake_bench}
export TRILINK_CLUSTER_RUN=${TRILINK_CLUSTER_RUN:-$PWD/target/intake-bench}
# shellcheck source=benchmarks/intake/common.sh
. benchmarks/intake/common.sh
# the monthly statistics schedule and demo case volume are not what is measured
export TRILINK_STATISTICS_SCHEDULE_ENABLED=false
OUT=$TRILINK_CLUSTER_RUN/results.txt

if [[ -z ${TRILINK_LOCKED:-} ]]; then
    exec env TRILINK_LOCKED=1 flock /tmp/trilink-payara.lock "$0" "$@"
fi
trap 'nginx_one -s quit 2>/dev/null || true; docker/cluster stop || true' EXIT

psql -q -X -v ON_ERROR_STOP=1 -c "drop schema if exists $TRILINK_CLUSTER_SCHEMA cascade" \
    -c "create schema $TRILINK_CLUSTER_SCHEMA" 2>&1 | grep -v NOTICE || true
mkdir -p "$TRILINK_CLUSTER_RUN"
: >"$OUT"
echo "== WAR: ${TRILINK_CLUSTER_WAR:-$PWD/target/trilink.war}" | tee -a "$OUT"
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$(pid_of "$1")/status"; }
# SECONDS_RUN of intake load at a base URL; two wrk threads carry the clients (two cores here)
load() {
    echo "intake $1: $CLIENTS clients, $SECONDS_RUN s"
    wrk -t2 -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s "$LUA" "$1/api/v1/cases"
}
# the process of instance $1
pid_of() { cat "$TRILINK_CLUSTER_RUN/instance-$1.pid"; }
# warms instance $1 (at URL $2) until the JIT is done and the rate is flat (see WARMUP above)
warm() {
    local i=$1 url=$2 t=0 before after rate last=0 jit
    echo "warming instance $i at $url: 30 s rounds until flat, $WARM_MIN-$WARMUP s" | tee -a "$OUT"
    while ((t < WARMUP)); do
        before=$(jit_ticks "$(pid_of "$i")")
        rate=$(wrk -t2 -c"$CLIENTS" -d30s -s "$LUA" "$url/api/v1/cases" | awk '/^RESULT/ { print $2 }')
        after=$(jit_ticks "$(pid_of "$i")")
        t=$((t + 30))
        jit=$(echo "scale=2; ($after - $before) / 3000" | bc)
        echo "  ${t} s: $rate intakes/s, JIT compiler threads $jit cores" | tee -a "$OUT"
        if ((t >= WARM_MIN)) && (($(echo "$jit < $WARM_JIT && $rate >= 0.95 * $last && $rate <= 1.05 * $last" | bc))); then
            echo "  flat after $t s" | tee -a "$OUT"
            return
        fi
        last=$rate
    done
    echo "  not flat after $WARMUP s; measuring anyway" | tee -a "$OUT"
}
# the median of each column of RESULT lines (rate p50 p95 p99 created errors)
medians() {
    for i in 1 2 3 4 5 6; do
        cut -d' ' -f"$i" "$1" | sort -g | awk '{ a[NR] = $1 } END { printf "%s ", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
    done
    echo
}
# nginx with the cluster's configuration on :8191, instance 1 its only upstream
nginx_one() {
    local nginx
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    mkdir -p "$TRILINK_CLUSTER_RUN/nginx-one/logs" "$TRILINK_CLUSTER_RUN/nginx-one/temp"
    # instance 2 taken out of every upstream; trilink_2 (the route of browsers bound to instance 2,
    # which wrk's requests never are) must keep one server, so it points at instance 1
    awk '/^ *upstream / { up = $2 }
         /server 127.0.0.1:8182/ { if (up == "trilink_2") sub(/8182/, "8181"); else next }
         up == "trilink_2" && /server 127.0.0.1:8181 backup/ { next }
         /^ *}/ { up = "" }
         { sub(/listen 127.0.0.1:8190/, "listen 127.0.0.1:8191"); print }' docker/nginx-cluster.conf \
        >"$TRILINK_CLUSTER_RUN/nginx-one/nginx.conf"
    "$nginx" -p "$TRILINK_CLUSTER_RUN/nginx-one" -c "$TRILINK_CLUSTER_RUN/nginx-one/nginx.conf" \
        -e "$TRILINK_CLUSTER_RUN/nginx-one/logs/error.log" "$@"
}

echo "== instance 1 (http://127.0.0.1:8181) on a fresh schema" | tee -a "$OUT"
docker/cluster restart 1
warm 1 http://127.0.0.1:8181
echo "== instance 2 (http://127.0.0.1:8182), clustered with instance 1" | tee -a "$OUT"
docker/cluster start >/dev/null
warm 2 http://127.0.0.1:8182
nginx_one
: >"$TRILINK_CLUSTER_RUN/one.txt"; : >"$TRILINK_CLUSTER_RUN/one-lb.txt"; : >"$TRILINK_CLUSTER_RUN/two.txt"
measure() { # which: one, one-lb or two
    case $1 in
    one) load http://127.0.0.1:8181 ;;
    one-lb) load http://127.0.0.1:8191 ;;
    two) : >"$TRILINK_CLUSTER_RUN/nginx/logs/access.log"; load http://127.0.0.1:8190 ;;
    esac | tee -a "$OUT" | grep '^RESULT' | cut -d' ' -f2- >>"$TRILINK_CLUSTER_RUN/$1.txt"
}
# Within a round the configuration measured last was the slowest, whichever it was (2026-12-04,
# intakes/s: straight, one behind nginx, two behind nginx 639, 610, 571 and 632, 611, 534; reversed
# 585, 489, 669), as each measurement adds some 25,000 cases under minutes of unbroken load. Odd
# rounds run in the first order, even rounds in the reverse one, so neither side always comes last.
for round in $(seq 1 "$ROUNDS"); do
    if ((round % 2)); then order="one one-lb two"; else order="two one-lb one"; fi
    echo "== round $round: $order (one: instance 1 straight at :8181; one-lb: instance 1 alone behind nginx at :8191; two: both behind nginx at :8190)" | tee -a "$OUT"
    for which in $order; do
        measure "$which"
    done
done
nginx_one -s quit
one=$(medians "$TRILINK_CLUSTER_RUN/one.txt")
one_lb=$(medians "$TRILINK_CLUSTER_RUN/one-lb.txt")
two=$(medians "$TRILINK_CLUSTER_RUN/two.txt")
rss1=$(rss 1)
rss2=$(rss 2)
# how the last round's requests through both were shared, and each instance's mean answer time as nginx saw it
shares=$(awk '/POST \/api\/v1\/cases/ { for (i = 1; i <= NF; i++) { if ($i ~ /^upstream=/) u = $i; if ($i ~ /^time=/) t = substr($i, 6) }
    n[u]++; s[u] += t } END { for (u in n) printf "%s: %d requests, mean %.0f ms; ", u, n[u], 1000 * s[u] / n[u] }' \
    "$TRILINK_CLUSTER_RUN/nginx/logs/access.log")
echo "nginx shares (last round): $shares" | tee -a "$OUT"
docker/cluster stop

echo "== pgbench baseline: the same inserts, $CLIENTS clients, $SECONDS_RUN s" | tee -a "$OUT"
psql -q -X -v ON_ERROR_STOP=1 \
    -c "create sequence if not exists $TRILINK_CLUSTER_SCHEMA.bench_id_seq start with 1000000000000"
rm -f "$TRILINK_CLUSTER_RUN"/pgbench_log.*
(cd "$TRILINK_CLUSTER_RUN" && PGOPTIONS="-c search_path=$TRILINK_CLUSTER_SCHEMA" \
    pgbench -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -l -f "$OLDPWD/benchmarks/intake/pgbench-intake.sql") \
    | tee -a "$OUT" | grep -E 'tps|latency|failed'
pg_tps=$(grep -o 'tps = [0-9.]*' "$OUT" | tail -1 | cut -d' ' -f3)
# per-transaction latencies (µs, third column) from pgbench's log: p50 p95 p99 in ms
pg_pct=$(cat "$TRILINK_CLUSTER_RUN"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 }
    END { printf "%.1f %.1f %.1f", a[int(NR * 0.50)] / 1000, a[int(NR * 0.95)] / 1000, a[int(NR * 0.99)] / 1000 }')

read -r one_rate one_p50 one_p95 one_p99 one_ok one_err <<<"$one"
read -r lb1_rate lb1_p50 lb1_p95 lb1_p99 lb1_ok lb1_err <<<"$one_lb"
read -r two_rate two_p50 two_p95 two_p99 two_ok two_err <<<"$two"
read -r pg_p50 pg_p95 pg_p99 <<<"$pg_pct"
{
    echo
    echo "| $(date -u +%F), PostgreSQL 15, $CLIENTS clients, medians of $ROUNDS rounds of $SECONDS_RUN s each instance warmed until flat | rate /s | p50 ms | p95 ms | p99 ms | errors | of pgbench |"
    echo "|---|---|---|---|---|---|---|"
    echo "| pgbench, same inserts | $pg_tps | $pg_p50 | $pg_p95 | $pg_p99 | 0 | 100% |"
    echo "| intake API, one instance | $one_rate | $one_p50 | $one_p95 | $one_p99 | $one_err | $(echo "scale=1; 100 * $one_rate / $pg_tps" | bc)% |"
    echo "| intake API, one instance + nginx | $lb1_rate | $lb1_p50 | $lb1_p95 | $lb1_p99 | $lb1_err | $(echo "scale=1; 100 * $lb1_rate / $pg_tps" | bc)% |"
    echo "| intake API, two instances + nginx | $two_rate | $two_p50 | $two_p95 | $two_p99 | $two_err | $(echo "scale=1; 100 * $two_rate / $pg_tps" | bc)% |"
    echo
    echo "two instances / one instance, both behind nginx: $(echo "scale=2; $two_rate / $lb1_rate" | bc) (one instance behind nginx / straight: $(echo "scale=2; $lb1_rate / $one_rate" | bc)); nginx (last round): $shares"
    echo "rounds (rate p50 p95 p99 created errors): straight $(paste -sd'|' "$TRILINK_CLUSTER_RUN/one.txt"); one behind nginx $(paste -sd'|' "$TRILINK_CLUSTER_RUN/one-lb.txt"); two behind nginx $(paste -sd'|' "$TRILINK_CLUSTER_RUN/two.txt")"
    echo "start-up to first application answer: instance 1 $(cat "$TRILINK_CLUSTER_RUN/instance-1.startup-ms") ms (fresh schema: migrations and demo data), instance 2 $(cat "$TRILINK_CLUSTER_RUN/instance-2.startup-ms") ms"
    echo "RSS after the load: ${rss1} MB + ${rss2} MB (-Xmx${TRILINK_CLUSTER_HEAP:-512m} each)"
} | tee -a "$OUT"
