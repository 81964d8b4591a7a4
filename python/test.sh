#!/usr/bin/env bash
# The Python package's tests: build the wheel, install it with Spark and datatrove into a fresh
# venv (python/.venv, or $NEWSMILL_VENV), run pytest. Spark needs Java 17 (Debian:
# openjdk-17-jre-headless); without it the Spark tests say SKIPPED.
set -euo pipefail
cd "$(dirname "$0")"
venv="${NEWSMILL_VENV:-.venv}"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check 'maturin>=1.9,<2'
rm -rf dist
"$venv/bin/maturin" build --release --locked -o dist
wheel=(dist/newsmill-*.whl)
"$venv/bin/pip" install -q --disable-pip-version-check "${wheel[0]}[spark,datatrove,test]"
# The CLI the tests compare against, when the workspace has built it.
export NEWSMILL_BIN="${NEWSMILL_BIN:-}"
"$venv/bin/pytest" -q -rs tests/
