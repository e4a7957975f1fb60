"""A new file in the inbox, recognised by its content hash, starts the ingestion of its source.

The sensor remembers (in its cursor) the hash of every file it has asked to ingest; a file is
hashed again only when its size or modification time changed, and is taken only once it has
not changed for SETTLE_SECONDS (a copy still in progress is left for the next tick). A renamed
or re-saved copy of a known file has the same hash and starts nothing."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from ...ingest.inbox import sha256_of
from ...ingest.registry import SOURCES
from ...resources import InboxResource
from ...settings import service_settings
from .jobs import ingest_job

SETTLE_SECONDS = service_settings().inbox_settle_seconds
MAX_REMEMBERED = 50_000


@dataclass
class InboxCursor:
    """Hashes already requested, and the last seen (size, mtime, hash) per path."""

    requested: dict[str, float] = field(default_factory=dict)
    seen: dict[str, list] = field(default_factory=dict)

    @classmethod
    def load(cls, text: str | None) -> InboxCursor:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(requested=data.get("requested", {}), seen=data.get("seen", {}))

    def dump(self) -> str:
        if len(self.requested) > MAX_REMEMBERED:  # the warehouse still skips what it has
            newest = sorted(self.requested.items(), key=lambda kv: kv[1])[-MAX_REMEMBERED:]
            self.requested = dict(newest)
        return json.dumps({"requested": self.requested, "seen": self.seen}, sort_keys=True)


def _signature(path: Path) -> tuple[int, int]:
    """Size and newest modification time; for an unzipped export folder, over its files."""
    if path.is_dir():
        stats = [p.stat() for p in path.rglob("*") if p.is_file()]
        return sum(s.st_size for s in stats), max((s.st_mtime_ns for s in stats), default=0)
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class NewFile:
    source: str
    path: Path
    sha256: str


def scan(inbox: Path, cursor: InboxCursor, now: float) -> tuple[list[NewFile], list[str]]:
    """New settled files by source, and the names of files still being written."""
    new, unsettled = [], []
    for source in SOURCES:
        folder = inbox / source.name
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or (path.is_dir() and not source.allow_folders):
                continue
            size, mtime_ns = _signature(path)
            if now - mtime_ns / 1e9 < SETTLE_SECONDS:
                unsettled.append(f"{source.name}/{path.name}")
                continue
            known = cursor.seen.get(str(path))
            if known and known[0] == size and known[1] == mtime_ns:
                sha = known[2]
            else:
                sha, _ = sha256_of(path)
                cursor.seen[str(path)] = [size, mtime_ns, sha]
            if sha not in cursor.requested:
                new.append(NewFile(source.name, path, sha))
    present = {str(p) for s in SOURCES for p in (inbox / s.name).glob("*")}
    cursor.seen = {k: v for k, v in cursor.seen.items() if k in present}
    return new, unsettled


def run_request(new: list[NewFile]) -> dg.RunRequest:
    """One ingestion run for all new files. Every source is visited (a source without new files
    costs a directory listing) so every raw table exists; the run key is the files' hashes, so
    the same files never start a second run."""
    digest = hashlib.sha256("".join(sorted(f.sha256 for f in new)).encode()).hexdigest()
    sources = sorted({f.source for f in new})
    names = ", ".join(f"{f.source}/{f.path.name}" for f in new)
    return dg.RunRequest(
        run_key=f"ingest:{digest[:32]}",
        tags={"snm/trigger": "inbox", "snm/sources": ",".join(sources), "snm/files": names[:900]},
    )


@dg.sensor(
    job=ingest_job,
    minimum_interval_seconds=service_settings().inbox_sensor_seconds,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="New files in the inbox (by content hash) start the ingestion of their source.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource):
    cursor = InboxCursor.load(context.cursor)
    new, unsettled = scan(inbox.location, cursor, time.time())
    for item in new:
        cursor.requested[item.sha256] = time.time()
    if new:
        context.log.info(f"{len(new)} new file(s): {', '.join(f.path.name for f in new)}")
        return dg.SensorResult(run_requests=[run_request(new)], cursor=cursor.dump())
    reason = "no new files in the inbox"
    if unsettled:
        reason = f"waiting for files still being written: {', '.join(unsettled[:10])}"
    return dg.SensorResult(skip_reason=reason, cursor=cursor.dump())
