"""The webcare/agenda register: what happened with what the networks signalled."""

from __future__ import annotations

from .layout import Column, Layout
from .source import Source, csv_parser

LAYOUT = Layout(
    "actions_register",
    (
        Column("issue", "issue"),
        Column("signalled_on", "signalled_on", "date"),
        Column("signalled_to", "signalled_to", nullable=True),
        Column("responded_on", "responded_on", "date", nullable=True),
        Column("action", "action", nullable=True),
        Column("outcome", "outcome", nullable=True),
        Column("closed_on", "closed_on", "date", nullable=True),
    ),
    description="The webcare/agenda actions register.",
)

SOURCE = Source(
    "actions",
    "Actions register (CSV): issues signalled, responded to, acted on.",
    (LAYOUT,),
    csv_parser(LAYOUT),
)
