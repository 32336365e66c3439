#!/usr/bin/env bash
# Partner exchange benchmark (issue 4): starts the real WAR in Payara Micro on its own PostgreSQL
# schema, then runs org.trilink.bench.PartnerExchangeBenchmark against it: signed referrals per
# second (closed loop), latency at 50/s (open loop), callback delivery from a backlog, each next to
# a baseline measured in the same run.
# Usage (from the project root, after ./mvnw package -DskipTests and test-compile):
#   flock /tmp/trilink-payara.lock benchmarks/partners/run.sh [threads] [seconds] [backlog]
# PARTS=3 runs the callback delivery part alone (default 123: all three); WAR= deploys another build
# (A/B runs of two builds in one lock hold).
set -euo pipefail
THREADS=${1:-16}
SECONDS_PER_PART=${2:-30}
BACKLOG=${3:-5000}
SCHEMA=${SCHEMA:-trilink_partners_bench}
PORT=${PORT:-18481}
DB=${DB:-test}
export PGPASSWORD=${PGPASSWORD:-postgres}
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=$SCHEMA"
BASE=http://localhost:$PORT

PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -X \
  -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"

# production-like settings: default delivery poll/batch/threads; few demo cases (start-up time)
TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource TRILINK_DB_URL="$JDBC" \
TRILINK_DB_USER=postgres TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA="$SCHEMA" \
TRILINK_DEMO_DATA_CASES=${DEMO_CASES:-200} TRILINK_STATISTICS_SCHEDULE_ENABLED=false \
java -Xmx512m -jar target/runtime/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
  --addlibs target/runtime/postgresql.jar:target/runtime/lib --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
  --deploy "${WAR:-target/trilink.war}" > "${LOG:-/tmp/partners-benchmark-payara.log}" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if curl -sf -u admin:admin-demo "$BASE/api/v1/partners" > /dev/null 2>&1; then break; fi
  sleep 1
done
curl -sf -u admin:admin-demo "$BASE/api/v1/partners" > /dev/null
echo "server up on $BASE, schema $SCHEMA; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

java -Dserver.pid=$SERVER -cp target/test-classes:target/runtime/postgresql.jar org.trilink.bench.PartnerExchangeBenchmark \
  "$BASE" "$JDBC" "$THREADS" "$SECONDS_PER_PART" "$BACKLOG" "${PARTS:-123}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
