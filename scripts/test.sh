#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run them (README's second command).
# Installs: a venv with onrecord and its test extra; Debian's chromium for the browser tests (required:
# the script fails if it cannot install it).
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

# The web page is tested in a real headless Chromium (Debian's build; no browser downloads). This
# script requires it: if chromium cannot be installed the run stops here, and the browser tests are
# told (ONRECORD_REQUIRE_BROWSER) to fail rather than skip should the browser still be missing.
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = "0" ] || SUDO="sudo -n"
  if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
    echo "scripts/test.sh: FAILED to install chromium (needed for the browser tests); install it with" >&2
    echo "  apt-get install -y chromium chromium-driver   (as root), then run this again" >&2
    exit 1
  fi
  command -v chromium >/dev/null 2>&1 || { echo "scripts/test.sh: chromium installed but not on PATH" >&2; exit 1; }
fi
export ONRECORD_REQUIRE_BROWSER=1

.venv/bin/ruff check src tests bench training scripts
.venv/bin/python -m pytest -q "$@"
