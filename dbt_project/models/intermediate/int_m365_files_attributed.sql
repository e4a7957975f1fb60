-- Which months each Microsoft 365 user-detail file speaks for (docs/DESIGN.md section 3). A file
-- covers `report_period_days` days ending on its refresh date.
-- * 28-31 days (D30, "month"): the month of its middle day (refresh date - floor(period / 2));
--   a person is active when the last activity date falls in the window.
-- * longer (D90, D180, "long"): every month from the first that lies wholly inside the window
--   to the month of the refresh date; a person is active in such a month when the last
--   activity date falls in it. Its counts span several months and feed no per-day yield.
-- * shorter (D7, "partial"): the month of its middle day, as a partial month the report names.
-- Of a month's 28-31-day files, the one whose window lies most inside the month (then the
-- latest) is the primary file for counts.
with files as (
    select distinct tool, source_file, source_sha256, refresh_date, report_period_days
    from {{ ref('int_m365_user_detail') }}
),

windows as (
    select
        *,
        cast(refresh_date - cast(report_period_days - 1 as integer) as date) as window_start,
        refresh_date as window_end,
        case
            when report_period_days between 28 and 31 then 'month'
            when report_period_days > 31 then 'long'
            else 'partial'
        end as window_kind
    from files
),

months as (
    select
        windows.*, cast(date_trunc('month', refresh_date - {{ int_div('report_period_days', 2) }}) as date)
            as month_start
    from windows
    where window_kind <> 'long'
    union all
    select windows.*, {{ explode_dates(
        "cast(date_trunc('month', window_start + interval 1 month - interval 1 day) as date)",
        "cast(date_trunc('month', window_end) as date)",
        "interval 1 month"
    ) }} as month_start
    from windows
    where window_kind = 'long'
),

overlap as (
    select
        *,
        greatest(window_start, month_start) as activity_from,
        least(window_end, last_day(month_start)) as activity_until
    from months
)

select
    tool,
    source_file,
    source_sha256,
    refresh_date,
    report_period_days,
    window_kind,
    window_start,
    window_end,
    month_start,
    case when window_kind = 'long' then activity_from else window_start end as activity_from,
    case when window_kind = 'long' then activity_until else window_end end as activity_until,
    {{ dbt.datediff('activity_from', 'activity_until', 'day') }} + 1 as days_in_month,
    window_kind = 'month' and row_number() over (
        partition by tool, month_start, window_kind = 'month'
        order by {{ dbt.datediff('activity_from', 'activity_until', 'day') }} desc, refresh_date desc
    ) = 1 as is_primary_file
from overlap
