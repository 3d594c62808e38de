#!/usr/bin/env bash
# Runs Confluent's Python client (confluent-kafka 2.16.1, from PyPI into a venv) against the
# registry jar with authentication on (HTTP Basic). Needs python3 with venv; about 1-2 min of pip.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=registry-server/target/schemagate-registry.jar
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
[ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -pl registry-server -am package -DskipTests
WORK=$(mktemp -d /tmp/schemagate-interop-py.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q "confluent-kafka[avro,json,schemaregistry]==2.16.1" fastavro jsonschema
HASH=$(printf 'interop-Pa55\n' | "$JAVA_HOME/bin/java" -jar "$JAR" --hash-password)
printf 'users:\n  - name: interop\n    passwordHash: "%s"\n    grants: [{role: admin}]\n' "$HASH" >"$WORK/auth.yaml"
SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$WORK/data \
  SCHEMAGATE_AUTH_FILE=$WORK/auth.yaml "$JAVA_HOME/bin/java" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
SCHEMAGATE_INTEROP_USER_INFO=interop:interop-Pa55 \
  "$WORK/venv/bin/python" registry-server/interop/confluent-python-client.py "http://127.0.0.1:$PORT"
