"""Resources: the warehouse, the inbox, the config file, the pseudonymiser, the output folder,
the mail server and the webhook client.

Each is configured from the environment (pipelines/settings.py) in defs/resources.py;
nothing here opens a file or a connection at definition-load time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from . import warehouse
from .config import MonitorConfig, load_config
from .ingest.pseudonym import Pseudonymiser
from .report.delivery import SmtpSettings
from .settings import DEMO_PSEUDONYM_KEY, ENV_KEY, load_settings


class _Location(dg.ConfigurableResource):
    """A path resource: given (a value, or dg.EnvVar when the variable is set as the code
    location loads), else the setting's value when the run reads it (settings.py)."""

    path: str | None = None

    def _setting(self) -> Path:
        raise NotImplementedError

    @property
    def location(self) -> Path:
        return Path(self.path).expanduser().resolve() if self.path else self._setting()


class WarehouseResource(_Location):
    """The DuckDB file. Only one process may write to it: runs are serialised by the `duckdb`
    pool (dagster.yaml), readers open it read-only, and a briefly held lock is waited for."""

    def _setting(self) -> Path:
        return load_settings().warehouse

    @contextmanager
    def connect(self, read_only: bool = False, wait_seconds: float = 60) -> Iterator:
        try:
            con = warehouse.connect(self.location, read_only=read_only, wait_seconds=wait_seconds)
        except warehouse.WarehouseUnavailable as exc:
            raise dg.Failure(str(exc)) from None
        try:
            yield con
        finally:
            con.close()


class InboxResource(_Location):
    """The inbox folder with one sub-folder per source."""

    def _setting(self) -> Path:
        return load_settings().inbox


class MonitorConfigResource(_Location):
    """monitor.yml, validated each time a run reads it."""

    def _setting(self) -> Path:
        return load_settings().config

    def load(self) -> MonitorConfig:
        return load_config(self.location)


class PseudonymiserResource(dg.ConfigurableResource):
    """The HMAC key, read from SNM_PSEUDONYM_KEY when a run needs it (never shown in the UI).
    Outside demo mode (SNM_DEMO=1) a run refuses to start without one."""

    def pseudonymiser(self) -> Pseudonymiser:
        settings = load_settings()
        if settings.pseudonym_key:
            return Pseudonymiser(settings.pseudonym_key)
        if settings.demo_mode:
            return Pseudonymiser(DEMO_PSEUDONYM_KEY)
        raise dg.Failure(
            f"No pseudonymisation key: set {ENV_KEY} to a long random secret (keep it safe; "
            "a new key gives everybody new pseudonyms). Only the demo runs without one."
        )


class ReportsResource(_Location):
    """Where the rendered reports go: <path>/<YYYY-MM>/."""

    def _setting(self) -> Path:
        return load_settings().out

    def month_dir(self, month: str) -> Path:
        folder = self.location / month
        folder.mkdir(parents=True, exist_ok=True)
        return folder


class SmtpResource(dg.ConfigurableResource):
    """The mail server the monthly report and the e-mail alerts go out through. Set from the
    SNM_SMTP_* variables (defs/resources.py, the password as a secret); a setting left unset
    is read from its variable when mail is sent, so a server configured later is found."""

    host: str | None = None
    port: int | None = None
    sender: str | None = None
    username: str | None = None
    password: str | None = None
    starttls: bool | None = None
    ca_file: str | None = None

    def settings(self) -> SmtpSettings:
        """Raises DeliveryError when no server is configured at all."""
        return SmtpSettings.resolve(self.model_dump())

    def send(self, message) -> None:
        from .report.delivery import send

        send(self.settings(), message)


class WebhookResource(dg.ConfigurableResource):
    """Posts JSON to a webhook (the webcare alerts' channel; monitor.yml names the URL)."""

    timeout_seconds: float = 15

    def post_json(self, url: str, payload: dict) -> None:
        """Raises AlertError naming the URL and what went wrong."""
        from .alerts.channels import post_json

        post_json(url, payload, self.timeout_seconds)
