"""Message texts past the retention leave the warehouse; what was derived from them stays."""

import duckdb

from tests.conftest import run_month


def test_old_texts_are_removed_after_their_features_are_kept(monitor_env):
    config = monitor_env.config
    config.write_text(config.read_text() + "message_body_retention_days: 30\n")

    first = run_month("2026-02")
    assert first.success
    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        assert con.execute(
            "select count(*), count(body) from raw.viva_engage_messages"
        ).fetchone() == (5, 0)
        assert con.execute("select count(text) from raw.slack_messages").fetchone() == (0,)
        features = con.execute(
            "select message_key, text_length from intermediate.int_message_features order by 1"
        ).fetchall()
    slack_ts = (
        "1770019200.000000",
        "1770022800.000000",
        "1770026400.000000",
        "1770030000.000000",
        "1770030100.000000",
    )
    assert [key for key, _ in features] == [
        *(f"slack:general:{ts}" for ts in slack_ts),
        *(f"viva_engage:{i}" for i in range(1, 6)),
    ]

    second = run_month("2026-02")  # a rebuild without the texts keeps every feature row
    assert second.success
    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        again = con.execute(
            "select message_key, text_length from intermediate.int_message_features order by 1"
        ).fetchall()
    assert again == features
