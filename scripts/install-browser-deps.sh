#!/usr/bin/env bash
# Installs what the web client's browser tests need: Debian's Chromium, its driver, and a Korean
# font (without one, Hangul renders as boxes). Idempotent: does nothing when all are installed.
set -euo pipefail

packages=(chromium chromium-driver fonts-nanum)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "browser test dependencies already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
