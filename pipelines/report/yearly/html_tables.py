"""The yearly monitor's tables for the HTML page: the sentiment's evidence, the benchmark,
the FAQ candidates, the ambassadors and the appendix of every figure with its lineage."""

from __future__ import annotations

import html

from .. import evidence, i18n
from .labels import label, shown


def sentiment_evidence(document: dict, language: str) -> str:
    """The last month's issues and themes with the evidence behind their sentiment."""
    heads = "".join(f"<th>{h}</th>" for h in i18n.text(language, "evidence_columns").split("|"))
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in evidence.sentiment_rows(document, language)
    )
    title = i18n.text(language, "evidence_title", month=document["month"])
    return f"<h2>{html.escape(title)}</h2><table><tr>{heads}</tr>{rows}</table>"


def benchmark_table(compared: dict, language: str) -> str:
    """This organisation against the pooled benchmark files, ratio by ratio."""
    t = lambda key, **kw: i18n.text(language, key, **kw)  # noqa: E731
    heads = "".join(f"<th>{h}</th>" for h in t("benchmark_columns").split("|"))
    rows = "".join(
        f"<tr><td>{html.escape(label(ratio, language))}</td><td>{shown(r['ours'], language)}</td>"
        f"<td>{shown(r['q1'], language)}</td><td>{shown(r['median'], language)}</td>"
        f"<td>{shown(r['q3'], language)}</td><td>{r['organisations']}</td>"
        f"<td>{t('benchmark_' + r['position'])}</td></tr>"
        for ratio, r in compared["ratios"].items()
    )
    note = t("benchmark_note", bands=", ".join(compared["pool_size_bands"]) or "–")
    return (
        f"<h2>{html.escape(t('benchmark_title', year=compared['year']))}</h2><p>{note}</p>"
        f"<table><tr>{heads}</tr>{rows}</table>"
    )


def faq_candidates(document: dict, language: str) -> str:
    """The last month's questions that drew the most colleagues: material for a FAQ list."""
    figure = next((f for f in document["figures"] if f["id"] == "faq.candidates"), None)
    candidates = (figure or {}).get("value") or []
    title = i18n.text(language, "faq_title", month=document["month"])
    if not candidates:
        return f"<h3>{html.escape(title)}</h3><p>{i18n.text(language, 'faq_none')}</p>"
    heads = "".join(f"<th>{h}</th>" for h in i18n.text(language, "faq_columns").split("|"))
    rows = "".join(
        f"<tr><td>{html.escape(c['theme'])}</td><td>{c['rank']}</td>"
        f"<td>{html.escape(c['first_line'] or i18n.text(language, 'faq_text_gone'))}</td>"
        f"<td>{c['distinct_repliers']}</td><td>{c['replies']}</td></tr>"
        for c in candidates
    )
    return f"<h3>{html.escape(title)}</h3><table><tr>{heads}</tr>{rows}</table>"


def ambassadors(document: dict, language: str) -> str:
    """The last month's first followers and fans: by name those who agreed, the others as a
    count per department; what departments below the minimum group size hold, together."""
    values = {f["id"]: f["value"] for f in document["figures"]}
    named = values.get("ambassadors.named") or []
    unnamed = values.get("ambassadors.unnamed") or []
    title = i18n.text(language, "ambassadors_title", month=document["month"])
    if not (values.get("ambassadors.first_followers") or values.get("ambassadors.fans")):
        return f"<h3>{html.escape(title)}</h3><p>{i18n.text(language, 'ambassadors_none')}</p>"
    parts = [f"<h3>{html.escape(title)}</h3>"]
    if named:
        heads = "".join(
            f"<th>{h}</th>" for h in i18n.text(language, "ambassadors_columns").split("|")
        )
        rows = "".join(
            f"<tr><td>{i18n.role_name(a['role'], language)}</td>"
            f"<td>{html.escape(a['display_name'])}</td><td>{html.escape(a['department'])}</td>"
            f"<td>{html.escape(a['tool'] or '')}</td><td>{shown(a['degree'], language)}</td>"
            f"<td>{shown(a['responses_received'], language)}</td></tr>"
            for a in named
        )
        parts.append(f"<table><tr>{heads}</tr>{rows}</table>")
    counts = []
    for role, total in (
        ("first_follower", values.get("ambassadors.first_followers") or 0),
        ("fan", values.get("ambassadors.fans") or 0),
    ):
        shown_here = [u for u in unnamed if u["role"] == role]
        listed = ", ".join(f"{html.escape(u['department'])} {u['unnamed']}" for u in shown_here)
        # people, not rows: a first follower of two tools is named once
        named_people = len({a["display_name"] for a in named if a["role"] == role})
        hidden = total - named_people - sum(u["unnamed"] for u in shown_here)
        if hidden > 0:
            more = i18n.text(language, "ambassadors_hidden", n=hidden)
            listed = f"{listed}; {more}" if listed else more
        if listed:
            counts.append(f"{i18n.role_name(role, language)}: {listed}")
    if counts:
        text = i18n.text(language, "ambassadors_unnamed", counts="; ".join(counts))
        parts.append(f"<p>{text}</p>")
    return "".join(parts)


def appendix(document: dict, language: str) -> str:
    rows = []
    for figure in document["figures"]:
        lineage = figure["lineage"]
        files = "<br>".join(
            f"{html.escape(f['name'])} ({f['sha256'][:12]}…, {f['rows_used']} rows)"
            for f in lineage["source_files"]
        )
        value = html.escape(str(figure["value"]))
        rows.append(
            f"<tr><td>{html.escape(label(figure['id'], language))}<br>"
            f"<code>{html.escape(figure['id'])}</code></td><td>{value}</td>"
            f"<td>{lineage['dbt_model']}.{html.escape(lineage['column'])}</td>"
            f"<td>{files}</td></tr>"
        )
    return (
        f"<h2>{i18n.text(language, 'appendix', month=document['month'])}</h2><table><tr>"
        f"<th>{i18n.text(language, 'figure')}</th><th>{i18n.text(language, 'value')}</th>"
        "<th>dbt model.column</th>"
        f"<th>{i18n.text(language, 'source_files')}</th></tr>{''.join(rows)}</table>"
    )
