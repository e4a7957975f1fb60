-- Data quality: per tool and month, the share of activity rows whose person matched the
-- roster. Guests, service accounts and people missing from HR's snapshots are the rest.
with evidence as (
    select evidence.month_start, evidence.tool, evidence.person_key,
        employees.person_key is not null as matched
    from {{ ref('int_tool_activity_evidence') }} as evidence
    left join {{ ref('int_employees') }} as employees using (person_key)
)

select
    month_start,
    strftime(month_start, '%Y-%m') as month,
    tool,
    count(*) as activity_rows,
    count(*) filter (where matched) as matched_rows,
    count(distinct person_key) filter (where not matched) as unmatched_people,
    round(100.0 * count(*) filter (where matched) / count(*), 1) as matched_pct
from evidence
group by all
