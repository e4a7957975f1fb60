"""Message scores from a local sentiment model (monitor.yml `sentiment.backend: model`), run
with onnxruntime by pipelines/sentiment_model.py. With the lexicon backend (the default) it
scores nothing and stays empty, at no cost. Incremental: a text is scored once by a model of
that name."""

EMPTY = "select ''::varchar as message_key, 0.0::double as model_score, ''::varchar as model"


def model(dbt, session):
    dbt.config(materialized="incremental", unique_key="message_key")
    texts = dbt.ref("int_message_texts")
    if dbt.config.get("backend") != "model":
        return session.sql(f"{EMPTY} where false")

    import pandas as pd

    from pipelines.sentiment_model import SentimentModel

    scorer = SentimentModel(dbt.config.get("model_path"))
    if has_scoring_slice(
        session
    ):  # a large backlog is scored in slices (macros/scoring_slices.sql)
        texts = texts.filter(
            "posted_at < coalesce((select max(score_before) from ops.scoring_slice),"
            " timestamp '9999-12-31')"
        )
    if dbt.is_incremental:
        texts = texts.filter(
            f"message_key not in (select message_key from {dbt.this} "
            f"where model = '{scorer.name.replace(chr(39), chr(39) * 2)}')"
        )
    frame = texts.project("message_key, text").df()
    return pd.DataFrame(
        {
            "message_key": frame["message_key"].astype("object"),
            "model_score": scorer.scores(frame["text"].tolist()),
            "model": scorer.name,
        }
    )


def has_scoring_slice(session) -> bool:
    found = session.execute(
        "select count(*) from duckdb_tables() where schema_name = 'ops'"
        " and table_name = 'scoring_slice'"
    ).fetchall()
    return found[0][0] > 0
