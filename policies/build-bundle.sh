#!/usr/bin/env bash
# Compiles policies/ to the wasm bundle the embedded engine loads:
#   policies/build-bundle.sh [OUTPUT]   (default: the committed policy module resource)
# Uses $SOVEREIGN_OPA, else the pinned binary that `./sovereign test` installs under
# target/tools/opa-<policies/OPA_VERSION>/. The output is byte-for-byte reproducible;
# BundleFreshnessTest fails when the committed bundle differs from a fresh build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/policy/src/main/resources/io/sovereignrouter/policy/bundle.tar.gz}"
OPA="${SOVEREIGN_OPA:-$ROOT/target/tools/opa-$(tr -d '[:space:]' < "$ROOT/policies/OPA_VERSION")/opa}"
[[ -x "$OPA" ]] || { echo "build-bundle: no OPA at $OPA; run './sovereign test' or set SOVEREIGN_OPA" >&2; exit 1; }
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
# Paths inside the bundle are relative to the repository root, so build from there.
cd "$ROOT"
exec "$OPA" build -t wasm -e sovereign/route/decision \
  --ignore '*_test.rego' --ignore testdata --ignore '*.sh' --ignore '*.py' --ignore '*.md' \
  -o "$OUT" policies/
