#!/usr/bin/env bash
# A statistics run whose server is killed with kill -9 mid-job (issue 5): starts the real WAR in
# Payara Micro on a PostgreSQL schema holding generated cases, starts a run over the API, waits
# until part of it is committed, kill -9s the server, starts it again (start-up must mark the
# execution it left STARTED as FAILED), restarts the run over the API, and compares its figures
# and a drill-down with those of a clean run of the same parameters on the same server.
# Usage (from the project root, after ./mvnw package): benchmarks/statistics/kill9.sh [N]
# The schema of benchmarks/statistics/run.sh is reused when it already holds cases; otherwise
# N cases (default 1,000,000) are generated into it first.
set -euo pipefail
N=${1:-1000000}
SCHEMA=${SCHEMA:-trilink_statistics_bench}
PORT=${PORT:-18481}
DB=${DB:-test}
export PGPASSWORD=${PGPASSWORD:-postgres}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -X)
BASE=http://localhost:$PORT
AUTH=(-u drafter:drafter-demo)
LOG=/tmp/statistics-kill9-payara.log
SERVER=""

start_server() {
  TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource \
  TRILINK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=$SCHEMA" \
  TRILINK_DB_USER=postgres TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA="$SCHEMA" \
  TRILINK_STATISTICS_SCHEDULE_ENABLED=false \
  java -Xmx512m -jar target/runtime/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
    --addlibs target/runtime/postgresql.jar --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
    --deploy target/trilink.war >> "$LOG" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 900); do
    if curl -sf "${AUTH[@]}" "$BASE/api/v1/regions" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited, see $LOG"; exit 1; fi
    sleep 1
  done
  echo "server did not come up, see $LOG"; exit 1
}
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT

run_json() { curl -sf "${AUTH[@]}" "$BASE/api/v1/statistics/runs/$1"; }
wait_end() {
  while true; do
    s=$(run_json "$1" | jq -r .status)
    case $s in COMPLETED|FAILED|STOPPED) echo "$s"; return;; esac
    sleep 0.5
  done
}
BODY='{"matterKind":"PEOPLES_MEDIATION","from":"2019-01-01","to":"2019-12-31"}'

: > "$LOG"
cases=$("${PSQL[@]}" -t -A -c "select count(*) from information_schema.tables where table_schema = '$SCHEMA' and table_name = 'dispute_case'")
start_server
if [ "$cases" = 0 ] || [ "$("${PSQL[@]}" -t -A -c "select count(*) from $SCHEMA.dispute_case where created_by = 'benchmark'")" = 0 ]; then
  echo "generating $N cases ..."
  "${PSQL[@]}" -v n="$N" -v schema="$SCHEMA" -f benchmarks/statistics/generate.sql
fi
echo "cases in the schema: $("${PSQL[@]}" -t -A -c "select count(*) from $SCHEMA.dispute_case where created_by = 'benchmark'")"

# 1. the run to be killed: wait until some of it is committed, then kill -9 the server
killed=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/statistics/runs" | jq -r .runId)
while true; do
  j=$(run_json "$killed")
  processed=$(echo "$j" | jq -r '.progress.processed // 0')
  status=$(echo "$j" | jq -r .status)
  if [ "$status" != STARTED ] && [ "$status" != STARTING ]; then echo "run ended $status before the kill: use more cases"; exit 1; fi
  if [ "$processed" -gt 0 ]; then break; fi
  sleep 0.1
done
total=$(echo "$j" | jq -r .progress.total)
kill -9 "$SERVER"
wait "$SERVER" 2>/dev/null || true
echo "kill -9 server $SERVER with run $killed STARTED, $processed of $total cases committed"
"${PSQL[@]}" -t -A -c "select 'job repository says: ' || batchstatus from $SCHEMA.jbatchexecutioninstancedata e
  join $SCHEMA.stat_run r on r.execution_id = e.jobexecid where r.id = '$killed'" || true

# 2. start again: start-up marks the execution FAILED, the drafter restarts the run
start_server
after=$(run_json "$killed" | jq -r .status)
echo "after the new start-up the run is $after"
[ "$after" = FAILED ] || { echo "FAIL: expected FAILED"; exit 1; }
curl -sf "${AUTH[@]}" -X POST -o /dev/null -w 'restart: HTTP %{http_code}\n' "$BASE/api/v1/statistics/runs/$killed/restart"
echo "restarted run ended $(wait_end "$killed")"

# 3. a clean run of the same parameters on the same data
clean=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/statistics/runs" | jq -r .runId)
echo "clean run ended $(wait_end "$clean")"

a=$(run_json "$killed" | jq -S .figures)
b=$(run_json "$clean" | jq -S .figures)
echo "killed+restarted: $(echo "$a" | jq -c '[.[] | select(.metric=="accepted" or .metric=="succeeded" or .metric=="successRate")]')"
echo "clean:            $(echo "$b" | jq -c '[.[] | select(.metric=="accepted" or .metric=="succeeded" or .metric=="successRate")]')"
d1=$(curl -sf "${AUTH[@]}" "$BASE/api/v1/statistics/runs/$killed/figures/byOffice/cases?dimension=JO-ZHAOXIANG&size=5" | jq -S '.total, [.cases[].caseNumber]' | tr -d ' \n')
d2=$(curl -sf "${AUTH[@]}" "$BASE/api/v1/statistics/runs/$clean/figures/byOffice/cases?dimension=JO-ZHAOXIANG&size=5" | jq -S '.total, [.cases[].caseNumber]' | tr -d ' \n')
snap=$("${PSQL[@]}" -t -A -c "select (select sum(cases) from $SCHEMA.stat_run_group where run_id = '$killed') || ' / ' || (select sum(cases) from $SCHEMA.stat_run_group where run_id = '$clean')")
echo "snapshot rows killed+restarted / clean: $snap; drill-down byOffice JO-ZHAOXIANG: $d1 / $d2"
if [ "$a" = "$b" ] && [ "$d1" = "$d2" ] && [ "$(echo "$a" | jq length)" -gt 0 ]; then
  echo "RESULT: identical figures ($(echo "$a" | jq length) figures) and drill-down after kill -9 and restart"
else
  echo "RESULT: FIGURES DIFFER"; diff <(echo "$a") <(echo "$b") | head -20; exit 1
fi
