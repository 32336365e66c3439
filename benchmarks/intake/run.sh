#!/usr/bin/env bash
# Intake benchmark (issue 8), on PostgreSQL, in one run:
#   1. one instance: case intake over the REST API from 16 concurrent clients, straight at :8181
#   2. the same instance alone behind nginx (:8190, an upstream of one), so that "two instances
#      behind nginx" below is compared with one behind the same proxy
#   3. instance 2 started and clustered with 1, straight at :8182
#   4. two clustered instances behind nginx (docker/cluster), the same load at :8190
#   5. baseline: pgbench running the same inserts as one intake (pgbench-intake.sql), 16 clients
# The load generator is wrk (C, benchmarks/intake/intake.lua), as pgbench's client is C: on these
# two shared cores a JVM client took a third of a core at 50 requests/s, from the server measured.
# Prints rates, the ratio intake/pgbench, latency percentiles, start-up time and RSS per instance.
# Usage (from the project root, after ./mvnw -B package -DskipTests; holds the Payara lock itself):
#   benchmarks/intake/run.sh [seconds=60] [clients=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-60}
CLIENTS=${2:-16}
# a fresh instance compiles (JIT) for minutes under this load on two cores: 30 s rounds after a
# fresh start went 164, 253, 273, 276, 279, 323, 334, 435, 356, 429 intakes/s (2026-12-04), and
# an instance warmed for 60 s answered 1.6 times as fast in the next phase as in the first one.
# Measure the steady state a running server has, after three minutes.
WARMUP=${WARMUP:-180}
export TRILINK_CLUSTER_SCHEMA=${TRILINK_CLUSTER_SCHEMA:-trilink_intake_bench}
export TRILINK_CLUSTER_RUN=${TRILINK_CLUSTER_RUN:-$PWD/target/intake-bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test}
export PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
# the monthly statistics schedule and demo case volume are not what is measured
export TRILINK_STATISTICS_SCHEDULE_ENABLED=false
LUA=$PWD/benchmarks/intake/intake.lua
OUT=$TRILINK_CLUSTER_RUN/results.txt

if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

if [[ -z ${TRILINK_LOCKED:-} ]]; then
    exec env TRILINK_LOCKED=1 flock /tmp/trilink-payara.lock "$0" "$@"
fi
trap 'nginx_one -s quit 2>/dev/null || true; docker/cluster stop || true' EXIT

psql -q -X -v ON_ERROR_STOP=1 -c "drop schema if exists $TRILINK_CLUSTER_SCHEMA cascade" \
    -c "create schema $TRILINK_CLUSTER_SCHEMA" 2>&1 | grep -v NOTICE || true
mkdir -p "$TRILINK_CLUSTER_RUN"
: >"$OUT"
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$(cat "$TRILINK_CLUSTER_RUN/instance-$1.pid")/status"; }
result() { grep '^RESULT' | tail -1 | cut -d' ' -f2-; }
# intake load at a base URL: $2 seconds of warm-up not counted (WARMUP for a fresh instance, 30 s
# where every instance behind the URL has been warmed already), then SECONDS_RUN measured; two wrk
# threads carry the clients (two cores here)
load() {
    wrk -t2 -c"$CLIENTS" -d"${2}s" -s "$LUA" "$1/api/v1/cases" >/dev/null
    echo "intake $1: $CLIENTS clients, $SECONDS_RUN s after $2 s of warm-up"
    wrk -t2 -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s "$LUA" "$1/api/v1/cases"
}
# nginx with the cluster's configuration, but instance 1 its only upstream
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
         { print }' docker/nginx-cluster.conf >"$TRILINK_CLUSTER_RUN/nginx-one/nginx.conf"
    "$nginx" -p "$TRILINK_CLUSTER_RUN/nginx-one" -c "$TRILINK_CLUSTER_RUN/nginx-one/nginx.conf" \
        -e "$TRILINK_CLUSTER_RUN/nginx-one/logs/error.log" "$@"
}

echo "== one instance (http://127.0.0.1:8181), $CLIENTS clients, $SECONDS_RUN s" | tee -a "$OUT"
docker/cluster restart 1
one=$(load http://127.0.0.1:8181 "$WARMUP" | tee -a "$OUT" | result)
rss1_one=$(rss 1)

echo "== one instance behind nginx (http://127.0.0.1:8190, upstream instance 1 only), $CLIENTS clients, $SECONDS_RUN s" | tee -a "$OUT"
nginx_one
one_lb=$(load http://127.0.0.1:8190 30 | tee -a "$OUT" | result)
nginx_one -s quit
while [[ -f $TRILINK_CLUSTER_RUN/nginx-one/nginx.pid ]]; do sleep 0.2; done

echo "== instance 2 alone (http://127.0.0.1:8182, clustered with instance 1), $CLIENTS clients, $SECONDS_RUN s" | tee -a "$OUT"
docker/cluster start >/dev/null
# instance 2 gets a phase alone, as instance 1 had (its JIT warms up as instance 1's did), and
# this shows what a cluster member alone does compared with phase 1
solo2=$(load http://127.0.0.1:8182 "$WARMUP" | tee -a "$OUT" | result)

echo "== two instances behind nginx (http://127.0.0.1:8190), $CLIENTS clients, $SECONDS_RUN s" | tee -a "$OUT"
two=$(load http://127.0.0.1:8190 30 | tee -a "$OUT" | result)
rss1=$(rss 1)
rss2=$(rss 2)
# how the requests were shared, and each instance's mean answer time as nginx saw it
shares=$(awk '/POST \/api\/v1\/cases/ { for (i = 1; i <= NF; i++) { if ($i ~ /^upstream=/) u = $i; if ($i ~ /^time=/) t = substr($i, 6) }
    n[u]++; s[u] += t } END { for (u in n) printf "%s: %d requests, mean %.0f ms; ", u, n[u], 1000 * s[u] / n[u] }' \
    "$TRILINK_CLUSTER_RUN/nginx/logs/access.log")
echo "nginx shares: $shares" | tee -a "$OUT"
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
read -r solo2_rate solo2_p50 solo2_p95 solo2_p99 solo2_ok solo2_err <<<"$solo2"
read -r pg_p50 pg_p95 pg_p99 <<<"$pg_pct"
{
    echo
    echo "| $(date -u +%F), PostgreSQL 15, $CLIENTS clients, $SECONDS_RUN s | rate /s | p50 ms | p95 ms | p99 ms | errors | of pgbench |"
    echo "|---|---|---|---|---|---|---|"
    echo "| pgbench, same inserts | $pg_tps | $pg_p50 | $pg_p95 | $pg_p99 | 0 | 100% |"
    echo "| intake API, one instance | $one_rate | $one_p50 | $one_p95 | $one_p99 | $one_err | $(echo "scale=1; 100 * $one_rate / $pg_tps" | bc)% |"
    echo "| intake API, one instance + nginx | $lb1_rate | $lb1_p50 | $lb1_p95 | $lb1_p99 | $lb1_err | $(echo "scale=1; 100 * $lb1_rate / $pg_tps" | bc)% |"
    echo "| intake API, instance 2 alone (clustered) | $solo2_rate | $solo2_p50 | $solo2_p95 | $solo2_p99 | $solo2_err | $(echo "scale=1; 100 * $solo2_rate / $pg_tps" | bc)% |"
    echo "| intake API, two instances + nginx | $two_rate | $two_p50 | $two_p95 | $two_p99 | $two_err | $(echo "scale=1; 100 * $two_rate / $pg_tps" | bc)% |"
    echo
    echo "two instances / one instance, both behind nginx: $(echo "scale=2; $two_rate / $lb1_rate" | bc) (one instance behind nginx / straight: $(echo "scale=2; $lb1_rate / $one_rate" | bc)); nginx: $shares"
    echo "start-up to first application answer: instance 1 $(cat "$TRILINK_CLUSTER_RUN/instance-1.startup-ms") ms (fresh schema: migrations and demo data), instance 2 $(cat "$TRILINK_CLUSTER_RUN/instance-2.startup-ms") ms"
    echo "RSS after load: one instance ${rss1_one} MB; two instances ${rss1} MB + ${rss2} MB (-Xmx${TRILINK_CLUSTER_HEAP:-512m} each)"
} | tee -a "$OUT"
