#!/usr/bin/env bash
# A district's year (issue 25: "statistics at every size"): N cases (default 8,000) accepted in YEAR
# (default 2014), on PostgreSQL and on the embedded H2, each under the real WAR in Payara Micro
# (-Xmx512m). Per database: makes the cases (District.java generate; kept for the next run), starts
# WARMUP untimed jobs (default 3), then JOBS jobs (default 11) over the year, district-wide, through the
# API, each after a timing of the hand-written SQL for the same totals; prints every job, then the
# median and p95 of both and their ratio, and fails unless every job's figures equal the SQL's and
# each other's. The target: median ≤ 1 s on PostgreSQL, ≤ 2 s on H2.
# Usage (from the project root, after ./mvnw package): benchmarks/statistics/district.sh [postgresql] [h2]
# SCHEMA (PostgreSQL, default trilink_statistics_district), H2_DIR (default /tmp/trilink-statistics-district),
# FRESH=1 drops the schema / deletes the H2 files first; WAR=another build; POLL_MS (default 50): how
# often the script asks whether the run ended (the portal asks every 2 s).
set -euo pipefail
N=${N:-8000}
YEAR=${YEAR:-2014}
WARMUP=${WARMUP:-3}
JOBS=${JOBS:-11}
SCHEMA=${SCHEMA:-trilink_statistics_district}
H2_DIR=${H2_DIR:-/tmp/trilink-statistics-district}
PORT=${PORT:-18480}
DB=${DB:-test}
WAR=${WAR:-target/trilink.war}
export PGPASSWORD=${PGPASSWORD:-postgres}
H2_JAR=${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar}   # the H2 Payara Micro bundles
CP="$H2_JAR:target/runtime/postgresql.jar"
[ $# -ge 1 ] || set -- postgresql h2
source benchmarks/statistics/server.sh
trap stop_server EXIT

bench() {   # bench NAME URL USER PASSWORD
  local log=/tmp/statistics-district-$1-payara.log
  : > "$log"
  echo "== $1: $N cases in $YEAR, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  start_server "$WAR" "$log"
  java -cp "$CP" benchmarks/statistics/District.java generate "$2" "$3" "$4" "$N" "$YEAR"
  java -DpollMs="${POLL_MS:-50}" -cp "$CP" benchmarks/statistics/District.java bench "$2" "$3" "$4" "$BASE" "$YEAR" "$WARMUP" "$JOBS"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server
}

for db in "$@"; do
  case $db in
    postgresql)
      if [ "${FRESH:-0}" = 1 ] || ! psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -t -A \
          -c "select 1 from pg_namespace where nspname = '$SCHEMA'" | grep -q 1; then
        psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"
      fi
      export TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource
      export TRILINK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=$SCHEMA"
      export TRILINK_DB_USER=postgres TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA=$SCHEMA
      bench postgresql "$TRILINK_DB_URL" postgres "$PGPASSWORD"
      ;;
    h2)
      if [ "${FRESH:-0}" = 1 ]; then rm -rf "$H2_DIR"; fi
      mkdir -p "$H2_DIR"
      # the server's own settings (post-boot-commands.asadmin), with AUTO_SERVER so that the script can connect too
      export TRILINK_DB_DATASOURCE=org.h2.jdbcx.JdbcDataSource
      export TRILINK_DB_URL="jdbc:h2:file:$H2_DIR/trilink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE"
      export TRILINK_DB_USER=sa TRILINK_DB_PASSWORD=trilink TRILINK_DB_SCHEMA=public
      bench h2 "$TRILINK_DB_URL" sa trilink
      ;;
    *) echo "unknown database $db (postgresql or h2)" >&2; exit 2;;
  esac
done
