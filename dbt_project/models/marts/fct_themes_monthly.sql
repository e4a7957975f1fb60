-- Themes per month (docs/DESIGN.md section 3): messages, threads started, contributors,
-- participants (contributors and reactors), the share of threads started in M that someone
-- else answered within 7 days, growth vs M-1, net sentiment, its communities' activity, and
-- whether the theme is successful (enough contributors and answers; thresholds configured).
-- Incremental by month: growth compares with the theme's previous covered month, and the
-- communities' activity reads older messages, so a month is rebuilt when any month up to it
-- changed.
-- Its sentiment comes with the evidence behind it (positive / negative / neutral messages, the
-- 90% interval, the words that moved it most); with fewer contributors than min_group_size
-- there is none of it, as for issues: it would be one or two people's mood.
{% set t = var('thresholds') %}
{% set theme_rows = [] %}
{% for theme in var('themes') %}{% do theme_rows.append([theme['name']]) %}{% endfor %}
{% set community_rows = [] %}
{% for theme in var('themes') %}
    {% for community in theme.get('communities', []) %}{% do community_rows.append((theme['name'], community | lower)) %}{% endfor %}
{% endfor %}
{{ config(**by_month_config(reads_months='earlier', inputs='communities')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
{#- The messages read: from the covered month before the first month to build on (its growth
    compares with it), not every month of the history. -#}
{% set since = none %}
{% if is_incremental() %}
    {% set to_build = months_to_read('earlier', 'communities', [0]) %}
    {% if to_build | length == 0 %}
        {% set since = '' %}
    {% else %}
        {% set previous_query %}
            select strftime(coalesce(max(month_start), date '{{ to_build[0] }}'), '%Y-%m-%d')
            from {{ ref('int_message_months') }}
            where month_start < date '{{ to_build[0] }}'
        {% endset %}
        {% set since = run_query(previous_query).rows[0][0] %}
    {% endif %}
{% endif %}
with themes as (
    select * from {{ config_relation(theme_rows, ['theme']) }}
),

theme_communities as (
    select * from {{ config_relation(community_rows, ['theme', 'community']) }}
),

messages as (
    select matches.theme, messages.*
    from {{ ref('int_theme_messages') }} as matches
    inner join {{ ref('int_messages') }} as messages
        on messages.month_start = matches.month_start
            and messages.message_key = matches.message_key
    where messages.by_employee and {{ month_since('messages.month_start', since) }}
        and {{ month_since('matches.month_start', since) }}
),

reactors as (
    select messages.theme, reactions.month_start, reactions.person_key
    from {{ ref('int_reactions') }} as reactions
    inner join messages
        on messages.month_start = reactions.month_start
            and messages.message_key = reactions.message_key
    where reactions.by_employee and {{ month_since('reactions.month_start', since) }}
),

per_month as (
    select
        theme,
        month_start,
        count(*) as messages,
        count(*) filter (where is_thread_starter) as threads_started,
        count(distinct person_key) as contributors,
        count(sentiment_polarity) as scored_messages
    from messages
    group by all
),

sentiment as (
    {{ group_sentiment('messages', ['theme', 'month_start']) }}
),

participants as (
    select theme, month_start, count(distinct person_key) as participants
    from (
        select theme, month_start, person_key from messages
        union
        select theme, month_start, person_key from reactors
    ) as people
    group by all
),

responses as (
    select
        messages.theme,
        messages.month_start,
        round(
            100.0 * count(*) filter (
                where responses.answered_within_7_days and responses.platform_has_threads
            ) / nullif(count(*) filter (where responses.platform_has_threads), 0),
            1
        ) as response_rate_pct,
        count(*) filter (where responses.platform_has_threads) = 0 as has_no_threads
    from messages
    inner join {{ ref('int_thread_responses') }} as responses
        on responses.month_start = messages.month_start
            and responses.message_key = messages.message_key
    where {{ month_since('responses.month_start', since) }}
    group by all
),

communities as (
    select
        theme_communities.theme,
        communities.month_start,
        count(*) as communities_with_activity,
        count(*) filter (where communities.is_active) as active_communities
    from theme_communities
    inner join {{ ref('fct_communities_monthly') }} as communities
        on lower(communities.community) = theme_communities.community
    group by all
),

spine as (  -- only months a message export covers: elsewhere a theme's figures are unknown
    select themes.theme, months.month_start, months.month
    from themes cross join {{ ref('int_months') }} as months
    where months.month_start in (select month_start from {{ ref('int_message_months') }})
),

combined as (
    select
        spine.theme,
        spine.month_start,
        spine.month,
        coalesce(per_month.messages, 0) as messages,
        coalesce(per_month.threads_started, 0) as threads_started,
        coalesce(per_month.contributors, 0) as contributors,
        coalesce(participants.participants, 0) as participants,
        responses.response_rate_pct,
        coalesce(responses.has_no_threads, false) as has_no_threads,
        coalesce(per_month.scored_messages, 0) as scored_messages,
        sentiment.net_sentiment,
        sentiment.positive_messages,
        sentiment.negative_messages,
        sentiment.neutral_messages,
        sentiment.net_sentiment_low,
        sentiment.net_sentiment_high,
        sentiment.words_positive,
        sentiment.words_negative,
        coalesce(communities.active_communities, 0) as active_communities
    from spine
    left join per_month using (theme, month_start)
    left join sentiment using (theme, month_start)
    left join participants using (theme, month_start)
    left join responses using (theme, month_start)
    left join communities using (theme, month_start)
),

with_growth as (
    select
        *,
        lag(messages) over (partition by theme order by month_start) as messages_previous_month,
        round(
            100.0 * (messages - lag(messages) over (partition by theme order by month_start))
            / nullif(lag(messages) over (partition by theme order by month_start), 0), 1)
            as growth_pct,
        contributors >= {{ t['successful_theme_min_contributors'] }}
        and coalesce(response_rate_pct, 0) >= {{ t['successful_theme_min_response_rate_pct'] }}
            as is_successful
    from combined
)

select * from with_growth
where {{ in_months_to_build('month_start', reads_months='earlier', inputs='communities') }}
