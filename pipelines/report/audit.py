"""The audit questions of the method (seeds 001, step 2 "Sociale IC Audit" and step 5
"Rapporteer"), one per audit area, answered from the year's figures for the yearly monitor."""

from __future__ import annotations

from ..months import parse_month
from . import i18n
from .catalogue import catalogue

QUESTIONS = {  # per audit area (the yearly monitor's sections, yearly.AUDIT_AREAS)
    "nl": {
        "organisation": "Hoe groot is de organisatie, en hoe verandert ze?",
        "people": "Wie bereiken we met de sociale tools, en wie niet?",
        "tools": "Welke tools worden gebruikt, en hoeveel e-mail gaat er rond?",
        "networks": "Welke netwerken en thema's zijn succesvol, en wie draagt bij?",
        "issues": "Welke issues spelen er, en met welk sentiment?",
        "yields": "Wat leveren de netwerken op?",
        "output": "Wat gebeurde er met wat de netwerken signaleerden?",
    },
    "en": {
        "organisation": "How large is the organisation, and how is it changing?",
        "people": "Whom do the social tools reach, and whom not?",
        "tools": "Which tools are used, and how much e-mail goes round?",
        "networks": "Which networks and themes succeed, and who contributes?",
        "issues": "Which issues are raised, and with what sentiment?",
        "yields": "What do the networks yield?",
        "output": "What happened with what the networks signalled?",
    },
}

ANSWERS = {
    "nl": {
        "organisation": "{n} medewerkers in {month} ({c} t.o.v. een jaar eerder).",
        "reach": "{v}% is actief op een sociale tool ({c} procentpunt op jaarbasis); laagst "
        "bereikt: {low}; hoogst: {high}.",
        "tools": "Gebruik in {month}: {tools}. E-mail per persoon per dag: {email} ({ec}% t.o.v. "
        "de basis). Adoptie: {adoption}.",
        "themes": "Succesvol: {themes}. {x}% van de schrijvers schrijft 80% van de berichten. "
        "Netwerk: {p} mensen verbonden, {c}% van de verbindingen tussen afdelingen; meest naar "
        "binnen gericht: {silo}.",
        "issues": "Meeste berichten: {issues}. Netto sentiment over alle berichten: {s}.",
        "yields": "{ideas} ideeën dit jaar, {adopted} overgenomen; betrokkenheid {e} "
        "(respons {r}%).",
        "output": "{s} signalen dit jaar, {r} beantwoord en {a} opgevolgd; mediaan tot "
        "antwoord in {month}: {d} dagen.",
        "none": "geen",
    },
    "en": {
        "organisation": "{n} employees in {month} ({c} on a year earlier).",
        "reach": "{v}% are active on a social tool ({c} points on the year); least reached: "
        "{low}; most: {high}.",
        "tools": "Usage in {month}: {tools}. E-mail per person per day: {email} ({ec}% vs "
        "the baseline). Adoption: {adoption}.",
        "themes": "Successful: {themes}. {x}% of writers write 80% of the messages. Network: "
        "{p} people tied, {c}% of ties across departments; most inward-looking: {silo}.",
        "issues": "Most messages: {issues}. Net sentiment over all messages: {s}.",
        "yields": "{ideas} ideas this year, {adopted} adopted; engagement {e} (response {r}%).",
        "output": "{s} signals this year, {r} answered and {a} acted on; median days to an "
        "answer in {month}: {d}.",
        "none": "none",
    },
}


def _values(document: dict) -> dict:
    return {f["id"]: f for f in document["figures"]}


def answers(documents: dict, year: int, changes: dict, language: str) -> dict[str, tuple[str, str]]:
    """Audit area -> (question, answer), from the year's last month and the year's totals."""
    months = sorted(m for m in documents if m.startswith(str(year)))
    last = documents[months[-1]]
    figures = _values(last)
    a = ANSWERS[language]

    def v(figure_id, decimals=None, sign=False):
        """The figure as the catalogue prints it (or with `decimals`)."""
        figure = figures.get(figure_id)
        value = figure["value"] if figure else None
        if decimals is None:
            decimals = catalogue().decimals(figure_id)
        return i18n.number(value, language, decimals, sign=sign)

    def total(figure_id):
        values = [_values(documents[m]).get(figure_id, {}).get("value") for m in months]
        return i18n.number(sum(x for x in values if x is not None), language, 0)

    month = i18n.month_name(parse_month(months[-1]), language)
    reach = sorted(
        (f["value"], f"{i18n.dimension_name(p['dimension'], language)} {p['segment']}")
        for f, p in catalogue().each(last, "reach.{dimension}.{segment}")
        if not f.get("suppressed") and f["value"] is not None
    )
    shown = lambda pairs: ", ".join(  # noqa: E731
        f"{name} ({i18n.number(pct, language, 0)}%)" for pct, name in pairs
    )
    tools = sorted(
        (
            (f["value"], p["tool"])
            for f, p in catalogue().each(last, "tool_usage_pct.{tool}")
            if f["value"] is not None
        ),
        reverse=True,
    )
    successful = sorted(
        p["theme"] for f, p in catalogue().each(last, "themes.{theme}.is_successful") if f["value"]
    )
    phases: dict[str, list[str]] = {}  # phase -> the tools in it, with their share
    for f, p in catalogue().each(last, "adoption.{tool}.phase"):
        if f["value"] is not None:
            share = figures[f"adoption.{p['tool']}.adopters_pct"]["value"]
            named = f"{i18n.tool_name(p['tool'])} {i18n.number(share, language, 0)}%"
            phases.setdefault(f["value"], []).append(named)
    adoption = "; ".join(
        f"{', '.join(tools)}: {i18n.phase_name(phase, language)}, "
        f"{i18n.text(language, f'advice_{phase}')}"
        for phase, tools in phases.items()
    )
    silos = sorted(
        (
            (f["value"], p["department"])
            for f, p in catalogue().each(last, "network.silo.{department}")
            if not f.get("suppressed") and f["value"]  # 0%: looks outward, no silo
        ),
        reverse=True,
    )
    top = (figures.get("issues.top10") or {}).get("value") or []
    issues = (
        ", ".join(f"{i['issue']} ({i18n.light_name(i['light'], language)})" for i in top[:3])
        or a["none"]
    )
    texts = [
        a["organisation"].format(
            n=v("headcount"),
            month=month,
            c=i18n.number(changes.get("headcount"), language, 0, sign=True),
        ),
        a["reach"].format(
            v=v("social_active_pct"),
            c=i18n.number(changes.get("social_active_pct"), language, 1, sign=True),
            low=shown(reach[:2]) or a["none"],
            high=shown(reach[-2:][::-1]) or a["none"],
        ),
        a["tools"].format(
            month=month,
            tools=", ".join(
                f"{i18n.tool_name(t)} {i18n.number(p, language, 1)}%" for p, t in tools
            ),
            email=v("yields.email_sent_per_person_per_day"),
            ec=v("yields.email_change_vs_baseline_pct", sign=True),
            adoption=adoption or a["none"],
        ),
        a["themes"].format(
            themes=", ".join(successful) or a["none"],
            x=v("participation.all.pct_for_80", 0),
            p=v("network.people"),
            c=v("network.cross_department_pct", 0),
            silo=", ".join(f"{d} ({i18n.number(pct, language, 0)}%)" for pct, d in silos[:2])
            or a["none"],
        ),
        a["issues"].format(issues=issues, s=v("participation.all.net_sentiment")),
        a["yields"].format(
            ideas=total("yields.ideas"),
            adopted=total("yields.ideas_adopted"),
            e=v("yields.engagement_index"),
            r=v("yields.survey_response_rate_pct", 0),
        ),
        a["output"].format(
            s=total("yields.signalled"),
            r=total("yields.responded"),
            a=total("yields.acted_on"),
            month=month,
            d=v("yields.median_days_to_response"),
        ),
    ]
    return {
        area: (question, text)
        for (area, question), text in zip(QUESTIONS[language].items(), texts, strict=True)
    }
