-- Communities (groups) of the Viva Engage network export, per register file; a community is
-- known by its name in lower case, as messages name it.
select
    group_id as community_id,
    group_name as community_name,
    lower(group_name) as community,
    is_private,
    member_count,
    source_file,
    source_sha256,
    source_member,
    source_row
from {{ source('raw', 'viva_engage_groups') }}
