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
LOG=/tmp/statistics-kill9-payara.log
source benchmarks/statistics/server.sh
trap stop_server EXIT

: > "$LOG"
cases=$("${PSQL[@]}" -t -A -c "select count(*) from information_schema.tables where table_schema = '$SCHEMA' and table_name = 'dispute_case'")
start_server target/trilink.war "$LOG"
if [ "$cases" = 0 ] || [ "$("${PSQL[@]}" -t -A -c "select count(*) from $SCHEMA.dispute_case where created_by = 'benchmark'")" = 0 ]; then
  echo "generating $N cases ..."
  "${PSQL[@]}" -v n="$N" -v schema="$SCHEMA" -f benchmarks/statistics/generate.sql
fi
echo "cases in the schema: $("${PSQL[@]}" -t -A -c "select count(*) from $SCHEMA.dispute_case where created_by = 'benchmark'")"

# 1. the run to be killed: wait until some of it is committed, then kill -9 the server
killed=$(start_run)
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
start_server target/trilink.war "$LOG"
after=$(run_json "$killed" | jq -r .status)
echo "after the new start-up the run is $after"
[ "$after" = FAILED ] || { echo "FAIL: expected FAILED"; exit 1; }
curl -sf "${AUTH[@]}" -X POST -o /dev/null -w 'restart: HTTP %{http_code}\n' "$BASE/api/v1/statistics/runs/$killed/restart"
echo "restarted run ended $(wait_end "$killed")"

# 3. a clean run of the same parameters on the same data
clean=$(start_run)
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
