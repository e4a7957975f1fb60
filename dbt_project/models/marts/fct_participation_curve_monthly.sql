-- The participation curve behind "x% of the people write 80% of the messages": contributors of
-- all platforms sorted from most to least active, with the cumulative share of people and of
-- messages at each step (the report draws it as a Lorenz-style curve).
-- Incremental by month: a run recomputes only the months whose messages changed.
{{ config(**by_month_config()) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}
with contributions as (
    select month_start, person_key, count(*) as messages
    from {{ ref('int_messages') }}
    where by_employee and {{ in_months_to_build('month_start') }}
    group by all
)

select
    month_start,
    {{ month_label('month_start') }} as month,
    row_number() over w as rank,
    round(100.0 * row_number() over w / count(*) over (partition by month_start), 2)
        as people_pct,
    round(
        100.0 * sum(messages) over w_running
        / sum(messages) over (partition by month_start), 2
    ) as messages_pct
from contributions
window
    w as (partition by month_start order by messages desc, person_key asc),
    w_running as (partition by month_start order by messages desc, person_key asc rows unbounded preceding)
