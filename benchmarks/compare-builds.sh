#!/usr/bin/env bash
# Two builds, the same data, the same answers? (issue 19: "for the same data, the partner
# contract's answers and callbacks, the API's answers and every statistics figure are identical
# before and after"). On PostgreSQL:
#   1. schema trilink_compare_a made afresh; OLD_WAR started on it once, which migrates it and
#      loads the demo data (DEMO_CASES cases, default 400); stopped
#   2. the schema copied to trilink_compare_b (pg_dump | sed | psql): the same rows and the same
#      sequence values, so both builds hand out the same ids and case numbers
#   3. the same scenario (org.trilink.bench.BuildComparison, see its comment) run against OLD_WAR
#      on schema a, then against NEW_WAR on schema b, which migrates its copy first (V17 converts
#      the history's detail to typed JSON): the history and detail of a fixed set of about 50
#      cases (every kind of demo event among them, see CASES below), three case lists, statistics
#      runs over fixed past periods (figures, report sentences in both languages, CSV, drill-downs),
#      a partner exchange with demo-police (three signed referrals and the contract's other answers,
#      accepted / rejected / taken through mediation to an outcome by the receiving office, the
#      callbacks caught by a receiver in the client), then statistics over this year to today,
#      which count the exchange's cases with the facts each build kept while they moved
#   4. the two transcripts compared line by line: "IDENTICAL" and the counts, exit 0; or the diff,
#      exit 1
# Normalised before comparing (BuildComparison says how): the history's added fields `change` and
# `backfilled`; random UUIDs (statistics run ids, partner referral ids, and callback event ids,
# which are derived from the referral id; the client checks that derivation); and values that
# depend on the wall clock, because the two runs happen minutes apart: date-times at or after the
# run's start (when a move, a referral or a callback happened, deadlines counted from now) and
# dates from today on (a follow-up due 30 days after an outcome recorded today). Dates inside
# words (e.g. "follow-up due 2027-01-05" in a history detail) are not masked: both runs must fall
# on the same day in Asia/Shanghai, and the transcripts name that day, so a run across midnight
# shows as a difference rather than passing unnoticed. Everything else is compared as answered.
#
# Usage (from the project root, after ./mvnw -B package -DskipTests and ./mvnw -B test-compile;
# holds the Payara lock itself while a server runs):
#   benchmarks/compare-builds.sh OLD_WAR NEW_WAR
# e.g. with worktrees of the two commits:
#   benchmarks/compare-builds.sh /work/wt-old/target/trilink.war /work/wt-new/target/trilink.war
# Settings: PORT (18491) for the server, CALLBACK_PORT (18492) for the partner's receiver,
# DEMO_CASES (400), CASES=all to compare every case instead of the fixed set, OUT (target/compare-builds).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ne 2 ]]; then
    echo "usage: $0 OLD_WAR NEW_WAR" >&2
    exit 2
fi
OLD_WAR=$(realpath "$1")
NEW_WAR=$(realpath "$2")
for f in "$OLD_WAR" "$NEW_WAR" target/runtime/payara-micro.jar target/runtime/postgresql.jar \
    target/test-classes/org/trilink/bench/BuildComparison.class; do
    [[ -f $f ]] || { echo "missing $f (./mvnw -B package -DskipTests && ./mvnw -B test-compile)" >&2; exit 2; }
done
if [[ -z ${TRILINK_LOCKED:-} ]]; then
    echo "waiting for /tmp/trilink-payara.lock"
    exec env TRILINK_LOCKED=1 flock /tmp/trilink-payara.lock "$0" "$@"
fi

PORT=${PORT:-18491}
CALLBACK_PORT=${CALLBACK_PORT:-18492}
DEMO_CASES=${DEMO_CASES:-400}
OUT=${OUT:-target/compare-builds}
A=trilink_compare_a
B=trilink_compare_b
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test}
export PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGOPTIONS=${PGOPTIONS:---client-min-messages=warning}
BASE=http://localhost:$PORT
mkdir -p "$OUT"
SERVER=
trap '[[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null || true' EXIT
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
sql() { psql -q -X -v ON_ERROR_STOP=1 "$@"; }

# starts a WAR on a schema (as benchmarks/partners/run.sh does) and waits until the API answers;
# the demo partner's callbacks go to the client's receiver, retried within seconds (the
# integration tests' delivery settings, pom.xml), the monthly statistics schedule is off
start() { # war schema log
    TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource \
    TRILINK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$2" \
    TRILINK_DB_USER=$PGUSER TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA=$2 \
    TRILINK_DEMO_DATA=true TRILINK_DEMO_DATA_CASES=$DEMO_CASES TRILINK_STATISTICS_SCHEDULE_ENABLED=false \
    TRILINK_PARTNERS_DEMO_CALLBACK_URL=http://127.0.0.1:$CALLBACK_PORT/callbacks \
    TRILINK_PARTNERS_DELIVERY_POLL=PT0.2S TRILINK_PARTNERS_DELIVERY_FIRST_RETRY=PT0.3S \
    TRILINK_PARTNERS_DELIVERY_MAX_RETRY=PT1S TRILINK_PARTNERS_DELIVERY_GIVE_UP_AFTER=PT10M \
    TRILINK_PARTNERS_DELIVERY_TIMEOUT=PT3S \
    java -Xmx512m -jar target/runtime/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
        --addlibs target/runtime/postgresql.jar:target/runtime/lib --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
        --deploy "$1" >"$3" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do
        if curl -sf -u admin:admin-demo "$BASE/api/v1/partners" >/dev/null 2>&1; then
            say "$(basename "$1") up on schema $2 (log $3)"
            return
        fi
        kill -0 "$SERVER" 2>/dev/null || { echo "the server died; see $3" >&2; tail -20 "$3" >&2; exit 2; }
        sleep 1
    done
    echo "the server did not answer within 10 minutes; see $3" >&2
    exit 2
}
stop() {
    kill "$SERVER"
    for _ in $(seq 1 120); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER" 2>/dev/null && kill -KILL "$SERVER"
    wait "$SERVER" 2>/dev/null || true
    SERVER=
}

say "1. schema $A: $(basename "$OLD_WAR") migrates it and loads $DEMO_CASES demo cases"
sql -c "drop schema if exists $A cascade" -c "drop schema if exists $B cascade" -c "create schema $A"
start "$OLD_WAR" "$A" "$OUT/load.log"
stop
say "   $(sql -Atc "select count(*) || ' cases, ' || (select count(*) from $A.case_event) || ' events' from $A.dispute_case")"

say "2. schema $A copied to $B"
pg_dump -n "$A" --no-owner | sed "s/\b$A\b/$B/g" | sql -o /dev/null
say "   $(sql -Atc "select count(*) || ' cases, ' || (select count(*) from $B.case_event) || ' events' from $B.dispute_case")"

# the fixed set: the first three cases of every kind of event in the demo data, and every
# twelfth case by id (about 50 of 400); CASES=all takes every case
if [[ ${CASES:-} == all ]]; then
    sql -Atc "select case_number from $A.dispute_case order by id" >"$OUT/cases.txt"
else
    sql -Atc "with per_type as (select case_id, row_number() over (partition by type order by case_id) rn
                  from $A.case_event),
              numbered as (select id, row_number() over (order by id) rn from $A.dispute_case),
              picked as (select case_id from per_type where rn <= 3 union select id from numbered where rn % 12 = 1)
              select c.case_number from $A.dispute_case c join picked p on p.case_id = c.id order by c.id" \
        >"$OUT/cases.txt"
fi
say "   $(wc -l <"$OUT/cases.txt") cases in the set ($OUT/cases.txt)"

run() { # label war schema
    start "$2" "$3" "$OUT/$1.log"
    say "   scenario against $1 ($(basename "$2"), schema $3, Flyway at V$(sql -Atc \
        "select max(version::int) from $3.flyway_schema_history where success"))"
    {
        echo "# BuildComparison transcript; today (Asia/Shanghai) $(TZ=Asia/Shanghai date +%F)"
        java -cp target/test-classes org.trilink.bench.BuildComparison "$BASE" "$OUT/$1.txt" "$OUT/cases.txt" \
            "$CALLBACK_PORT"
    } >"$OUT/$1.out"
    stop
    say "   $1: $(tail -1 "$OUT/$1.out")"
}
say "3. the scenario, old build on $A, then new build on $B"
run old "$OLD_WAR" "$A"
run new "$NEW_WAR" "$B"

say "4. comparison"
read -r -a old_counts <"$OUT/old.txt.counts"
read -r -a new_counts <"$OUT/new.txt.counts"
if diff -u --label "old ($(basename "$OLD_WAR"), $A)" --label "new ($(basename "$NEW_WAR"), $B)" \
    <(head -1 "$OUT/old.out"; cat "$OUT/old.txt") <(head -1 "$OUT/new.out"; cat "$OUT/new.txt") >"$OUT/diff.txt"; then
    echo "IDENTICAL: ${old_counts[*]}"
    echo "(answers: HTTP answers compared; events: history events of $(wc -l <"$OUT/cases.txt") + 3 cases;" \
        "figures: statistics figures of 10 runs; callbacks: partner callbacks; masked: clock-dependent values)"
    exit 0
fi
echo "DIFFERENT: old ${old_counts[*]}, new ${new_counts[*]}; $(grep -c '^[-+][^-+]' "$OUT/diff.txt") lines differ" \
    "($OUT/diff.txt; transcripts $OUT/old.txt and $OUT/new.txt)"
cat "$OUT/diff.txt"
exit 1
