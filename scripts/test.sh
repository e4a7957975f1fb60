#!/usr/bin/env bash
# Set up the environment and run every check: lint, format, and the test suite (which builds
# the dbt project with its data tests and unit tests, and materialises the Dagster graph).
source "$(dirname "$0")/bootstrap.sh"
ruff check .
ruff format --check .
exec python -m pytest "$@"
