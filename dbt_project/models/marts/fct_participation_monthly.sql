-- How unequal participation is (docs/DESIGN.md section 3), per platform and for all platforms:
-- for n contributors with contributions c1 >= ... >= cn and total C,
--   top20_share_pct = sum of the top ceil(0.2 n) / C * 100,
--   pct_for_80      = smallest k with c1 + ... + ck >= 0.8 C, as k / n * 100,
--   gini            = sum_i sum_j |ci - cj| / (2 n^2 mean c)
--                   = 2 sum_i i c(i) / (n C) - (n + 1) / n  with c(i) ascending,
-- and the 90-9-1 split of the platform's active members: lurkers (0), occasional (1-4),
-- heavy (5 or more contributions).
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with messages as (
    select month_start, platform, person_key, sentiment_polarity
    from {{ ref('int_messages') }}
    where by_employee and {{ in_months_to_build('month_start', inputs='all') }}
),

sentiment as (
    select month_start, platform, {{ net_sentiment('sentiment_polarity') }} as net_sentiment
    from messages group by all
    union all
    select month_start, 'all', {{ net_sentiment('sentiment_polarity') }}
    from messages group by month_start
),

contributions as (
    select month_start, platform, person_key, count(*) as contributions
    from messages group by all
    union all
    select month_start, 'all', person_key, count(*)
    from messages group by month_start, person_key
),

ranked as (
    select
        *,
        row_number() over w_desc as rank_desc,
        sum(contributions) over w_running as cumulative,
        row_number() over (
            partition by month_start, platform order by contributions, person_key
        ) as rank_asc,
        count(*) over w as n,
        sum(contributions) over w as total
    from contributions
    window
        w as (partition by month_start, platform),
        w_desc as (partition by month_start, platform order by contributions desc, person_key asc),
        w_running as (
            partition by month_start, platform order by contributions desc, person_key asc
            rows unbounded preceding
        )
),

inequality as (
    select
        month_start,
        platform,
        any_value(n) as contributors,
        cast(any_value(total) as bigint) as messages,
        round(
            100.0 * sum(contributions) filter (where rank_desc <= ceil(0.2 * n))
            / any_value(total), 1
        ) as top20_share_pct,
        round(
            100.0 * min(rank_desc) filter (where cumulative >= 0.8 * total)
            / any_value(n), 1
        ) as pct_for_80,
        round(
            2.0 * sum(rank_asc * contributions) / (any_value(n) * any_value(total))
            - (any_value(n) + 1.0) / any_value(n), 3
        ) as gini
    from ranked
    group by month_start, platform
),

-- Active members: employees with any activity on the platform in the month.
members as (
    select distinct month_start, tool as platform, person_key
    from {{ ref('int_employee_activity_evidence') }}
    where tool in ('viva_engage', 'slack') and {{ in_months_to_build('month_start', inputs='all') }}
),

members_all as (
    select * from members
    union
    select distinct month_start, 'all', person_key from members
),

split as (
    select
        members.month_start,
        members.platform,
        count(*) as active_members,
        count(*) filter (where coalesce(c.contributions, 0) = 0) as lurkers,
        count(*) filter (where c.contributions between 1 and 4) as occasional,
        count(*) filter (where c.contributions >= 5) as heavy
    from members_all as members
    left join contributions as c
        on c.month_start = members.month_start
            and c.platform = members.platform
            and c.person_key = members.person_key
    group by all
),

platforms as (
    select distinct platform from {{ ref('int_messages') }}
    union
    select 'all'
),

covered as (  -- months a message export covers; elsewhere participation is unknown, not zero
    select month_start, platform from {{ ref('int_message_months') }}
    union
    select distinct month_start, 'all' from {{ ref('int_message_months') }}
)

select
    months.month_start,
    months.month,
    platforms.platform,
    coalesce(inequality.contributors, 0) as contributors,
    coalesce(inequality.messages, 0) as messages,
    inequality.top20_share_pct,
    inequality.pct_for_80,
    inequality.gini,
    coalesce(split.active_members, 0) as active_members,
    coalesce(split.lurkers, 0) as lurkers,
    coalesce(split.occasional, 0) as occasional,
    coalesce(split.heavy, 0) as heavy,
    round(100.0 * split.lurkers / nullif(split.active_members, 0), 1) as lurkers_pct,
    round(100.0 * split.occasional / nullif(split.active_members, 0), 1) as occasional_pct,
    round(100.0 * split.heavy / nullif(split.active_members, 0), 1) as heavy_pct,
    sentiment.net_sentiment
from {{ ref('int_months') }} as months
cross join platforms
inner join covered
    on covered.month_start = months.month_start and covered.platform = platforms.platform
left join inequality
    on inequality.month_start = months.month_start and inequality.platform = platforms.platform
left join split
    on split.month_start = months.month_start and split.platform = platforms.platform
left join sentiment
    on sentiment.month_start = months.month_start and sentiment.platform = platforms.platform
where {{ in_months_to_build('months.month_start', inputs='all') }}
