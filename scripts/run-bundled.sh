#!/usr/bin/env bash
# The main job on the bundled corpus: build the graph (Turtle and TriG), validate it
# against the SHACL shapes, and write the interactive view and the report into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
.venv/bin/lapekg build --out out/lape.ttl
.venv/bin/lapekg build --out out/lape.trig --quiet
.venv/bin/lapekg validate out/lape.ttl
.venv/bin/lapekg viz out/lape.ttl --out out/lape.html
.venv/bin/lapekg report out/lape.ttl --out out/report.html
echo "Wrote out/lape.ttl, out/lape.trig, out/lape.html and out/report.html" >&2
