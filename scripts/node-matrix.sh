#!/usr/bin/env bash
# Runs the whole test suite on Node 20 (the node on PATH), 22 and 24. Node 22 and 24 come from
# the npm registry's `node` package through npx (cached after the first run). Each version is put
# first on PATH, so every CLI, npm and tmux child the tests spawn runs on that same version.
#
#   scripts/node-matrix.sh            # 20, 22 and 24
#   scripts/node-matrix.sh 22         # only the given majors
set -euo pipefail
cd "$(dirname "$0")/.."

versions=("$@")
[ ${#versions[@]} -eq 0 ] && versions=(20 22 24)

# Build and type-check once, with the node on PATH (the bundle targets node20 for all of them).
node scripts/build.mjs
npx tsc --noEmit

failed=()
for major in "${versions[@]}"; do
  if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ]; then
    bin="$(command -v node)"
  else
    bin="$(npx -y "node@$major" -p 'process.execPath' 2>/dev/null | tail -n 1)"
  fi
  if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "Node $major: could not get it through npx (offline?)" >&2
    failed+=("$major")
    continue
  fi
  echo "=== Node $("$bin" --version) ($bin)"
  if ! PATH="$(dirname "$bin"):$PATH" "$bin" node_modules/vitest/vitest.mjs run; then
    failed+=("$major")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed on Node: ${failed[*]}" >&2
  exit 1
fi
echo "Passed on Node: ${versions[*]}"
