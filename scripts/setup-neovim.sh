#!/usr/bin/env bash
# Installs Debian's Neovim (0.7), the real LSP client the `neovim` suite drives headless.
# Usage: scripts/setup-neovim.sh   (as root, or with sudo available for apt-get). Idempotent.
set -euo pipefail

log() { printf '[setup-neovim] %s\n' "$*" >&2; }

if command -v nvim >/dev/null 2>&1; then exit 0; fi
SUDO=; ((EUID == 0)) || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
apt_install() { $SUDO apt-get install -y --no-install-recommends neovim; }
log "apt-get install neovim"
# Only refresh the index when there is none or the install fails (stale index -> 404s).
if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
  $SUDO apt-get update
fi
if ! apt_install; then
  log "install failed, refreshing the package index and retrying"
  $SUDO apt-get update
  apt_install
fi
