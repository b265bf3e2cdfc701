#!/usr/bin/env bash
# Installs Debian's Neovim (0.7), the real LSP client the `neovim` suite drives headless.
# Usage: scripts/setup-neovim.sh   (as root, or with sudo available for apt-get). Idempotent.
set -euo pipefail
command -v nvim >/dev/null 2>&1 || bash "$(dirname "$0")/apt-install.sh" neovim
