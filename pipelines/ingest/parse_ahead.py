"""Large files are parsed ahead in worker processes while this process writes the one before.

Parsing (decoding, typing, pseudonymising, scrubbing texts) is Python work that one core does
at a time; writing must stay in the one process that owns the warehouse. With workers, the
other cores parse the next files meanwhile. Each file is still checked, written and committed
here, in inbox order, exactly as without them: the workers return what `read_item` returns.
Small inboxes are parsed here (starting a worker costs more than it saves).

A file parsed ahead waits on disk, pickled in a temporary folder of this ingestion's own, not
in this process: as Python rows a file takes several times its size, and this process
already holds the one it is writing (BENCHMARKS.md, "Memory of ingestion"). The folder goes
when the ingestion ends, whatever the files' fate.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .bulk import without_cycle_collection
from .inbox import InboxItem
from .layout import ParsedTable
from .pseudonym import Pseudonymiser
from .registry import SOURCES_BY_NAME
from .source import ReadOptions, Source

WORTH_A_WORKER_BYTES = 16 * 1024 * 1024  # below this much to parse, one process does it all


def _a_share_of_memory() -> int:
    """A worker parsing a file peaks at about eight times its unpacked size (Slack: 125 MB
    unpacked, 1.05 GB; BENCHMARKS.md, "Memory of ingestion"). Files are parsed ahead while
    those in the workers take at most a 32nd of the machine's memory unpacked, so the workers
    stay within about a quarter of it; one file always is, so parsing and writing overlap."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 32
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows): assume 8 GB
        return 256 * 1024 * 1024


AHEAD_UNPACKED_BYTES = _a_share_of_memory()

Parsed = tuple[object, dict[str, ParsedTable]]  # (FileResult, tables), as read_item returns

_pseudonymise: Pseudonymiser | None = None  # a worker's own, given once when it starts


def _start_worker(pseudonymise: Pseudonymiser, folder: str) -> None:
    """A worker keeps its pseudonymiser, and makes its temporary files (the staged rows of
    the files it parses, staged.py) in the parse-ahead folder, which goes with the ingestion."""
    global _pseudonymise
    _pseudonymise = pseudonymise
    tempfile.tempdir = folder


def _read(source: Source, item: InboxItem, pseudonymise: Pseudonymiser, options) -> Parsed:
    from .store import read_item  # store imports this module

    return read_item(source, item, pseudonymise, options)


def _parse_in_worker(source_name: str, item: InboxItem, options: ReadOptions, folder: str) -> str:
    """The parsed file, pickled into a file of its own in `folder`."""
    with without_cycle_collection():
        parsed = _read(SOURCES_BY_NAME[source_name], item, _pseudonymise, options)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".pickle", delete=False) as out:
            pickle.dump(parsed, out, protocol=pickle.HIGHEST_PROTOCOL)
        return out.name


def _load(path: str) -> Parsed:
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    finally:
        os.unlink(path)


def workers_for(source: Source, items: Sequence[InboxItem]) -> int:
    """How many worker processes are worth starting: none for a small inbox, a single file,
    one core, or a source the registry does not know by name (a test's own)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    large = sum(item.size_bytes for item in items) >= WORTH_A_WORKER_BYTES
    registered = SOURCES_BY_NAME.get(source.name) is source
    return min(cores or 1, len(items)) if large and registered and len(items) > 1 else 0


class ParseAhead:
    """`take(item)` returns what `read_item` would for `item`, parsing the items after it in
    the workers meanwhile; `items` must be taken (or `skip`ped) in their order."""

    def __init__(
        self,
        source: Source,
        items: Sequence[InboxItem],
        pseudonymise: Pseudonymiser,
        options: ReadOptions,
    ):
        self._source, self._options = source, options
        self._pseudonymise = pseudonymise
        self._waiting = deque(items)
        self._running: deque[tuple[InboxItem, Future, int]] = deque()  # and its unpacked size
        self._unpacked: dict[InboxItem, int] = {}  # read from each archive once
        workers = workers_for(source, items)
        # readable by this user only, like every file tempfile makes
        self._folder = tempfile.mkdtemp(prefix="snm-parsed-") if workers else None
        self._pool = (
            ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded run
                initializer=_start_worker,
                initargs=(pseudonymise, self._folder),
            )
            if workers
            else None
        )
        self._workers = workers

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            shutil.rmtree(self._folder, ignore_errors=True)  # files skipped or left by a failure

    def _fill(self) -> None:
        """Start the next files, one per worker at most, while the memory of those ahead
        allows (see AHEAD_UNPACKED_BYTES)."""
        while self._pool is not None and self._waiting and len(self._running) < self._workers:
            item = self._waiting[0]
            ahead = sum(size for _, _, size in self._running)
            if item not in self._unpacked:
                self._unpacked[item] = item.unpacked_bytes()
            size = self._unpacked[item]
            if self._running and ahead + size > AHEAD_UNPACKED_BYTES:
                return
            self._waiting.popleft()
            future = self._pool.submit(
                _parse_in_worker, self._source.name, item, self._options, self._folder
            )
            self._running.append((item, future, size))

    def take(self, item: InboxItem) -> Parsed:
        self._fill()
        if self._running and self._running[0][0] == item:
            _, future, _ = self._running.popleft()
            self._fill()
            return _load(future.result())
        self._drop(item)
        return _read(self._source, item, self._pseudonymise, self._options)

    def skip(self, item: InboxItem) -> None:
        """The item needs no parsing after all (its content arrived under another name)."""
        self._fill()
        if self._running and self._running[0][0] == item:
            self._running.popleft()[1].cancel()  # when it already runs, its file stays unread
        else:
            self._drop(item)

    def _drop(self, item: InboxItem) -> None:
        if self._waiting and self._waiting[0] == item:
            self._waiting.popleft()
