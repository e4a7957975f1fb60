-- The months in which messages by employees can be counted, per platform: a message export
-- (Viva Engage network export, Slack export) holds any message of the month, and a roster says
-- who the employees are. There, zero messages of a theme or of ideas is a figure; in other
-- months it is unknown.
select month_start, tool as platform
from {{ ref('int_tool_months_with_data') }}
where has_message_export
    and exists (select 1 from {{ ref('int_employees') }})
