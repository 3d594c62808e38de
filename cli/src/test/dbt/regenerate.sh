#!/usr/bin/env bash
# Regenerates the dbt manifest fixture of `schemagate lineage ingest-dbt` from the small project
# beside this script, with real dbt (`dbt parse` needs no database). Installs dbt into a venv
# under ~/.cache/schemagate once. Run by hand after changing the project; CI tests the committed
# manifest and does not need dbt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${SCHEMAGATE_DBT_VENV:-$HOME/.cache/schemagate/dbt-venv}"
if [ ! -x "$venv/bin/dbt" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "dbt-core>=1.9,<1.11" "dbt-postgres>=1.9,<1.10"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/shop/." "$work/"
(cd "$work" && DBT_SEND_ANONYMOUS_USAGE_STATS=false "$venv/bin/dbt" --quiet parse --profiles-dir . --no-partial-parse)
out="$here/../resources/dev/schemagate/cli/dbt"
mkdir -p "$out"
# pretty-printed so a review shows what changed; dbt's own macros and docs (~600 KB, nothing
# lineage reads) are dropped, everything else is as dbt wrote it
python3 - "$work/target/manifest.json" "$out/manifest.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
for unused in ("macros", "docs"):
    manifest[unused] = {}
json.dump(manifest, open(sys.argv[2], "w"), indent=2, sort_keys=True)
PY
echo "wrote $out/manifest.json ($("$venv/bin/dbt" --version | head -2 | tail -1 | xargs))"
