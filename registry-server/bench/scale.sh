#!/usr/bin/env bash
# The registry at 100,000 subjects x 10 versions (bulk-loaded by SQL), beside a small registry in
# the same run: cold start, heap, lookups by id and latest, registration. Loopback, bounded.
#
#   registry-server/bench/scale.sh                 # 100000 subjects, 10 versions, 10 s per lookup run
#   SUBJECTS=20000 SECONDS_PER_RUN=5 registry-server/bench/scale.sh
#   JAR=/tmp/other.jar WARMUP_SECONDS=10 SCALE_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" ...
#     JAR: the registry jar measured (default: this tree's); WARMUP_SECONDS: interleaved lookups on
#     a fresh JVM before the first measured run (default 0, as before); SCALE_JAVA_OPTS: its flags.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
export JAVA_HOME
CP=$(mktemp /tmp/schemagate-scale-cp.XXXXXX)
trap 'rm -f "$CP"' EXIT
./mvnw -q -pl registry-server -am package dependency:build-classpath -DskipTests \
  -Dspotless.check.skip=true -Dmdep.outputFile="$CP" -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx1g -cp "registry-server/target/test-classes:registry-server/target/classes:$(cat "$CP")" \
  dev.schemagate.registry.server.bench.ScaleBench "${JAR:-registry-server/target/schemagate-registry.jar}" \
  "${SUBJECTS:-100000}" "${VERSIONS:-10}" "${SECONDS_PER_RUN:-10}" "${SMALL:-100}" 2>&1 | grep '^scale'
