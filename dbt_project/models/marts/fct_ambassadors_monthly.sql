-- Ambassadors per month (issue 17, seeds 000 step 5), one row per employee and role:
--   first_follower  per tool: took it up while fewer than 16 % of the headcount had (Rogers'
--                   innovators and early adopters: their first month on it began below the
--                   boundary; in the tool's first month of data, where the data cannot tell
--                   who came first, only when the whole month stayed below it, so a tool
--                   already in wide use when its data begins has no first followers) and is
--                   among the best connected of the month's network (degree rank within the
--                   top ambassadors.best_connected_pct %);
--   fan             the ambassadors.fans employees whose messages drew the most replies and
--                   reactions from other employees in the month (ties at the cut stay in), at
--                   least ambassadors.min_responses.
-- Names only with consent: display_name is set when the roster's ambassador_consent is yes and
-- it gives a name; the reports count everyone else per department
-- (fct_ambassador_departments_monthly).
-- Incremental by month: adoption counts every month up to M.
{{ config(**by_month_config(reads_months='earlier', inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
{%- set settings = var('ambassadors') %}

with members as (
    select
        month_start,
        person_key,
        coalesce(department, 'onbekend') as department,
        coalesce(ambassador_consent, false) and display_name is not null as is_named,
        display_name
    from {{ ref('int_headcount_members') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

network as (
    select
        month_start,
        person_key,
        degree,
        rank() over (partition by month_start order by degree desc) as degree_rank,
        count(*) over (partition by month_start) as network_people
    from {{ ref('fct_network_people_monthly') }}
    where {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
),

best_connected as (
    select month_start, person_key, degree
    from network
    where degree_rank <= ceil(network_people * {{ settings.best_connected_pct }} / 100.0)
),

adoption as (
    select
        tool,
        month_start,
        adopters_pct,
        lag(adopters_pct) over (partition by tool order by month_start) as adopters_pct_before
    from {{ ref('int_tool_adoption') }}
),

early_months as (
    -- the share when the month began; for the first month of data, the share it ended with
    select tool, month_start
    from adoption
    where coalesce(adopters_pct_before, adopters_pct) < {{ rogers_boundaries()['early_adopters'] }}
),

early_adopters as (
    select first_active.tool, first_active.person_key, first_active.first_month
    from (
        select tool, person_key, min(month_start) as first_month
        from {{ ref('int_tool_activity_evidence') }}
        where tool <> 'email'
        group by 1, 2
    ) as first_active
    inner join early_months
        on early_months.tool = first_active.tool
            and early_months.month_start = first_active.first_month
),

first_followers as (
    select
        best_connected.month_start,
        'first_follower' as role,
        early_adopters.tool,
        best_connected.person_key,
        best_connected.degree,
        cast(null as bigint) as responses_received,
        early_adopters.first_month
    from best_connected
    inner join early_adopters
        on early_adopters.person_key = best_connected.person_key
            and early_adopters.first_month <= best_connected.month_start
),

replies as (
    select month_start, other_person_key as person_key, count(*) as responses
    from {{ ref('int_interactions') }}
    where kind = 'reply'
        and {{ in_months_to_build('month_start', reads_months='earlier', inputs='all') }}
    group by 1, 2
),

reactions as (
    select reactions.month_start, messages.person_key, count(*) as responses
    from {{ ref('int_reactions') }} as reactions
    inner join {{ ref('int_messages') }} as messages
        on messages.message_key = reactions.message_key
    where reactions.by_employee
        and reactions.person_key <> messages.person_key
        and {{ in_months_to_build('reactions.month_start', reads_months='earlier', inputs='all') }}
    group by 1, 2
),

responses as (
    select month_start, person_key, sum(responses) as responses
    from (
        select * from replies
        union all
        select * from reactions
    ) as received
    group by 1, 2
),

ranked_responses as (
    select
        responses.*,
        rank() over (partition by responses.month_start order by responses.responses desc)
            as responses_rank
    from responses
    inner join members
        on members.month_start = responses.month_start
            and members.person_key = responses.person_key
    where responses.responses >= {{ settings.min_responses }}
),

fans as (
    select
        ranked_responses.month_start,
        'fan' as role,
        cast(null as {{ dbt.type_string() }}) as tool,
        ranked_responses.person_key,
        network.degree,
        cast(ranked_responses.responses as bigint) as responses_received,
        cast(null as date) as first_month
    from ranked_responses
    left join network
        on network.month_start = ranked_responses.month_start
            and network.person_key = ranked_responses.person_key
    where ranked_responses.responses_rank <= {{ settings.fans }}
),

ambassadors as (
    select * from first_followers
    union all
    select * from fans
)

select
    ambassadors.month_start,
    {{ month_label('ambassadors.month_start') }} as month,
    ambassadors.role,
    ambassadors.tool,
    ambassadors.person_key,
    members.department,
    ambassadors.degree,
    ambassadors.responses_received,
    ambassadors.first_month,
    members.is_named,
    case when members.is_named then members.display_name end as display_name
from ambassadors
inner join members
    on members.month_start = ambassadors.month_start
        and members.person_key = ambassadors.person_key
