"""Webcare alerts reach a real HTTP receiver and a real SMTP server on loopback, once per
issue and day, and are recorded in the warehouse; a failed delivery is retried next time."""

from __future__ import annotations

import email
import email.policy

import dagster as dg
import duckdb
import pytest

from pipelines.defs.alerts.webcare_alerts import webcare_alerts
from pipelines.resources import (
    MonitorConfigResource,
    SmtpResource,
    WarehouseResource,
    WebhookResource,
)
from tests.servers import WebhookReceiver, free_port, smtp_server

SIGNALS = """
create schema intermediate; create schema marts;
create table intermediate.int_messages as select timestamp '2026-03-11 17:00' as posted_at;
create table marts.fct_issue_alert_signals as
select * from (values
    ('storing', date '2026-03-10', 6, 1.0, true, true, 17, -41.2, 'red', ['Werkplek', 'Gebouw']),
    ('parkeren', date '2026-03-11', 7, 2.0, true, false, 9, 11.1, 'green', ['Mobiliteit']),
    ('kantine', date '2026-02-01', 9, 0.0, true, false, 9, 0.0, 'amber', [])  -- too long ago
) s(issue, day, messages, median_previous, is_spike, turned_red, messages_window,
    net_sentiment_window, light_window, top_themes);
"""


@pytest.fixture
def webhook():
    receiver = WebhookReceiver()
    yield receiver.url, receiver.requests
    receiver.close()


@pytest.fixture
def mailbox(monkeypatch):
    with smtp_server(monkeypatch) as (_, box):
        yield box


def materialise(tmp_path, url: str):
    warehouse = tmp_path / "w.duckdb"
    if not warehouse.exists():
        with duckdb.connect(str(warehouse)) as con:
            con.execute(SIGNALS)
    config = tmp_path / "monitor.yml"
    config.write_text(
        "organisation: Test\nlanguage: en\n"
        f"alerts:\n  webhook_url: {url}\n  email_to: [webcare@x.example]\n"
    )
    result = dg.materialize(
        [webcare_alerts],
        resources={
            "warehouse": WarehouseResource(path=str(warehouse)),
            "monitor_config": MonitorConfigResource(path=str(config)),
            "smtp": SmtpResource(),  # SNM_SMTP_* point at the test's server
            "webhook": WebhookResource(timeout_seconds=5),
        },
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select issue, day::varchar, kinds, status, channels from ops.webcare_alerts"
            " order by day"
        ).fetchall()
    return result, rows


def test_each_new_signal_is_sent_once_to_both_channels_and_recorded(tmp_path, webhook, mailbox):
    url, received = webhook
    result, rows = materialise(tmp_path, url)
    assert result.success
    assert rows == [
        ("storing", "2026-03-10", "turned_red,spike", "sent", ["webhook", "email"]),
        ("parkeren", "2026-03-11", "spike", "sent", ["webhook", "email"]),
    ]  # kantine's spike is older than the 7-day look-back
    content_type, first = received[0]
    assert content_type == "application/json"
    assert first == {
        "type": "snm.webcare_alert",
        "issue": "storing",
        "day": "2026-03-10",
        "kinds": ["turned_red", "spike"],
        "messages": 6,
        "median_previous_days": 1.0,
        "messages_in_light_window": 17,
        "net_sentiment_in_light_window": -41.2,
        "light": "red",
        "top_themes": ["Werkplek", "Gebouw"],
    }
    message = email.message_from_bytes(mailbox.envelopes[0].content, policy=email.policy.default)
    assert message["Subject"] == "Webcare: issue 'storing' on 2026-03-10"
    body = message.get_content()
    assert "its light over the last days turned red" in body
    assert "6 messages in one day, against a median of 1.0 a day" in body
    assert "Top themes: Werkplek, Gebouw" in body

    again, rows_again = materialise(tmp_path, url)
    assert again.success and rows_again == rows
    assert len(received) == 2 and len(mailbox.envelopes) == 2  # once per issue and day
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        logged = con.execute(
            "select run_id, event, period, subject, detail from ops.audit_log"
            " where event like 'alert%' order by logged_at"
        ).fetchall()
    assert logged == [  # in the audit log once each, with the run that sent it
        (result.run_id, "alert sent", "2026-03", "issue storing on 2026-03-10",
         "turned_red+spike via webhook, email"),
        (result.run_id, "alert sent", "2026-03", "issue parkeren on 2026-03-11",
         "spike via webhook, email"),
    ]  # fmt: skip


def test_an_unreachable_channel_fails_the_run_and_is_retried(tmp_path, webhook, mailbox):
    url, received = webhook
    dead = f"http://127.0.0.1:{free_port()}/nobody-listens"
    failed, rows = materialise(tmp_path, dead)
    assert not failed.success
    assert [status for *_, status, _ in rows] == ["failed", "failed"]
    retried, rows = materialise(tmp_path, url)
    assert retried.success
    assert [status for *_, status, _ in rows] == ["sent", "sent"]
    assert [payload["issue"] for _, payload in received] == ["storing", "parkeren"]
