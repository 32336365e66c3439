#!/usr/bin/env bash
# Start-up (issue 25): time from process start to the first answered request, and RSS, of
# TriLink on Payara Micro, today's settings (baseline) against the tuned ones, measured
# alternately in one run on an existing database: embedded H2 and PostgreSQL, cluster off and on.
#
#   ./mvnw -B package -DskipTests        # target/trilink.war, target/runtime/*, the CDS archive
#   benchmarks/startup/run.sh [starts per variant, default 5]
#
# Builds nothing. Before the timed starts it makes what is missing: the two databases (one start
# each with demo data: the "new database" figure), and, if the package step could not, the tuned
# variant's Payara root directory and class-data-sharing archive (src/main/payara/prepare-start).
# Each start: poll /health/ready (public, answered by the application once migrations and demo
# data checks are done) and /login every 0.2 s until both answer 200 (ready), then fetch /login; RSS (VmRSS) when ready and after 5
# /login and 5 API calls; CPU seconds (user+sys) of the server process until ready, which the
# other workers' load disturbs less than the wall clock. Prints medians and tuned/baseline ratios.
#
# Settings (environment, with defaults):
#   STARTUP_DBS           h2 postgresql     (databases to measure)
#   STARTUP_CLUSTER       off on            (on: Hazelcast with a cluster name of its own, tcpip, port 16910)
#   STARTUP_PORT          18080             (HTTP; never 8080/8181/8443/8190)
#   STARTUP_RUN           target/startup-bench   (H2 database, logs, results)
#   STARTUP_BASELINE_JAVA -Xmx768m          (today's ./mvnw -Prun; the heap the README run had)
#   STARTUP_TUNED_JAVA    (none)            (JVM options added after src/main/payara/jvm-options, which src/main/payara/start reads)
#   STARTUP_TUNED_ENV     MALLOC_ARENA_MAX=2 (fewer glibc malloc arenas: less RSS)
#   PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD   (127.0.0.1 5432 test postgres postgres); schema trilink_startup
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${1:-5}
RUN=${STARTUP_RUN:-$ROOT/target/startup-bench}
PORT=${STARTUP_PORT:-18080}
HZ_PORT=16910
DBS=${STARTUP_DBS:-h2 postgresql}
CLUSTERS=${STARTUP_CLUSTER:-off on}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test}
export PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
SCHEMA=trilink_startup
MICRO=$ROOT/target/runtime/payara-micro.jar
DRIVER=$ROOT/target/runtime/postgresql.jar
LIBS=$ROOT/target/runtime/lib
WAR=$ROOT/target/trilink.war
POSTBOOT=$ROOT/src/main/payara/post-boot-commands.asadmin
MICRO_ROOT=$ROOT/target/runtime/micro-root
ARCHIVE=$ROOT/target/runtime/trilink.jsa
BASELINE_JAVA=${STARTUP_BASELINE_JAVA:--Xmx768m}
TUNED_JAVA=${STARTUP_TUNED_JAVA:-}
TUNED_ENV=${STARTUP_TUNED_ENV:-MALLOC_ARENA_MAX=2}

for f in "$MICRO" "$DRIVER" "$WAR"; do
    [[ -f $f ]] || { echo "missing $f: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
done
for p in $PORT $HZ_PORT; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
mkdir -p "$RUN/logs"
RESULTS=$RUN/results.tsv
: >"$RESULTS"
say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

db_env() { # $1 database: the environment of the post-boot commands
    case $1 in
    h2) echo "TRILINK_DB_URL=jdbc:h2:$RUN/h2/trilink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000" ;;
    postgresql) echo "TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource" \
        "TRILINK_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
        "TRILINK_DB_USER=$PGUSER TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA=$SCHEMA" ;;
    esac
}

cluster_opts() { # $1 off|on
    if [[ $1 == on ]]; then
        echo "--clustername trilink-startup-bench --clustermode tcpip:127.0.0.1:$HZ_PORT --startport $HZ_PORT --name bench"
    else
        echo "--nocluster"
    fi
}

# One start: prints "ready_ms login_ms cpu_s rss_ready_mb rss_after_mb"
start_once() { # $1 label $2 db $3 cluster $4 variant
    local log=$RUN/logs/$1.log
    local t0 t1 t2 pid cpu rss1 rss2
    t0=$(date +%s%N)
    if [[ $4 == baseline ]]; then
        # shellcheck disable=SC2046,SC2086 # option lists are split into words on purpose
        env $(db_env "$2") TRILINK_DEMO_DATA=true setsid java $BASELINE_JAVA -jar "$MICRO" --addlibs "$DRIVER:$LIBS" \
            $(cluster_opts "$3") --port "$PORT" --contextroot / --postbootcommandfile "$POSTBOOT" --deploy "$WAR" \
            >"$log" 2>&1 </dev/null &
    else
        # as a server starts: src/main/payara/start (its launcher, root directory, archive and options);
        # TUNED_JAVA as JAVA_OPTS, which come after jvm-options and so win
        # shellcheck disable=SC2046,SC2086
        env $(db_env "$2") $TUNED_ENV TRILINK_DEMO_DATA=true JAVA_OPTS="$TUNED_JAVA" setsid \
            src/main/payara/start "$ROOT/target/runtime" "$WAR" $(cluster_opts "$3") --port "$PORT" --contextroot / \
            >"$log" 2>&1 </dev/null &
    fi
    pid=$!
    # ready: /health/ready and the login page both answer 200 (the first request a person makes)
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready") == 200 \
             && $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login") == 200 ]]; do
        if ! kill -0 "$pid" 2>/dev/null; then say "$1 died; see $log"; tail -5 "$log" >&2; return 1; fi
        if (( ($(date +%s%N) - t0) / 1000000000 > 900 )); then say "$1 not ready in 15 min"; kill "$pid"; return 1; fi
        sleep 0.2
    done
    t1=$(date +%s%N)
    cpu=$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$pid/stat")
    curl -s -o /dev/null "http://127.0.0.1:$PORT/login"
    t2=$(date +%s%N)
    rss1=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
    for _ in 1 2 3 4 5; do
        curl -s -o /dev/null "http://127.0.0.1:$PORT/login"
        curl -s -o /dev/null -u police:police-demo "http://127.0.0.1:$PORT/api/v1/cases?size=5"
    done
    rss2=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$(( (t1 - t0) / 1000000 )) $(( (t2 - t0) / 1000000 )) $cpu $rss1 $rss2"
}

say "load average $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)

# The tuned variant's root directory and archive, if the package step did not make them
if [[ ! -s $ARCHIVE || ! -f $ROOT/target/runtime/launch.args || ! -f $MICRO_ROOT/config/domain.xml.pristine ]]; then
    say "making the Payara root directory and CDS archive (src/main/payara/prepare-start)"
    src/main/payara/prepare-start "$ROOT/target/runtime" "$WAR" || say "no archive: the tuned variant runs without one"
fi

# The existing databases: made once, each by one start with demo data (timed as "new database")
for db in $DBS; do
    if [[ $db == postgresql ]]; then
        if psql -qtAc "select 1 from information_schema.schemata where schema_name = '$SCHEMA'" | grep -q 1 \
            && psql -qtAc "select 1 from information_schema.tables where table_schema = '$SCHEMA' and table_name = 'flyway_schema_history'" | grep -q 1; then
            continue
        fi
        psql -q -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA" 2>&1 | grep -v NOTICE || true
    elif [[ -d $RUN/h2 ]]; then
        continue
    fi
    say "$db: new database with demo data (baseline settings, cluster off)"
    read -r ready _ <<<"$(start_once "new-$db" "$db" off baseline)"
    say "$db: new database ready after $((ready / 1000)).$((ready % 1000 / 100)) s"
    printf 'new\t%s\toff\tbaseline\t0\t%s\n' "$db" "$ready" >>"$RESULTS"
done

for i in $(seq 1 "$N"); do
    for db in $DBS; do
        for cluster in $CLUSTERS; do
            # alternate which variant goes first, so that a drift in the machine's load falls on both
            variants="baseline tuned"
            (( i % 2 == 0 )) && variants="tuned baseline"
            for v in $variants; do
                read -r ready login cpu rss1 rss2 <<<"$(start_once "$db-$cluster-$v-$i" "$db" "$cluster" "$v")"
                say "$db cluster $cluster $v #$i: ready $ready ms, /login $login ms, cpu $cpu s, RSS $rss1 / $rss2 MB"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' run "$db" "$cluster" "$v" "$i" "$ready" "$login" \
                    "$cpu" "$rss1" "$rss2" >>"$RESULTS"
            done
        done
    done
done

echo
echo "load average: $LOAD_START at the start, $(cut -d' ' -f1 /proc/loadavg) at the end ($(nproc) cores)"
echo "baseline: $BASELINE_JAVA, payara-micro.jar unpacked to a temporary directory"
echo "tuned:    src/main/payara/start: $TUNED_ENV java $(grep -v "^#" src/main/payara/jvm-options | xargs) $TUNED_JAVA, the archive target/runtime/trilink.jsa, launcher in target/runtime/micro-root (back to its prepared state at every start)"
awk -F'\t' '$1 == "new" { printf "new database with demo data (%s, baseline): ready after %.1f s\n", $2, $6 / 1000 }' "$RESULTS"
echo
awk -F'\t' -v n="$N" '
function median(list,   a, k, m) {
    k = split(list, a, " "); asort(a)
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
$1 == "run" {
    key = $2 " cluster " $3
    if (!(key in seen)) { seen[key] = 1; keys[++nk] = key }
    ready[key, $4] = ready[key, $4] " " $6 / 1000; login[key, $4] = login[key, $4] " " $7 / 1000
    cpu[key, $4] = cpu[key, $4] " " $8; r1[key, $4] = r1[key, $4] " " $9; r2[key, $4] = r2[key, $4] " " $10
}
END {
    printf "medians of %s starts per variant (seconds, MB)\n", n
    printf "%-24s %-9s %8s %8s %8s %10s %10s\n", "database, cluster", "variant", "ready", "/login", "cpu", "RSS ready", "RSS after"
    for (j = 1; j <= nk; j++) {
        key = keys[j]
        for (v = 1; v <= 2; v++) {
            name = v == 1 ? "baseline" : "tuned"
            m[v, 1] = median(ready[key, name]); m[v, 2] = median(login[key, name]); m[v, 3] = median(cpu[key, name])
            m[v, 4] = median(r1[key, name]); m[v, 5] = median(r2[key, name])
            printf "%-24s %-9s %8.1f %8.1f %8.1f %10d %10d\n", key, name, m[v, 1], m[v, 2], m[v, 3], m[v, 4], m[v, 5]
        }
        printf "%-24s %-9s %8.2f %8.2f %8.2f %10.2f %10.2f\n", key, "ratio", m[2, 1] / m[1, 1], m[2, 2] / m[1, 2], \
            m[2, 3] / m[1, 3], m[2, 4] / m[1, 4], m[2, 5] / m[1, 5]
    }
}' "$RESULTS"
echo "(every start: $RESULTS; logs: $RUN/logs/)"
