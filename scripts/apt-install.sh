#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet, refreshing the
# package index only when there is none or the install fails (a stale index gives 404s).
# Usage: scripts/apt-install.sh PACKAGE...   (as root, or with sudo available for apt-get)
set -euo pipefail

missing=()
for p in "$@"; do
  # Installed, not merely known: a package removed without a purge keeps a dpkg entry.
  [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == "install ok installed" ]] || missing+=("$p")
done
((${#missing[@]})) || exit 0
SUDO=; ((EUID == 0)) || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
apt_install() { $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
printf '[apt-install] apt-get install %s\n' "${missing[*]}" >&2
if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
  $SUDO apt-get update
fi
if ! apt_install; then
  printf '[apt-install] install failed, refreshing the package index and retrying\n' >&2
  $SUDO apt-get update
  apt_install
fi
