#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd from Go modules (no prebuilt downloads) into the
# directory layout that io.fabric8:kube-api-test (7.5.x) reads in offline mode:
#
#   ${KUBE_API_TEST_DIR}/k8s/<k8s-version>-<os>-<arch>/{etcd,kube-apiserver,kubectl}
#   e.g. ~/.cache/schemagate/kube-api-test/k8s/1.37.2-linux-amd64/kube-apiserver
#
# Pinned versions live in ONE place: the go.mod files next to this script
#   go/kubernetes/go.mod  -> require k8s.io/kubernetes vX.Y.Z (+ staging modules v0.Y.Z)
#   go/etcd/go.mod        -> require go.etcd.io/etcd/server/v3 vA.B.C
# Use ./bump.sh <k8s-version> <etcd-version> to change them.
#
# Idempotent: if the target directory holds all three binaries and its stamp file matches the
# current go.mod/go.sum/build recipe, the script exits in well under a second without running Go.
#
# Environment:
#   KUBE_API_TEST_DIR   output root (default: $HOME/.cache/schemagate/kube-api-test)
#   BUILD_JOBS          go build -p value (default: min(2, nproc))
#   NICE_LEVEL          niceness for the compiler (default: 10)
#   FORCE_REBUILD=1     ignore the stamp and rebuild
#   GO                  path to the go binary (default: `go` on PATH, else /usr/local/go/bin/go)
#   GOTOOLCHAIN         passed through to go (e.g. go1.27.3 if a future pin needs a newer Go)
set -euo pipefail

# Bump this when the build recipe (flags, ldflags, layout) changes, to invalidate old stamps.
RECIPE_VERSION=1

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
K8S_MOD_DIR="${SCRIPT_DIR}/go/kubernetes"
ETCD_MOD_DIR="${SCRIPT_DIR}/go/etcd"

log() { printf '[k8s-binaries] %s\n' "$*" >&2; }
die() { printf '[k8s-binaries] ERROR: %s\n' "$*" >&2; exit 1; }

# --- pinned versions (read from the go.mod files, the single source of truth) ---------------
mod_version() { # <go.mod> <module path> -> version without leading "v"
  local v
  v="$(awk -v m="$2" '($1 == m && $2 ~ /^v[0-9]/) { print $2; exit } ($1 == "require" && $2 == m) { print $3; exit }' "$1")"
  [[ -n "${v}" ]] || die "cannot find a 'require $2 vX.Y.Z' line in $1"
  echo "${v#v}"
}
K8S_VERSION="$(mod_version "${K8S_MOD_DIR}/go.mod" k8s.io/kubernetes)"
ETCD_VERSION="$(mod_version "${ETCD_MOD_DIR}/go.mod" go.etcd.io/etcd/server/v3)"
[[ "${K8S_VERSION}" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] \
  || die "k8s.io/kubernetes version '${K8S_VERSION}' is not a plain X.Y.Z release (kube-api-test parses dir names as numeric semver)"
K8S_MAJOR="${BASH_REMATCH[1]}"
K8S_MINOR="${BASH_REMATCH[2]}"

# --- platform suffix exactly as kube-api-test's OSInfo computes it ---------------------------
# os.name lower-cased ("linux"), os.arch mapped: aarch64->arm64, ppc64->ppc64le, else amd64.
case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=darwin ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) ARCH=amd64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  ppc64le) ARCH=ppc64le ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac

OUT_ROOT="${KUBE_API_TEST_DIR:-${HOME}/.cache/schemagate/kube-api-test}"
TARGET_DIR="${OUT_ROOT}/k8s/${K8S_VERSION}-${OS}-${ARCH}"
STAMP_FILE="${TARGET_DIR}/.schemagate-build-stamp"
ENV_FILE="${OUT_ROOT}/schemagate-kube-api-test.env"

expected_stamp() {
  {
    echo "recipe=${RECIPE_VERSION}"
    echo "kubernetes=${K8S_VERSION}"
    echo "etcd=${ETCD_VERSION}"
    echo "platform=${OS}-${ARCH}"
    (cd "${SCRIPT_DIR}" && cat go/kubernetes/go.mod go/kubernetes/go.sum go/etcd/go.mod go/etcd/go.sum) \
      | sha256sum | awk '{print "gomod-sha256=" $1}'
  }
}

write_env_file() {
  mkdir -p "${OUT_ROOT}"
  cat >"${ENV_FILE}" <<EOF
# Written by e2e/k8s-binaries/build.sh - settings for io.fabric8:kube-api-test (offline use).
# Source it (set -a; . ${ENV_FILE}; set +a) or pass the values to Maven Surefire/Failsafe.
KUBE_API_TEST_DIR=${OUT_ROOT}
KUBE_API_TEST_API_SERVER_VERSION=${K8S_VERSION}
# NOTE: do NOT export KUBE_API_TEST_OFFLINE_MODE=true with kube-api-test 7.5.2: its config builder
# does Boolean.class.cast(<String env value>) and throws ClassCastException. Offline mode is not
# needed anyway: when ${TARGET_DIR} exists, kube-api-test never downloads.
EOF
}

print_summary() {
  log "binaries: ${TARGET_DIR}"
  ls -l "${TARGET_DIR}" | sed 's/^/[k8s-binaries]   /' >&2
  log "kubernetes ${K8S_VERSION}, etcd ${ETCD_VERSION}, platform ${OS}-${ARCH}"
  log "kube-api-test settings (also in ${ENV_FILE}):"
  log "  KUBE_API_TEST_DIR=${OUT_ROOT}"
  log "  KUBE_API_TEST_API_SERVER_VERSION=${K8S_VERSION}   (or @EnableKubeAPIServer(kubeAPIVersion = \"${K8S_VERSION}\"))"
}

up_to_date() {
  [[ "${FORCE_REBUILD:-0}" != "1" && -f "${STAMP_FILE}" ]] \
    && [[ -x "${TARGET_DIR}/kube-apiserver" && -x "${TARGET_DIR}/kubectl" && -x "${TARGET_DIR}/etcd" ]] \
    && [[ "$(grep -v '^#' "${STAMP_FILE}")" == "$(expected_stamp)" ]]
}

# --- fast path: already built ------------------------------------------------------------------
if up_to_date; then
  log "up to date (stamp matches), nothing to build"
  write_env_file
  print_summary
  exit 0
fi

# Serialize concurrent runs (parallel CI jobs / sessions sharing the cache dir).
mkdir -p "${OUT_ROOT}"
if command -v flock >/dev/null 2>&1; then
  exec 9>"${OUT_ROOT}/.build.lock"
  if ! flock -n 9; then
    log "another build.sh is running for ${OUT_ROOT}; waiting for it"
    flock 9
    if up_to_date; then
      log "built by the other run, nothing to do"
      write_env_file
      print_summary
      exit 0
    fi
  fi
fi

# --- locate Go -------------------------------------------------------------------------------
GO="${GO:-}"
if [[ -z "${GO}" ]]; then
  if command -v go >/dev/null 2>&1; then
    GO="$(command -v go)"
  elif [[ -x /usr/local/go/bin/go ]]; then
    GO=/usr/local/go/bin/go
  else
    die "Go toolchain not found: install Go >= 1.26 (https://go.dev/dl/) and put 'go' on PATH, or set GO=/path/to/go"
  fi
fi
"${GO}" version >/dev/null 2>&1 || die "'${GO} version' failed - is ${GO} a working Go toolchain?"
log "using $("${GO}" version) (${GO})"

NPROC="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
BUILD_JOBS="${BUILD_JOBS:-$((NPROC < 2 ? NPROC : 2))}"
NICE_LEVEL="${NICE_LEVEL:-10}"

export CGO_ENABLED=0
export GOFLAGS="-mod=readonly"   # never edit go.mod/go.sum during a build
export GOOS="${OS}" GOARCH="${ARCH}"
export GOMAXPROCS="${GOMAXPROCS:-${BUILD_JOBS}}"

gobuild() { nice -n "${NICE_LEVEL}" "${GO}" build -p "${BUILD_JOBS}" -trimpath "$@"; }

WORK_DIR="$(mktemp -d "${OUT_ROOT}/.build-tmp.XXXXXX")"
trap 'rm -rf "${WORK_DIR}"' EXIT

# Module release time -> reproducible buildDate.
mod_time() { (cd "$1" && "${GO}" list -m -f '{{if .Time}}{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}{{end}}' "$2"); }
BUILD_DATE="$(mod_time "${K8S_MOD_DIR}" k8s.io/kubernetes || true)"
BUILD_DATE="${BUILD_DATE:-1970-01-01T00:00:00Z}"

# Same variables hack/lib/version.sh sets; kube code parses gitVersion as semver
# (apiserver compatibility versions, kubectl version skew warnings).
K8S_LDFLAGS="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  K8S_LDFLAGS+=" -X ${pkg}.gitVersion=v${K8S_VERSION}"
  K8S_LDFLAGS+=" -X ${pkg}.gitMajor=${K8S_MAJOR}"
  K8S_LDFLAGS+=" -X ${pkg}.gitMinor=${K8S_MINOR}"
  K8S_LDFLAGS+=" -X ${pkg}.gitCommit=go-module-k8s.io/kubernetes@v${K8S_VERSION}"
  K8S_LDFLAGS+=" -X ${pkg}.gitTreeState=clean"
  K8S_LDFLAGS+=" -X ${pkg}.buildDate=${BUILD_DATE}"
done
ETCD_LDFLAGS="-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=go-module-v${ETCD_VERSION}"

START=$(date +%s)
log "building kube-apiserver + kubectl v${K8S_VERSION} (-p ${BUILD_JOBS}, nice ${NICE_LEVEL}); cold build took ~9 min on 2 busy cores"
(cd "${K8S_MOD_DIR}" && gobuild -ldflags "${K8S_LDFLAGS}" -o "${WORK_DIR}/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kubectl)
log "building etcd v${ETCD_VERSION}"
(cd "${ETCD_MOD_DIR}" && gobuild -ldflags "${ETCD_LDFLAGS}" -o "${WORK_DIR}/etcd" go.etcd.io/etcd/server/v3)
log "compiled in $(($(date +%s) - START))s"

# --- verify ----------------------------------------------------------------------------------
"${WORK_DIR}/kube-apiserver" --version | tee "${WORK_DIR}/.v-apiserver" >&2
grep -qx "Kubernetes v${K8S_VERSION}" "${WORK_DIR}/.v-apiserver" \
  || die "kube-apiserver --version does not report v${K8S_VERSION}"
"${WORK_DIR}/kubectl" version --client | tee "${WORK_DIR}/.v-kubectl" >&2
grep -q "Client Version: v${K8S_VERSION}\$" "${WORK_DIR}/.v-kubectl" \
  || die "kubectl version --client does not report v${K8S_VERSION}"
"${WORK_DIR}/etcd" --version | tee "${WORK_DIR}/.v-etcd" >&2
grep -q "^etcd Version: ${ETCD_VERSION}\$" "${WORK_DIR}/.v-etcd" \
  || die "etcd --version does not report ${ETCD_VERSION}"
rm -f "${WORK_DIR}"/.v-*

# --- install atomically-ish into the kube-api-test layout --------------------------------------
{
  echo "# written by e2e/k8s-binaries/build.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ) with $("${GO}" version)"
  expected_stamp
} >"${WORK_DIR}/.schemagate-build-stamp"
mkdir -p "${OUT_ROOT}/k8s"
rm -rf "${TARGET_DIR}"
mv -T "${WORK_DIR}" "${TARGET_DIR}"
chmod 0755 "${TARGET_DIR}"
trap - EXIT

write_env_file
print_summary
