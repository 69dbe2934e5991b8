#!/usr/bin/env bash
# The test suite: lint, then pytest (browser and server tests included when
# Chromium and the oxigraph server are installed, which scripts/setup.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
