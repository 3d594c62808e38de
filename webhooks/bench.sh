#!/usr/bin/env bash
# Admission latency benchmark: see BENCHMARKS.md. Arguments are passed to the main class:
#   rate/s (100) seconds (30) warm-up seconds (10) fields (200) versions (20) cache TTL (5s)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
export JAVA_HOME
./mvnw -q -pl webhooks -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "webhooks/target/test-classes:webhooks/target/classes:$(cat webhooks/target/bench-classpath.txt)" \
  dev.schemagate.webhooks.bench.AdmissionLatencyBenchmark "$@"
