#!/usr/bin/env bash
# Set up the environment and run every check: lint, format, and the test suite (which builds
# the dbt project with its data tests and unit tests, and materialises the Dagster graph).
source "$(dirname "$0")/bootstrap.sh"

# need COMMAND PACKAGE WHY: a system tool the tests use, installed with apt when run as root.
need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $2: $3 ..."
    apt-get install -y -qq "$2" >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
  else
    echo "$1 is missing: install $2 (Debian/Ubuntu package name), then retry; $3" >&2
    exit 2
  fi
}
need pdftotext poppler-utils "the report tests read the PDFs back with pdftotext"
need java openjdk-17-jre-headless "the portability test builds the dbt models on Spark (Java 17+)"
need chromium chromium "the yearly page is viewed at a laptop's and a phone's width"
# dbt-spark and pyspark live in an environment of their own (pyproject.toml, extra "spark").
UV_PROJECT_ENVIRONMENT=.venv-spark "$UV" sync --frozen --extra spark --python "$PYTHON_BIN" --quiet
ruff check .
ruff format --check .
# the dbt models' SQL, compiled by dbt (.sqlfluff); against a throw-away warehouse file
SNM_WAREHOUSE="$(mktemp -d)/lint.duckdb" sqlfluff lint dbt_project/models --processes 2
exec python -m pytest "$@"
