"""Delivery of the monthly infographic: by e-mail (SMTP settings from the environment,
STARTTLS and login supported) to the configured recipients, and/or copied to a folder."""

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
    def from_env(cls) -> SmtpSettings:
        host = os.environ.get("SNM_SMTP_HOST")
        if not host:
            raise DeliveryError(
                "e-mail recipients are configured but SNM_SMTP_HOST is not set "
                "(also SNM_SMTP_PORT, SNM_SMTP_FROM, SNM_SMTP_USER, SNM_SMTP_PASSWORD, "
                "SNM_SMTP_STARTTLS, SNM_SMTP_CA_FILE)"
            )
        return cls(
            host=host,
            port=int(os.environ.get("SNM_SMTP_PORT", "587")),
            sender=os.environ.get("SNM_SMTP_FROM", "social-network-monitor@localhost"),
            username=os.environ.get("SNM_SMTP_USER") or None,
            password=os.environ.get("SNM_SMTP_PASSWORD") or None,
            starttls=os.environ.get("SNM_SMTP_STARTTLS", "1").lower() in {"1", "true", "yes"},
            ca_file=os.environ.get("SNM_SMTP_CA_FILE") or None,
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
