#!/usr/bin/env bash
# Benchmark of the registry server on loopback: cached lookups with wrk, registration latency
# with BACKWARD_TRANSITIVE over 100+ versions. Bounded: each wrk run lasts DURATION seconds.
#
#   registry-server/bench/run.sh            # builds the jar if missing
#   DURATION=20 CONNECTIONS=32 registry-server/bench/run.sh
#   ONLY=registration registry-server/bench/run.sh   # skip the wrk runs
#   ONLY=nginx registry-server/bench/run.sh   # cached lookups beside nginx serving the same bytes
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
REGISTRATIONS=${REGISTRATIONS:-50}
JAR=${JAR:-registry-server/target/schemagate-registry.jar}

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk (apt-get)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(bin/find-jdk)
fi
if [ ! -f "$JAR" ]; then
  JAVA_HOME=$JAVA_HOME ./mvnw -q -pl registry-server -am package -DskipTests
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d /tmp/schemagate-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT
CT='Content-Type: application/vnd.schemaregistry.v1+json'
LOG=$DATA/server.log

SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$DATA \
  "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} \
  -jar "$JAR" >"$LOG" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fs "$BASE/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/readyz" >/dev/null || { echo "bench: server did not start"; cat "$LOG"; exit 1; }

# An Avro record with fields f0..f{n-1}; every field after the first has a default.
schema() {
  python3 - "$1" <<'PY'
import json, sys
n = int(sys.argv[1])
fields = [{"name": "f0", "type": "long"}] + [
    {"name": f"f{i}", "type": ["null", "string"], "default": None} for i in range(1, n)]
print(json.dumps({"schema": json.dumps({"type": "record", "name": "Bench", "namespace": "bench",
                                        "fields": fields})}))
PY
}

echo "== setup"
curl -fs -XPUT -H "$CT" "$BASE/config/bench-reg" -d '{"compatibility":"BACKWARD_TRANSITIVE"}' >/dev/null
ID=$(curl -fs -XPOST -H "$CT" "$BASE/subjects/bench-read/versions" -d "$(schema 20)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "schema id $ID"

if [ "${ONLY:-}" = "nginx" ]; then
  # Cached lookups beside nginx serving the very same bytes, same wrk, same run, alternating.
  command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null; }
  NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$DATA/www/schemas/ids"
  curl -fs "$BASE/schemas/ids/$ID" >"$DATA/www/schemas/ids/$ID"
  cat >"$DATA/nginx.conf" <<NGINX
worker_processes auto;
pid $DATA/nginx.pid;
error_log $DATA/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  open_file_cache max=16 inactive=60s;
  keepalive_requests 1000000;
  types { }
  default_type application/vnd.schemaregistry.v1+json;
  client_body_temp_path $DATA/tmp; proxy_temp_path $DATA/tmp; fastcgi_temp_path $DATA/tmp;
  uwsgi_temp_path $DATA/tmp; scgi_temp_path $DATA/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $DATA/www; }
}
NGINX
  mkdir -p "$DATA/tmp"
  chmod 755 "$DATA" && chmod -R a+rX "$DATA/www"   # nginx workers run as an unprivileged user
  nginx -c "$DATA/nginx.conf" -p "$DATA"
  trap 'nginx -c "$DATA/nginx.conf" -p "$DATA" -s stop 2>/dev/null || true; cleanup' EXIT
  cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT/schemas/ids/$ID") <(curl -fs "$BASE/schemas/ids/$ID")
  for _ in 1 2; do wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-8}s" "$BASE/schemas/ids/$ID" >/dev/null; done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-8}s" "http://127.0.0.1:$NGINX_PORT/schemas/ids/$ID" >/dev/null
  rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
  # CPU seconds (user + system) of the registry JVM, and of nginx's master and workers: CPU per
  # request is steadier than req/s when other processes share the two cores.
  cpu() {
    python3 - "$@" <<'PY'
import os, sys
total = 0
for pid in sys.argv[1:]:
    with open(f"/proc/{pid}/stat") as f:
        total += sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:13])
print(total / os.sysconf("SC_CLK_TCK"))
PY
  }
  NGINX_PIDS=$(pgrep -f "nginx.*$DATA/nginx.conf" | tr '\n' ' '; pgrep -P "$(cat "$DATA/nginx.pid")" | tr '\n' ' ')
  for round in $(seq 1 "${ROUNDS:-3}"); do
    C0=$(cpu "$SERVER"); R=$(rps "$BASE/schemas/ids/$ID"); C1=$(cpu "$SERVER")
    D0=$(cpu $NGINX_PIDS); N=$(rps "http://127.0.0.1:$NGINX_PORT/schemas/ids/$ID"); D1=$(cpu $NGINX_PIDS)
    python3 -c "
r, n, d = float('$R'), float('$N'), $DURATION
rc, nc = 1e6 * ($C1 - $C0) / (r * d), 1e6 * ($D1 - $D0) / (n * d)
print(f'round $round (load average $(cut -d' ' -f1 /proc/loadavg)): registry {r:,.0f} req/s, nginx {n:,.0f} req/s, ratio {r / n:.2f}; CPU per request registry {rc:.1f} µs, nginx {nc:.1f} µs (nginx/registry {nc / rc:.2f})')"
  done
  exit 0
fi

if [ "${ONLY:-}" != "registration" ]; then
echo "== warm-up (JIT): 2 x ${WARMUP:-8}s per endpoint"
for _ in 1 2; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-8}s" "$BASE/schemas/ids/$ID" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-8}s" "$BASE/subjects/bench-read/versions/latest" >/dev/null
done

echo "== GET /schemas/ids/$ID (${CONNECTIONS} connections, ${DURATION}s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/schemas/ids/$ID"
echo "== GET /subjects/bench-read/versions/latest (${CONNECTIONS} connections, ${DURATION}s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/subjects/bench-read/versions/latest"

fi

echo "== registration, BACKWARD_TRANSITIVE: 100 versions first, then $REGISTRATIONS timed"
for n in $(seq 1 100); do
  schema "$n" >"$DATA/s$n.json"
  curl -fs -XPOST -H "$CT" "$BASE/subjects/bench-reg/versions" --data-binary "@$DATA/s$n.json" >/dev/null
done
LAST=$((100 + REGISTRATIONS))
for n in $(seq 101 "$LAST"); do schema "$n" >"$DATA/s$n.json"; done
checks() {
  curl -fs "$BASE/metrics" | python3 -c '
import sys
m = {l.split(" ")[0]: float(l.split(" ")[1]) for l in sys.stdin if l.startswith("schemagate_compat_checks_seconds_") and "{" not in l}
print(m.get("schemagate_compat_checks_seconds_count", 0), m.get("schemagate_compat_checks_seconds_sum", 0))'
}
BEFORE=$(checks)
for n in $(seq 101 "$LAST"); do
  curl -fs -o /dev/null -w '%{time_total}\n' -XPOST -H "$CT" "$BASE/subjects/bench-reg/versions" \
    --data-binary "@$DATA/s$n.json"
done >"$DATA/registration.txt"
AFTER=$(checks)
python3 -c "
b, a = [float(x) for x in '$BEFORE'.split()], [float(x) for x in '$AFTER'.split()]
n, s = a[0] - b[0], a[1] - b[1]
print(f'of which the core compatibility engine: mean {1000 * s / max(n, 1):.2f} ms per registration ({n:.0f} checks)')"
python3 - "$DATA/registration.txt" <<'PY'
import statistics, sys
ms = sorted(float(x) * 1000 for x in open(sys.argv[1]))
p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
print(f"registrations: {len(ms)} against 100..{100 + len(ms) - 1} versions")
print(f"p50 {statistics.median(ms):.2f} ms  p90 {p(0.9):.2f} ms  p99 {p(0.99):.2f} ms  max {ms[-1]:.2f} ms")
PY
curl -fs "$BASE/subjects/bench-reg/versions" | python3 -c 'import json,sys; v=json.load(sys.stdin); print(f"subject bench-reg has {len(v)} versions")'
