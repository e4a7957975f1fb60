# Sourced by scripts/demo.sh and scripts/test.sh: create .venv from pyproject.toml + uv.lock.
# Needs only Python 3.11; uv is installed into .tools/ when it is not on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON_BIN="${PYTHON:-}"
if [ -z "$PYTHON_BIN" ]; then
  if command -v python3.11 >/dev/null 2>&1; then PYTHON_BIN=python3.11; else PYTHON_BIN=python3; fi
fi
if ! "$PYTHON_BIN" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "Python 3.11 is required ($PYTHON_BIN is $("$PYTHON_BIN" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 2
fi

if command -v uv >/dev/null 2>&1; then
  UV=uv
else
  if [ ! -x .tools/bin/uv ]; then
    echo "Installing uv into .tools/ ..."
    "$PYTHON_BIN" -m venv .tools
    .tools/bin/pip install --quiet --disable-pip-version-check "uv>=0.5,<1"
  fi
  UV=.tools/bin/uv
fi

export UV_PYTHON_DOWNLOADS=never
# Trust the system's certificate store: organisations' networks often inspect TLS with their
# own CA, which is installed there and unknown to uv's bundled roots.
export UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"
# The tests need the development extras (Spark gets .venv-spark, made by scripts/test.sh); the
# demo only the pipeline's own packages (scripts/demo.sh sets SNM_SYNC, and --inexact keeps
# anything installed before).
# shellcheck disable=SC2086
"$UV" sync --frozen ${SNM_SYNC:---extra dev} --python "$PYTHON_BIN" --quiet
export PATH="$PWD/.venv/bin:$PATH"
