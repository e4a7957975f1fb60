-- Issues per month (docs/DESIGN.md section 3): volume (messages by employees), contributors,
-- net sentiment and the traffic light (grey with too few messages or no scores, else green /
-- amber / red by the configured thresholds), the rank (volume, then contributors, then name;
-- the top 10 are reported) and the trend vs the previous month. An issue with fewer distinct
-- contributors than min_group_size shows its volume only: its sentiment would be one or two
-- people's, so it is NULL and the light grey.
{% set t = var('thresholds') %}
with messages as (
    select issues.issue, messages.*
    from {{ ref('int_issue_messages') }} as issues
    inner join {{ ref('int_messages') }} as messages using (message_key)
    where messages.by_employee
),

per_month as (
    select
        issue,
        month_start,
        count(*) as messages,
        count(distinct person_key) as contributors,
        count(sentiment_score) as scored_messages,
        count(distinct person_key) < {{ var('min_group_size') }} as is_small_group,
        case when count(distinct person_key) >= {{ var('min_group_size') }}
            then {{ net_sentiment('sentiment_score') }}
        end as net_sentiment
    from messages
    group by all
),

ranked as (
    select
        *,
        strftime(month_start, '%Y-%m') as month,
        row_number() over (
            partition by month_start order by messages desc, contributors desc, issue
        ) as rank
    from per_month
),

with_previous as (
    select
        current.*,
        previous.messages as messages_previous_month,
        previous.rank as rank_previous_month,
        previous.net_sentiment as net_sentiment_previous_month
    from ranked as current
    left join ranked as previous
        on previous.issue = current.issue
        and previous.month_start = current.month_start - interval 1 month
)

select
    *,
    rank <= 10 as is_top10,
    case
        when messages < {{ t['light_min_messages'] }} or net_sentiment is null then 'grey'
        when net_sentiment >= {{ t['light_green'] }} then 'green'
        when net_sentiment <= {{ t['light_red'] }} then 'red'
        else 'amber'
    end as light,
    case
        when messages_previous_month is null then 'new'
        when messages > messages_previous_month then 'up'
        when messages < messages_previous_month then 'down'
        else 'flat'
    end as trend
from with_previous
