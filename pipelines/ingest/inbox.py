"""The inbox: one folder per source, each file (or unzipped export folder) identified by the
SHA-256 of its content, never by name or modification time."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200


class UnsafeArchive(ValueError):
    """An archive that must not be unpacked: names outside it, or a decompression bomb."""


def _check_member_name(name: str) -> None:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise UnsafeArchive(f"member '{name}' points outside the archive (path traversal)")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Read at most `budget` bytes, whatever the member's header claims."""
    limit = min(MAX_MEMBER_BYTES, budget)
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeArchive(
            f"member '{info.filename}' unpacks to more than {limit // (1024 * 1024)} MiB "
            "(a decompression bomb?)"
        )
    return data


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

    def unpacked_bytes(self) -> int:
        """What the item takes unpacked (a ZIP's members as its directory states them): the
        measure of the memory its parse needs. An unreadable archive counts its own size."""
        if self.path.is_dir():
            return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
        try:
            with zipfile.ZipFile(self.path) as archive:
                return sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError):
            return self.size_bytes

    def members(self) -> dict[str, bytes]:
        """The files of a ZIP or of an unzipped export folder, by their path inside it."""
        if self.path.is_dir():
            return {
                p.relative_to(self.path).as_posix(): p.read_bytes()
                for p in sorted(self.path.rglob("*"))
                if p.is_file() and not p.name.startswith(".")
            }
        with zipfile.ZipFile(self.path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            for info in infos:
                _check_member_name(info.filename)
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > MAX_COMPRESSION_RATIO and info.file_size > 10 * 1024 * 1024:
                    raise UnsafeArchive(
                        f"member '{info.filename}' claims to unpack {ratio:.0f} times its "
                        "packed size (a decompression bomb?)"
                    )
            members, budget = {}, MAX_ARCHIVE_BYTES
            for info in infos:
                data = _read_member(archive, info, budget)
                budget -= len(data)
                members[info.filename] = data
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
