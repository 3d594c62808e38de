#!/usr/bin/env bash
# The PR-comment and verdict logic of action.yml (.github/schemagate/gate.js), with Node's own
# test runner against a fake of the GitHub API: the part of the action that can run off GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "cli/test-action.sh: node is needed" >&2; exit 1; }
node --test .github/schemagate/
