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
