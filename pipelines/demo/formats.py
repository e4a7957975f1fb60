"""Writers that reproduce the exporting tools' byte formats, deterministically."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def csv_bytes(
    header: list[str], rows: Iterable[Iterable], bom: bool = True, sep: str = ","
) -> bytes:
    """CSV as Microsoft's exports write it: UTF-8 with BOM, CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """A ZIP with fixed timestamps, so the same seed gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name])
    return path


def json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
