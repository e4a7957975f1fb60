-- Who we reach and who not (docs/DESIGN.md section 3): per configured dimension and segment,
-- the % of the segment's employees active on any tool but e-mail in M. A segment smaller than
-- the minimum group size is suppressed: its size and figures are NULL and `is_suppressed` is
-- true, so no output can show a number for it. Without a usage figure for any tool but e-mail
-- in M (no source, or nobody matched), reach is unknown: NULL, not 0.
{% set dimensions = var('segments') %}
with members as (
    select
        month_start,
        person_key,
        department,
        location,
        role_type,
        case
            when birth_year is null then 'onbekend'
            when year(month_start) - birth_year < 25 then '<25'
            when year(month_start) - birth_year < 35 then '25-34'
            when year(month_start) - birth_year < 45 then '35-44'
            when year(month_start) - birth_year < 55 then '45-54'
            else '55+'
        end as age_band
    from {{ ref('int_headcount_members') }}
),

known as (
    select month_start, bool_or(usage_status = 'ok' and tool <> 'email') as is_known
    from {{ ref('fct_tool_usage_monthly') }}
    group by all
),

active as (
    select distinct month_start, person_key
    from {{ ref('int_employee_activity_evidence') }}
    where tool <> 'email'
),

segments as (
    {% for dimension in dimensions %}
    select month_start, '{{ dimension }}' as dimension, {{ dimension }} as segment, person_key
    from members
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

counted as (
    select
        segments.month_start,
        segments.dimension,
        coalesce(segments.segment, 'onbekend') as segment,
        count(*) as employees,
        count(active.person_key) as reached
    from segments
    left join active
        on active.month_start = segments.month_start
        and active.person_key = segments.person_key
    group by all
)

select
    counted.month_start,
    strftime(counted.month_start, '%Y-%m') as month,
    dimension,
    segment,
    employees < {{ var('min_group_size') }} as is_suppressed,
    {{ var('min_group_size') }} as min_group_size,
    case when employees >= {{ var('min_group_size') }} then employees end as employees,
    case when employees >= {{ var('min_group_size') }} and known.is_known
        then reached end as reached,
    case when employees >= {{ var('min_group_size') }} and known.is_known
        then round(100.0 * reached / employees, 1) end as reach_pct
from counted
left join known using (month_start)
