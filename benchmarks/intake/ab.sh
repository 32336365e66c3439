#!/usr/bin/env bash
# Intake A/B of two builds or two server settings, paired round by round (issue 25):
#   both instances run at once (the JVM options and PostgreSQL pool of one.sh, ports 18381 and
#   18382, a fresh schema each), are warmed in alternating 30 s rounds of intake load until each
#   one's JIT compiler is idle, then measured in ROUNDS pairs of SECONDS each (A then B, B then A,
#   alternately), so that both see the same minutes of this shared machine. pgbench runs the same
#   inserts on A's schema last, as the baseline. Each round prints the rate and the JVM's CPU per
#   intake; the end prints both medians, B's ratio to A and each one's share of pgbench.
# one.sh measures one 45 s window per build after its own warm-up: on this machine a build's rate
# moved by a third between two such runs of the same WAR (docs/benchmarks.md), more than most
# levers. Here the rounds give the spread beside the difference.
# Usage (from the project root, after ./mvnw package):
#   benchmarks/intake/ab.sh [seconds=30] [rounds=6] [clients=16] A.war B.war
# A file A.asadmin beside A.war replaces src/main/payara/post-boot-commands.asadmin for A (so a
# server setting is measured with one WAR twice); likewise for B.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-30}
ROUNDS=${2:-6}
CLIENTS=${3:-16}
WARS=("${4:?A.war}" "${5:?B.war}")
WARMUP=${WARMUP:-330}
WARM_MIN=${WARM_MIN:-150}
WARM_JIT=${WARM_JIT:-0.03}
NAMES=(A B)
PORTS=(18381 18382)
SCHEMAS=(trilink_intake_a trilink_intake_b)
RUN=${RUN:-$PWD/target/intake-ab}
# shellcheck source=benchmarks/intake/common.sh
. benchmarks/intake/common.sh
mkdir -p "$RUN"
OUT=$RUN/results.txt
: >"$OUT"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; true' EXIT
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

for i in 0 1; do
    war=${WARS[$i]}
    postboot=$(postboot_for "$war")
    say "== ${NAMES[$i]}: $war ($postboot), port ${PORTS[$i]}, schema ${SCHEMAS[$i]}"
    PGOPTIONS='--client-min-messages=warning' psql -q -X -v ON_ERROR_STOP=1 \
        -c "drop schema if exists ${SCHEMAS[$i]} cascade" -c "create schema ${SCHEMAS[$i]}"
    TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource \
    TRILINK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=${SCHEMAS[$i]}" \
    TRILINK_DB_USER=$PGUSER TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA=${SCHEMAS[$i]} \
    TRILINK_DB_POOL_SIZE=24 TRILINK_INSTANCE_NAME=trilink-ab$i TRILINK_SECURITY_HTTPS=true \
    TRILINK_SECURITY_TRUSTED_PROXIES=127.0.0.1 TRILINK_STATISTICS_SCHEDULE_ENABLED=false MALLOC_ARENA_MAX=2 \
    setsid nohup java $(grep -v '^#' src/main/payara/jvm-options | xargs) -jar "$MICRO" --nocluster \
        --name "trilink-ab$i" --port "${PORTS[$i]}" --contextroot / --addlibs "$(libs_for "$war")" \
        --postbootcommandfile "$postboot" --deploy "$war" \
        >"$RUN/instance-$i.log" 2>&1 </dev/null &
    PIDS[$i]=$!
    # one at a time: two starts together would each take twice as long and prove nothing
    for _ in $(seq 1 400); do
        kill -0 "${PIDS[$i]}" 2>/dev/null || { tail -20 "$RUN/instance-$i.log"; exit 1; }
        [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORTS[$i]}/login") == 200 ]] && break
        sleep 1
    done
done

# one round of load on instance $1 for $2 seconds: prints "rate cpu-ms-per-intake p50 p95 errors"
round() {
    local i=$1 seconds=$2 t0 t1 result
    t0=$(awk '{ print $14 + $15 }' "/proc/${PIDS[$i]}/stat")
    result=$(wrk -t2 -c"$CLIENTS" -d"${seconds}s" -s "$LUA" "http://127.0.0.1:${PORTS[$i]}/api/v1/cases" | grep '^RESULT')
    t1=$(awk '{ print $14 + $15 }' "/proc/${PIDS[$i]}/stat")
    # RESULT rate p50 p95 p99 created errors
    echo "$result" | awk -v t="$((t1 - t0))" '{ printf "%s %.2f %s %s %s\n", $2, ($6 > 0 ? 10 * t / $6 : 0), $3, $4, $7 }'
}

last=(0 0) done_=(0 0) t=0
while ((t < WARMUP)) && ! ((done_[0] && done_[1])); do
    t=$((t + 30))
    for i in 0 1; do
        ((done_[i])) && continue
        j0=$(jit_ticks "${PIDS[$i]}")
        read -r rate _ < <(round "$i" 30)
        j1=$(jit_ticks "${PIDS[$i]}")
        jit=$(echo "scale=2; ($j1 - $j0) / 3000" | bc)
        say "  warm ${t} s ${NAMES[$i]}: $rate intakes/s, JIT $jit cores"
        if ((t >= WARM_MIN)) && (($(echo "$jit < $WARM_JIT && $rate >= 0.93 * ${last[$i]} && $rate <= 1.07 * ${last[$i]}" | bc))); then
            done_[$i]=1
        fi
        last[$i]=$rate
    done
done

say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$RUN/rounds-0.txt"; : >"$RUN/rounds-1.txt"
for r in $(seq 1 "$ROUNDS"); do
    order="0 1"; ((r % 2 == 0)) && order="1 0"
    for i in $order; do
        line=$(round "$i" "$SECONDS_RUN")
        echo "$line" >>"$RUN/rounds-$i.txt"
        say "  round $r ${NAMES[$i]}: rate cpu-ms/intake p50 p95 errors = $line"
    done
done
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
PIDS=()

say "pgbench: $CLIENTS clients, $((2 * SECONDS_RUN)) s, on A's schema"
psql -q -X -v ON_ERROR_STOP=1 -c "create sequence if not exists ${SCHEMAS[0]}.bench_id_seq start with 1000000000000"
PGOPTIONS="-c search_path=${SCHEMAS[0]}" pgbench -n -c "$CLIENTS" -j 2 -T "$((2 * SECONDS_RUN))" \
    -f benchmarks/intake/pgbench-intake.sql >"$RUN/pgbench.txt" 2>&1
tps=$(grep -o 'tps = [0-9.]*' "$RUN/pgbench.txt" | tail -1 | cut -d' ' -f3)

ra=$(cut -d' ' -f1 "$RUN/rounds-0.txt" | median) rb=$(cut -d' ' -f1 "$RUN/rounds-1.txt" | median)
ca=$(cut -d' ' -f2 "$RUN/rounds-0.txt" | median) cb=$(cut -d' ' -f2 "$RUN/rounds-1.txt" | median)
# B against A within each round: the machine's drift between rounds cancels
ratios=$(paste -d' ' "$RUN/rounds-0.txt" "$RUN/rounds-1.txt" | awk '{ printf "%.3f %.3f\n", $6 / $1, $7 / $2 }')
say "== B/A per round (rate, CPU per intake): $(echo "$ratios" | tr '\n' ';' | sed 's/;$//')"
pr=$(echo "$ratios" | cut -d' ' -f1 | median) pc=$(echo "$ratios" | cut -d' ' -f2 | median)
say "== medians of $ROUNDS rounds: A $ra intakes/s, $ca ms CPU per intake; B $rb intakes/s, $cb ms"
echo "FIGURES A $(basename "${WARS[0]}") $ra/s cpu $ca ms share $(echo "scale=1; 100 * $ra / $tps" | bc)%" \
    "B $(basename "${WARS[1]}") $rb/s cpu $cb ms share $(echo "scale=1; 100 * $rb / $tps" | bc)%" \
    "B/A rate $(echo "scale=3; $rb / $ra" | bc) cpu $(echo "scale=3; $cb / $ca" | bc)" \
    "median of round ratios: rate $pr cpu $pc pgbench $tps" | tee -a "$OUT"
