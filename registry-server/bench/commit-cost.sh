#!/usr/bin/env bash
# Registration cost with no compatibility work (level NONE): what the commit itself costs, e.g. to
# compare fsync/synchronous_commit on (now) against a jar built from an older commit (off).
#   JAR=path/to/schemagate-registry.jar N=200 registry-server/bench/commit-cost.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-registry-server/target/schemagate-registry.jar}
N=${N:-200}
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d /tmp/schemagate-commit.XXXXXX)
BASE=http://127.0.0.1:$PORT
CT='Content-Type: application/vnd.schemaregistry.v1+json'
SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$DATA \
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs -XPUT -H "$CT" "$BASE/config" -d '{"compatibility":"NONE"}' >/dev/null
for i in $(seq 1 20); do   # warm-up
  curl -fs -XPOST -H "$CT" "$BASE/subjects/warm/versions" \
    -d "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"W$i\\\",\\\"fields\\\":[]}\"}" >/dev/null
done
for i in $(seq 1 "$N"); do
  curl -fs -o /dev/null -w '%{time_total}\n' -XPOST -H "$CT" "$BASE/subjects/commit/versions" \
    -d "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"C$i\\\",\\\"fields\\\":[]}\"}"
done | sort -n | awk '{a[NR]=$1*1000} END {printf "registrations at NONE: %d, p50 %.2f ms  p90 %.2f ms  p99 %.2f ms\n", NR, a[int(NR*0.5)], a[int(NR*0.9)], a[int(NR*0.99)]}'
