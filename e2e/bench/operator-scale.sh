#!/usr/bin/env bash
# The operator at scale on a real kube-apiserver + etcd (issue 18): for each count, a fresh API
# server and registry, the DataSchemas created first, then the operator jar started cold.
#
#   e2e/bench/operator-scale.sh                 # 2,000, 5,000 and 10,000 DataSchemas
#   e2e/bench/operator-scale.sh 500             # one quick size
#   BENCH_HEAP=512m BENCH_THREADS=32 e2e/bench/operator-scale.sh 10000
#   BENCH_OPERATOR_ENV='SCHEMAGATE_USE_SSA=false' e2e/bench/operator-scale.sh 2000
#   # two builds in turn, cold start only (jars taken in turn for each count):
#   BENCH_COLD_ONLY=true BENCH_OPERATOR_JAR=/tmp/main.jar,operator/target/schemagate-operator.jar \
#     e2e/bench/operator-scale.sh 2000,2000,2000,2000
#   BENCH_OPERATOR_JVM='|-Dsome.option=x' e2e/bench/operator-scale.sh 2000,2000   # JVM options in turn
#   BENCH_OPERATOR_JVM='-XX:StartFlightRecording=filename=/tmp/{phase}.jfr' e2e/bench/operator-scale.sh 2000
#
# Results: stdout and e2e/target/operator-scale.md. Run it alone: it measures the whole machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
counts=${1:-2000,5000,10000}
rm -f e2e/target/operator-scale.md
bin/mvn -q -pl e2e -am verify \
  -Dspotless.check.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=OperatorScaleBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.counts="$counts" -Dbench.heap="${BENCH_HEAP:-512m}" -Dbench.threads="${BENCH_THREADS:-}" \
  -Dbench.operatorJvm="${BENCH_OPERATOR_JVM:-}" -Dbench.operatorEnv="${BENCH_OPERATOR_ENV:-}" \
  -Dbench.operatorJar="${BENCH_OPERATOR_JAR:-}" -Dbench.coldOnly="${BENCH_COLD_ONLY:-false}"
