-- Headcount N(M) per month, with joiners and leavers of the month; NULL (unknown, not 0) when
-- the inbox holds no roster at all.
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with members as (
    select * from {{ ref('int_headcount_members') }}
),

months as (
    select * from {{ ref('int_months') }}
),

roster as (
    select count(*) > 0 as has_roster from {{ ref('int_employees') }}
)

select
    months.month_start,
    months.month,
    case when any_value(roster.has_roster) then count(members.person_key) end as headcount,
    count(members.person_key) filter (
        where members.start_date between months.month_start and months.month_end
    ) as joiners,
    count(members.person_key) filter (
        where members.end_date between months.month_start and months.month_end
    ) as leavers
from months
cross join roster
left join members on members.month_start = months.month_start
where {{ in_months_to_build('months.month_start', inputs='all') }}
group by months.month_start, months.month
