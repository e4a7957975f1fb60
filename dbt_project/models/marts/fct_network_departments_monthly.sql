-- Silos (issue 17): per month and department, the share of its people's ties that stay inside
-- the department. 100 % is a silo; a department tied only to others scores 0. A department of
-- fewer employees than the minimum group size is suppressed (its numbers NULL). NULL, too,
-- where the department has no ties or the month no message export.
-- Incremental by month: a month is rebuilt when any source of it or of an earlier month changed.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}

with members as (
    {{ employees_per_department() }}
),

people as (
    select * from {{ ref('fct_network_people_monthly') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

tied as (
    -- a tie inside the department is counted from both ends: halve those
    select
        month_start,
        department,
        count(*) as people_tied,
        cast({{ int_div('sum(degree - cross_department_ties)', 2) }} + sum(cross_department_ties) as bigint)
            as ties,
        cast({{ int_div('sum(degree - cross_department_ties)', 2) }} as bigint) as ties_inside
    from people
    group by 1, 2
),

network as (
    select month_start, has_message_export from {{ ref('fct_network_monthly') }}
),

suppressed as (
    select
        members.*,
        members.employees < {{ var('min_group_size') }} as is_suppressed
    from members
)

select
    suppressed.month_start,
    {{ month_label('suppressed.month_start') }} as month,
    suppressed.department,
    suppressed.is_suppressed,
    case when suppressed.is_suppressed then 'primary' end as suppression,
    {{ var('min_group_size') }} as min_group_size,
    case when not suppressed.is_suppressed then suppressed.employees end as employees,
    case when not suppressed.is_suppressed and network.has_message_export
            then coalesce(tied.people_tied, 0)
    end as people_tied,
    case when not suppressed.is_suppressed and network.has_message_export
            then coalesce(tied.ties, 0)
    end as ties,
    case when not suppressed.is_suppressed and network.has_message_export
            then coalesce(tied.ties_inside, 0)
    end as ties_inside,
    case when not suppressed.is_suppressed
            then round(100.0 * tied.ties_inside / nullif(tied.ties, 0), 1)
    end as silo_index_pct
from suppressed
left join network on network.month_start = suppressed.month_start
left join tied
    on tied.month_start = suppressed.month_start and tied.department = suppressed.department
