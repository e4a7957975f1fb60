-- Issues per month (docs/DESIGN.md section 3): volume (messages by employees), contributors,
-- net sentiment and the traffic light (grey with too few messages or no scores, else green /
-- amber / red by the configured thresholds), the rank (volume, then contributors, then name;
-- the top 10 are reported) and the trend vs the previous month. An issue with fewer distinct
-- contributors than min_group_size shows its volume only: its sentiment would be one or two
-- people's, so it is NULL and the light grey, and so is its evidence. The evidence behind a
-- light: its positive / negative / neutral messages, the 90% interval of its net sentiment
-- (light_is_firm: the whole interval lies in one colour band, else the report shows the light
-- as uncertain) and the words that moved it most.
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
        count(sentiment_polarity) as scored_messages,
        count(distinct person_key) < {{ var('min_group_size') }} as is_small_group,
        count(*) filter (where sentiment_polarity = 'positive') as positive_all,
        count(*) filter (where sentiment_polarity = 'negative') as negative_all,
        count(*) filter (where sentiment_polarity = 'neutral') as neutral_all,
        case when count(distinct person_key) >= {{ var('min_group_size') }}
            then {{ net_sentiment('sentiment_polarity') }}
        end as net_sentiment
    from messages
    group by all
),

words as (
    {{ top_sentiment_words('messages', ['issue', 'month_start']) }}
),

with_evidence as (
    select
        per_month.* exclude (positive_all, negative_all, neutral_all),
        case when net_sentiment is not null then positive_all end as positive_messages,
        case when net_sentiment is not null then negative_all end as negative_messages,
        case when net_sentiment is not null then neutral_all end as neutral_messages,
        case when net_sentiment is not null
            then {{ net_sentiment_margin('positive_all', 'negative_all', 'scored_messages') }}
        end as margin,
        case when net_sentiment is not null then coalesce(words.words_positive, []) end
            as words_positive,
        case when net_sentiment is not null then coalesce(words.words_negative, []) end
            as words_negative
    from per_month
    left join words using (issue, month_start)
),

ranked as (
    select
        *,
        strftime(month_start, '%Y-%m') as month,
        round(greatest(net_sentiment - margin, -100.0), 1) as net_sentiment_low,
        round(least(net_sentiment + margin, 100.0), 1) as net_sentiment_high,
        row_number() over (
            partition by month_start order by messages desc, contributors desc, issue
        ) as rank
    from with_evidence
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
    * exclude (margin),
    rank <= 10 as is_top10,
    case
        when messages < {{ t['light_min_messages'] }} or net_sentiment is null then 'grey'
        else {{ traffic_light('net_sentiment') }}
    end as light,
    case
        when messages >= {{ t['light_min_messages'] }} and net_sentiment is not null
            then {{ light_is_firm('net_sentiment_low', 'net_sentiment_high') }}
    end as light_is_firm,
    case
        when messages_previous_month is null then 'new'
        when messages > messages_previous_month then 'up'
        when messages < messages_previous_month then 'down'
        else 'flat'
    end as trend
from with_previous
