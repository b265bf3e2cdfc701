#!/usr/bin/env bash
# Installs Debian's Chromium, the headless browser the server's web-worker test and the summary
# panel's page tests drive, unless PM_LENS_CHROMIUM names another browser.
# Usage: scripts/setup-chromium.sh   (as root, or with sudo available for apt-get). Idempotent.
set -euo pipefail
[[ -n "${PM_LENS_CHROMIUM:-}" ]] && exit 0
[[ -x /usr/bin/chromium ]] || bash "$(dirname "$0")/apt-install.sh" chromium
