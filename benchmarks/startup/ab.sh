#!/usr/bin/env bash
# Start-up of two builds side by side (issue 25): each as a server starts
# (src/main/payara/start: its runtime directory's launcher, CDS archive and libraries), on one
# existing H2 database, cluster off, in alternating order; prints every start, the medians and B/A.
#
#   benchmarks/startup/ab.sh A_RUNTIME_DIR A_WAR B_RUNTIME_DIR B_WAR [rounds, default 3]
#
# A runtime directory is a copy of target/runtime after `./mvnw package` of that build, with
# src/main/payara/prepare-start run on it for that WAR (this script runs it where launch.args or
# the archive is missing). Ready = /health/ready and /login both answer 200, as in run.sh; CPU is
# the server's user+sys seconds until then; RSS when ready. The H2 database (with demo data) is
# made by the first start of A, which is not counted. Port 18080.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
A_DIR=$(cd "${1:?A runtime dir}" && pwd) A_WAR=$(realpath "${2:?A war}")
B_DIR=$(cd "${3:?B runtime dir}" && pwd) B_WAR=$(realpath "${4:?B war}")
N=${5:-3}
PORT=18080
RUN=${STARTUP_RUN:-$ROOT/target/startup-ab}
mkdir -p "$RUN"
export TRILINK_DB_URL="jdbc:h2:$RUN/h2/trilink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
export TRILINK_DEMO_DATA=true
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is taken" >&2; exit 1; fi

for pair in "$A_DIR $A_WAR" "$B_DIR $B_WAR"; do
    read -r dir war <<<"$pair"
    [[ -f $dir/launch.args && -s $dir/trilink.jsa ]] || "$ROOT/src/main/payara/prepare-start" "$dir" "$war"
done

once() { # $1 runtime dir $2 war $3 label: prints "ready_ms cpu_s rss_mb"
    local t0 t1 pid
    t0=$(date +%s%N)
    setsid "$ROOT/src/main/payara/start" "$1" "$2" --nocluster --port "$PORT" --contextroot / \
        >"$RUN/$3.log" 2>&1 </dev/null &
    pid=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready") == 200 \
             && $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login") == 200 ]]; do
        kill -0 "$pid" 2>/dev/null || { echo "$3 died; see $RUN/$3.log" >&2; exit 1; }
        sleep 0.2
    done
    t1=$(date +%s%N)
    awk -v ms=$(( (t1 - t0) / 1000000 )) '{ printf "%d %.1f ", ms, ($14 + $15) / 100 }' "/proc/$pid/stat"
    awk '/VmRSS/ { printf "%d\n", $2 / 1024 }' "/proc/$pid/status"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

[[ -d $RUN/h2 ]] || { echo "new H2 database with demo data (not counted): $(once "$A_DIR" "$A_WAR" new)"; }
: >"$RUN/results"
for i in $(seq 1 "$N"); do
    order="A B"
    (( i % 2 == 0 )) && order="B A"
    for v in $order; do
        if [[ $v == A ]]; then r=$(once "$A_DIR" "$A_WAR" "A$i"); else r=$(once "$B_DIR" "$B_WAR" "B$i"); fi
        echo "$v $r" | tee -a "$RUN/results"
    done
done
awk '
function median(list,   a, k) { k = split(list, a, " "); asort(a); return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
{ ready[$1] = ready[$1] " " $2 / 1000; cpu[$1] = cpu[$1] " " $3; rss[$1] = rss[$1] " " $4 }
END {
    for (v = 1; v <= 2; v++) { n = v == 1 ? "A" : "B"
        r[n] = median(ready[n]); c[n] = median(cpu[n]); m[n] = median(rss[n])
        printf "%s medians: ready %.1f s, CPU %.1f s, RSS %d MB\n", n, r[n], c[n], m[n] }
    printf "B/A: ready %.2f, CPU %.2f, RSS %.2f\n", r["B"] / r["A"], c["B"] / c["A"], m["B"] / m["A"]
}' "$RUN/results"
