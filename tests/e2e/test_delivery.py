"""The month's infographic reaches its readers: a real SMTP server on loopback (aiosmtpd, with
login) receives the e-mail with the PDF attached, and a copy lands in the configured folder."""

import email
import email.policy

import duckdb
import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.conftest import run_month
from tests.servers import smtp_server


def authenticate(server, session, envelope, mechanism, auth_data):
    data = auth_data
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"ic", b"geheim")
    return AuthResult(success=ok)


@pytest.fixture
def smtp_with_login():
    with smtp_server(authenticator=authenticate, auth_require_tls=False) as server:
        yield server


def test_the_infographic_is_mailed_with_the_pdf_and_copied(
    monitor_env, smtp_with_login, monkeypatch, tmp_path
):
    port, mailbox = smtp_with_login
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
    # the audit log says it went out, with its time and run, but holds no address
    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        logged = con.execute(
            "select run_id, period, detail from ops.audit_log where event = 'delivered'"
        ).fetchall()
    assert logged == [
        (result.run_id, "2026-02", f"e-mailed to 1 recipient(s); copied to {share / '2026-02'}")
    ]


def test_recipients_without_smtp_settings_fail_the_delivery_clearly(monitor_env, monkeypatch):
    monkeypatch.delenv("SNM_SMTP_HOST", raising=False)
    monitor_env.config.write_text(
        monitor_env.config.read_text() + "delivery:\n  email_to: [ic@fixture.example]\n"
    )
    result = run_month("2026-02")
    assert not result.success
    (failure,) = result.get_step_failure_events()
    assert failure.step_key == "reports__monthly_delivery"
    assert "no SMTP server: set SNM_SMTP_HOST" in failure.event_specific_data.error.message
    assert (monitor_env.out / "2026-02" / "infographic.png").exists()  # the report itself stays


def make_certificate(folder):
    """A throw-away CA and a certificate for 127.0.0.1 signed by it."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def name(common):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Test CA"))
        .issuer_name(name("Test CA"))
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    paths = {name: folder / f"{name}.pem" for name in ("ca", "cert", "key")}
    paths["ca"].write_bytes(ca.public_bytes(pem))
    paths["cert"].write_bytes(leaf.public_bytes(pem))
    paths["key"].write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths


def test_starttls_with_login_against_a_server_that_requires_it(tmp_path, monkeypatch):
    """The server refuses AUTH before STARTTLS; the client upgrades, checks the certificate
    against the organisation's CA (SNM_SMTP_CA_FILE), logs in and sends."""
    import ssl

    from pipelines.report.delivery import DeliveryError, build_message
    from pipelines.resources import SmtpResource

    paths = make_certificate(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(paths["cert"], paths["key"])
    with smtp_server(
        authenticator=authenticate,
        tls_context=server_tls,
        require_starttls=True,
        auth_require_tls=True,
    ) as (port, mailbox):
        attachment = tmp_path / "infographic.pdf"
        attachment.write_bytes(b"%PDF-1.4 test")
        for name, value in {
            "SNM_SMTP_HOST": "127.0.0.1",
            "SNM_SMTP_PORT": str(port),
            "SNM_SMTP_USER": "ic",
            "SNM_SMTP_PASSWORD": "geheim",
            "SNM_SMTP_CA_FILE": str(paths["ca"]),
        }.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("SNM_SMTP_STARTTLS", raising=False)  # STARTTLS is the default
        smtp = SmtpResource()  # as the Definitions make it: each setting from SNM_SMTP_*
        message = build_message(smtp.settings().sender, ["ic@x.example"], "s", "b", [attachment])
        smtp.send(message)
        (envelope,) = mailbox.envelopes
        assert b"%PDF-1.4 test" in base64_decoded_parts(envelope.content)

        # given settings win over the environment; without the organisation's CA the
        # certificate is not trusted: a clear failure
        for name in ("SNM_SMTP_HOST", "SNM_SMTP_PORT", "SNM_SMTP_CA_FILE"):
            monkeypatch.delenv(name)
        untrusted = SmtpResource(host="127.0.0.1", port=port)
        assert untrusted.settings().username == "ic"  # the rest still from SNM_SMTP_*
        with pytest.raises(DeliveryError, match="CERTIFICATE_VERIFY_FAILED"):
            untrusted.send(message)
        assert len(mailbox.envelopes) == 1


def base64_decoded_parts(content: bytes) -> bytes:
    message = email.message_from_bytes(content, policy=email.policy.default)
    return b"".join(part.get_payload(decode=True) or b"" for part in message.walk())
