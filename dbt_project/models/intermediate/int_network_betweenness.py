"""Per month and person in the reply and mention network, betweenness (pipelines/network.py,
igraph): SQL has no shortest paths. Incremental: a month is computed again only when its
ties changed (their fingerprint differs from the one stored), so a new month costs that
month only. DuckDB only, like every Python model here."""

FINGERPRINTS = """
    select month_start, md5(string_agg(person_key || '>' || other_person_key, ','
        order by person_key, other_person_key)) as ties_fingerprint
    from ties
    group by month_start
"""
TYPED = """
    cast(month_start as date) as month_start,
    cast(person_key as varchar) as person_key,
    cast(betweenness as double) as betweenness,
    cast(ties_fingerprint as varchar) as ties_fingerprint
"""


def model(dbt, session):
    dbt.config(materialized="incremental", unique_key="month_start")
    import pandas as pd

    from pipelines.network import betweenness

    ties = dbt.ref("int_network_ties").project("month_start, person_key, other_person_key")
    months = ties.query("ties", FINGERPRINTS)
    if dbt.is_incremental:
        months = months.filter(
            "(month_start, ties_fingerprint) not in"
            f" (select (month_start, ties_fingerprint) from {dbt.this})"
        )
    rows = []
    for month_start, fingerprint in months.order("month_start").fetchall():
        month = ties.filter(f"month_start = date '{month_start:%Y-%m-%d}'").fetchall()
        scores = betweenness((person, other) for _, person, other in month)
        rows += [(month_start, key, round(score, 6), fingerprint) for key, score in scores.items()]
    frame = pd.DataFrame(
        rows, columns=["month_start", "person_key", "betweenness", "ties_fingerprint"]
    )
    return session.from_df(frame).project(TYPED)
