-- Per employee, platform and month: which adoption-funnel steps the person took
-- (docs/DESIGN.md section 3). Visit = any activity; View = read or viewed; Interact = liked,
-- reacted, replied or commented; Contribute = started a post or thread. A step a source cannot
-- show (Slack exports hold no reads) is NULL for the platform, not 0.
with visits as (
    select distinct month_start, tool as platform, person_key
    from {{ ref('int_tool_activity_evidence') }}
    where tool not in ('email', 'teams')
),

viva_usage as (
    select
        files.month_start, usage.person_key,
        max(usage.read_count) > 0 as viewed,
        max(usage.liked_count) > 0 as liked
    from {{ ref('stg_m365__viva_engage_activity') }} as usage
    inner join {{ ref('int_m365_files_attributed') }} as files
        on files.tool = 'viva_engage' and files.source_sha256 = usage.source_sha256
            and files.refresh_date = usage.refresh_date
            and files.window_kind <> 'long'  -- counts of a long window span several months
    group by all
),

messages as (
    select
        month_start, platform, person_key,
        bool_or(not is_thread_starter) as replied,
        bool_or(is_thread_starter) as started
    from {{ ref('int_messages') }}
    group by all
),

reactions as (
    select distinct month_start, platform, person_key from {{ ref('int_reactions') }}
),

activity as (
    select
        cast(date_trunc('month', activity_date) as date) as month_start, tool as platform,
        person_key,
        bool_or(action = 'view') as viewed,
        bool_or(action in ('react', 'comment')) as interacted,
        bool_or(action = 'post') as contributed
    from {{ ref('stg_activity__events') }}
    where event_count > 0
    group by all
)

select
    visits.month_start,
    visits.platform,
    visits.person_key,
    case visits.platform
        when 'viva_engage' then coalesce(viva_usage.viewed, false)
        when 'slack' then null
        else coalesce(activity.viewed, false)
    end as viewed,
    case visits.platform
        when 'viva_engage' then coalesce(viva_usage.liked, false) or coalesce(messages.replied, false)
        when 'slack' then reactions.person_key is not null or coalesce(messages.replied, false)
        else coalesce(activity.interacted, false)
    end as interacted,
    case
        when visits.platform in ('viva_engage', 'slack') then coalesce(messages.started, false)
        else coalesce(activity.contributed, false)
    end as contributed
from visits
left join viva_usage
    on visits.platform = 'viva_engage' and viva_usage.month_start = visits.month_start
        and viva_usage.person_key = visits.person_key
left join messages
    on messages.month_start = visits.month_start and messages.platform = visits.platform
        and messages.person_key = visits.person_key
left join reactions
    on reactions.month_start = visits.month_start and reactions.platform = visits.platform
        and reactions.person_key = visits.person_key
left join activity
    on activity.month_start = visits.month_start and activity.platform = visits.platform
        and activity.person_key = visits.person_key
