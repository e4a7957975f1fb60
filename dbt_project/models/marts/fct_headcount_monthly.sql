-- Headcount N(M) per month, with joiners and leavers of the month.
with members as (
    select * from {{ ref('int_headcount_members') }}
),

months as (
    select * from {{ ref('int_months') }}
)

select
    months.month_start,
    months.month,
    count(members.person_key) as headcount,
    count(members.person_key) filter (
        where members.start_date between months.month_start and months.month_end
    ) as joiners,
    count(members.person_key) filter (
        where members.end_date between months.month_start and months.month_end
    ) as leavers
from months
left join members on members.month_start = months.month_start
group by all
