-- The share of employees active on any social tool in the month: every platform of the
-- adoption funnel (Viva Engage, Slack, the intranet and apps of the activity files), so not
-- e-mail and not Teams.
select
    headcount.month_start,
    headcount.month,
    headcount.headcount,
    count(distinct evidence.person_key) as active_social,
    round(100.0 * count(distinct evidence.person_key) / nullif(headcount.headcount, 0), 1)
        as active_social_pct
from {{ ref('fct_headcount_monthly') }} as headcount
left join {{ ref('int_employee_activity_evidence') }} as evidence
    on evidence.month_start = headcount.month_start
    and evidence.tool not in ('email', 'teams')
group by headcount.month_start, headcount.month, headcount.headcount
