#!/usr/bin/env bash
# Wire-format interop with Confluent's own serdes (the JavaScript @confluentinc/schemaregistry
# client), both directions, through schemagate's registry on loopback. Needs node + npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
export JAVA_HOME
JAR=registry-server/target/schemagate-registry.jar
[ -f "$JAR" ] || ./mvnw -q -pl registry-server -am package -DskipTests -Dspotless.check.skip=true
WORK=$(mktemp -d /tmp/schemagate-sdk-interop.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
SCHEMAGATE_HOST=127.0.0.1 SCHEMAGATE_PORT=$PORT SCHEMAGATE_DATA_DIR=$WORK/data \
  "$JAVA_HOME/bin/java" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
cp sdk/interop/confluent-serde.mjs sdk/interop/User.avsc "$WORK/"
(cd "$WORK" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @confluentinc/schemaregistry@1.10.1 >/dev/null)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
URL="http://127.0.0.1:$PORT"
node "$WORK/confluent-serde.mjs" write "$URL" "$WORK"
./mvnw -q -pl sdk -am -Pbench verify -DskipTests -Dspotless.check.skip=true \
  -Dbench.main=dev.schemagate.sdk.interop.ConfluentInterop "-Djmh.args=$URL $WORK" 2>&1 | grep -v '^WARNING'
node "$WORK/confluent-serde.mjs" read "$URL" "$WORK"
echo "interop: Confluent -> schemagate and schemagate -> Confluent both decode"
