-- The activity evidence of employees of N(M) only: what employee figures count (usage per
-- tool, reach) and the rows their lineage names.
-- Incremental by month, as the evidence it reads.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
select evidence.*
from {{ ref('int_tool_activity_evidence') }} as evidence
inner join {{ ref('int_headcount_members') }} as members
    on members.month_start = evidence.month_start
        and members.person_key = evidence.person_key
where {{ in_months_to_build('evidence.month_start', inputs='all') }}
