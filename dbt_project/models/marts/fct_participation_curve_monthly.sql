-- The participation curve behind "x% of the people write 80% of the messages": contributors of
-- all platforms sorted from most to least active, with the cumulative share of people and of
-- messages at each step (the report draws it as a Lorenz-style curve).
with contributions as (
    select month_start, person_key, count(*) as messages
    from {{ ref('int_messages') }}
    where by_employee
    group by all
)

select
    month_start,
    {{ month_label('month_start') }} as month,
    row_number() over w as rank,
    round(100.0 * row_number() over w / count(*) over (partition by month_start), 2)
        as people_pct,
    round(100.0 * sum(messages) over w_running
        / sum(messages) over (partition by month_start), 2) as messages_pct
from contributions
window
    w as (partition by month_start order by messages desc, person_key),
    w_running as (partition by month_start order by messages desc, person_key rows unbounded preceding)
