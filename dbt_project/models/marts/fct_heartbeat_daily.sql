-- The organisation's heartbeat (issue 17, seeds 000 step 6): per theme and issue, the messages
-- of each day (days without count as 0), and whether the day is a *spike*: its messages lie
-- z_threshold robust z-scores above the median of the previous window_days days,
--   z = 0.6745 (x - median) / MAD,  MAD = median |x_i - median| over those days
-- (with no spread in the MAD, Iglewicz and Hoaglin's (x - median) / (1.2533 mean |x_i -
-- median|); with no spread at all, any rise above the median), reach min_messages and have a
-- full window behind them. Issues are the configured ones and the hashtags that reached a
-- month's top 10. Messages by employees of their month only. Rebuilt whole (as the alerts).
{% set h = var('heartbeat') %}
with tagged as (
    select 'theme' as subject_kind, theme as subject, message_key
    from {{ ref('int_theme_messages') }}
    union all
    select 'issue', issue, message_key
    from {{ ref('int_issue_messages') }}
    where issue in (select issue from {{ ref('fct_issues_monthly') }} where is_top10)
),

messages as (
    select tagged.subject_kind, tagged.subject, cast(messages.posted_at as date) as day
    from tagged
    inner join {{ ref('int_messages') }} as messages using (message_key)
    where messages.by_employee
),

calendar as (
    {{ daily_calendar('messages', ['subject_kind', 'subject']) }}
),

daily as (
    select calendar.subject_kind, calendar.subject, calendar.day, count(messages.day) as messages
    from calendar
    left join messages
        on messages.subject_kind = calendar.subject_kind
            and messages.subject = calendar.subject
            and messages.day = calendar.day
    group by 1, 2, 3
),

baseline as (
    select
        *,
        {{ median_over('messages', 'previous') }} as median_previous,
        count(*) over previous as days_seen
    from daily
    window previous as (
        partition by subject_kind, subject order by day
        rows between {{ h['window_days'] }} preceding and 1 preceding
    )
),

spread as (
    select
        baseline.subject_kind,
        baseline.subject,
        baseline.day,
        median(abs(earlier.messages - baseline.median_previous)) as mad,
        avg(abs(earlier.messages - baseline.median_previous)) as mean_deviation
    from baseline
    inner join daily as earlier
        on earlier.subject_kind = baseline.subject_kind
            and earlier.subject = baseline.subject
            and earlier.day between baseline.day - {{ h['window_days'] }} and baseline.day - 1
    group by 1, 2, 3
),

scored as (
    select
        baseline.*,
        spread.mad,
        case
            when spread.mad > 0
                then round(0.6745 * (baseline.messages - baseline.median_previous) / spread.mad, 2)
            when spread.mean_deviation > 0
                then round(
                        (baseline.messages - baseline.median_previous)
                        / (1.253314 * spread.mean_deviation), 2
                    )
        end as robust_z
    from baseline
    left join spread using (subject_kind, subject, day)
)

select
    subject_kind,
    subject,
    day,
    {{ month_of('day') }} as month_start,
    messages,
    median_previous,
    mad,
    robust_z,
    coalesce(
        days_seen >= {{ h['window_days'] }}
        and messages >= {{ h['min_messages'] }}
        and (
            robust_z >= {{ h['z_threshold'] }}
            or (robust_z is null and messages > median_previous)
        ),
        false
    ) as is_spike
from scored
