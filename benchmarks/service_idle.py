"""Benchmark: the CPU an idle service costs, set up with workspace.yaml (the daemon and the
webserver start their own code servers) and with workspace.service.yaml (one code server of its
own, as the README's systemd units do), one after the other in one run.

Every process of the setup and their descendants are sampled from /proc once a second; a
process's CPU is its last sampled user + system time. The inbox is empty, so nothing runs:
what is measured is what the setup costs by itself.

Usage: .venv/bin/python -m benchmarks.service_idle [--minutes 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from pipelines import service_processes

ROOT = service_processes.ROOT
TICKS = os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _processes() -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, CPU seconds so far) of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def _descendants(roots: set[int], table: dict[int, tuple[int, float]]) -> set[int]:
    family, grew = set(roots), True
    while grew:
        grew = False
        for pid, (parent, _) in table.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return family & set(table)


def measure(workspace: str, seconds: float, work: Path) -> dict:
    """Start the setup, wait until it is up, then sample `seconds` of idling."""
    home = work / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    (work / "inbox").mkdir()
    code_port, web_port = _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SNM_", "DAGSTER_"))}
    env |= {
        "DAGSTER_HOME": str(home),
        "SNM_INBOX": str(work / "inbox"),
        "SNM_WAREHOUSE": str(work / "warehouse.duckdb"),
        "SNM_OUT": str(work / "out"),
        "SNM_CONFIG": str(ROOT / "tests" / "fixtures" / "small_inbox" / "monitor.yml"),
        "SNM_PSEUDONYM_KEY": "benchmark-key-0123456789",
        "SNM_CODE_SERVER_PORT": str(code_port),
    }
    service_processes.migrate_instance(env)
    commands = service_processes.commands(workspace, code_port, web_port)
    started = []
    log = (work / "service.log").open("w")
    for name, command in commands.items():
        started.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        if name == "code_server":
            _wait_for_port(code_port)
    time.sleep(120)  # the setup's own start, not counted
    roots = {p.pid for p in started}
    first = {
        pid: cpu
        for pid, (_, cpu) in _processes().items()
        if pid in _descendants(roots, _processes())
    }
    last: dict[int, float] = {}
    code_servers: set[int] = set()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        table = _processes()
        for pid in _descendants(roots, table):
            last[pid] = table[pid][1]
            try:
                if b"api\x00grpc" in (Path("/proc") / str(pid) / "cmdline").read_bytes():
                    code_servers.add(pid)
            except OSError:
                pass
        time.sleep(1)
    for process in started:
        os.killpg(process.pid, signal.SIGTERM)
    for process in started:
        process.wait(timeout=60)
    cpu = sum(value - first.get(pid, 0.0) for pid, value in last.items())
    new_servers = len(code_servers - set(first))
    return {"cpu": cpu, "per_minute": cpu / (seconds / 60), "code_servers_started": new_servers}


def _wait_for_port(port: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not service_processes.listening(port):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no code server on port {port}")
        time.sleep(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5)
    minutes = parser.parse_args().minutes
    print(
        f"| setup ({minutes:g} min idle, empty inbox) | CPU s | CPU s per minute |"
        " code servers started |"
    )
    print("|---|---|---|---|")
    for workspace in ("workspace.yaml", service_processes.SERVICE_WORKSPACE):
        with tempfile.TemporaryDirectory() as work:
            result = measure(workspace, minutes * 60, Path(work))
        print(
            f"| `{workspace}` | {result['cpu']:.0f} | {result['per_minute']:.1f} |"
            f" {result['code_servers_started']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
