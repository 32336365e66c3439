# Sourced by the statistics benchmarks (run.sh, compare.sh, kill9.sh): the real WAR in Payara Micro
# on a PostgreSQL schema, and a statistics run over the API. The caller sets DB, SCHEMA, PORT and
# PGPASSWORD first; BENCH_JAVA_OPTS adds JVM options (a profiler, say), BENCH_POSTBOOT replaces the
# post-boot commands (a server setting measured with the same WAR).
BASE=http://localhost:$PORT
AUTH=(-u drafter:drafter-demo)
BODY='{"matterKind":"PEOPLES_MEDIATION","from":"2019-01-01","to":"2019-12-31"}'
SERVER=""

# start_server WAR LOG: starts the WAR (heap capped at 512 MB, as the target says), appending its
# output to LOG, and returns once it answers; SERVER is its pid
start_server() {
  # (the PostgreSQL schema unless the caller exported other TRILINK_DB_* settings, as district.sh does for H2)
  TRILINK_DB_DATASOURCE=${TRILINK_DB_DATASOURCE:-org.postgresql.ds.PGSimpleDataSource} \
  TRILINK_DB_URL="${TRILINK_DB_URL:-jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=$SCHEMA}" \
  TRILINK_DB_USER=${TRILINK_DB_USER:-postgres} TRILINK_DB_PASSWORD=${TRILINK_DB_PASSWORD:-$PGPASSWORD} \
  TRILINK_DB_SCHEMA="${TRILINK_DB_SCHEMA:-$SCHEMA}" \
  TRILINK_STATISTICS_SCHEDULE_ENABLED=false \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/runtime/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
    --addlibs target/runtime/postgresql.jar:target/runtime/lib --postbootcommandfile "${BENCH_POSTBOOT:-src/main/payara/post-boot-commands.asadmin}" \
    --deploy "$1" >> "$2" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 900); do
    if curl -sf "${AUTH[@]}" "$BASE/api/v1/regions" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited, see $2"; exit 1; fi
    sleep 1
  done
  echo "server did not come up, see $2"; exit 1
}

stop_server() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=""; fi
}

start_run() { curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/statistics/runs" | jq -r .runId; }
run_json() { curl -sf "${AUTH[@]}" "$BASE/api/v1/statistics/runs/$1"; }
# wait_end RUN: prints the run's final status once it has one
wait_end() {
  local s
  while true; do
    s=$(run_json "$1" | jq -r .status)
    case $s in COMPLETED|FAILED|STOPPED) echo "$s"; return;; esac
    sleep 0.2
  done
}
