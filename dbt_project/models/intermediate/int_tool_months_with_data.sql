-- The months in which a tool has any source at all; without it the tool's usage is unknown
-- (NULL), not 0%. has_message_export: a message export (Viva Engage network export, Slack
-- export) holds the tool's messages of the month (see int_message_months).
with sources as (
    select distinct month_start, tool, false as is_message_export
    from {{ ref('int_m365_files_attributed') }}
    union
    select distinct cast(date_trunc('month', created_at) as date), 'viva_engage', true
    from {{ ref('stg_viva_engage__messages') }}
    union
    select distinct cast(date_trunc('month', message_at) as date), 'slack', true
    from {{ ref('stg_slack__messages') }}
    union
    select distinct cast(date_trunc('month', activity_date) as date), tool, false
    from {{ ref('stg_activity__events') }}
)

select month_start, tool, bool_or(is_message_export) as has_message_export
from sources
group by month_start, tool
