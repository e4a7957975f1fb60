"""What stands behind a sentiment figure, said in words: the one place where figures.json's
`evidence` (positive / negative / neutral messages, the 90% interval, the words that moved the
figure) and an issue's firm or uncertain light become text, for the yearly HTML and `snm trace`.
"""

from __future__ import annotations

from . import i18n


def light_text(light: str | None, is_firm: bool | None, language: str) -> str:
    """'rood' or 'rood (onzeker)': a light whose 90% interval spans two colours is no finding."""
    named = i18n.light_name(light or "grey", language)
    return f"{named} ({i18n.text(language, 'uncertain')})" if is_firm is False else named


def describe(evidence: dict | None, language: str) -> str:
    """One line: counts, interval and words; says why there is nothing when there is none."""
    if evidence is None:
        return i18n.text(language, "evidence_withheld")
    low, high = evidence["interval_90"]
    none = i18n.text(language, "none_word")
    return i18n.text(
        language,
        "evidence_line",
        positive=evidence["positive"],
        negative=evidence["negative"],
        neutral=evidence["neutral"],
        low=i18n.number(low, language, 1, sign=True),
        high=i18n.number(high, language, 1, sign=True),
        up=", ".join(evidence["words_positive"]) or none,
        down=", ".join(evidence["words_negative"]) or none,
    )


def sentiment_rows(document: dict, language: str) -> list[tuple[str, str, str, str]]:
    """(what, net sentiment, light, evidence) for every top-10 issue and every theme of a
    month's figures.json, in the report's order."""
    rows = []
    figures = {f["id"]: f for f in document["figures"]}
    for issue in (figures.get("issues.top10") or {}).get("value") or []:
        rows.append(
            (
                f"{i18n.text(language, 'issue_word')} {issue['issue']}",
                i18n.number(issue["net_sentiment"], language, 1, sign=True),
                light_text(issue["light"], issue.get("light_is_firm"), language),
                describe(issue.get("evidence"), language),
            )
        )
    for figure_id, figure in figures.items():
        if figure_id.startswith("themes.") and figure_id.endswith(".net_sentiment"):
            theme = figure_id[len("themes.") : -len(".net_sentiment")]
            rows.append(
                (
                    f"{i18n.text(language, 'theme_word')} {theme}",
                    i18n.number(figure["value"], language, 1, sign=True),
                    "",
                    describe(figure.get("evidence"), language),
                )
            )
    return rows
