#!/usr/bin/env bash
# Regenerate the screenshot goldens (tests/golden/screens/<state>-<theme>.png) under Xvfb
# with Mesa's software renderer, exactly as the screenshot tests render them. Run by a
# person after an intended UI change; then look at every changed PNG and review the diff
# (git diff --stat tests/golden/screens; an image viewer) before committing.
#   tools/update_goldens.sh [STATE|SHOT]   (default: all; SHOT as STATE-THEME or STATE-small-light)
# Uses $SIM_BUILD_DIR (default build/), building frontdoor-screens there first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SIM_BUILD_DIR:-$root/build}"
goldens="$root/tests/golden/screens"

command -v xvfb-run >/dev/null || { echo "update_goldens: xvfb-run not found (apt-get install xvfb xauth libgl1-mesa-dri; tools/dev does)" >&2; exit 1; }
[ -f "$build/build.ninja" ] || [ -f "$build/Makefile" ] || { echo "update_goldens: $build is not configured (run tools/dev test, or set SIM_BUILD_DIR)" >&2; exit 1; }

cmake --build "$build" --target frontdoor-screens
mkdir -p "$goldens"
only=()
[ $# -gt 0 ] && only=(--only "$1")
xvfb-run -a -s "-screen 0 1280x800x24" env LIBGL_ALWAYS_SOFTWARE=1 TZ=UTC \
  "$build/tests/screenshot/frontdoor-screens" --out "$goldens" "${only[@]}"
rm -f "$goldens"/*.diff.png
echo "update_goldens: wrote $goldens; review every changed image before committing:" >&2
git -C "$root" status --short -- tests/golden/screens >&2 || true
