#!/usr/bin/env bash
# The `schemagate check` benchmarks (cli/BENCHMARKS.md): a PostgreSQL table of ROWS rows (default
# 10,000,000, embedded PostgreSQL) and a JSON Lines file of MEGABYTES MB (default 1024), each
# checked against the test contract. ROWS=0 or MEGABYTES=0 skips one. RUNS (default 1) checks the
# file that many times and prints the median. JSONL_FILE keeps the generated file at that path
# (and reuses it when it exists) instead of a deleted temp file. BENCH_JAVA_OPTS adds JVM flags
# (e.g. -XX:StartFlightRecording=...); THREADS (default: the cores) reads the file on that many
# threads; SKIP_BUILD=1 reuses the last build and classpath. Sibling
# modules come from this tree, never from ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(bin/find-jdk)}"
cp_file=cli/target/bench-classpath.txt
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$cp_file" ]]; then
  # one reactor run: the siblings (chaos's pom among them) resolve from this tree, not ~/.m2;
  # every module writes the file in turn and the cli, built last, writes it last
  ./mvnw -q -pl cli -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file"
fi
deps=$(tr ':' '\n' < "$cp_file" | grep -v '/dev/schemagate/' | grep -v 'slf4j-nop' | paste -sd:)
ours=cli/target/classes:cli/target/test-classes:core/target/classes:registry-client/target/classes:sdk/target/classes:registry-server/target/classes
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} -Drows="${ROWS:-10000000}" \
  -Dmegabytes="${MEGABYTES:-1024}" -Druns="${RUNS:-1}" -Djsonl.file="${JSONL_FILE:-}" \
  -Dthreads="${THREADS:-$(nproc)}" \
  -cp "$ours:$deps" dev.schemagate.cli.check.CheckBenchmark
