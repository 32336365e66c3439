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
[ $# -ge 1 ] || { echo "usage: $0 war [war ...]" >&2; exit 2; }
source benchmarks/statistics/server.sh
trap stop_server EXIT
for round in $(seq 1 "$ROUNDS"); do
  for war in "$@"; do
    : > /tmp/statistics-compare-payara.log
    start_server "$war" /tmp/statistics-compare-payara.log
    for job in $(seq 1 "$JOBS"); do
      hs=$(date +%s.%N)
      psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -t -A -v schema="$SCHEMA" -f benchmarks/statistics/headline.sql > /dev/null
      he=$(date +%s.%N)
      s=$(date +%s.%N)
      run=$(start_run)
      status=$(wait_end "$run")
      e=$(date +%s.%N)
      figures=$(run_json "$run" | jq -c '[.figures[]? | select(.metric=="accepted" or .metric=="succeeded") | .value]')
      printf '%s round %d job %d %s: hand SQL %.2f s  job %.2f s  ratio %.1f  accepted, succeeded %s\n' \
        "$war" "$round" "$job" "$status" "$(echo "$he - $hs" | bc)" "$(echo "$e - $s" | bc)" \
        "$(echo "($e - $s) / ($he - $hs)" | bc -l)" "$figures"
    done
    stop_server
  done
done
