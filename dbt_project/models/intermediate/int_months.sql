-- One row per calendar month from the first to the last month any source speaks for: tool
-- data, a survey wave, a register signal or a roster snapshot. A roster with a survey alone
-- still has months to report (headcount, engagement).
with source_months as (
    select month_start from {{ ref('int_tool_months_with_data') }}
    union
    select month_start from {{ ref('int_survey_waves') }}
    union
    select month_start from {{ ref('stg_actions__register') }}
    union
    select cast(date_trunc('month', snapshot_date) as date) from {{ ref('stg_hr__roster') }}
),

bounds as (
    select min(month_start) as first_month, max(month_start) as last_month
    from source_months
),

spine as (
    select
        {{ explode_dates("first_month", "last_month", "interval 1 month") }}
            as month_start
    from bounds
    where first_month is not null
)

select
    month_start,
    last_day(month_start) as month_end,
    {{ month_label('month_start') }} as month
from spine
