"""The README's two commands exist, and CI runs exactly the test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code_lines(text: str) -> list[str]:
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", text, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_readme_names_the_demo_and_the_test_command():
    lines = code_lines((ROOT / "README.md").read_text())
    assert "./scripts/demo.sh" in lines
    assert "./scripts/test.sh" in lines
    assert (ROOT / "scripts" / "demo.sh").exists() and (ROOT / "scripts" / "test.sh").exists()


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci
    test_script = (ROOT / "scripts" / "test.sh").read_text()
    assert "pytest" in test_script and "ruff check" in test_script
    assert (
        "uv.lock" in (ROOT / "scripts" / "bootstrap.sh").read_text()
        or "--frozen" in (ROOT / "scripts" / "bootstrap.sh").read_text()
    )
