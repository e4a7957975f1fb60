-- Issues per month (docs/DESIGN.md section 3): volume (messages by employees), contributors,
-- net sentiment and the traffic light (grey with too few messages or no scores, else green /
-- amber / red by the configured thresholds), the rank (volume, then contributors, then name;
-- the top 10 are reported) and the trend vs the previous month. An issue with fewer distinct
-- contributors than min_group_size shows its volume only: its sentiment would be one or two
-- people's, so it is NULL and the light grey, and so is its evidence. The evidence behind a
-- light: its positive / negative / neutral messages, the 90% interval of its net sentiment
-- (light_is_firm: the whole interval lies in one colour band, else the report shows the light
-- as uncertain) and the words that moved it most.
-- Incremental by month: the trend compares with the month before, so a month is rebuilt when
-- it or the month before changed.
{{ config(**by_month_config(reads_months=[0, -1])) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}
with messages as (
    select issues.issue, messages.*
    from {{ ref('int_issue_messages') }} as issues
    inner join {{ ref('int_messages') }} as messages using (message_key)
    where messages.by_employee and {{ in_months_to_read('messages.month_start', reads_months=[0, -1]) }}
),

per_month as (
    select
        issue,
        month_start,
        count(*) as messages,
        count(distinct person_key) as contributors,
        count(sentiment_polarity) as scored_messages,
        count(distinct person_key) < {{ var('min_group_size') }} as is_small_group
    from messages
    group by all
),

sentiment as (
    {{ group_sentiment('messages', ['issue', 'month_start']) }}
),

ranked as (
    select
        per_month.*,
        {%- for column in group_sentiment_columns() %}
            sentiment.{{ column }},
        {%- endfor %}
        {{ month_label('per_month.month_start') }} as month,
        row_number() over (
            partition by per_month.month_start
            order by per_month.messages desc, per_month.contributors desc, per_month.issue asc
        ) as rank
    from per_month
    left join sentiment using (issue, month_start)
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
    where {{ in_months_to_build('current.month_start', reads_months=[0, -1]) }}
)

select
    *,
    rank <= 10 as is_top10,
    {{ sentiment_light('net_sentiment', 'messages') }} as light,
    {{ sentiment_light_is_firm('net_sentiment', 'messages', 'net_sentiment_low',
        'net_sentiment_high') }} as light_is_firm,
    case
        when messages_previous_month is null then 'new'
        when messages > messages_previous_month then 'up'
        when messages < messages_previous_month then 'down'
        else 'flat'
    end as trend
from with_previous
