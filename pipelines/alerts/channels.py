"""Where an alert goes: a generic JSON webhook (POST) and/or e-mail through the same SMTP
resource as the report's delivery."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from ..report import i18n
from ..report.delivery import DeliveryError, build_message
from .record import Signal


class AlertError(RuntimeError):
    """An alert could not be delivered; the message names the channel and the reason."""


def post_json(url: str, payload: dict, timeout: float = 15) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if response.status >= 300:
                raise AlertError(f"webhook {url} answered {response.status}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise AlertError(f"webhook {url} failed: {exc}") from exc


def describe(signal: Signal, language: str) -> tuple[str, str]:
    """Subject and body of an e-mail alert, in the report's language."""
    t = lambda key, **kw: i18n.text(language, key, **kw)  # noqa: E731
    reasons = []
    if signal.turned_red:
        reasons.append(t("alert_red"))
    if signal.is_spike:
        median = i18n.number(signal.median_previous or 0, language, 1)
        reasons.append(t("alert_spike", n=signal.messages, median=median))
    subject = t("alert_subject", issue=signal.issue, day=signal.day.isoformat())
    body = "\n".join(
        [
            subject,
            "",
            *(f"- {r}" for r in reasons),
            t(
                "alert_window",
                n=signal.messages_window,
                sentiment=i18n.number(signal.net_sentiment_window, language, 1, sign=True),
                light=i18n.light_name(signal.light_window, language),
            ),
            t("alert_themes", themes=", ".join(signal.top_themes) or "–"),
        ]
    )
    return subject, body


def send_email(smtp, recipients: list[str], signal: Signal, language: str) -> None:
    """Through `smtp`, the SmtpResource."""
    subject, body = describe(signal, language)
    try:
        smtp.send(build_message(smtp.settings().sender, recipients, subject, body, []))
    except DeliveryError as exc:
        raise AlertError(f"e-mail alert failed: {exc}") from exc
