#!/usr/bin/env bash
# Compares builds of the statistics job on the same data in one sitting (issue 5): for each round
# and each WAR, starts the WAR on the schema (heap capped at 512 MB), then JOBS times times the
# hand-written headline SQL and the job over 2019, and prints one line per job. The machine is
# noisy, so builds alternate and each job has its baseline measured just before it; compare the
# medians. The schema must hold generated cases (benchmarks/statistics/run.sh makes them).
# Usage (from the project root): SCHEMA=trilink_stat10m benchmarks/statistics/compare.sh old.war target/trilink.war
# ROUNDS (default 2) and JOBS (default 3) per server start; TRILINK_STATISTICS_THREADS passes through.
set -euo pipefail
SCHEMA=${SCHEMA:-trilink_statistics_bench}
PORT=${PORT:-18480}
DB=${DB:-test}
ROUNDS=${ROUNDS:-2}
JOBS=${JOBS:-3}
export PGPASSWORD=${PGPASSWORD:-postgres}
BASE=http://localhost:$PORT
[ $# -ge 1 ] || { echo "usage: $0 war [war ...]" >&2; exit 2; }
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null || true' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for war in "$@"; do
    TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource \
    TRILINK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=$SCHEMA" \
    TRILINK_DB_USER=postgres TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA="$SCHEMA" \
    TRILINK_STATISTICS_SCHEDULE_ENABLED=false \
    java -Xmx512m -jar target/runtime/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
      --addlibs target/runtime/postgresql.jar --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
      --deploy "$war" > /tmp/statistics-compare-payara.log 2>&1 &
    SERVER=$!
    for _ in $(seq 1 900); do
      if curl -sf -u drafter:drafter-demo "$BASE/api/v1/regions" > /dev/null 2>&1; then break; fi
      sleep 1
    done
    for job in $(seq 1 "$JOBS"); do
      hs=$(date +%s.%N)
      psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -t -A -v schema="$SCHEMA" -f benchmarks/statistics/headline.sql > /dev/null
      he=$(date +%s.%N)
      s=$(date +%s.%N)
      run=$(curl -sf -u drafter:drafter-demo -H 'Content-Type: application/json' \
        -d '{"matterKind":"PEOPLES_MEDIATION","from":"2019-01-01","to":"2019-12-31"}' "$BASE/api/v1/statistics/runs" | jq -r .runId)
      while true; do
        status=$(curl -sf -u drafter:drafter-demo "$BASE/api/v1/statistics/runs/$run" | jq -r .status)
        case $status in COMPLETED|FAILED|STOPPED) break;; esac
        sleep 0.2
      done
      e=$(date +%s.%N)
      figures=$(curl -sf -u drafter:drafter-demo "$BASE/api/v1/statistics/runs/$run" \
        | jq -c '[.figures[]? | select(.metric=="accepted" or .metric=="succeeded") | .value]')
      printf '%s round %d job %d %s: hand SQL %.2f s  job %.2f s  ratio %.1f  accepted, succeeded %s\n' \
        "$war" "$round" "$job" "$status" "$(echo "$he - $hs" | bc)" "$(echo "$e - $s" | bc)" \
        "$(echo "($e - $s) / ($he - $hs)" | bc -l)" "$figures"
    done
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  done
done
