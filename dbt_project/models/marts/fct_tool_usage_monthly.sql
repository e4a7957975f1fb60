-- Usage per tool % = employees of N(M) active on the tool in M / N(M) * 100 (docs/DESIGN.md
-- section 3). Activity of people outside the roster (guests, leavers, service accounts) is
-- left out. Usage is NULL, never 0, when it is unknown: no source covers the tool in M
-- (status no_source), or its sources name people but not one of them matched the roster
-- (status unmatched: concealed names, an export without e-mail). A tool known only from
-- Microsoft 365 files shorter than 28 days (D7) is a partial month: window_days says so.
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with headcount as (
    select * from {{ ref('fct_headcount_monthly') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
),

active as (
    select month_start, tool, count(distinct person_key) as active
    from {{ ref('int_employee_activity_evidence') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
    group by all
),

tools as (
    select distinct tool from {{ ref('int_tool_months_with_data') }}
),

coverage as (
    select month_start, tool, true as has_data from {{ ref('int_tool_months_with_data') }}
),

identities as (
    select month_start, tool, count(*) filter (where is_matched) as matched_rows
    from {{ ref('int_identity_rows') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
    group by all
),

windows as (
    select
        month_start,
        tool,
        max(report_period_days) filter (where window_kind = 'partial') as partial_days,
        bool_and(window_kind = 'partial') as only_partial
    from {{ ref('int_m365_files_attributed') }}
    group by all
),

exports as (  -- tools that an export or activity file covers for the whole month
    select distinct month_start, tool
    from {{ ref('int_tool_activity_evidence') }}
    where evidence <> 'user_detail' and {{ in_months_to_build('month_start', inputs='all') }}
),

status as (
    select
        headcount.month_start,
        headcount.month,
        tools.tool,
        headcount.headcount,
        coalesce(coverage.has_data, false) as has_data,
        case
            when not coalesce(coverage.has_data, false) then 'no_source'
            when coalesce(identities.matched_rows, 0) = 0 then 'unmatched'
            else 'ok'
        end as usage_status,
        case
            when windows.only_partial and exports.tool is null then windows.partial_days
        end as window_days,
        coalesce(active.active, 0) as active
    from headcount
    cross join tools
    left join coverage using (month_start, tool)
    left join identities using (month_start, tool)
    left join windows using (month_start, tool)
    left join exports using (month_start, tool)
    left join active using (month_start, tool)
)

select
    month_start,
    month,
    tool,
    headcount,
    has_data,
    usage_status,
    window_days,
    case when usage_status = 'ok' then active end as active_employees,
    case
        when usage_status = 'ok' and headcount > 0 then round(100.0 * active / headcount, 1)
    end as usage_pct
from status
