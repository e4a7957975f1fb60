-- The months for which a message export (Viva Engage network export, Slack export) holds any
-- message at all, per platform: there, zero messages of a theme or of ideas is a figure; in
-- other months it is unknown.
select distinct cast(date_trunc('month', created_at) as date) as month_start,
    'viva_engage' as platform
from {{ ref('stg_viva_engage__messages') }}
union
select distinct cast(date_trunc('month', message_at) as date), 'slack'
from {{ ref('stg_slack__messages') }}
