-- Which month each Microsoft 365 user-detail file belongs to (docs/DESIGN.md section 3): a file
-- covers `report_period_days` days ending on its refresh date and belongs to the month of its
-- middle day (refresh date - floor(period / 2)). When several files belong to one month, the
-- one whose window lies most inside the month (then the latest) is the primary file for counts.
with files as (
    select distinct tool, source_file, source_sha256, refresh_date, report_period_days
    from {{ ref('int_m365_user_detail') }}
),

windows as (
    select
        *,
        cast(refresh_date - (report_period_days - 1) as date) as window_start,
        refresh_date as window_end,
        cast(date_trunc('month', refresh_date - (report_period_days // 2)) as date)
            as month_start
    from files
),

overlap as (
    select
        *,
        datediff(
            'day',
            greatest(window_start, month_start),
            least(window_end, last_day(month_start))
        ) + 1 as days_in_month
    from windows
)

select
    *,
    row_number() over (
        partition by tool, month_start order by days_in_month desc, refresh_date desc
    ) = 1 as is_primary_file
from overlap
