"""Delivery of the monthly infographic: by e-mail (the SMTP resource, STARTTLS and login
supported) to the configured recipients, and/or copied to a folder."""

from __future__ import annotations

import os
import shutil
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path


class DeliveryError(RuntimeError):
    """The report could not be delivered; the message says where and why."""


# the SNM_* variable each SMTP setting is read from
SMTP_VARIABLES = {
    "host": "SNM_SMTP_HOST",
    "port": "SNM_SMTP_PORT",
    "sender": "SNM_SMTP_FROM",
    "username": "SNM_SMTP_USER",
    "password": "SNM_SMTP_PASSWORD",
    "starttls": "SNM_SMTP_STARTTLS",
    "ca_file": "SNM_SMTP_CA_FILE",
}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    username: str | None
    password: str | None
    starttls: bool
    ca_file: str | None = None

    @classmethod
    def resolve(cls, given: dict) -> SmtpSettings:
        """The settings `given` (the resource's), each one not given from its SNM_SMTP_*
        variable, then the defaults."""

        def value(name: str):
            if given.get(name) is not None:
                return given[name]
            return os.environ.get(SMTP_VARIABLES[name]) or None

        host = value("host")
        if not host:
            raise DeliveryError(
                "e-mail recipients are configured but no SMTP server: set SNM_SMTP_HOST "
                "(also SNM_SMTP_PORT, SNM_SMTP_FROM, SNM_SMTP_USER, SNM_SMTP_PASSWORD, "
                "SNM_SMTP_STARTTLS, SNM_SMTP_CA_FILE)"
            )
        starttls = value("starttls")
        return cls(
            host=host,
            port=int(value("port") or 587),
            sender=value("sender") or "social-network-monitor@localhost",
            username=value("username"),
            password=value("password"),
            starttls=starttls is None or str(starttls).lower() in {"1", "true", "yes"},
            ca_file=value("ca_file"),
        )


def build_message(
    sender: str, recipients: list[str], subject: str, body: str, attachments: list[Path]
) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, ", ".join(recipients), subject
    message.set_content(body)
    for path in attachments:
        subtype = "pdf" if path.suffix == ".pdf" else "png"
        maintype = "application" if subtype == "pdf" else "image"
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message


def send(settings: SmtpSettings, message: EmailMessage) -> None:
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
            if settings.starttls:
                # the system's trusted CAs, or the organisation's own CA bundle
                smtp.starttls(context=ssl.create_default_context(cafile=settings.ca_file))
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"sending to {settings.host}:{settings.port} failed: {exc}") from exc


def copy_to_folder(files: list[Path], folder: Path, month: str) -> list[Path]:
    target = Path(folder) / month
    target.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(path, target / path.name)) for path in files]
