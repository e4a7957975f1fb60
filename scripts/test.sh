#!/usr/bin/env bash
# Set up the environment and run every check: lint, format, and the test suite (which builds
# the dbt project with its data tests and unit tests, and materialises the Dagster graph).
source "$(dirname "$0")/bootstrap.sh"

# The report tests read the PDFs back with pdftotext (Debian/Ubuntu: poppler-utils).
if ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing poppler-utils (pdftotext) ..."
    apt-get install -y -qq poppler-utils >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
  else
    echo "pdftotext is missing: install poppler-utils (apt), poppler (brew/dnf), then retry" >&2
    exit 2
  fi
fi
# The portability test builds the dbt models on Apache Spark, which needs Java 17+.
if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Java (openjdk-17-jre-headless) for Spark ..."
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
  else
    echo "java is missing: install a Java 17+ runtime (apt: openjdk-17-jre-headless), then retry" >&2
    exit 2
  fi
fi
# dbt-spark and pyspark live in an environment of their own (pyproject.toml, extra "spark").
UV_PROJECT_ENVIRONMENT=.venv-spark "$UV" sync --frozen --extra spark --python "$PYTHON_BIN" --quiet
ruff check .
ruff format --check .
# the dbt models' SQL, compiled by dbt (.sqlfluff); against a throw-away warehouse file
SNM_WAREHOUSE="$(mktemp -d)/lint.duckdb" sqlfluff lint dbt_project/models --processes 2
exec python -m pytest "$@"
