#!/usr/bin/env bash
# A/B: Payara Micro start-to-ready with the WAR, default vs. --nocluster + C1 only
cd "$(dirname "$0")/.."  # after ./mvnw -B package -DskipTests
run() { # $1 label, $2 jvm opts, $3 micro opts
  rm -rf /tmp/ab-data; mkdir -p /tmp/ab-data  # a fresh H2 database each start
  local port=18777 start=$(date +%s.%N)
  TRILINK_DB_URL="jdbc:h2:/tmp/ab-data/trilink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" TRILINK_DEMO_DATA=true \
  java -Xmx512m $2 -jar target/runtime/payara-micro.jar $3 --port $port --contextroot / --addlibs target/runtime/postgresql.jar:target/runtime/lib \
     --postbootcommandfile src/main/payara/post-boot-commands.asadmin --deploy target/trilink.war >/tmp/ab-$1.log 2>&1 &
  local pid=$!
  until curl -sf http://127.0.0.1:$port/health/ready >/dev/null 2>&1; do sleep 0.5; done
  local end=$(date +%s.%N)
  echo "$1 ready in $(echo "$end - $start" | bc) s"
  kill $pid; wait $pid 2>/dev/null
}
for i in 1 2; do
  run default "" ""
  run fast "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "--nocluster"
done
