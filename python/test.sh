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
# The tests compare against the CLI that `cargo test` built (found through CARGO_TARGET_DIR or
# ../target); NEWSMILL_REQUIRE_CLI=1 (CI) makes its absence a failure instead of a skip.
"$venv/bin/pytest" -q -rs tests/
