-- The activity evidence of employees of N(M) only: what employee figures count (usage per
-- tool, reach) and the rows their lineage names.
select evidence.*
from {{ ref('int_tool_activity_evidence') }} as evidence
inner join {{ ref('int_headcount_members') }} as members
    on members.month_start = evidence.month_start
    and members.person_key = evidence.person_key
