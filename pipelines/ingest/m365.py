"""Microsoft 365 user-detail reports (Graph `get*UserDetail` CSVs): e-mail, Teams, Viva Engage.

All three share the refresh date, the report period and the user principal name; display
names and vendor user ids are dropped on the way in.
"""

from __future__ import annotations

import re

from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable
from .pseudonym import Pseudonymiser
from .records import read_records
from .source import Parser, ReadOptions, Source

# Microsoft 365 conceals user names in its reports by default: a 32-character hexadecimal
# hash stands where the user principal name should be.
CONCEALED_NAME = re.compile(r"[0-9A-Fa-f]{32}")
CONCEALED_NOTE = (
    "user names in this report are concealed ({concealed} of {rows} rows have a 32-character "
    "code instead of a user principal name): they match nobody in the roster, so the report "
    "shows no usage for this tool. Turn concealment off in the Microsoft 365 admin center, "
    "Settings > Org settings > Reports ('Display concealed user, group, and site names in "
    "all reports'), and download the report again."
)


def _common(*specific: Column) -> tuple[Column, ...]:
    return (
        Column("report_refresh_date", "Report Refresh Date", "date"),
        Column("person_key", "User Principal Name", "identity"),
        Column("display_name", "Display Name", required=False, nullable=True, drop=True),
        Column("user_id", "User Id", required=False, nullable=True, drop=True),
        Column("last_activity_date", "Last Activity Date", "date", nullable=True),
        *specific,
        Column("assigned_products", "Assigned Products", required=False, nullable=True),
        Column("report_period_days", "Report Period", "period"),
    )


def _count(name: str, header: str, required: bool = True) -> Column:
    return Column(name, header, "int", required=required, nullable=not required)


EMAIL = Layout(
    "m365_email_activity",
    _common(
        Column("is_deleted", "Is Deleted", "bool", required=False, nullable=True),
        Column("deleted_date", "Deleted Date", "date", required=False, nullable=True),
        _count("send_count", "Send Count"),
        _count("receive_count", "Receive Count"),
        _count("read_count", "Read Count"),
        _count("meeting_created_count", "Meeting Created Count", required=False),
        _count("meeting_interacted_count", "Meeting Interacted Count", required=False),
    ),
    key=("person_key",),
    description="Microsoft 365 e-mail activity user-detail rows.",
)

TEAMS = Layout(
    "m365_teams_activity",
    _common(
        Column("tenant_display_name", "Tenant Display Name", required=False, nullable=True),
        Column("is_deleted", "Is Deleted", "bool", required=False, nullable=True),
        Column("deleted_date", "Deleted Date", "date", required=False, nullable=True),
        _count("team_chat_message_count", "Team Chat Message Count"),
        _count("private_chat_message_count", "Private Chat Message Count"),
        _count("call_count", "Call Count"),
        _count("meeting_count", "Meeting Count"),
        _count("post_messages", "Post Messages", required=False),
        _count("reply_messages", "Reply Messages", required=False),
        _count("urgent_messages", "Urgent Messages", required=False),
        _count("meetings_organized_count", "Meetings Organized Count", required=False),
        _count("meetings_attended_count", "Meetings Attended Count", required=False),
        Column("is_licensed", "Is Licensed", "bool", required=False, nullable=True),
    ),
    key=("person_key",),
    description="Microsoft Teams user-activity user-detail rows.",
)

VIVA_ENGAGE_USAGE = Layout(
    "m365_viva_engage_activity",
    _common(
        Column("user_state", "User State", required=False, nullable=True),
        Column("state_change_date", "State Change Date", "date", required=False, nullable=True),
        _count("posted_count", "Posted Count"),
        _count("read_count", "Read Count"),
        _count("liked_count", "Liked Count"),
    ),
    key=("person_key",),
    description="Viva Engage (Yammer) activity user-detail rows.",
)


# A re-issued report covers the same refresh date and period as the one it corrects.
REPORT_WINDOW = (("report_refresh_date", "refresh date"), ("report_period_days", "period (days)"))


def user_detail_parser(layout: Layout) -> Parser:
    """Parse a user-detail CSV and say once per file when its user names are concealed."""

    def parse(
        item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
    ) -> dict[str, ParsedTable]:
        records = read_records(item.read_bytes())
        names = records.watch("User Principal Name")
        table = records.parse(layout, pseudonymise)
        seen = {
            "rows": len(names),
            "concealed": sum(bool(CONCEALED_NAME.fullmatch(n.strip())) for n in names),
        }
        if table.rows and seen["concealed"] * 2 >= seen["rows"] > 0:
            table.notes.append(CONCEALED_NOTE.format(**seen))
        return {layout.table: table}

    return parse


EMAIL_SOURCE = Source(
    "m365_email",
    "Microsoft 365 e-mail activity per user (getEmailActivityUserDetail CSV).",
    (EMAIL,),
    user_detail_parser(EMAIL),
    edition_columns=REPORT_WINDOW,
)
TEAMS_SOURCE = Source(
    "m365_teams",
    "Microsoft Teams activity per user (getTeamsUserActivityUserDetail CSV).",
    (TEAMS,),
    user_detail_parser(TEAMS),
    edition_columns=REPORT_WINDOW,
)
VIVA_ENGAGE_USAGE_SOURCE = Source(
    "viva_engage_usage",
    "Viva Engage activity per user (getYammerActivityUserDetail CSV).",
    (VIVA_ENGAGE_USAGE,),
    user_detail_parser(VIVA_ENGAGE_USAGE),
    edition_columns=REPORT_WINDOW,
)
