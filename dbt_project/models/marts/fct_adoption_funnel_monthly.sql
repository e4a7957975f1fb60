-- The adoption funnel per social platform and the IC ambition level it implies
-- (docs/DESIGN.md section 3, after Plek's Engagement Score). Reach = employees of N(M) ever
-- active on the platform up to the end of M / N(M); Visit, View, Interact and Contribute are
-- shares of those reached (the activated employees). Each x 100, one decimal.
{% set t = var('thresholds') %}
-- Incremental by month: reach counts everyone active up to M, so a month is rebuilt when any
-- month up to it changed; adding a month builds only that month.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with members as (
    select month_start, person_key from {{ ref('int_headcount_members') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

steps as (
    select steps.*
    from {{ ref('int_funnel_steps') }} as steps
    inner join members using (month_start, person_key)
),

first_active as (
    select platform, person_key, min(month_start) as first_month
    from {{ ref('int_funnel_steps') }}
    group by all
),

platforms as (
    select distinct platform from first_active
),

reached as (
    select members.month_start, first_active.platform, count(*) as reached
    from members
    inner join first_active
        on first_active.person_key = members.person_key
            and first_active.first_month <= members.month_start
    group by all
),

taken as (
    select
        month_start, platform,
        count(*) as visited,
        count(*) filter (where viewed) as viewed,
        bool_and(viewed is null) as no_view_data,
        count(*) filter (where interacted) as interacted,
        count(*) filter (where contributed) as contributed
    from steps
    group by all
),

funnel as (
    select
        headcount.month_start,
        headcount.month,
        platforms.platform,
        headcount.headcount,
        coalesce(reached.reached, 0) as activated,
        round(100.0 * coalesce(reached.reached, 0) / nullif(headcount.headcount, 0), 1) as reach,
        round(100.0 * coalesce(taken.visited, 0) / nullif(reached.reached, 0), 1) as visit,
        case when not coalesce(taken.no_view_data, platforms.platform = 'slack') then
                round(100.0 * taken.viewed / nullif(reached.reached, 0), 1)
        end as view,
        round(100.0 * coalesce(taken.interacted, 0) / nullif(reached.reached, 0), 1) as interact,
        round(100.0 * coalesce(taken.contributed, 0) / nullif(reached.reached, 0), 1) as contribute
    from {{ ref('fct_headcount_monthly') }} as headcount
    cross join platforms
    left join reached
        on reached.month_start = headcount.month_start and reached.platform = platforms.platform
    left join taken
        on taken.month_start = headcount.month_start and taken.platform = platforms.platform
    where {{ in_months_to_build('headcount.month_start', reads_months='earlier', inputs='all') }}
)

select
    *,
    case
        when visit is null then null
        when visit < {{ t['ambition_visit_initiatie'] }} then 'initiation'
        when contribute < {{ t['ambition_contribute_informeren'] }} then 'informing'
        when contribute < {{ t['ambition_contribute_betrekken'] }}
            or visit < {{ t['ambition_visit_betrekken'] }} then 'involving'
        else 'co_creating'
    end as ambition_level
from funnel
