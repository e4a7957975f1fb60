"""The month's infographic reaches its readers: a real SMTP server on loopback (aiosmtpd, with
login) receives the e-mail with the PDF attached, and a copy lands in the configured folder."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.conftest import run_month


class Mailbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's API)
        self.envelopes.append(envelope)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    data = auth_data
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"ic", b"geheim")
    return AuthResult(success=ok)


@pytest.fixture
def smtp_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False
    )
    controller.start()
    yield port, mailbox
    controller.stop()


def test_the_infographic_is_mailed_with_the_pdf_and_copied(
    monitor_env, smtp_server, monkeypatch, tmp_path
):
    port, mailbox = smtp_server
    share = tmp_path / "share"
    monitor_env.config.write_text(
        monitor_env.config.read_text()
        + f"delivery:\n  email_to: [ic@fixture.example]\n  copy_to_folder: {share}\n"
    )
    for name, value in {
        "SNM_SMTP_HOST": "127.0.0.1",
        "SNM_SMTP_PORT": str(port),
        "SNM_SMTP_FROM": "monitor@fixture.example",
        "SNM_SMTP_USER": "ic",
        "SNM_SMTP_PASSWORD": "geheim",
        "SNM_SMTP_STARTTLS": "0",
    }.items():
        monkeypatch.setenv(name, value)

    result = run_month("2026-02")

    assert result.success
    (envelope,) = mailbox.envelopes
    assert envelope.rcpt_tos == ["ic@fixture.example"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert message["Subject"] == "Social Network Monitor · Fixture BV · February 2026"
    attachments = {
        part.get_filename(): part.get_payload(decode=True)
        for part in message.walk()
        if part.get_filename()
    }
    pdf = (monitor_env.out / "2026-02" / "infographic.pdf").read_bytes()
    assert attachments["infographic.pdf"] == pdf
    assert (share / "2026-02" / "infographic.pdf").read_bytes() == pdf
    assert (share / "2026-02" / "infographic.png").exists()


def test_recipients_without_smtp_settings_fail_the_delivery_clearly(monitor_env, monkeypatch):
    monkeypatch.delenv("SNM_SMTP_HOST", raising=False)
    monitor_env.config.write_text(
        monitor_env.config.read_text() + "delivery:\n  email_to: [ic@fixture.example]\n"
    )
    result = run_month("2026-02")
    assert not result.success
    (failure,) = result.get_step_failure_events()
    assert failure.step_key == "reports__monthly_delivery"
    assert "SNM_SMTP_HOST is not set" in failure.event_specific_data.error.message
    assert (monitor_env.out / "2026-02" / "infographic.png").exists()  # the report itself stays
