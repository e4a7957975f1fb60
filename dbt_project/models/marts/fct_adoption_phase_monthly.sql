-- Where each tool stands on Rogers' adoption curve (issue 17, seeds 002): the share of
-- employees who ever used it (int_tool_adoption) against the boundaries of his phases,
-- innovators (the first 2.5 %), early adopters (to 16 %), early majority (to 50 %), late
-- majority (to 84 %) and laggards: the phase is the group now adopting. Beside it the Bass
-- fit of the curve and its forecast six months on (int_adoption_bass; DuckDB only, "not
-- enough history" before six months). NULL, with usage_status, where the month's usage of the
-- tool is unknown (tool usage: no source, or nobody matched the roster).
-- Incremental by month: adopters count everyone active up to M.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}

with adoption as (
    select * from {{ ref('int_tool_adoption') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

usage as (
    select month_start, tool, usage_status from {{ ref('fct_tool_usage_monthly') }}
),

bass as (
    {%- if target.type == 'duckdb' %}
        select * from {{ ref('int_adoption_bass') }}
    {%- else %}
        select
            cast(null as date) as month_start,
            cast(null as {{ dbt.type_string() }}) as tool,
            'not_computed' as bass_status,
            cast(null as double) as bass_p,
            cast(null as double) as bass_q,
            cast(null as double) as bass_m_pct,
            cast(null as double) as bass_rmse_pts,
            cast(null as date) as forecast_month,
            cast(null as double) as forecast_pct,
            cast(null as double) as forecast_low_pct,
            cast(null as double) as forecast_high_pct
    {%- endif %}
),

known as (
    select
        adoption.*,
        coalesce(usage.usage_status, 'no_source') as usage_status,
        coalesce(usage.usage_status, 'no_source') = 'ok' as is_known
    from adoption
    left join usage on usage.month_start = adoption.month_start and usage.tool = adoption.tool
)

select
    known.month_start,
    {{ month_label('known.month_start') }} as month,
    known.tool,
    known.usage_status,
    known.months_of_history,
    case when known.is_known then known.adopters end as adopters,
    case when known.is_known then known.adopters_pct end as adopters_pct,
    case when known.is_known then {{ rogers_phase('known.adopters_pct') }} end as adoption_phase,
    case when known.is_known then coalesce(bass.bass_status, 'not_computed') end as bass_status,
    case when known.is_known then bass.bass_p end as bass_p,
    case when known.is_known then bass.bass_q end as bass_q,
    case when known.is_known then bass.bass_m_pct end as bass_m_pct,
    case when known.is_known then bass.bass_rmse_pts end as bass_rmse_pts,
    case when known.is_known then bass.forecast_month end as forecast_month,
    case when known.is_known then bass.forecast_pct end as forecast_pct,
    case when known.is_known then bass.forecast_low_pct end as forecast_low_pct,
    case when known.is_known then bass.forecast_high_pct end as forecast_high_pct
from known
left join bass on bass.month_start = known.month_start and bass.tool = known.tool
