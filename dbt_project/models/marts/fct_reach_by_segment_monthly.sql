-- Who we reach and who not (docs/DESIGN.md section 3): per configured dimension and segment,
-- the % of the segment's employees active on any tool but e-mail in M. A segment smaller than
-- the minimum group size is suppressed, and so are as many others as it takes that no total
-- gives it away: their size and figures are NULL and `is_suppressed` is true, so no output
-- can show or derive a number for it. Without a usage figure for any tool but e-mail
-- in M (no source, or nobody matched), reach is unknown: NULL, not 0.
{% set dimensions = var('segments') %}
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
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
    where {{ in_months_to_build('month_start', inputs='all') }}
),

known as (
    select month_start, bool_or(usage_status = 'ok' and tool <> 'email') as is_known
    from {{ ref('fct_tool_usage_monthly') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
    group by all
),

active as (
    select distinct month_start, person_key
    from {{ ref('int_employee_activity_evidence') }}
    where tool <> 'email' and {{ in_months_to_build('month_start', inputs='all') }}
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
),

suppressed as (
    {{ suppressed_cells('counted', 'month_start, dimension', 'segment') }}
)

select
    suppressed.month_start,
    {{ month_label('suppressed.month_start') }} as month,
    dimension,
    segment,
    suppression is not null as is_suppressed,
    suppression,
    {{ var('min_group_size') }} as min_group_size,
    case when suppression is null then employees end as employees,
    case when suppression is null and known.is_known then reached end as reached,
    case when suppression is null and known.is_known
            then round(100.0 * reached / employees, 1)
    end as reach_pct
from suppressed
left join known using (month_start)
