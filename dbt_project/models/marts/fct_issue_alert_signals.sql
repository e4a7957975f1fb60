-- Interne webcare signals (monitor.yml `alerts`): per issue and day, a *spike* when the day's
-- messages exceed spike_factor x the median of the previous baseline_days days (days without
-- messages count as 0) and reach spike_min_messages; *turned red* when the issue's light over
-- the last light_window_days days (same thresholds as the monthly light) is firmly red (its
-- whole 90% interval is red: a handful of messages does not wake anyone) and was not the day
-- before. Fewer distinct writers in the window than min_group_size: no sentiment,
-- a grey light (as in the monthly top 10). Only days with a signal are kept, each with the
-- issue's top themes.
{% set a = var('alerts') %}
with messages as (
    select
        issues.issue,
        messages.message_key,
        cast(messages.posted_at as date) as day,
        messages.person_key,
        messages.sentiment_polarity
    from {{ ref('int_issue_messages') }} as issues
    inner join {{ ref('int_messages') }} as messages using (message_key)
    where messages.by_employee
),

calendar as (
    {{ daily_calendar('messages', ['issue']) }}
),

daily as (
    select
        calendar.issue,
        calendar.day,
        count(messages.message_key) as messages,
        count(messages.sentiment_polarity) as scored,
        count(*) filter (where messages.sentiment_polarity = 'positive') as positive,
        count(*) filter (where messages.sentiment_polarity = 'negative') as negative
    from calendar
    left join messages on messages.issue = calendar.issue and messages.day = calendar.day
    group by all
),

window_people as (
    -- a light needs min_group_size distinct writers in its window: one person's mood is no signal
    select calendar.issue, calendar.day, count(distinct messages.person_key) as contributors_window
    from calendar
    left join messages
        on messages.issue = calendar.issue
            and messages.day between calendar.day - {{ a['light_window_days'] - 1 }} and calendar.day
    group by all
),

windowed as (
    select
        *,
        {{ median_over('messages', 'baseline') }} as median_previous,
        count(*) over baseline as baseline_days_seen,
        sum(messages) over light as messages_window,
        sum(scored) over light as scored_window,
        sum(positive) over light as positive_window,
        sum(negative) over light as negative_window
    from daily
    window
        baseline as (
            partition by issue order by day
            rows between {{ a['baseline_days'] }} preceding and 1 preceding
        ),
        light as (
            partition by issue order by day
            rows between {{ a['light_window_days'] - 1 }} preceding and current row
        )
),

lights as (
    select
        windowed.*,
        window_people.contributors_window,
        case when window_people.contributors_window >= {{ var('min_group_size') }} then
                round(100.0 * (positive_window - negative_window) / nullif(scored_window, 0), 1)
        end as net_sentiment_window,
        {{ net_sentiment_margin('positive_window', 'negative_window', 'scored_window') }}
            as margin_window
    from windowed
    inner join window_people using (issue, day)
),

flagged as (
    select
        *,
        -- (net_sentiment_window is null without a scored message or with too few writers)
        {{ sentiment_light('net_sentiment_window', 'messages_window') }} as light_window
    from lights
),

signals as (
    select
        issue,
        day,
        messages,
        median_previous,
        net_sentiment_window,
        messages_window,
        contributors_window,
        light_window,
        {{ sentiment_light_is_firm('net_sentiment_window', 'messages_window',
            'net_sentiment_window - margin_window', 'net_sentiment_window + margin_window') }}
            as light_window_is_firm,
        messages >= {{ a['spike_min_messages'] }}
        and messages > {{ a['spike_factor'] }} * coalesce(median_previous, 0) as is_spike
    from flagged
),

firm_red as (
    select
        *,
        coalesce(light_window = 'red' and light_window_is_firm, false) as is_firm_red
    from signals
),

alerts as (
    select
        *,
        is_firm_red and not coalesce(
            lag(is_firm_red) over (partition by issue order by day), false
        ) as turned_red
    from firm_red
    qualify is_spike or turned_red
),

alert_themes as (
    select alerts.issue, alerts.day, themes.theme, count(*) as theme_messages
    from alerts
    inner join messages
        on messages.issue = alerts.issue
            and messages.day between alerts.day - {{ a['light_window_days'] - 1 }} and alerts.day
    inner join {{ ref('int_theme_messages') }} as themes using (message_key)
    group by all
),

top_themes as (
    select
        issue,
        day,
        {{ list_slice(ordered_list('theme', ['-theme_messages', 'theme']), 1, 3) }} as top_themes
    from alert_themes
    group by all
)

select
    alerts.issue,
    alerts.day,
    alerts.messages,
    alerts.median_previous,
    alerts.is_spike,
    alerts.turned_red,
    alerts.messages_window,
    alerts.contributors_window,
    alerts.net_sentiment_window,
    alerts.light_window,
    alerts.light_window_is_firm,
    coalesce(top_themes.top_themes, {{ list_of([]) }}) as top_themes
from alerts
left join top_themes using (issue, day)
