"""Report wording and number formatting in Dutch and English."""

from __future__ import annotations

from datetime import date

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}

STRINGS = {
    "nl": {
        "title": "Social Network Monitor",
        "usage_title": "Gebruik per tool (%)",
        "trend_title": "Trend, laatste {n} maanden (%)",
        "no_data": "geen gegevens",
        "no_data_part": "geen gegevens voor dit onderdeel deze maand",
        "no_data_year": "geen gegevens voor dit onderdeel dit jaar",
        "no_threads": "n.v.t.: geen threads",
        "not_matched": "niet te koppelen aan het personeelsbestand",
        "window_days": "{n}-daags venster",
        "coverage_note": "Let op, gekoppeld aan het personeelsbestand: {sources}",
        "funnel_title_none": "Adoptiefunnel",
        "lorenz_title_none": "Wie schrijft de berichten?",
        "footer": "Gegevens {period} · run {run_id}\nHerkomst van elk cijfer: {lineage}",
        "pp": "%-punt",
        "tile_headcount": "Medewerkers",
        "tile_social": "Actief op sociale tools",
        "tile_engagement": "Betrokkenheid",
        "tile_sentiment": "Netto sentiment",
        "funnel_title": "Adoptiefunnel {platform}",
        "ambition": "Ambitieniveau: {level}",
        "steps": "Bereik|Bezoek|Bekijken|Reageren|Bijdragen",
        "lorenz_title": "{x}% schrijft 80% van de berichten",
        "lorenz_x": "% van de schrijvers (meest actief eerst)",
        "lorenz_y": "% van de berichten",
        "split": "lezers {l}% · af en toe {o}% · veelschrijvers {h}%",
        "issues_title": "Top-10 issues",
        "themes_title": "Thema's",
        "yields_title": "Opbrengsten",
        "reach_title": "Wie bereiken we? (%)",
        "all_platforms": "alle platforms",
        "dimensions": "department=afdeling|location=locatie|role_type=functie|age_band=leeftijd",
        "messages": "berichten",
        "vs_last": "t.o.v. {month}",
        "revised": "herzien",
        "lights": "green=groen|amber=oranje|red=rood|grey=grijs",
        "uncertain": "onzeker",
        "none_word": "geen",
        "issue_word": "issue",
        "theme_word": "thema",
        "evidence_title": "Wat achter het sentiment zit ({month})",
        "evidence_columns": "wat|netto sentiment|licht|onderbouwing",
        "evidence_line": (
            "{positive} positief, {negative} negatief, {neutral} neutraal; 90%-interval {low} "
            "tot {high}; woorden + {up}; − {down}"
        ),
        "evidence_withheld": "niet getoond: minder schrijvers dan de minimale groepsgrootte",
        "alert_subject": "Webcare: issue '{issue}' op {day}",
        "alert_red": "het stoplicht van de afgelopen dagen is rood geworden",
        "alert_spike": "{n} berichten op één dag, tegen een mediaan van {median} per dag",
        "alert_window": "Venster: {n} berichten, netto sentiment {sentiment}, licht {light}",
        "alert_themes": "Belangrijkste thema's: {themes}",
        "missing": "Let op: zonder gegevens van {sources} (niet op tijd binnen)",
        "replaced": "Gecorrigeerde bestanden (nieuw ← vervangen): {files}",
        "section_organisation": "Organisatie",
        "section_people": "Mensen en segmenten",
        "section_tools": "Tools en infrastructuur",
        "section_networks": "Netwerken en thema's",
        "section_issues": "Issues en sentiment",
        "section_yields": "Opbrengsten",
        "section_output": "Wat gebeurde er met de output van de netwerken",
        "issue_messages": "Berichten over {issue}",
        "issue_net_sentiment": "Netto sentiment over {issue}",
        "figure": "cijfer",
        "value": "waarde",
        "source_files": "bronbestanden",
        "appendix": "Bijlage: elk cijfer van {month} met zijn herkomst",
        "network_picture_title": "Wie antwoordt of noemt wie, per kwartaal · {year}",
        "network_picture_caption": "Elke stip is een medewerker, elke lijn een antwoord of "
        "vermelding tussen twee mensen; geen namen. Mensen per kwartaal: {counts} (getekend: "
        "de grootste samenhangende groep van de {most} best verbonden).",
        "small_departments": "kleine afdelingen",
        "heartbeat_title": "De hartslag: berichten per dag over de drukste thema's en issues · "
        "{period}",
        "heartbeat_caption": "Oranje stip: een piek in aandacht (ver boven de vier weken "
        "ervoor, robuuste z-score). Stippellijn: een gebeurtenis uit de agenda (inbox/events).",
        "heartbeat_axis": "berichten per dag",
        "pulse_title": "Hartslag: berichten per dag over de drukste thema's en issues",
        "pulse_network": "Netwerk: {people} mensen, {cross}% van de verbindingen tussen "
        "afdelingen · {first_followers} eerste volgers · {fans} fans",
        "pulse_no_network": "Netwerk onbekend: geen berichtenexport deze maand",
        "pulse_none": "Geen berichten over thema's of issues deze maand",
        "heartbeat_theme": "thema",
        "heartbeat_events": "Gebeurtenissen",
        "heartbeat_spike": "piek",
        "heartbeat_event": "gebeurtenis",
        "table_day": "Dag",
        "table_what": "Wat",
        "table_messages": "Berichten",
        "benchmark_title": "Vergeleken met andere organisaties · {year}",
        "benchmark_columns": "Cijfer|Wij|Q1|Mediaan|Q3|Organisaties|Waar wij staan",
        "benchmark_note": "Gemiddelden over het jaar, gedeeld als anonieme verhoudingen "
        "(snm benchmark export); grootteklassen in de pool: {bands}.",
        "benchmark_caption": "Grijze balk: de middelste helft van de organisaties (Q1-Q3); "
        "streep: de mediaan; stip: wij.",
        "benchmark_below_q1": "onder het eerste kwartiel",
        "benchmark_between": "tussen de kwartielen",
        "benchmark_above_q3": "boven het derde kwartiel",
        "faq_title": "FAQ-kandidaten van {month}: vragen waarop de meeste collega's reageerden",
        "faq_none": "Geen vragen met reacties van collega's deze maand.",
        "faq_columns": "Thema|#|Vraag (eerste regel)|Collega's die reageerden|Reacties",
        "faq_text_gone": "(tekst verwijderd na de bewaartermijn)",
        "ambassadors_title": "Ambassadeurs van {month}: eerste volgers (beeldbepalers) en fans "
        "(smaakmakers)",
        "ambassadors_none": "Nog geen eerste volgers of fans deze maand.",
        "ambassadors_columns": "Rol|Naam|Afdeling|Tool|Verbindingen|Reacties ontvangen",
        "ambassadors_unnamed": "Zonder naam (geen toestemming): {counts}.",
        "ambassadors_hidden": "{n} in afdelingen kleiner dan de minimale groepsgrootte",
        "roles": "first_follower=eerste volger|fan=fan",
        # Rogers' phases and the method's advice for each (seeds 002 "Schiet met scherp",
        # "Gooi het anker uit", "Vragen is goud")
        "phases": "innovators=innovators|early_adopters=early adopters|early_majority=vroege "
        "meerderheid|late_majority=late meerderheid|laggards=achterblijvers",
        "advice_innovators": "zoek de innovators en pioniers op en help ze op weg; overtuig "
        "nog niemand die de waarde niet ziet",
        "advice_early_adopters": "richt je op de early adopters en innovators: deel hun goede "
        "voorbeelden (één screendump zegt meer dan 1000 woorden) en koester je pioniers",
        "advice_early_majority": "laat de pioniers als ambassadeurs anderen voor zich winnen "
        "en veranker interactie in bestaande processen",
        "advice_late_majority": "veranker het gebruik in beleid en processen en laat het "
        "management het goede voorbeeld geven",
        "advice_laggards": "steek geen energie in wie de waarde nog niet ziet; activeer de "
        "leden: stel vragen en luister",
        "department": "Afdeling",
        "yearly_period": "Periode {first} – {last} ({n} maanden met gegevens)",
        "yearly_period_one": "Periode {first} (1 maand met gegevens)",
        "yearly_run": "Berekend in run {run}, code {version}",
        "reach_overall": "oranje = onder het totaal van {v}%",
        "trend_subtitle": "kleuren als bij gebruik per tool",
        "issues_subtitle": (
            "R rood · O oranje · G groen · – te weinig berichten\n? = onzeker: het "
            "90%-interval raakt twee kleuren\npijl = trend t.o.v. vorige maand · getal = "
            "netto sentiment"
        ),
        "themes_subtitle": (
            "balk = berichten · ✓ = succesvol\n% = threads met antwoord binnen 7 dagen"
        ),
        "reach_subtitle": (
            "% medewerkers actief op een tool behalve e-mail; < k = groep te klein om te tonen"
        ),
        "yield_email": "E-mail p.p. per dag",
        "yield_email_note": "{c} t.o.v. basis",
        "yield_ideas": "Ideeën",
        "yield_ideas_note": "{a} overgenomen",
        "yield_followup": "Signalen beantwoord",
        "yield_followup_note": "{s} gesignaleerd · {a} opgevolgd",
        "yield_median": "Dagen tot antwoord",
        "yield_median_note": "mediaan · respons enquête {r}%",
    },
    "en": {
        "title": "Social Network Monitor",
        "usage_title": "Usage per tool (%)",
        "trend_title": "Trend, last {n} months (%)",
        "no_data": "no data",
        "no_data_part": "no data for this part this month",
        "no_data_year": "no data for this part this year",
        "no_threads": "n/a: no threads",
        "not_matched": "nobody matched to the roster",
        "window_days": "{n}-day window",
        "coverage_note": "Note, matched to the roster: {sources}",
        "funnel_title_none": "Adoption funnel",
        "lorenz_title_none": "Who writes the messages?",
        "footer": "Data {period} · run {run_id}\nLineage of every figure: {lineage}",
        "pp": "pp",
        "tile_headcount": "Employees",
        "tile_social": "Active on social tools",
        "tile_engagement": "Engagement",
        "tile_sentiment": "Net sentiment",
        "funnel_title": "Adoption funnel {platform}",
        "ambition": "Ambition level: {level}",
        "steps": "Reach|Visit|View|Interact|Contribute",
        "lorenz_title": "{x}% write 80% of the messages",
        "lorenz_x": "% of writers (most active first)",
        "lorenz_y": "% of messages",
        "split": "lurkers {l}% · occasional {o}% · heavy {h}%",
        "issues_title": "Top-10 issues",
        "themes_title": "Themes",
        "yields_title": "Yields",
        "reach_title": "Who do we reach? (%)",
        "all_platforms": "all platforms",
        "dimensions": "department=department|location=location|role_type=role|age_band=age",
        "messages": "messages",
        "vs_last": "vs {month}",
        "revised": "revised",
        "lights": "green=green|amber=amber|red=red|grey=grey",
        "uncertain": "uncertain",
        "none_word": "none",
        "issue_word": "issue",
        "theme_word": "theme",
        "evidence_title": "What stands behind the sentiment ({month})",
        "evidence_columns": "what|net sentiment|light|evidence",
        "evidence_line": (
            "{positive} positive, {negative} negative, {neutral} neutral; 90% interval {low} "
            "to {high}; words + {up}; − {down}"
        ),
        "evidence_withheld": "not shown: fewer writers than the minimum group size",
        "alert_subject": "Webcare: issue '{issue}' on {day}",
        "alert_red": "its light over the last days turned red",
        "alert_spike": "{n} messages in one day, against a median of {median} a day",
        "alert_window": "Window: {n} messages, net sentiment {sentiment}, light {light}",
        "alert_themes": "Top themes: {themes}",
        "missing": "Note: without data from {sources} (not in on time)",
        "replaced": "Corrected files (new ← replaced): {files}",
        "section_organisation": "Organisation",
        "section_people": "People and segments",
        "section_tools": "Tools and infrastructure",
        "section_networks": "Networks and themes",
        "section_issues": "Issues and sentiment",
        "section_yields": "Yields",
        "section_output": "What happened with the networks' output",
        "issue_messages": "Messages about {issue}",
        "issue_net_sentiment": "Net sentiment about {issue}",
        "figure": "figure",
        "value": "value",
        "source_files": "source files",
        "appendix": "Appendix: every figure of {month} with its lineage",
        "network_picture_title": "Who answers or mentions whom, per quarter · {year}",
        "network_picture_caption": "Each dot is an employee, each line a reply or mention "
        "between two people; no names. People per quarter: {counts} (drawn: the largest "
        "connected group of the {most} best connected).",
        "small_departments": "small departments",
        "heartbeat_title": "The heartbeat: messages per day about the busiest themes and "
        "issues · {period}",
        "heartbeat_caption": "Orange dot: a spike of attention (far above the four weeks "
        "before, robust z-score). Dashed line: an event from the calendar (inbox/events).",
        "heartbeat_axis": "messages per day",
        "pulse_title": "Heartbeat: messages per day about the busiest themes and issues",
        "pulse_network": "Network: {people} people, {cross}% of ties across departments · "
        "{first_followers} first followers · {fans} fans",
        "pulse_no_network": "Network unknown: no message export this month",
        "pulse_none": "No messages about themes or issues this month",
        "heartbeat_theme": "theme",
        "heartbeat_events": "Events",
        "heartbeat_spike": "spike",
        "heartbeat_event": "event",
        "table_day": "Day",
        "table_what": "What",
        "table_messages": "Messages",
        "benchmark_title": "Compared with other organisations · {year}",
        "benchmark_columns": "Figure|Us|Q1|Median|Q3|Organisations|Where we stand",
        "benchmark_note": "Means over the year, shared as anonymous ratios (snm benchmark "
        "export); size bands in the pool: {bands}.",
        "benchmark_caption": "Grey bar: the middle half of the organisations (Q1-Q3); tick: "
        "the median; dot: us.",
        "benchmark_below_q1": "below the first quartile",
        "benchmark_between": "between the quartiles",
        "benchmark_above_q3": "above the third quartile",
        "faq_title": "FAQ candidates of {month}: the questions most colleagues answered",
        "faq_none": "No questions with answers from colleagues this month.",
        "faq_columns": "Theme|#|Question (first line)|Colleagues who answered|Replies",
        "faq_text_gone": "(text removed after the retention period)",
        "ambassadors_title": "Ambassadors of {month}: first followers and fans",
        "ambassadors_none": "No first followers or fans this month yet.",
        "ambassadors_columns": "Role|Name|Department|Tool|Ties|Responses received",
        "ambassadors_unnamed": "Without a name (no consent): {counts}.",
        "ambassadors_hidden": "{n} in departments below the minimum group size",
        "roles": "first_follower=first follower|fan=fan",
        "phases": "innovators=innovators|early_adopters=early adopters|early_majority=early "
        "majority|late_majority=late majority|laggards=laggards",
        "advice_innovators": "find the innovators and pioneers and help them on their way; do "
        "not yet try to convince those who do not see the value",
        "advice_early_adopters": "aim at the early adopters and innovators: share their good "
        "examples (one screenshot says more than 1,000 words) and cherish your pioneers",
        "advice_early_majority": "let the pioneers, as ambassadors, win others over, and "
        "anchor interaction in existing processes",
        "advice_late_majority": "anchor use in policy and processes and let management set "
        "the example",
        "advice_laggards": "spend no energy on those who do not yet see the value; activate "
        "the members: ask questions and listen",
        "department": "Department",
        "yearly_period": "Period {first} – {last} ({n} months with data)",
        "yearly_period_one": "Period {first} (1 month with data)",
        "yearly_run": "Computed in run {run}, code {version}",
        "reach_overall": "amber = below the overall {v}%",
        "trend_subtitle": "colours as in usage per tool",
        "issues_subtitle": (
            "R red · A amber · G green · – too few messages\n? = uncertain: the 90% "
            "interval spans two colours\narrow = trend vs last month · number = net sentiment"
        ),
        "themes_subtitle": "bar = messages · ✓ = successful\n% = threads answered within 7 days",
        "reach_subtitle": (
            "% of employees active on any tool but e-mail; < k = group too small to show"
        ),
        "yield_email": "E-mail per person/day",
        "yield_email_note": "{c} vs baseline",
        "yield_ideas": "Ideas",
        "yield_ideas_note": "{a} adopted",
        "yield_followup": "Signals answered",
        "yield_followup_note": "{s} signalled · {a} acted on",
        "yield_median": "Days to an answer",
        "yield_median_note": "median · survey response {r}%",
    },
}

TOOL_NAMES = {
    "email": "E-mail",
    "teams": "Teams",
    "viva_engage": "Viva Engage",
    "slack": "Slack",
    "intranet": "Intranet",
}


AMBITION_LEVELS = {  # the marts store a code; the method names the levels in Dutch
    "initiation": {"nl": "Initiatie", "en": "Initiation"},
    "informing": {"nl": "Informeren", "en": "Informing"},
    "involving": {"nl": "Betrekken", "en": "Involving"},
    "co_creating": {"nl": "Co-creëren", "en": "Co-creating"},
}


def ambition_level(code: str | None, language: str) -> str:
    if code is None:
        return "–"
    return AMBITION_LEVELS[code][language]


SOURCE_NAMES = {
    "nl": {
        "m365_email": "e-mail (M365)",
        "m365_teams": "Teams (M365)",
        "viva_engage_usage": "Viva Engage (M365)",
        "viva_engage_export": "Viva Engage-export",
        "slack_export": "Slack-export",
        "activity": "activiteitenbestanden",
        "roster": "personeelsbestand",
        "survey": "enquête",
        "actions": "actieregister",
        "events": "agenda",
    },
    "en": {
        "m365_email": "e-mail (M365)",
        "m365_teams": "Teams (M365)",
        "viva_engage_usage": "Viva Engage (M365)",
        "viva_engage_export": "Viva Engage export",
        "slack_export": "Slack export",
        "activity": "activity files",
        "roster": "roster",
        "survey": "survey",
        "actions": "action register",
        "events": "events calendar",
    },
}


def _name_in(table: str, value: str, language: str) -> str:
    """A value as the report names it, from a `key=name|...` string of the language."""
    names = dict(pair.split("=") for pair in text(language, table).split("|"))
    return names.get(value, value)


def light_name(light: str, language: str) -> str:
    """green -> 'groen' (nl): a traffic light as the report names it."""
    return _name_in("lights", light, language)


def phase_name(phase: str, language: str) -> str:
    """early_majority -> 'vroege meerderheid' (nl): a phase of Rogers' adoption curve."""
    return _name_in("phases", phase, language)


def role_name(role: str, language: str) -> str:
    """first_follower -> 'eerste volger' (nl): an ambassador's role."""
    return _name_in("roles", role, language)


def dimension_name(dimension: str, language: str) -> str:
    """department -> 'afdeling' (nl): a segment dimension as the report names it."""
    return _name_in("dimensions", dimension, language)


def source_name(source: str, language: str) -> str:
    return SOURCE_NAMES[language].get(source, source)


def text(language: str, key: str, **values) -> str:
    return STRINGS[language][key].format(**values)


def month_name(first: date, language: str, short: bool = False) -> str:
    name = MONTHS[language].split()[first.month - 1]
    if short:
        return f"{name[:3]} '{first:%y}"
    return f"{name} {first.year}"


def tool_name(tool: str) -> str:
    return TOOL_NAMES.get(tool, tool.replace("_", " ").capitalize())


def number(value: float | int | None, language: str, decimals: int = 0, sign: bool = False) -> str:
    """1205 -> '1.205' (nl) or '1,205' (en); 48.9 -> '48,9' (nl)."""
    if value is None:
        return "–"
    formatted = f"{value:{'+' if sign else ''},.{decimals}f}"
    if language == "nl":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return formatted
