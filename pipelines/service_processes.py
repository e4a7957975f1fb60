"""The processes of the monitor as a service, as the README's "Running it as a service" starts
them: the instance's storage created once, then a code server of its own and the daemon and
webserver using it (`workspace.service.yaml`), or with `workspace.yaml` the daemon and the
webserver alone (each starts its own code servers). The service test and the idle-service
benchmark start exactly these."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LOCATION = "social_network_monitor"  # the name workspace.service.yaml gives the code server
SERVICE_WORKSPACE = "workspace.service.yaml"


def migrate_instance(env: dict) -> None:
    """Create the instance's storage before two processes could both create it (they race to
    stamp its schema: "alembic_version has more than one head")."""
    subprocess.run(
        [str(BIN / "dagster"), "instance", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def commands(workspace: str, code_port: int, web_port: int) -> dict[str, list[str]]:
    """The commands in the order they start; the code server only for SERVICE_WORKSPACE."""
    started = {}
    if workspace == SERVICE_WORKSPACE:
        started["code_server"] = [
            *(str(BIN / "dagster"), "code-server", "start", "-m", "pipelines.definitions"),
            *("--port", str(code_port), "--location-name", LOCATION),
        ]
    started["daemon"] = [str(BIN / "dagster-daemon"), "run", "-w", workspace]
    started["webserver"] = [str(BIN / "dagster-webserver"), "-w", workspace, "-p", str(web_port)]
    return started


def listening(port: int) -> bool:
    """`dagster code-server start` opens its port once the definitions have loaded."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False
