"""The demo organisation's `monitor.yml`: themes, issues, survey mapping and thresholds."""

from __future__ import annotations

from datetime import date

from ..months import add_months

TEMPLATE = """\
# Social Network Monitor configuration for the demo organisation (fictional).
organisation: Gemeente Lindendaal
language: nl
min_group_size: 10
trend_months: 6

themes:
  - name: Reorganisatie
    communities: [Reorganisatie 2026]
    keywords: ["#reorganisatie", "#nieuweorganisatie", reorganisatie]
  - name: Duurzaamheid
    communities: [Duurzaam Lindendaal]
    keywords: ["#duurzaam", "#groen", "#sustainability"]
  - name: Ideeën
    communities: [Ideeënbus]
    keywords: ["#idee", "#idea"]
  - name: Werkplek en ICT
    communities: [Werkplek & ICT]
    keywords: ["#ict", "#storing", laptop]
  - name: Dienstverlening
    communities: [Klant Centraal]
    keywords: ["#dienstverlening", inwoners]
  - name: Vitaliteit
    communities: [Fit op het werk]
    keywords: ["#vitaliteit"]
ideas_theme: Ideeën

issues:
  - name: werkdruk
    keywords: ["#werkdruk", werkdruk, workload]
  - name: parkeren
    keywords: ["#parkeren", parkeerplek, parking]
  - name: storingen
    keywords: ["#storing", storing, outage]
  - name: reorganisatie
    keywords: ["#reorganisatie", reorganisatie]

# Dutch and English words for one issue: #idea raises the issue idee, #sustainability duurzaam
synonyms:
  idea: idee
  sustainability: duurzaam

survey:
  scale_max: 5
  constructs:
    engagement:
      - Ik ben trots op mijn organisatie
      - Ik voel me betrokken bij mijn werk
      - Ik zou Lindendaal aanraden als werkgever
    informedness:
      - Ik word goed geïnformeerd over wat er speelt
  segment_columns:
    department: Afdeling

segments: [department, location, role_type, age_band]
email_baseline_months: [{baseline}]

delivery:
  email_to: []
  copy_to_folder: null

# As a service: render a month once these sources delivered data for it, or on the deadline
# day of the next month regardless (the report names what was missing).
month_close:
  expected_sources: [m365_email, m365_teams, viva_engage_export, slack_export]
  deadline_day: 10

# Interne webcare: an issue turning red or spiking is sent once per issue and day.
alerts:
  webhook_url: null        # e.g. https://chat.example.org/hooks/webcare (a JSON POST)
  email_to: []
  spike_factor: 3
  baseline_days: 28
  spike_min_messages: 5
  light_window_days: 7

# A file whose rows break the input contract in more than this share is the wrong file: it
# is quarantined whole (with its first problems as examples) instead of row by row.
ingestion:
  max_bad_rows_pct: 50
  min_rows_for_threshold: 20
"""


def demo_config(first_month: date) -> str:
    baseline = ", ".join(f'"{add_months(first_month, i):%Y-%m}"' for i in range(3))
    return TEMPLATE.format(baseline=baseline)
