"""`snm-dbt --version` answers for dbt without starting it, and says what dbt would say."""

import re
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
VERSION = re.compile(r"(\d+\.\d+\.\d+)")  # what dagster-dbt reads from the answer


def first_version(command: list[str]) -> str:
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    return VERSION.search(output.stdout).group(1)


def test_the_version_is_the_one_dbt_itself_reports():
    answered = first_version([str(BIN / "snm-dbt"), "--version"])
    assert answered == first_version([str(BIN / "dbt"), "--version"])
    assert int(answered.split(".")[0]) < 2  # dbt Core, not Fusion: dagster-dbt asks for this
