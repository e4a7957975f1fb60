-- The months in which a tool has any source at all; without it the tool's usage is unknown
-- (NULL), not 0%. has_message_export: a message export (Viva Engage network export, Slack
-- export) holds the tool's messages of the month (see int_message_months).
with sources as (
    select distinct month_start, tool, false as is_message_export
    from {{ ref('int_m365_files_attributed') }}
    union
    -- the months of the raw rows, which staging's de-duplication keeps every one of: read from
    -- the raw layer, a table scan, not by de-duplicating every message ever exported
    select distinct {{ month_of('created_at') }}, 'viva_engage', true
    from {{ source('raw', 'viva_engage_messages') }}
    union
    select distinct {{ month_of('message_at') }}, 'slack', true
    from {{ source('raw', 'slack_messages') }}
    union
    select distinct cast(date_trunc('month', activity_date) as date), tool, false
    from {{ ref('stg_activity__events') }}
)

select month_start, tool, bool_or(is_message_export) as has_message_export
from sources
group by month_start, tool
