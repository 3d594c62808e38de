#!/usr/bin/env bash
# Builds the `helm` binary from Go modules (no prebuilt download) into
#   ${HELM_BINARY_DIR:-$HOME/.cache/schemagate/helm}/<version>/helm
# the way ../k8s-binaries/build.sh builds Kubernetes' binaries. The version is pinned in ONE place,
# go/go.mod (change it with: cd go && GOFLAGS=-mod=mod go get helm.sh/helm/v3/cmd/helm@vX.Y.Z).
#
# Idempotent: when the binary exists and its stamp matches go.mod/go.sum and this recipe, it exits
# at once without running Go. Cold build: about 3 minutes on 2 cores. Prints the binary's path
# on stdout (the last line), everything else on stderr.
#
# Environment: HELM_BINARY_DIR (output root), FORCE_REBUILD=1, GO (path to go), BUILD_JOBS,
# NICE_LEVEL, GOTOOLCHAIN (passed through).
set -euo pipefail

RECIPE_VERSION=1
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MOD_DIR="${SCRIPT_DIR}/go"

log() { printf '[helm-binary] %s\n' "$*" >&2; }
die() { printf '[helm-binary] ERROR: %s\n' "$*" >&2; exit 1; }

HELM_VERSION="$(awk '$1 == "helm.sh/helm/v3" { print $2; exit }' "${MOD_DIR}/go.mod")"
[[ -n "${HELM_VERSION}" ]] || die "no 'helm.sh/helm/v3 vX.Y.Z' line in ${MOD_DIR}/go.mod"

OUT_ROOT="${HELM_BINARY_DIR:-${HOME}/.cache/schemagate/helm}"
TARGET_DIR="${OUT_ROOT}/${HELM_VERSION}"
STAMP_FILE="${TARGET_DIR}/.schemagate-build-stamp"

expected_stamp() {
  echo "recipe=${RECIPE_VERSION}"
  echo "helm=${HELM_VERSION}"
  echo "platform=$(uname -s)-$(uname -m)"
  cat "${MOD_DIR}/go.mod" "${MOD_DIR}/go.sum" | sha256sum | awk '{print "gomod-sha256=" $1}'
}

up_to_date() {
  [[ "${FORCE_REBUILD:-0}" != "1" && -x "${TARGET_DIR}/helm" && -f "${STAMP_FILE}" ]] \
    && [[ "$(cat "${STAMP_FILE}")" == "$(expected_stamp)" ]]
}

if up_to_date; then
  log "up to date: ${TARGET_DIR}/helm (${HELM_VERSION})"
  echo "${TARGET_DIR}/helm"
  exit 0
fi

mkdir -p "${OUT_ROOT}"
if command -v flock >/dev/null 2>&1; then
  exec 9>"${OUT_ROOT}/.build.lock"
  if ! flock -n 9; then
    log "another build is running for ${OUT_ROOT}; waiting for it"
    flock 9
    if up_to_date; then
      echo "${TARGET_DIR}/helm"
      exit 0
    fi
  fi
fi

GO="${GO:-}"
if [[ -z "${GO}" ]]; then
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)";
  elif [[ -x /usr/local/go/bin/go ]]; then GO=/usr/local/go/bin/go;
  else die "Go toolchain not found: install Go >= 1.26 and put 'go' on PATH, or set GO=/path/to/go"; fi
fi
NPROC="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
BUILD_JOBS="${BUILD_JOBS:-$((NPROC < 2 ? NPROC : 2))}"
export CGO_ENABLED=0 GOFLAGS="-mod=readonly" GOMAXPROCS="${GOMAXPROCS:-${BUILD_JOBS}}"

WORK_DIR="$(mktemp -d "${OUT_ROOT}/.build-tmp.XXXXXX")"
trap 'rm -rf "${WORK_DIR}"' EXIT
START=$(date +%s)
log "building helm ${HELM_VERSION} with $("${GO}" version) (about 3 minutes on 2 cores)"
# helm reports its version from these variables (as its Makefile sets them).
LDFLAGS="-s -w -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION} -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
(cd "${MOD_DIR}" && nice -n "${NICE_LEVEL:-10}" "${GO}" build -p "${BUILD_JOBS}" -trimpath \
  -ldflags "${LDFLAGS}" -o "${WORK_DIR}/helm" helm.sh/helm/v3/cmd/helm)
"${WORK_DIR}/helm" version --short | grep -q "^${HELM_VERSION}" \
  || die "helm version does not report ${HELM_VERSION}: $("${WORK_DIR}/helm" version --short)"
expected_stamp >"${WORK_DIR}/.schemagate-build-stamp"
rm -rf "${TARGET_DIR}"
mv -T "${WORK_DIR}" "${TARGET_DIR}"
trap - EXIT
log "built ${TARGET_DIR}/helm in $(($(date +%s) - START))s"
echo "${TARGET_DIR}/helm"
