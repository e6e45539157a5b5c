#!/usr/bin/env bash
# Regenerate the golden JSON of `frontdoor-cli play` for every bundled scenario's example
# action file (tests/golden/play/<id>.json). Run by a person after a deliberate change;
# review the diff before committing it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${SIM_CLI:-$root/build/tools/cli/frontdoor-cli}"
mkdir -p "$root/tests/golden/play"
cd "$root"
for scenario in scenarios/*.toml; do
  case "$scenario" in *rubric.toml) continue ;; esac # the scoring rubric, not a case
  id="$(basename "$scenario" .toml)"
  "$cli" play "$scenario" --actions "scenarios/actions/$id.actions" --json \
    > "tests/golden/play/$id.json"
  echo "wrote tests/golden/play/$id.json"
done
