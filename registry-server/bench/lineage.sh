#!/usr/bin/env bash
# OpenLineage ingest rate on loopback with wrk: every event brings new columns and edges
# (DATASETS huge) unless DATASETS says otherwise. ROUNDS runs of DURATION seconds after a warm-up,
# against one registry jar on an embedded PostgreSQL; prints each round, then the median.
#
#   registry-server/bench/lineage.sh                       # every edge new, 256 connections
#   DATASETS=2000 CONNECTIONS=256 registry-server/bench/lineage.sh   # recurring jobs
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-256}
DATASETS=${DATASETS:-1000000000}
JAR=${JAR:-registry-server/target/schemagate-registry.jar}
SCRIPT=registry-server/src/test/resources/bench/openlineage-events.lua

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
[ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -pl registry-server -am package -DskipTests

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d /tmp/schemagate-lineage.XXXXXX)
BASE=http://127.0.0.1:$PORT
SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$DATA \
  "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/readyz" >/dev/null || { echo "bench: server did not start"; cat "$DATA/server.log"; exit 1; }

echo "== warm-up (10 s, 64 connections)"
DATASETS=$DATASETS wrk -t2 -c64 -d10s -s "$SCRIPT" "$BASE/api/v1/lineage" | tail -1
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r: DATASETS=$DATASETS, $CONNECTIONS connections, ${DURATION} s (load average $(cut -d' ' -f1 /proc/loadavg))"
  DATASETS=$DATASETS wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$SCRIPT" "$BASE/api/v1/lineage" | tail -1 | tee -a "$DATA/rounds"
done
sort -t' ' -k2 -n "$DATA/rounds" | awk '{a[NR]=$0} END {print "median round: " a[int((NR+1)/2)]}'
