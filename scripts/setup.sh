#!/usr/bin/env bash
# Set up lapekg on a fresh Debian or Ubuntu machine: system packages, a virtual
# environment in .venv, and the project with its test tools. Safe to run again.
#   LAPEKG_SKIP_APT=1  skip apt-get (packages already there, or no root)
#   LAPEKG_NO_BROWSER=1  skip Chromium (browser tests are then skipped)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3 python3-venv python3-dev gcc libvoikko1 voikko-fi raptor2-utils)
[ "${LAPEKG_NO_BROWSER:-0}" = 1 ] || APT_PACKAGES+=(chromium)

if [ "${LAPEKG_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing Debian packages: ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[test]' 2>&1 | grep -v -i "^WARNING: Location\|ignored: it is neither" || true
.venv/bin/python -c "import libvoikko; libvoikko.Voikko('fi')" \
  || { echo "setup: libvoikko cannot load its Finnish dictionary (Debian: libvoikko1 voikko-fi)" >&2; exit 1; }
echo "setup: ready (.venv/bin/lapekg)" >&2
