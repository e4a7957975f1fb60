"""Every source the monitor reads, in one list: the Dagster assets and the tests iterate it."""

from __future__ import annotations

from . import actions, activity, events, m365, roster, slack, survey, viva_engage
from .source import Source

SOURCES: tuple[Source, ...] = (
    roster.SOURCE,
    m365.EMAIL_SOURCE,
    m365.TEAMS_SOURCE,
    m365.VIVA_ENGAGE_USAGE_SOURCE,
    viva_engage.SOURCE,
    slack.SOURCE,
    activity.SOURCE,
    survey.SOURCE,
    actions.SOURCE,
    events.SOURCE,
)

SOURCES_BY_NAME = {source.name: source for source in SOURCES}
