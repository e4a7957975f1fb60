"""A month rendered again after its files changed keeps the earlier report, and a month
rendered without an expected source says so on the page."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess

import dagster as dg

from pipelines.defs.reports.monthly_infographic import monthly_infographic
from pipelines.defs.resources import build_resources


def render(month: str):
    resources = build_resources()
    return dg.materialize(
        [monthly_infographic],
        partition_key=month,
        resources={k: resources[k] for k in ("warehouse", "monitor_config", "reports")},
        instance=dg.DagsterInstance.ephemeral(),
    )


def test_a_changed_month_keeps_the_previous_report_and_names_what_was_missing(fixture_run):
    env, _ = fixture_run
    folder = env.out / "2026-01"
    assert render("2026-01").success
    first = json.loads((folder / "figures.json").read_text())
    assert first["missing_sources"] == ["m365_teams"]  # monitor.yml's expected sources
    text = subprocess.run(
        ["pdftotext", str(folder / "infographic.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Note: without data from m365_teams (not in on time)" in text

    assert render("2026-01").success  # same files: replaced in place, nothing kept
    assert not (folder / "previous").exists()

    # pretend the January report was drawn before a late file arrived
    first["data_fingerprint"] = "from-before-the-late-file"
    (folder / "figures.json").write_text(json.dumps(first))
    pdf_before = (folder / "infographic.pdf").read_bytes()
    result = render("2026-01")
    assert result.success
    kept = folder / "previous" / "1"
    assert sorted(p.name for p in kept.iterdir()) == [
        "dbt_docs.html",  # the dbt docs the earlier figures were computed with
        "figures.json",
        "infographic.pdf",
        "infographic.png",
    ]
    assert json.loads((kept / "figures.json").read_text())["data_fingerprint"] == (
        "from-before-the-late-file"
    )
    assert (kept / "infographic.pdf").read_bytes() == pdf_before
    (event,) = result.get_asset_materialization_events()
    assert event.materialization.metadata["previous_version"].value == str(kept)


def test_a_re_rendered_month_is_delivered_as_revised(fixture_run, tmp_path, monkeypatch):
    from pipelines.defs.reports.monthly_delivery import monthly_delivery
    from pipelines.resources import (
        MonitorConfigResource,
        ReportsResource,
        SmtpResource,
        WarehouseResource,
    )
    from tests.servers import smtp_server

    env, _ = fixture_run
    folder = env.out / "2026-01"
    if not (folder / "infographic.pdf").exists():
        assert render("2026-01").success
    (folder / "previous" / "1").mkdir(parents=True, exist_ok=True)  # an earlier version
    config = tmp_path / "monitor.yml"
    config.write_text(env.config.read_text() + "delivery:\n  email_to: [ic@x.example]\n")
    with smtp_server(monkeypatch) as (_, mailbox):
        result = dg.materialize(
            [monthly_delivery],
            partition_key="2026-01",
            resources={
                "warehouse": WarehouseResource(path=str(env.warehouse)),  # the audit log
                "monitor_config": MonitorConfigResource(path=str(config)),
                "reports": ReportsResource(path=str(env.out)),
                "smtp": SmtpResource(),
            },
            instance=dg.DagsterInstance.ephemeral(),
        )
    assert result.success
    (envelope,) = mailbox.envelopes
    subject = email.message_from_bytes(envelope.content, policy=email.policy.default)["Subject"]
    assert subject == "Social Network Monitor · Fixture BV · January 2026 (revised)"
