#!/usr/bin/env bash
# The `schemagate check` benchmarks (cli/BENCHMARKS.md): a PostgreSQL table of ROWS rows (default
# 10,000,000, embedded PostgreSQL) and a JSON Lines file of MEGABYTES MB (default 1024, written to
# a temp file and deleted), each checked once against the test contract. ROWS=0 or MEGABYTES=0
# skips one. Sibling modules come from this tree, never from ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(bin/find-jdk)}"
./mvnw -q -pl cli -am test-compile -DskipTests
cp_file=$(mktemp)
./mvnw -q -pl cli dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
deps=$(tr ':' '\n' < "$cp_file" | grep -v '/dev/schemagate/' | paste -sd:)
rm -f "$cp_file"
ours=cli/target/classes:cli/target/test-classes:core/target/classes:registry-client/target/classes:sdk/target/classes:registry-server/target/classes
exec "$JAVA_HOME/bin/java" -Xmx1g -Drows="${ROWS:-10000000}" -Dmegabytes="${MEGABYTES:-1024}" \
  -cp "$ours:$deps" dev.schemagate.cli.check.CheckBenchmark
