-- The organisation's reply and mention network per month (issue 17): how many employees are
-- tied to someone, how many ties, and the share of ties that cross departments. NULL in a
-- month without any message export (Viva Engage, Slack): the network is unknown, not empty.
-- With them, how many first followers and fans it holds (fct_ambassadors_monthly).
-- Incremental by month: a month is rebuilt when any source of it or of an earlier month changed.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}

with months as (
    select month_start from {{ ref('int_months') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

with_messages as (
    select * from {{ months_with_message_export() }}
),

people as (
    select * from {{ ref('fct_network_people_monthly') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

counted as (
    select
        month_start,
        count(*) as people,
        cast({{ int_div('sum(degree)', 2) }} as bigint) as ties,
        cast({{ int_div('sum(cross_department_ties)', 2) }} as bigint) as cross_department_ties
    from people
    group by 1
),

ambassadors as (
    select
        month_start,
        count(distinct case when role = 'first_follower' then person_key end) as first_followers,
        count(distinct case when role = 'fan' then person_key end) as fans
    from {{ ref('fct_ambassadors_monthly') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
    group by 1
)

select
    months.month_start,
    {{ month_label('months.month_start') }} as month,
    with_messages.month_start is not null as has_message_export,
    case when with_messages.month_start is not null then coalesce(counted.people, 0) end
        as people,
    case when with_messages.month_start is not null then coalesce(counted.ties, 0) end as ties,
    case when with_messages.month_start is not null then coalesce(counted.cross_department_ties, 0) end
        as cross_department_ties,
    round(100.0 * counted.cross_department_ties / nullif(counted.ties, 0), 1)
        as cross_department_pct,
    case when with_messages.month_start is not null then coalesce(ambassadors.first_followers, 0) end
        as first_followers,
    case when with_messages.month_start is not null then coalesce(ambassadors.fans, 0) end as fans
from months
left join with_messages on with_messages.month_start = months.month_start
left join counted on counted.month_start = months.month_start
left join ambassadors on ambassadors.month_start = months.month_start
