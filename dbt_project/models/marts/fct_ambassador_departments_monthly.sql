-- Ambassadors nobody may name (issue 17): per month, department and role, how many first
-- followers and fans did not agree to be named. A department is suppressed by the one
-- suppression rule (macros/suppression.sql): the month's totals are published, so as many
-- departments are hidden as it takes that none can be derived. NULL without a message export.
-- Incremental by month, as fct_ambassadors_monthly.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}

with departments as (
    {{ employees_per_department() }}
),

suppressed as (
    {{ suppressed_cells('departments', 'month_start', 'department') }}
),

roles as (
    select 'first_follower' as role
    union all
    select 'fan' as role
),

ambassadors as (
    select
        month_start,
        department,
        role,
        count(distinct person_key) as ambassadors,
        count(distinct case when not is_named then person_key end) as unnamed
    from {{ ref('fct_ambassadors_monthly') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
    group by 1, 2, 3
),

network as (
    select month_start, has_message_export from {{ ref('fct_network_monthly') }}
)

select
    suppressed.month_start,
    {{ month_label('suppressed.month_start') }} as month,
    suppressed.department,
    roles.role,
    suppressed.suppression is not null as is_suppressed,
    suppressed.suppression,
    {{ var('min_group_size') }} as min_group_size,
    case when suppressed.suppression is null then suppressed.employees end as employees,
    case when suppressed.suppression is null and network.has_message_export
            then coalesce(ambassadors.unnamed, 0)
    end as unnamed
from suppressed
cross join roles
left join network on network.month_start = suppressed.month_start
left join ambassadors
    on ambassadors.month_start = suppressed.month_start
        and ambassadors.department = suppressed.department
        and ambassadors.role = roles.role
