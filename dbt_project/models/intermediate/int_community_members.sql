-- Members per community from the Viva Engage group register (every register file read; a group
-- named in several keeps its largest count). Slack exports hold no member counts.
select lower(group_name) as community, max(member_count) as members
from {{ source('raw', 'viva_engage_groups') }}
group by lower(group_name)
