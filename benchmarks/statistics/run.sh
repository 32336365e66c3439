#!/usr/bin/env bash
# Statistics benchmark (issue 5): fills a PostgreSQL schema with N cases, then in one run times
# the hand-written headline SQL and the statistics job over the same period (2019, district,
# people's mediation), checks they agree, and prints both times, the ratio and the job's peak heap.
# Usage (from the project root, after ./mvnw package): benchmarks/statistics/run.sh 1000000
# MIGRATE_ONLY=1 only creates the schema (the server starts, Flyway migrates, the script ends;
#   psql ... -v n=N -v schema=S -f benchmarks/statistics/generate.sql, for a long generation
#   outside the server's run)
# WAR=path runs another build of the WAR on the same data (to compare two builds in one sitting).
# JOBS=5 (default) jobs on one server start, each timed against the hand-written SQL just before it;
#   the last line gives the medians and their ratio, and the first job's time.
# REUSE=1 keeps the schema and its cases from an earlier run of the same N (no drop, no generation;
# Flyway brings the schema up to date when the server starts).
set -euo pipefail
N=${1:-1000000}
SCHEMA=${SCHEMA:-trilink_statistics_bench}
PORT=${PORT:-18480}
WAR=${WAR:-target/trilink.war}   # another build to compare, e.g. a copy of an earlier target/trilink.war
DB=${DB:-test}
export PGPASSWORD=${PGPASSWORD:-postgres}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -X)
source benchmarks/statistics/server.sh

REUSE=${REUSE:-0}
if [ "$REUSE" != 1 ]; then
  "${PSQL[@]}" -c "drop schema if exists $SCHEMA cascade; create schema $SCHEMA"
fi

# the server: the real WAR on the schema
: > /tmp/statistics-benchmark-payara.log
trap stop_server EXIT
start_server "$WAR" /tmp/statistics-benchmark-payara.log
# MIGRATE_ONLY=1: stop once Flyway has made the schema (then generate with psql, and run with REUSE=1)
if [ "${MIGRATE_ONLY:-0}" = 1 ]; then echo "schema $SCHEMA migrated"; exit 0; fi

if [ "$REUSE" != 1 ]; then
  echo "generating $N cases ..."
  t0=$(date +%s.%N)
  "${PSQL[@]}" -v n="$N" -v schema="$SCHEMA" -f benchmarks/statistics/generate.sql
  t1=$(date +%s.%N)
  printf 'generated %d cases in %.1f s\n' "$N" "$(echo "$t1 - $t0" | bc)"
else
  echo "reusing $("${PSQL[@]}" -t -A -c "select count(*) from $SCHEMA.dispute_case where created_by = 'benchmark'") generated cases"
fi
"${PSQL[@]}" -c "checkpoint" > /dev/null

# hand-written SQL: best of three (warm cache, as the job gets)
best=""
for _ in 1 2 3; do
  s=$(date +%s.%N)
  hand=$("${PSQL[@]}" -t -A -F' ' -v schema="$SCHEMA" -f benchmarks/statistics/headline.sql | tail -1)
  e=$(date +%s.%N)
  d=$(echo "$e - $s" | bc)
  if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then best=$d; fi
done
echo "hand-written SQL: accepted succeeded = $hand in $best s"

# the job JOBS times (default 5) on this server start, each after a timing of the hand-written SQL
# (the machine is noisy: each job has its baseline measured just before it), with the server's heap
# sampled every 200 ms throughout; the first job after a start also pays for its warm-up
JOBS=${JOBS:-5}
jstat -gc "$SERVER" 200 > /tmp/statistics-benchmark-heap.txt 2>/dev/null &
JSTAT=$!
jobs_s=(); hands_s=()
for j in $(seq 1 "$JOBS"); do
  if [ "$j" -gt 1 ]; then
    s=$(date +%s.%N)
    "${PSQL[@]}" -t -A -v schema="$SCHEMA" -f benchmarks/statistics/headline.sql > /dev/null
    e=$(date +%s.%N)
    best=$(echo "$e - $s" | bc)
  fi
  s=$(date +%s.%N)
  run=$(start_run)
  status=$(wait_end "$run")
  e=$(date +%s.%N)
  job=$(echo "$e - $s" | bc)
  json=$(run_json "$run")
  accepted=$(echo "$json" | jq '.figures[] | select(.metric=="accepted") | .value')
  succeeded=$(echo "$json" | jq '.figures[] | select(.metric=="succeeded") | .value')
  rate=$(echo "$json" | jq '.figures[] | select(.metric=="successRate") | .value')
  if [ "$accepted $succeeded" = "$hand" ]; then agree=yes; else agree=NO; fi
  printf 'job %d %s: accepted %s succeeded %s successRate %s in %.2f s; hand SQL %.2f s; ratio %.1f; figures agree: %s\n' \
    "$j" "$status" "$accepted" "$succeeded" "$rate" "$job" "$best" "$(echo "$job / $best" | bc -l)" "$agree"
  jobs_s+=("$job"); hands_s+=("$best")
done
kill $JSTAT 2>/dev/null || true
peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' /tmp/statistics-benchmark-heap.txt)
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mj=$(median "${jobs_s[@]}"); mh=$(median "${hands_s[@]}")
printf 'N=%d  %d jobs: median job %.2f s, median hand SQL %.2f s, ratio of medians %.1f (first job %.2f s)  job peak heap %s MB (-Xmx512m)\n' \
  "$N" "$JOBS" "$mj" "$mh" "$(echo "$mj / $mh" | bc -l)" "${jobs_s[0]}" "$peak"
