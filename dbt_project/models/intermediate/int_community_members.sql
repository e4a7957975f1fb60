-- Members per community from the Viva Engage group register (every register file read; a group
-- named in several keeps its largest count). Slack exports hold no member counts.
select community, max(member_count) as members
from {{ ref('stg_viva_engage__groups') }}
group by community
