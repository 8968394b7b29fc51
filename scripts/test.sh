#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run them (README's second command).
# Installs: a venv with onrecord and its test extra; Debian's chromium for the browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# A new venv's pip (23.x) mis-resolves some extras (trafilatura's lxml[html_clean]): upgrade first.
.venv/bin/python -m pip install -q --upgrade pip
# [ray]: the batch tests run the Ray engine on a real local cluster (and read Parquet with pyarrow).
.venv/bin/python -m pip install -q -e ".[test,ray]"

# The web page is tested in a real headless Chromium (Debian's build; no browser downloads).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "scripts/test.sh: could not install chromium; the browser tests will be skipped" >&2
  else
    (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "scripts/test.sh: chromium is not installed and cannot be; the browser tests will be skipped" >&2
  fi
fi

.venv/bin/ruff check src tests bench training
.venv/bin/python -m pytest -q "$@"
