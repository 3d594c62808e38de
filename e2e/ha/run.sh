#!/usr/bin/env bash
# HA proof, one command: three registry jars on one PostgreSQL and one Redis behind HAProxy
# (installed from Debian if missing; health checks on /readyz), fixed-rate reads and writes through
# the registry client, one replica SIGKILLed and restarted mid-run. Loopback only, bounded.
#
#   e2e/ha/run.sh                                  # 60 s at 100 req/s, 10% writes
#   HA_SECONDS=30 HA_RATE=300 HA_WRITE_SHARE=0.2 e2e/ha/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v haproxy >/dev/null; then
  echo "ha: installing haproxy (apt-get)"
  apt-get update -qq && apt-get install -y -qq haproxy >/dev/null
fi
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
export JAVA_HOME
CP=$(mktemp /tmp/schemagate-ha-cp.XXXXXX)
trap 'rm -f "$CP"' EXIT
# Siblings come from this tree (reactor), never from ~/.m2; the classpath file is written by
# every module in turn, e2e last.
./mvnw -q -pl e2e -am package dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
  -Dmdep.outputFile="$CP" -Dmdep.includeScope=test
OUT=$(mktemp /tmp/schemagate-ha-out.XXXXXX)
trap 'rm -f "$CP" "$OUT"' EXIT
set +e
"$JAVA_HOME/bin/java" -cp "e2e/target/test-classes:$(cat "$CP")" dev.schemagate.e2e.ha.HaUnderLoad \
  registry-server/target/schemagate-registry.jar "$(command -v haproxy)" \
  "${HA_SECONDS:-60}" "${HA_RATE:-100}" "${HA_WRITE_SHARE:-0.1}" >"$OUT" 2>&1
STATUS=$?
set -e
grep '^ha:' "$OUT"
# A read the client answered from its own (stale) copy while every attempt failed counts as ok
# above: say how many there were.
echo "ha: reads answered from the client's stale copy: $(grep -c 'serving a stale latest' "$OUT" || true)"
[ "$STATUS" = 0 ] || { tail -40 "$OUT"; exit "$STATUS"; }
