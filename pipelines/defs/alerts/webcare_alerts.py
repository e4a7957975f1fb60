"""The webcare alerts asset: after the marts change, send each new signal once (per issue and
day) to the configured channels, and record it in ops.webcare_alerts."""

import dagster as dg
from dagster_dbt import get_asset_key_for_model

from ...alerts.channels import AlertError, send_email
from ...alerts.record import pending_signals, record
from ...automation_conditions import after_upstream
from ...resources import (
    MonitorConfigResource,
    SmtpResource,
    WarehouseResource,
    WebhookResource,
)
from ..transform.dbt_models import dbt_models


@dg.asset(
    key=["ops", "webcare_alerts"],
    group_name="alerts",
    deps=[get_asset_key_for_model([dbt_models], "fct_issue_alert_signals")],
    description="Interne webcare: an issue turning red or spiking is alerted once per issue and "
    "day (webhook and/or e-mail, monitor.yml `alerts`), recorded in ops.webcare_alerts.",
    kinds={"python", "duckdb"},
    owners=["team:internal-communication"],
    pool="duckdb",
    automation_condition=after_upstream(),
)
def webcare_alerts(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    monitor_config: MonitorConfigResource,
    smtp: SmtpResource,
    webhook: WebhookResource,
) -> dg.MaterializeResult:
    config = monitor_config.load()
    alerts = config.alerts
    channels = (["webhook"] if alerts.webhook_url else []) + (["email"] if alerts.email_to else [])
    sent, failed = [], []
    with warehouse.connect() as con:
        for signal in pending_signals(con, alerts.lookback_days):
            errors = []
            if alerts.webhook_url:
                try:
                    webhook.post_json(alerts.webhook_url, signal.payload())
                except AlertError as exc:
                    errors.append(str(exc))
            if alerts.email_to:
                try:
                    send_email(smtp, alerts.email_to, signal, config.language)
                except AlertError as exc:
                    errors.append(str(exc))
            status = "failed" if errors else ("sent" if channels else "recorded")
            error = "; ".join(errors) or None
            record(con, signal, channels, status, error, context.run.run_id)
            line = f"{signal.issue} {signal.day} ({', '.join(signal.kinds)}): {status}"
            (failed if errors else sent).append(line)
            context.log.info(line + (f": {error}" if error else ""))
        total = con.execute("select count(*) from ops.webcare_alerts").fetchone()[0]
    if failed:  # recorded as failed; the next run tries them again
        raise dg.Failure(f"{len(failed)} alert(s) not delivered: {'; '.join(failed[:5])}")
    return dg.MaterializeResult(
        metadata={
            "alerts_sent": len(sent),
            "channels": ", ".join(channels) or "none configured (recorded only)",
            "alerts": dg.MetadataValue.md("\n".join(f"- {line}" for line in sent) or "none"),
            "dagster/row_count": total,
        }
    )
