#!/usr/bin/env bash
# The portal at a national scale (issue 25): the real WAR on a PostgreSQL schema holding the
# statistics benchmark's cases (benchmarks/statistics/run.sh 10000000) with their parties and
# search terms (parties.sql), then bench/PortalRenderBenchmark with CLIENTS clients at once, as the
# users USERS in turn, ROUNDS rounds each after ten of warm-up: the case list's first page, a new
# filter, a party-name search, a page change, a case page and the desk, against a page that reads
# no case data in the same run (the ratios are the figures to compare on a noisy machine).
# Usage (from the project root, after ./mvnw package): benchmarks/portal/run.sh
# SCHEMA (default trilink_statistics_bench), CLIENTS (16), USERS (mediator,police), ROUNDS (20),
# NAME (陈静丽, a party's name), WAR (another build), PARTIES=1 runs parties.sql first.
set -euo pipefail
SCHEMA=${SCHEMA:-trilink_statistics_bench}
PORT=${PORT:-18480}
DB=${DB:-test}
WAR=${WAR:-target/trilink.war}
export PGPASSWORD=${PGPASSWORD:-postgres}
source benchmarks/statistics/server.sh
if [ "${PARTIES:-0}" = 1 ]; then
  psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1 -v schema="$SCHEMA" -f benchmarks/portal/parties.sql
fi
[ -d target/test-classes/org/trilink/bench ] || ./mvnw -B -q test-compile
: > /tmp/portal-benchmark-payara.log
trap stop_server EXIT
echo "== $(psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -t -A -c "select count(*) from $SCHEMA.dispute_case") cases, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_server "$WAR" /tmp/portal-benchmark-payara.log
java -cp target/test-classes org.trilink.bench.PortalRenderBenchmark "$BASE/" "${USERS:-mediator,police}" \
  "${ROUNDS:-20}" "${CLIENTS:-16}" "${NAME:-陈静丽}"
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
