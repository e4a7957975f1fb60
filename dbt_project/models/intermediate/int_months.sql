-- One row per calendar month from the first to the last month with tool data.
with bounds as (
    select min(month_start) as first_month, max(month_start) as last_month
    from {{ ref('int_tool_months_with_data') }}
),

spine as (
    select cast(unnest(generate_series(first_month, last_month, interval 1 month)) as date)
        as month_start
    from bounds
    where first_month is not null
)

select
    month_start,
    last_day(month_start) as month_end,
    strftime(month_start, '%Y-%m') as month
from spine
