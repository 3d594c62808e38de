#!/usr/bin/env bash
# Runs Confluent's own clients against the registry jar on loopback: the JavaScript client (npm)
# and the Python client (PyPI, in a cached venv). Needs node + npm and python3 with venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=registry-server/target/schemagate-registry.jar
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
[ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -pl registry-server -am package -DskipTests
WORK=$(mktemp -d /tmp/schemagate-interop.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$WORK/data \
  "$JAVA_HOME/bin/java" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Python client: a venv keyed by the requirements' hash, so CI installs it once per change.
REQS=registry-server/interop/requirements.txt
VENV=${SCHEMAGATE_CACHE:-$HOME/.cache/schemagate}/confluent-python-$(sha256sum "$REQS" | cut -c1-12)
if [ ! -x "$VENV/bin/python" ] || [ ! -f "$VENV/.installed" ]; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS"
  touch "$VENV/.installed"
fi

cp registry-server/interop/confluent-node-client.mjs "$WORK/"
(cd "$WORK" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @confluentinc/schemaregistry@1.10.1 >/dev/null)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

# DataContract quality rules as the core translator writes them (pinned by a core unit test).
CEL=core/src/test/resources/dev/schemagate/core/contract/cel/orders-contract-cel.json
CEL_ARG=()
[ -f "$CEL" ] && CEL_ARG=("$PWD/$CEL")
echo "interop: Confluent JavaScript client"
node "$WORK/confluent-node-client.mjs" "http://127.0.0.1:$PORT" "${CEL_ARG[@]}"
echo "interop: Confluent Python client"
"$VENV/bin/python" registry-server/interop/confluent_python_client.py "http://127.0.0.1:$PORT" "${CEL_ARG[@]}"

# Both clients against a registry with authentication on (HTTP Basic, a bcrypt hash).
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
HASH=$(printf 'interop-Pa55\n' | "$JAVA_HOME/bin/java" -jar "$JAR" --hash-password)
printf 'users:\n  - name: interop\n    passwordHash: "%s"\n    grants: [{role: admin}]\n  - name: interop-reader\n    passwordHash: "%s"\n    grants: [{role: read, subjectPrefix: "interop-"}]\n' \
  "$HASH" "$HASH" >"$WORK/auth.yaml"
SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$WORK/data \
  SCHEMAGATE_AUTH_FILE=$WORK/auth.yaml "$JAVA_HOME/bin/java" -jar "$JAR" >"$WORK/server-auth.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/subjects")" = 401 ]
SCHEMAGATE_INTEROP_USER_INFO=interop:interop-Pa55 SCHEMAGATE_INTEROP_READER_INFO=interop-reader:interop-Pa55 node "$WORK/confluent-node-client.mjs" "http://127.0.0.1:$PORT"
SCHEMAGATE_INTEROP_USER_INFO=interop:interop-Pa55 \
  "$VENV/bin/python" registry-server/interop/confluent-python-client.py "http://127.0.0.1:$PORT"
