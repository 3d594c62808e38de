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

# CPU seconds used so far by the registry JVM and its PostgreSQL (postmaster, live backends, and
# reaped ones): CPU per event is steadier than events/s on a shared machine.
cpu() {
  python3 - "$SERVER" "$DATA" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
jvm = sum(int(x) for x in stat(sys.argv[1])[11:13])
total = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        cmd = open(f"/proc/{pid}/cmdline").read()
        if sys.argv[2] in cmd and "postgres" in cmd:
            s = stat(pid)
            total += sum(int(x) for x in s[11:15])
            for child in filter(str.isdigit, os.listdir("/proc")):
                try:
                    if stat(child)[1] == pid:
                        total += sum(int(x) for x in stat(child)[11:13])
                except OSError:
                    pass
    except OSError:
        pass
print(f"{jvm / tick} {total / tick}")
PY
}

# CPU ticks per live JVM thread ("tid:group:ticks"), to split the JVM's share by thread group
# (HTTP request threads, JIT compilers, GC, the lineage writer and committer). Deltas are taken per
# thread: an idle writer thread exits and a new one starts, so a thread that exits mid-round takes
# its ticks with it (missing from the split) but no group goes negative.
threads() {
  python3 - "$SERVER" <<'PY'
import os, sys
pid = sys.argv[1]
out = []
for t in os.listdir(f"/proc/{pid}/task"):
    try:
        name = open(f"/proc/{pid}/task/{t}/comm").read().strip()
        s = open(f"/proc/{pid}/task/{t}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    group = ("http" if name.startswith("JettyServer") or name.startswith("qtp") else
             "jit" if "Compiler" in name else
             "gc" if name.startswith(("GC ", "G1 ", "VM Thread")) else
             "writer" if name.startswith("lineage-wr") else
             "committer" if name.startswith("lineage-co") else "other")
    out.append(f"{t}:{group}:{int(s[11]) + int(s[12])}")
print(" ".join(out))
PY
}

echo "== warm-up (${WARMUP:-20} s, 64 connections)"
DATASETS=$DATASETS wrk -t2 -c64 -d"${WARMUP:-20}s" -s "$SCRIPT" "$BASE/api/v1/lineage" | tail -1
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r: DATASETS=$DATASETS, $CONNECTIONS connections, ${DURATION} s (load average $(cut -d' ' -f1 /proc/loadavg))"
  before=$(cpu)
  tbefore=$(threads)
  line=$(DATASETS=$DATASETS wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$SCRIPT" "$BASE/api/v1/lineage" | tail -1)
  after=$(cpu)
  tafter=$(threads)
  rate=$(echo "$line" | awk '{print $2}' | tr -d ,)
  echo "$line; server CPU $(python3 -c "
b, a = [float(x) for x in '$before'.split()], [float(x) for x in '$after'.split()]
n = $rate * $DURATION
print(f'JVM {1e6 * (a[0] - b[0]) / n:.0f} + PostgreSQL {1e6 * (a[1] - b[1]) / n:.0f} = {1e6 * (a[0] + a[1] - b[0] - b[1]) / n:.0f} µs per event')")" | tee -a "$DATA/rounds"
  python3 -c "
import os
tick = os.sysconf('SC_CLK_TCK')
b = {t: int(c) for t, g, c in (x.split(':') for x in '$tbefore'.split())}
groups = dict.fromkeys(('http', 'jit', 'gc', 'writer', 'committer', 'other'), 0)
for t, g, c in (x.split(':') for x in '$tafter'.split()):
    groups[g] += int(c) - b.get(t, 0)
n = $rate * $DURATION
print('  JVM µs per event by threads: ' + ', '.join(f'{g} {1e6 * v / tick / n:.0f}' for g, v in groups.items()))"
done
sort -t' ' -k2 -n "$DATA/rounds" | awk '{a[NR]=$0} END {print "median round: " a[int((NR+1)/2)]}'
sort -t'=' -k2 -n "$DATA/rounds" | awk '{a[NR]=$0} END {print "median CPU per event: " a[int((NR+1)/2)]}'
