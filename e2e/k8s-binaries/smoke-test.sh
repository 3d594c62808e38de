#!/usr/bin/env bash
# Manual smoke test for the binaries produced by build.sh: starts etcd + kube-apiserver the way
# io.fabric8:kube-api-test 7.5.2 does (same flags, same certificate shapes, generated here with
# openssl into a throwaway dir), waits for /readyz, runs `kubectl get ns`, then stops both.
#
# Usage: ./smoke-test.sh            (uses the version pinned in go/kubernetes/go.mod)
# Env:   KUBE_API_TEST_DIR          same default as build.sh
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[smoke] %s\n' "$*" >&2; }
die() { printf '[smoke] ERROR: %s\n' "$*" >&2; exit 1; }

command -v openssl >/dev/null || die "openssl is required"
command -v curl >/dev/null || die "curl is required"

K8S_VERSION="$(awk '($1 == "require" && $2 == "k8s.io/kubernetes") { print $3; exit } ($1 == "k8s.io/kubernetes" && $2 ~ /^v/) { print $2; exit }' "${SCRIPT_DIR}/go/kubernetes/go.mod")"
K8S_VERSION="${K8S_VERSION#v}"
case "$(uname -m)" in aarch64 | arm64) ARCH=arm64 ;; ppc64le) ARCH=ppc64le ;; *) ARCH=amd64 ;; esac
OS="$(uname -s | tr '[:upper:]' '[:lower:]')"
BIN_DIR="${KUBE_API_TEST_DIR:-${HOME}/.cache/schemagate/kube-api-test}/k8s/${K8S_VERSION}-${OS}-${ARCH}"
for b in etcd kube-apiserver kubectl; do
  [[ -x "${BIN_DIR}/${b}" ]] || die "${BIN_DIR}/${b} missing - run build.sh first"
done

# Random port in kube-api-test's range (49152-65535) that nothing is listening on.
free_port() {
  local p
  while :; do
    p=$((49152 + RANDOM % 16384))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${p}") 2>/dev/null; then echo "${p}"; return; fi
  done
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/k8s-smoke.XXXXXX")"
ETCD_PID=""
APISERVER_PID=""
cleanup() {
  [[ -n "${APISERVER_PID}" ]] && kill "${APISERVER_PID}" 2>/dev/null && wait "${APISERVER_PID}" 2>/dev/null || true
  [[ -n "${ETCD_PID}" ]] && kill "${ETCD_PID}" 2>/dev/null && wait "${ETCD_PID}" 2>/dev/null || true
  if [[ "${KEEP_SMOKE_DIR:-0}" == "1" ]]; then log "kept ${WORK}"; else rm -rf "${WORK}"; fi
}
trap cleanup EXIT

# Certificates shaped like kube-api-test's CertManager: a self-signed serving cert (also the
# service-account signing key) and a self-signed system:masters client cert used as client CA.
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=example.org" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster,DNS:kubernetes.default.svc.cluster.local" \
  -keyout "${WORK}/apiserver.key" -out "${WORK}/apiserver.crt" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/O=system:masters/CN=kubeapitest" \
  -keyout "${WORK}/client.key" -out "${WORK}/client.crt" 2>/dev/null

ETCD_PORT="$(free_port)"
PEER_PORT="$(free_port)"
API_PORT="$(free_port)"

log "starting etcd on 127.0.0.1:${ETCD_PORT}"
"${BIN_DIR}/etcd" -data-dir "${WORK}/etcd-data" -wal-dir "${WORK}/etcd-wal" \
  --listen-client-urls "http://127.0.0.1:${ETCD_PORT}" \
  --advertise-client-urls "http://127.0.0.1:${ETCD_PORT}" \
  --initial-cluster "default=http://localhost:${PEER_PORT}" \
  --initial-advertise-peer-urls "http://localhost:${PEER_PORT}" \
  --listen-peer-urls "http://localhost:${PEER_PORT}" >"${WORK}/etcd.log" 2>&1 &
ETCD_PID=$!

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:${ETCD_PORT}/health" >/dev/null 2>&1 && break
  kill -0 "${ETCD_PID}" 2>/dev/null || { tail -20 "${WORK}/etcd.log" >&2; die "etcd exited"; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:${ETCD_PORT}/health" >&2 && echo >&2 || die "etcd not healthy"

log "starting kube-apiserver on 127.0.0.1:${API_PORT} (flags as kube-api-test 7.5.2 passes them)"
START=$(date +%s)
"${BIN_DIR}/kube-apiserver" \
  --cert-dir "${WORK}" \
  --secure-port "${API_PORT}" \
  --etcd-servers "http://127.0.0.1:${ETCD_PORT}" \
  --authorization-mode RBAC \
  --service-account-issuer https://localhost \
  --service-account-signing-key-file "${WORK}/apiserver.key" \
  --service-account-key-file "${WORK}/apiserver.key" \
  --service-account-issuer "${WORK}/apiserver.crt" \
  --disable-admission-plugins ServiceAccount \
  --client-ca-file "${WORK}/client.crt" \
  --service-cluster-ip-range 10.0.0.0/24 \
  --allow-privileged >"${WORK}/apiserver.log" 2>&1 &
APISERVER_PID=$!

KUBECTL=("${BIN_DIR}/kubectl" "--client-certificate=${WORK}/client.crt" "--client-key=${WORK}/client.key"
  "--certificate-authority=${WORK}/apiserver.crt" "--server=https://127.0.0.1:${API_PORT}" "--request-timeout=5s")
export KUBECONFIG="${WORK}/.kubeconfig" # non-existent on purpose, as kube-api-test does

ready=0
for _ in $(seq 1 120); do
  if curl -fsS --cacert "${WORK}/apiserver.crt" "https://127.0.0.1:${API_PORT}/readyz" >/dev/null 2>&1 \
    && "${KUBECTL[@]}" get ns default >/dev/null 2>&1; then
    ready=1
    break
  fi
  kill -0 "${APISERVER_PID}" 2>/dev/null || { tail -30 "${WORK}/apiserver.log" >&2; die "kube-apiserver exited"; }
  sleep 0.5
done
[[ "${ready}" == 1 ]] || { tail -30 "${WORK}/apiserver.log" >&2; die "kube-apiserver not ready after 60s"; }
log "kube-apiserver ready (readyz + default namespace) after $(($(date +%s) - START))s"

"${KUBECTL[@]}" version >&2
"${KUBECTL[@]}" get ns >&2
"${KUBECTL[@]}" create namespace schemagate-smoke >&2
"${KUBECTL[@]}" -n schemagate-smoke create configmap hello --from-literal=k=v >&2
"${KUBECTL[@]}" -n schemagate-smoke get configmap hello -o jsonpath='{.data.k}{"\n"}' >&2
"${KUBECTL[@]}" api-resources --api-group=apiextensions.k8s.io >&2
log "SMOKE TEST PASSED"
