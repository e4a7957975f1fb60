-- Communities (Viva Engage groups, Slack channels) per month. A community is active when at
-- least the configured share (Viva Engage's rule: 5%) of its members contributed or reacted.
-- Slack exports hold no member counts, so a channel's activity share is unknown (NULL).
-- Incremental by month: a reaction may answer an older message, so a month is rebuilt when
-- any month up to it changed; adding a month builds only that month.
{{ config(**by_month_config(reads_months='earlier', inputs='communities')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with messages as (
    select month_start, platform, community, person_key, message_key
    from {{ ref('int_messages') }}
    where by_employee and not is_private_conversation and {{ in_months_to_build('month_start', reads_months='earlier', inputs='communities') }}
),

reactors as (
    select reactions.month_start, messages.platform, messages.community, reactions.person_key
    from {{ ref('int_reactions') }} as reactions
    -- a reaction is dated by its message: both are of the same month
    inner join {{ ref('int_messages') }} as messages
        on messages.month_start = reactions.month_start
            and messages.message_key = reactions.message_key
    where reactions.by_employee and not messages.is_private_conversation
        and {{ in_months_to_build('reactions.month_start', reads_months='earlier', inputs='communities') }}
        and {{ in_months_to_build('messages.month_start', reads_months='earlier', inputs='communities') }}
),

people as (
    select month_start, platform, community, person_key from messages
    union
    select month_start, platform, community, person_key from reactors
),

groups as (
    select * from {{ ref('int_community_members') }}
),

counted as (
    select
        people.month_start,
        people.platform,
        people.community,
        count(distinct people.person_key) as active_people,
        count(distinct messages.message_key) as messages
    from people
    left join messages using (month_start, platform, community, person_key)
    group by all
)

select
    counted.*,
    {{ month_label('counted.month_start') }} as month,
    case when counted.platform = 'viva_engage' then groups.members end as members,
    round(
        100.0 * counted.active_people
        / nullif(case when counted.platform = 'viva_engage' then groups.members end, 0), 1)
        as active_pct,
    100.0 * counted.active_people
    / nullif(case when counted.platform = 'viva_engage' then groups.members end, 0)
    >= {{ var('thresholds')['active_community_pct'] }} as is_active
from counted
left join groups on groups.community = lower(counted.community)
