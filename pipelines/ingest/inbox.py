"""The inbox: one folder per source, each file (or unzipped export folder) identified by the
SHA-256 of its content, never by name or modification time."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_MEMBER_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class InboxItem:
    source: str
    path: Path
    sha256: str
    size_bytes: int

    @property
    def name(self) -> str:
        return self.path.name

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()

    def members(self) -> dict[str, bytes]:
        """The files of a ZIP or of an unzipped export folder, by their path inside it."""
        if self.path.is_dir():
            return {
                p.relative_to(self.path).as_posix(): p.read_bytes()
                for p in sorted(self.path.rglob("*"))
                if p.is_file() and not p.name.startswith(".")
            }
        with zipfile.ZipFile(self.path) as archive:
            members = {}
            for info in archive.infolist():
                if info.is_dir():
                    continue
                if info.file_size > MAX_MEMBER_BYTES:
                    raise ValueError(f"archive member {info.filename} is too large to read")
                members[info.filename] = archive.read(info)
            return members


def sha256_of(path: Path) -> tuple[str, int]:
    """Content hash and size; a folder hashes its files' relative paths and contents in order."""
    digest = hashlib.sha256()
    size = 0
    if path.is_dir():
        for member in sorted(p for p in path.rglob("*") if p.is_file()):
            inner, inner_size = sha256_of(member)
            digest.update(f"{member.relative_to(path).as_posix()}\0{inner}\n".encode())
            size += inner_size
        return digest.hexdigest(), size
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def list_items(inbox: Path, source: str, allow_folders: bool = False) -> list[InboxItem]:
    """The files waiting in `inbox/<source>/`, sorted by name for a stable ingestion order."""
    folder = Path(inbox) / source
    if not folder.is_dir():
        return []
    items = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or (path.is_dir() and not allow_folders):
            continue
        sha, size = sha256_of(path)
        items.append(InboxItem(source, path, sha, size))
    return items
