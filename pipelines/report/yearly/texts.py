"""The yearly monitor's own wording (cover, five lines, advice, contents), Dutch and English;
words shared with the monthly report stay in report/i18n.py and are found there too."""

from __future__ import annotations

from .. import i18n

STRINGS = {
    "nl": {
        "cover_subtitle": "Het jaar in cijfers voor het managementteam · {period}",
        "tile_headcount": "Medewerkers",
        "tile_social": "Actief op sociale tools",
        "tile_engagement": "Betrokkenheid",
        "tile_sentiment": "Netto sentiment",
        "tile_email": "E-mail per persoon per dag",
        "tile_ideas": "Ideeën dit jaar",
        "tile_signals": "Signalen beantwoord",
        "tile_ideas_note": "{a} overgenomen",
        "tile_signals_note": "van {s} gesignaleerd",
        "tile_yoy": "{c} t.o.v. {month}",
        "tile_no_yoy": "geen jaar eerder",
        "tile_no_figure": "geen cijfer in {month}",
        "five_lines": "Het jaar in vijf regels",
        "rise": "Grootste stijging: {label}, van {a} in {first} naar {b} in {last} ({c}).",
        "fall": "Grootste daling: {label}, van {a} in {first} naar {b} in {last} ({c}).",
        "no_change": "Eén maand met gegevens: nog geen stijging of daling te zien.",
        "no_rise": "Geen percentage steeg dit jaar.",
        "no_fall": "Geen percentage daalde dit jaar.",
        "red_longest": "Langst rood: {issues}.",
        "red_issue": "{issue} ({n} van {m} maanden)",
        "never_red": "Geen issue stond dit jaar op rood.",
        "adoption_line": "Adoptie: {tools}.",
        "adoption_tool": "{tool} {v} van de medewerkers ({phase}{level})",
        "adoption_level": ", ambitieniveau {level}",
        "no_adoption": "Adoptie: nog geen sociale tool met gegevens.",
        "least_reached": "Minst bereikt: {segment} met {v}, tegen {overall} in de hele "
        "organisatie.",
        "no_segment": "Minst bereikt: geen segment groot genoeg om te tonen.",
        "contents": "Inhoud",
        "advice_title": "Wat nu: advies volgens de methode",
        "advice_intro": "Elk advies volgt uit een regel van de methode en noemt het cijfer "
        "dat het opriep.",
        "advice_none": "Geen van de regels van de methode slaat dit jaar aan.",
        "because": "want",
        "chart_tool_usage": "Gebruik per tool (%)",
        "chart_adoption": "Adoptie per tool",
        "rogers_subtitle": "% van de medewerkers dat de tool ooit gebruikte; stippellijnen: "
        "Rogers' grenzen 2,5 / 16 / 50 / 84%",
        "chart_active": "Actief op sociale tools (%)",
        "chart_segments": "Bereik per segment, {month} (%)",
        "chart_coverage": "Gekoppeld aan het personeelsbestand per bron (%)",
        "chart_concentration": "Wie schrijft 80% van de berichten (% van de schrijvers)",
        "chart_themes": "Berichten per thema dit jaar",
        "themes_subtitle": "✓ = succesvol in de laatste maand",
        "chart_lights": "Top-issues per maand",
        "strip_subtitle": "kleur = stoplicht van de maand: R rood, O oranje, G groen, – te "
        "weinig berichten",
        "chart_ideas": "Ideeën per maand",
        "chart_signals": "Signalen per maand",
        "page_of": "{title} · pagina {n} van {total}",
        "section_previous": "Vergeleken met de monitor van {before}",
        "previous_rows_note": "Niveaus: de laatste maand van elke monitor; ideeën en signalen: "
        "opgeteld over de maanden van elke monitor.",
        "previous_five_lines": "{year} in vijf regels",
        "previous_advice": "Het advies van de methode: {before} tegenover {year}",
        "previous_then": "in {year}",
        "advice_kept": "Geldt nog steeds",
        "advice_new": "Nieuw dit jaar",
        "advice_gone": "Geldt niet meer",
        "section_data": "Gegevens en vergelijking",
        "data_question": "Waar rusten de cijfers op, en hoe staat het jaar tegenover het vorige?",
        "data_answer": "{n} maanden met gegevens uit {sources}; maanden zonder gegevens van een "
        "bron die het jaar leverde of die verwacht wordt: {gaps}. De herkomst van elk cijfer "
        "staat in de bijlage van de HTML-pagina en komt uit snm trace.",
        "no_gaps": "geen",
        "chart_completeness": "Bronnen met gegevens per maand",
        "completeness_subtitle": "✓ geleverd · – geen gegevens voor die maand",
        "chart_against": "{month} tegenover {before} (%)",
        "against_subtitle": "grijs: een jaar eerder · groen: nu",
        "then": "een jaar eerder",
        "now": "nu",
        "and_more": "en {n} meer",
        "page": "pagina {n} van {total}",
        "focus_initiation": "maak bezoeken de moeite waard: een vaste stroom relevante "
        "berichten, zodat het platform in het systeem van mensen komt (Visit en View omhoog)",
        "focus_informing": "laat meer mensen dan Interne Communicatie en HR berichten maken, "
        "zodat Contribute en Interact groeien (naar Betrekken)",
        "focus_involving": "personaliseer: laat mensen kiezen welke groepen ze volgen, en "
        "betrek teamleiders en management als schrijvers (naar Co-creëren)",
        "focus_co_creating": "houd het platform centraal: personaliseer verder en laat "
        "teamleiders en management voorgaan; een lagere View is hier normaal",
        "trigger_phase": "{tools} van de medewerkers gebruikte het ooit ({phase})",
        "trigger_level": "ambitieniveau {level}: {platforms}",
        "funnel_steps": "{platform} (bereik {reach}, bezoek {visit}, bijdragen {contribute})",
        "focus_concentration": "verbreed de groep schrijvers: vraag lezers om een reactie en "
        "geef nieuwe schrijvers een podium",
        "trigger_concentration": "{v} van de schrijvers schrijft 80% van de berichten "
        "(grens {limit})",
        "focus_segment": "inclusieve communicatie: bereik deze groepen via de kanalen en "
        "momenten die zij gebruiken, en vraag hen wat ontbreekt",
        "trigger_segment": "{segments} actief buiten e-mail, tegen {overall} in de hele "
        "organisatie ({gap} of meer verschil)",
        "focus_red": "reageer zichtbaar op wat rood staat: erken het, antwoord en vertel "
        "wat ermee gebeurt",
        "trigger_red": "rood in {month}: {issues}",
        "focus_silo": "verbind deze afdelingen met andere: gezamenlijke thema's, een "
        "ambassadeur die bruggen slaat",
        "trigger_silo": "binnen de eigen afdeling blijft {departments} van de verbindingen "
        "(grens {limit})",
    },
    "en": {
        "cover_subtitle": "The year in figures for the management team · {period}",
        "tile_headcount": "Employees",
        "tile_social": "Active on social tools",
        "tile_engagement": "Engagement",
        "tile_sentiment": "Net sentiment",
        "tile_email": "E-mail per person per day",
        "tile_ideas": "Ideas this year",
        "tile_signals": "Signals answered",
        "tile_ideas_note": "{a} adopted",
        "tile_signals_note": "of {s} signalled",
        "tile_yoy": "{c} vs {month}",
        "tile_no_yoy": "no year before",
        "tile_no_figure": "no figure in {month}",
        "five_lines": "The year in five lines",
        "rise": "Largest rise: {label}, from {a} in {first} to {b} in {last} ({c}).",
        "fall": "Largest fall: {label}, from {a} in {first} to {b} in {last} ({c}).",
        "no_change": "One month with data: no rise or fall to see yet.",
        "no_rise": "No percentage rose this year.",
        "no_fall": "No percentage fell this year.",
        "red_longest": "Red longest: {issues}.",
        "red_issue": "{issue} ({n} of {m} months)",
        "never_red": "No issue was red this year.",
        "adoption_line": "Adoption: {tools}.",
        "adoption_tool": "{tool} {v} of the employees ({phase}{level})",
        "adoption_level": ", ambition level {level}",
        "no_adoption": "Adoption: no social tool with data yet.",
        "least_reached": "Reached least: {segment} at {v}, against {overall} organisation-wide.",
        "no_segment": "Reached least: no segment large enough to show.",
        "contents": "Contents",
        "advice_title": "What next: advice by the method",
        "advice_intro": "Each piece of advice follows from a rule of the method and names the "
        "figure that called for it.",
        "advice_none": "None of the method's rules applies this year.",
        "because": "because",
        "chart_tool_usage": "Usage per tool (%)",
        "chart_adoption": "Adoption per tool",
        "rogers_subtitle": "% of the employees who ever used the tool; dashed: Rogers' "
        "boundaries 2.5 / 16 / 50 / 84%",
        "chart_active": "Active on social tools (%)",
        "chart_segments": "Reach per segment, {month} (%)",
        "chart_coverage": "Matched to the roster per source (%)",
        "chart_concentration": "Who writes 80% of the messages (% of writers)",
        "chart_themes": "Messages per theme this year",
        "themes_subtitle": "✓ = successful in the last month",
        "chart_lights": "Top issues per month",
        "strip_subtitle": "colour = the month's light: R red, A amber, G green, – too few messages",
        "chart_ideas": "Ideas per month",
        "chart_signals": "Signals per month",
        "page_of": "{title} · page {n} of {total}",
        "section_previous": "Compared with the monitor of {before}",
        "previous_rows_note": "Levels: each monitor's last month; ideas and signals: summed over "
        "each monitor's months.",
        "previous_five_lines": "{year} in five lines",
        "previous_advice": "The method's advice: {before} against {year}",
        "previous_then": "in {year}",
        "advice_kept": "Still applies",
        "advice_new": "New this year",
        "advice_gone": "No longer applies",
        "section_data": "Data and comparison",
        "data_question": "What do the figures rest on, and how does the year compare with the one "
        "before?",
        "data_answer": "{n} months with data from {sources}; months without data from a source "
        "that delivered in the year or is expected: {gaps}. Where each figure comes from is in "
        "the HTML page's appendix and from snm trace.",
        "no_gaps": "none",
        "chart_completeness": "Sources with data per month",
        "completeness_subtitle": "✓ delivered · – no data for that month",
        "chart_against": "{month} against {before} (%)",
        "against_subtitle": "grey: a year earlier · green: now",
        "then": "a year earlier",
        "now": "now",
        "and_more": "and {n} more",
        "page": "page {n} of {total}",
        "focus_initiation": "make a visit worth it: a steady flow of relevant posts, so the "
        "platform becomes part of people's routine (Visit and View up)",
        "focus_informing": "let more people than Internal Communication and HR post, so "
        "Contribute and Interact grow (towards Involving)",
        "focus_involving": "personalise: let people choose the groups they follow, and win "
        "team leaders and management as writers (towards Co-creating)",
        "focus_co_creating": "keep the platform central: personalise further and let team "
        "leaders and management lead; a lower View is normal here",
        "trigger_phase": "{tools} of the employees ever used it ({phase})",
        "trigger_level": "ambition level {level}: {platforms}",
        "funnel_steps": "{platform} (reach {reach}, visit {visit}, contribute {contribute})",
        "focus_concentration": "widen the group of writers: ask readers to respond and give "
        "new writers a stage",
        "trigger_concentration": "{v} of the writers write 80% of the messages (limit {limit})",
        "focus_segment": "inclusive communication: reach these groups through the channels "
        "and moments they use, and ask them what is missing",
        "trigger_segment": "{segments} active beyond e-mail, against {overall} "
        "organisation-wide ({gap} or more apart)",
        "focus_red": "respond visibly to what is red: acknowledge it, answer and say what "
        "will happen",
        "trigger_red": "red in {month}: {issues}",
        "focus_silo": "connect these departments with others: shared themes, an ambassador "
        "who builds bridges",
        "trigger_silo": "ties that stay inside the department: {departments} (limit {limit})",
    },
}


def text(language: str, key: str, **values) -> str:
    """A yearly string, or one shared with the monthly report."""
    strings = STRINGS[language]
    if key in strings:
        return strings[key].format(**values)
    return i18n.text(language, key, **values)
