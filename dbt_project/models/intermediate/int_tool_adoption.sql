-- How far each tool is on its adoption curve (issue 17): per month, the employees of N(M) who
-- have ever been active on the tool up to the end of M, against the headcount; counted from
-- the tool's first month with data (months_of_history). E-mail is left out: nobody adopts it.
-- Incremental by month: adopters count everyone active up to M, so a month is rebuilt when any
-- month up to it changed.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}

with members as (
    select month_start, person_key from {{ ref('int_headcount_members') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

headcount as (
    select month_start, count(*) as headcount from members group by 1
),

first_active as (
    select tool, person_key, min(month_start) as first_month
    from {{ ref('int_tool_activity_evidence') }}
    where tool <> 'email'
    group by 1, 2
),

first_data as (
    select tool, min(month_start) as first_data_month
    from {{ ref('int_tool_months_with_data') }}
    where tool <> 'email'
    group by 1
),

adopters as (
    select members.month_start, first_active.tool, count(*) as adopters
    from members
    inner join first_active
        on first_active.person_key = members.person_key
            and first_active.first_month <= members.month_start
    group by 1, 2
)

select
    headcount.month_start,
    first_data.tool,
    headcount.headcount,
    coalesce(adopters.adopters, 0) as adopters,
    round(100.0 * coalesce(adopters.adopters, 0) / headcount.headcount, 1) as adopters_pct,
    first_data.first_data_month,
    {{ dbt.datediff('first_data.first_data_month', 'headcount.month_start', 'month') }} + 1
        as months_of_history
from headcount
inner join first_data on first_data.first_data_month <= headcount.month_start
left join adopters
    on adopters.month_start = headcount.month_start and adopters.tool = first_data.tool
