"""`snm-dbt --version` answers for dbt without starting it, and says what dbt would say; a
warehouse in another folder starts from the parsed state another one left."""

import json
import re
import shutil
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


def test_a_warehouse_in_another_folder_reuses_the_parsed_state(tmp_path):
    """dbt would parse every file anew: its state check holds the warehouse's path (a var and
    the profile's path). snm-dbt leaves the folder out; the file's stem still counts."""
    from pipelines.settings import DBT_PROJECT_DIR, WAREHOUSE_VAR

    def parse(warehouse: Path, target: Path) -> str:
        variables = json.dumps({WAREHOUSE_VAR: str(warehouse)})
        done = subprocess.run(
            [str(BIN / "snm-dbt"), "parse", "--vars", variables, "--target-path", str(target)]
            + ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout[-2000:]
        return done.stdout

    parse(tmp_path / "a" / "warehouse.duckdb", tmp_path / "first")
    for folder, stem, parsed_anew in (("b", "warehouse", False), ("a", "other", True)):
        target = tmp_path / f"{folder}-{stem}"
        target.mkdir()
        shutil.copy(tmp_path / "first" / "partial_parse.msgpack", target)
        printed = parse(tmp_path / folder / f"{stem}.duckdb", target)
        assert ("Unable to do partial parsing" in printed) is parsed_anew, printed[-2000:]
