-- The share of employees active on any social tool in the month: every platform of the
-- adoption funnel (Viva Engage, Slack, the intranet and apps of the activity files), so not
-- e-mail and not Teams; and, as "who we reach" counts it, on any tool but e-mail. Each is NULL
-- when no tool of its kind has a usage figure that month (no source, or nobody matched).
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with usage as (
    select
        month_start,
        bool_or(usage_status = 'ok' and tool not in ('email', 'teams')) as social_known,
        bool_or(usage_status = 'ok' and tool <> 'email') as beyond_email_known
    from {{ ref('fct_tool_usage_monthly') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
    group by all
),

active as (
    select
        headcount.month_start,
        headcount.month,
        headcount.headcount,
        count(distinct evidence.person_key)
        filter (where evidence.tool not in ('email', 'teams')) as active_social,
        count(distinct evidence.person_key)
        filter (where evidence.tool <> 'email') as active_beyond_email
    from {{ ref('fct_headcount_monthly') }} as headcount
    left join {{ ref('int_employee_activity_evidence') }} as evidence
        on evidence.month_start = headcount.month_start
    where {{ in_months_to_build('headcount.month_start', inputs='all') }}
    group by headcount.month_start, headcount.month, headcount.headcount
)

select
    active.month_start,
    active.month,
    active.headcount,
    case when usage.social_known then active.active_social end as active_social,
    case when usage.social_known
            then round(100.0 * active.active_social / nullif(active.headcount, 0), 1)
    end as active_social_pct,
    case when usage.beyond_email_known
            then round(100.0 * active.active_beyond_email / nullif(active.headcount, 0), 1)
    end as active_beyond_email_pct
from active
left join usage using (month_start)
