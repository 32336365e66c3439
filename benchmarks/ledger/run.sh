#!/usr/bin/env bash
# Ledger import benchmark (issue 21: a 100,000-row ledger at >= 1,000 rows/s, server heap < 512 MB).
# Generates realistic Chinese-headed ledgers once (org.trilink.bench.LedgerGenerator: people's
# mediation and administrative matters, closed and open, agreements, visits, referrals), starts the
# real WAR in Payara Micro with -Xmx512m on its own PostgreSQL schema (dropped and made again), then
# runs org.trilink.bench.LedgerImportBenchmark: for each file a read-only baseline in the client
# JVM, then POST /api/v1/ledgers?office= as the demo admin, timed, with rows/s per chunk, the
# server's heap (jstat) and RSS. The small files (1,000 rows) go first: the server's rate on them
# is the second baseline, so that the big file's rate is read against the machine's state now.
# Usage (from the project root, after ./mvnw package -DskipTests and test-compile):
#   benchmarks/ledger/run.sh [rows]          # default 100000
# WAR= deploys another build (A/B in one sitting); JDBC_OPTIONS= adds driver options to the URL;
# FILES= picks files (csv, xlsx, small: default all);
# PROFILE=1 records the server with JFR during the big imports (target/ledger-bench/*.jfr).
# ANALYZE=20: the import's tables are analysed every 20 s while it runs, as autovacuum (off on this
# machine's PostgreSQL) would; ANALYZE=0 leaves them without statistics (see docs/benchmarks.md).
# A 100,000-row ledger is about 36 MB of UTF-8 CSV, under the default trilink.ledger.max-bytes
# (50 MB); the .xlsx is about 13 MB.
set -euo pipefail
ROWS=${1:-100000}
SCHEMA=${SCHEMA:-trilink_ledger_bench}
PORT=${PORT:-18280}
DB=${DB:-test}
DATA=${DATA:-target/ledger-bench}
FILES=${FILES:-small,csv,xlsx}
export PGPASSWORD=${PGPASSWORD:-postgres}
# JDBC_OPTIONS='&name=value' adds PostgreSQL driver options to the URL (server and client), e.g.
# '&reWriteBatchedInserts=true' (measured on 72dd391: does not pay, see docs/benchmarks.md)
JDBC_OPTIONS=${JDBC_OPTIONS:-}
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=$SCHEMA$JDBC_OPTIONS"
BASE=http://localhost:$PORT
CP="target/test-classes:target/classes:target/runtime/lib/*:target/runtime/postgresql.jar"
mkdir -p "$DATA"

gen() { # rows office first-year last-year name format
  if [ ! -s "$DATA/$5.$6" ]; then
    java -cp "$CP" org.trilink.bench.LedgerGenerator "$1" "$2" "$3" "$4" "$DATA/$5" "$6" 2>/dev/null
  fi
}
# two offices, so that the .csv and the .xlsx each import in full (a ledger number is imported once per office)
gen "$ROWS" JO-ZHAOXIANG 2016 2025 "zhaoxiang-$ROWS" csv
gen "$ROWS" JO-XUJING 2016 2025 "xujing-$ROWS" xlsx
gen 1000 JO-ZHAOXIANG 2000 2000 zhaoxiang-1000 csv
gen 1000 JO-XUJING 2000 2000 xujing-1000 xlsx

PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -X \
  -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"

TRILINK_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource TRILINK_DB_URL="$JDBC" \
TRILINK_DB_USER=postgres TRILINK_DB_PASSWORD=$PGPASSWORD TRILINK_DB_SCHEMA="$SCHEMA" \
TRILINK_DEMO_DATA_CASES=${DEMO_CASES:-0} TRILINK_STATISTICS_SCHEDULE_ENABLED=false \
java -Xmx512m -jar target/runtime/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
  --addlibs target/runtime/postgresql.jar:target/runtime/lib --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
  --deploy "${WAR:-target/trilink.war}" > "${LOG:-$DATA/payara.log}" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if curl -sf -u admin:admin-demo "$BASE/api/v1/regions" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited, see ${LOG:-$DATA/payara.log}"; exit 1; fi
  sleep 1
done
curl -sf -u admin:admin-demo "$BASE/api/v1/regions" > /dev/null
echo "server up on $BASE (pid $SERVER, -Xmx512m), $JDBC, WAR ${WAR:-target/trilink.war}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

bench() { java -Danalyze="${ANALYZE:-20}" -cp "$CP" org.trilink.bench.LedgerImportBenchmark "$BASE" "$JDBC" "$SERVER" "$@"; }
profile() { # start|stop name
  if [ "${PROFILE:-0}" = 1 ]; then
    if [ "$1" = start ]; then jcmd "$SERVER" JFR.start name=ledger settings=profile > /dev/null
    else jcmd "$SERVER" JFR.stop name=ledger filename="$PWD/$DATA/$2.jfr" > /dev/null; echo "  profile: $DATA/$2.jfr"; fi
  fi
}
case ",$FILES," in *,small,*) bench "csv-1k=$DATA/zhaoxiang-1000.csv@JO-ZHAOXIANG" "xlsx-1k=$DATA/xujing-1000.xlsx@JO-XUJING";; esac
case ",$FILES," in *,csv,*) profile start; bench "csv-$ROWS=$DATA/zhaoxiang-$ROWS.csv@JO-ZHAOXIANG"; profile stop "csv-$ROWS";; esac
case ",$FILES," in *,xlsx,*) profile start; bench "xlsx-$ROWS=$DATA/xujing-$ROWS.xlsx@JO-XUJING"; profile stop "xlsx-$ROWS";; esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
