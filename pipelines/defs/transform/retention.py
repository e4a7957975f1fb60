"""Message bodies are kept only as long as the config says. Bodies older than the retention are
removed from the raw layer, but only once their features are safe in int_message_features,
so the figures derived from them stay."""

from datetime import UTC, datetime, timedelta

import dagster as dg
from dagster_dbt import get_asset_key_for_model

from ...resources import MonitorConfigResource, WarehouseResource
from .dbt_models import dbt_models

# raw table, text column, time column, its staging model (which builds the message key) and
# the columns that name a message there: every raw copy of a message loses its text
TEXT_COLUMNS = (
    ("viva_engage_messages", "body", "created_at", "stg_viva_engage__messages", ("message_id",)),
    ("slack_messages", "text", "message_at", "stg_slack__messages", ("channel_name", "message_ts")),
)


def remove_old_bodies(con, retention_days: int, now: datetime) -> dict[str, int]:
    cutoff = now - timedelta(days=retention_days)
    removed = {}
    for table, column, posted, staging, names in TEXT_COLUMNS:
        same_message = " and ".join(f"s.{name} = t.{name}" for name in names)
        (count,) = con.execute(
            f"""
            update raw.{table} t set {column} = null
            where {column} is not null and {posted} < ?
              and exists (
                select 1
                from staging.{staging} s
                inner join intermediate.int_message_features f using (message_key)
                where {same_message}
              )
            """,
            [cutoff],
        ).fetchone()
        removed[table] = count
    return removed


@dg.asset(
    key=["raw", "message_body_retention"],
    group_name="raw",
    deps=[get_asset_key_for_model([dbt_models], "int_message_features")],
    description="Removes message texts older than the configured retention from the raw "
    "layer, after their features were kept.",
    kinds={"python", "duckdb"},
    owners=["team:data-engineering"],
    pool="duckdb",
)
def message_body_retention(
    warehouse: WarehouseResource, monitor_config: MonitorConfigResource
) -> dg.MaterializeResult:
    days = monitor_config.load().message_body_retention_days
    if days is None:
        return dg.MaterializeResult(metadata={"retention_days": "none (texts are kept)"})
    with warehouse.connect() as con:
        removed = remove_old_bodies(con, days, datetime.now(UTC).replace(tzinfo=None))
    return dg.MaterializeResult(
        metadata={"retention_days": days, **{f"removed_{t}": n for t, n in removed.items()}}
    )
