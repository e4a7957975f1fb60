-- Usage per tool % = employees of N(M) active on the tool in M / N(M) * 100 (docs/DESIGN.md
-- section 3). Activity of people outside the roster (guests, leavers, service accounts) is
-- left out; a tool without any source in M has NULL usage, not 0.
with headcount as (
    select * from {{ ref('fct_headcount_monthly') }}
),

active as (
    select month_start, tool, count(distinct person_key) as active
    from {{ ref('int_employee_activity_evidence') }}
    group by all
),

tools as (
    select distinct tool from {{ ref('int_tool_months_with_data') }}
),

coverage as (
    select month_start, tool, true as has_data from {{ ref('int_tool_months_with_data') }}
)

select
    headcount.month_start,
    headcount.month,
    tools.tool,
    headcount.headcount,
    coalesce(coverage.has_data, false) as has_data,
    case when coverage.has_data then coalesce(active.active, 0) end as active_employees,
    case
        when coverage.has_data and headcount.headcount > 0
            then round(100.0 * coalesce(active.active, 0) / headcount.headcount, 1)
    end as usage_pct
from headcount
cross join tools
left join coverage
    on coverage.month_start = headcount.month_start and coverage.tool = tools.tool
left join active
    on active.month_start = headcount.month_start and active.tool = tools.tool
