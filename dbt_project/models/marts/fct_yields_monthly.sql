-- The yields of the networks per month (docs/DESIGN.md section 3):
-- e-mail sent per person per day (sum of Send Count of employees in the month's primary
-- e-mail file / (N(M) x Report Period)) with its change vs the baseline (mean of the configured
-- baseline months, by default the first three months with e-mail data) and vs a year earlier;
-- ideas (messages in the ideas theme) and ideas adopted (register rows of that theme signalled
-- in M with outcome adopted or implemented); the engagement index of the latest survey wave
-- ending in or before M with its change vs the wave before and the response rate; and the
-- follow-up of the networks' output (register rows signalled in M, responded, acted on,
-- median days to response).
{% set baseline = var('email_baseline_months') %}
with months as (
    select months.*, headcount.headcount
    from {{ ref('int_months') }} as months
    inner join {{ ref('fct_headcount_monthly') }} as headcount using (month_start)
),

email_files as (
    select source_sha256, month_start, report_period_days
    from {{ ref('int_m365_files_attributed') }}
    where tool = 'email' and is_primary_file
),

email as (
    select
        files.month_start,
        sum(rows.send_count) as sent,
        any_value(files.report_period_days) as period_days
    from email_files as files
    inner join {{ ref('stg_m365__email_activity') }} as rows using (source_sha256)
    inner join {{ ref('int_headcount_members') }} as members
        on members.month_start = files.month_start and members.person_key = rows.person_key
    group by all
),

email_rate as (
    select
        months.month_start,
        round(email.sent / (months.headcount * email.period_days), 2) as email_sent_per_person_per_day,
        email.sent / (months.headcount * email.period_days) as exact_rate
    from months
    inner join email using (month_start)
),

email_baseline as (
    select avg(exact_rate) as baseline
    from email_rate
    {% if baseline | length > 0 %}
    where {{ month_label('month_start') }} in ({% for m in baseline %}'{{ m }}'{{ ", " if not loop.last }}{% endfor %})
    {% else %}
        where month_start in (select month_start from email_rate order by month_start limit 3)
    {% endif %}
),

ideas as (
    select messages.month_start, count(*) as ideas
    from {{ ref('int_theme_messages') }} as matches
    inner join {{ ref('int_messages') }} as messages using (message_key)
    where messages.by_employee and {{ is_ideas_theme('matches.theme') }}
    group by all
),

message_months as (
    select distinct month_start from {{ ref('int_message_months') }}
),

register_rows as (
    select count(*) as total from {{ ref('stg_actions__register') }}
),

register as (
    select month_start, issue, responded_on, action, outcome, days_to_response
    from {{ ref('stg_actions__register') }}
),

follow_up as (
    select
        month_start,
        count(*) as signalled,
        count(responded_on) as responded,
        count(action) as acted_on,
        median(days_to_response) as median_days_to_response,
        count(*) filter (
            where {{ is_ideas_theme('issue') }}
            and outcome in ('adopted', 'implemented')
        ) as ideas_adopted
    from register
    group by all
),

waves as (
    select
        *,
        lag(engagement_index) over (order by wave_end) as previous_engagement_index
    from {{ ref('int_survey_waves') }}
),

wave_of_month as (
    select
        months.month_start,
        waves.month_start as wave_month_start,
        waves.wave_end,
        waves.respondents,
        waves.engagement_index,
        waves.previous_engagement_index
    from months
    inner join waves on waves.month_start <= months.month_start
    qualify row_number() over (partition by months.month_start order by waves.wave_end desc) = 1
),

wave_headcount as (
    select wave_of_month.month_start, headcount.headcount as wave_headcount
    from wave_of_month
    inner join {{ ref('fct_headcount_monthly') }} as headcount
        on headcount.month_start = wave_of_month.wave_month_start
)

select
    months.month_start,
    months.month,
    email_rate.email_sent_per_person_per_day,
    round(100.0 * (email_rate.exact_rate - email_baseline.baseline) / email_baseline.baseline, 1)
        as email_change_vs_baseline_pct,
    round(100.0 * (email_rate.exact_rate - year_ago.exact_rate) / year_ago.exact_rate, 1)
        as email_change_vs_year_ago_pct,
    {% if var('ideas_theme') %}
    case when message_months.month_start is not null then coalesce(ideas.ideas, 0) end as ideas,
    {% else %}
        cast(null as bigint) as ideas,  -- no ideas theme configured
    {% endif %}
    case when register_rows.total > 0 then coalesce(follow_up.ideas_adopted, 0) end
        as ideas_adopted,
    wave_of_month.engagement_index,
    round(wave_of_month.engagement_index - wave_of_month.previous_engagement_index, 1)
        as engagement_change_vs_previous_wave,
    {{ day_label('wave_of_month.wave_end') }} as engagement_wave_end,
    round(100.0 * wave_of_month.respondents / wave_headcount.wave_headcount, 1)
        as survey_response_rate_pct,
    case when register_rows.total > 0 then coalesce(follow_up.signalled, 0) end as signalled,
    case when register_rows.total > 0 then coalesce(follow_up.responded, 0) end as responded,
    case when register_rows.total > 0 then coalesce(follow_up.acted_on, 0) end as acted_on,
    follow_up.median_days_to_response
from months
cross join email_baseline
cross join register_rows
left join message_months using (month_start)
left join email_rate using (month_start)
left join email_rate as year_ago
    on year_ago.month_start = months.month_start - interval 12 month
left join ideas using (month_start)
left join follow_up using (month_start)
left join wave_of_month using (month_start)
left join wave_headcount using (month_start)
