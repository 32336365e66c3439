#!/usr/bin/env bash
# Intake benchmark of one instance (issue 25), builds A/B in one run, against pgbench:
#   for each WAR given, in order: a fresh schema, one Payara Micro instance (the JVM options and
#   PostgreSQL pool of docker/cluster, but --nocluster and port 18381, so that it joins no cluster
#   and takes no port of one running on this machine), warmed with the intake load in 30 s rounds
#   until its JIT compiler is idle and its rate flat (as run.sh), then SECONDS of intake load
#   (wrk, benchmarks/intake/intake.lua, CLIENTS connections), then stopped, and pgbench running the
#   same inserts (pgbench-intake.sql) on that schema for SECONDS with CLIENTS clients: on this
#   shared machine the load of other work changes within minutes, so each build has its own baseline.
# Usage (from the project root):
#   benchmarks/intake/one.sh [seconds=45] [clients=16] A.war [B.war ...]
# A WAR's own Payara post-boot commands, to measure a server setting A/B with the same WAR: a file
# A.asadmin beside A.war is used instead of src/main/payara/post-boot-commands.asadmin.
# PROFILE=1 records 30 s of JFR (default settings) on each instance after its measurement, into
# the run directory; TABLES=1 prints the schema's table counters per intake (pg_stat_user_tables).
# The last lines are the figures, a FIGURES line per WAR: the intake's rate p50 p95 p99 created
# errors, pgbench's tps p50 p95 p99 right after it, the intake's share of pgbench's rate, the JVM's
# CPU time per intake (ms; the load of other work moves it far less than the rate) and the load
# average before the measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-45}
CLIENTS=${2:-16}
shift 2
WARS=("$@")
WARMUP=${WARMUP:-360}
WARM_MIN=${WARM_MIN:-120}
WARM_JIT=${WARM_JIT:-0.03}
PORT=${PORT:-18381}
SCHEMA=${SCHEMA:-trilink_intake_one}
RUN=${RUN:-$PWD/target/intake-one}
# shellcheck source=benchmarks/intake/common.sh
. benchmarks/intake/common.sh
mkdir -p "$RUN"
OUT=$RUN/results.txt
: >"$OUT"; : >"$RUN/summary.txt"
PID=
trap '[[ -n $PID ]] && kill "$PID" 2>/dev/null; true' EXIT
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT"; }
for war in "${WARS[@]}"; do
    postboot=$(postboot_for "$war")
    say "== $war ($postboot)"
    PGOPTIONS='--client-min-messages=warning' psql -q -X -v ON_ERROR_STOP=1 \
        -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"
    t0=$(date +%s)
    TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource \
    TRILINK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
    TRILINK_DB_USER=$PGUSER TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA=$SCHEMA \
    TRILINK_DB_POOL_SIZE=24 TRILINK_INSTANCE_NAME=trilink-ab TRILINK_SECURITY_HTTPS=true \
    TRILINK_SECURITY_TRUSTED_PROXIES=127.0.0.1 TRILINK_STATISTICS_SCHEDULE_ENABLED=false MALLOC_ARENA_MAX=2 \
    setsid nohup java $(grep -v '^#' src/main/payara/jvm-options | xargs) -jar "$MICRO" --nocluster \
        --name trilink-ab --port "$PORT" --contextroot / --addlibs "$(libs_for "$war")" \
        --postbootcommandfile "$postboot" --deploy "$war" \
        >"$RUN/instance.log" 2>&1 </dev/null &
    PID=$!
    for _ in $(seq 1 400); do
        kill -0 "$PID" 2>/dev/null || { tail -20 "$RUN/instance.log"; exit 1; }
        [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login") == 200 ]] && break
        sleep 1
    done
    say "answers after $(($(date +%s) - t0)) s"
    t=0 last=0
    while ((t < WARMUP)); do
        before=$(jit_ticks "$PID")
        rate=$(wrk -t2 -c"$CLIENTS" -d30s -s "$LUA" "http://127.0.0.1:$PORT/api/v1/cases" | awk '/^RESULT/ { print $2 }')
        after=$(jit_ticks "$PID")
        t=$((t + 30))
        jit=$(echo "scale=2; ($after - $before) / 3000" | bc)
        say "  warm ${t} s: $rate intakes/s, JIT $jit cores"
        if ((t >= WARM_MIN)) && (($(echo "$jit < $WARM_JIT && $rate >= 0.95 * $last && $rate <= 1.05 * $last" | bc))); then
            break
        fi
        last=$rate
    done
    if [[ ${TABLES:-} ]]; then
        psql -q -X -At -c "select relname, n_tup_ins, n_tup_upd, idx_scan, seq_scan from pg_stat_user_tables where schemaname = '$SCHEMA'" >"$RUN/tables-before.txt"
    fi
    loadb=$(cut -d' ' -f1-3 /proc/loadavg)
    say "load average before: $loadb"
    ticks0=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
    wrk -t2 -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s "$LUA" "http://127.0.0.1:$PORT/api/v1/cases" >"$RUN/wrk.txt"
    ticks1=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
    say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    grep -E 'Latency|Requests/sec|RESULT' "$RUN/wrk.txt" | tee -a "$OUT"
        if [[ ${TABLES:-} ]]; then
        created=$(grep '^RESULT' "$RUN/wrk.txt" | cut -d' ' -f6)
        psql -q -X -At -c "select relname, n_tup_ins, n_tup_upd, idx_scan, seq_scan from pg_stat_user_tables where schemaname = '$SCHEMA'" >"$RUN/tables-after.txt"
        say "per intake (inserts updates idx_scans seq_scans), $created intakes:"
        join -t'|' <(sort "$RUN/tables-before.txt") <(sort "$RUN/tables-after.txt") | awk -F'|' -v n="$created" \
            '{ i = ($6 - $2) / n; u = ($7 - $3) / n; x = ($8 - $4) / n; s = ($9 - $5) / n
               if (i + u + x + s > 0.005) printf "  %-28s %.2f %.2f %.2f %.2f\n", $1, i, u, x, s }' | tee -a "$OUT"
    fi
    if [[ ${PROFILE:-} ]]; then
        jcmd "$PID" JFR.start name=ab settings=default duration=30s filename="$RUN/$(basename "$war" .war).jfr" >/dev/null
        wrk -t2 -c"$CLIENTS" -d30s -s "$LUA" "http://127.0.0.1:$PORT/api/v1/cases" | grep RESULT | tee -a "$OUT"
        sleep 3
    fi
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=
    say "pgbench: $CLIENTS clients, $SECONDS_RUN s, on the schema just measured"
    psql -q -X -v ON_ERROR_STOP=1 -c "create sequence if not exists $SCHEMA.bench_id_seq start with 1000000000000"
    rm -f "$RUN"/pgbench_log.*
    (cd "$RUN" && PGOPTIONS="-c search_path=$SCHEMA" pgbench -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -l \
        -f "$OLDPWD/benchmarks/intake/pgbench-intake.sql") >"$RUN/pgbench.txt" 2>&1
    say "load average after pgbench: $(cut -d' ' -f1-3 /proc/loadavg)"
    tps=$(grep -o 'tps = [0-9.]*' "$RUN/pgbench.txt" | tail -1 | cut -d' ' -f3)
    pct=$(cat "$RUN"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 }
        END { printf "%.1f %.1f %.1f", a[int(NR * 0.50)] / 1000, a[int(NR * 0.95)] / 1000, a[int(NR * 0.99)] / 1000 }')
    rate=$(grep '^RESULT' "$RUN/wrk.txt" | cut -d' ' -f2)
    created=$(grep '^RESULT' "$RUN/wrk.txt" | cut -d' ' -f6)
    # the JVM's CPU (user + system, all its threads) per intake created during the measurement
    cpu=$(echo "scale=2; 10 * ($ticks1 - $ticks0) / $created" | bc)
    echo "FIGURES $(basename "$war") intake $(grep '^RESULT' "$RUN/wrk.txt" | cut -d' ' -f2-) pgbench $tps $pct share $(echo "scale=1; 100 * $rate / $tps" | bc)% jvm-cpu-ms/intake $cpu load $loadb" >>"$RUN/summary.txt"
done
say "== figures (intake: rate p50 p95 p99 created errors; pgbench: tps p50 p95 p99)"
tee -a "$OUT" <"$RUN/summary.txt"
