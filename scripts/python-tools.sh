#!/usr/bin/env bash
# Installs the Python tools the end-to-end suite attacks generated apps with (schemathesis and
# openapi-spec-validator, from PyPI) into .build-tools/venv, once, and prints the folder of
# their executables: FORGE_PYTHON_TOOLS=$(scripts/python-tools.sh). Versions are pinned: a new
# schemathesis may add checks, and what CI checks should change only with this script.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build-tools/venv
if [ ! -x "$venv/bin/st" ] || [ ! -x "$venv/bin/openapi-spec-validator" ]; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --no-cache-dir --disable-pip-version-check \
        schemathesis==4.32.5 openapi-spec-validator==0.9.0 >&2
fi
echo "$PWD/$venv/bin"
