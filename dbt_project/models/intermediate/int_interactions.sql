-- Who answers or mentions whom (issue 17): one row per reply to, or @mention of, another
-- employee of the month, by an employee of the month. A reply is to the author of the message
-- it answers (Viva Engage) or of its thread's first message (Slack, whose export does not say
-- more); a mention names the person as ingestion's scrubber pseudonymised them, resolved to
-- the roster's key. Nobody answers or mentions themselves here; guests and bots are left out.
-- Incremental by month: the answered message may be of any earlier month.
{{ config(**by_month_config(reads_months='earlier')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

with messages as (
    select * from {{ ref('int_messages') }}
    where by_employee and {{ in_months_to_build('month_start', reads_months='earlier') }}
),

replies as (
    select
        messages.month_start,
        messages.platform,
        messages.message_key,
        messages.person_key,
        answered.person_key as other_person_key,
        'reply' as kind
    from messages
    inner join {{ ref('int_messages') }} as answered
        on answered.message_key = messages.replied_to_key
),

mentioned as (
    select
        month_start,
        platform,
        message_key,
        person_key,
        {{ explode('mentioned_keys') }} as mentioned_key
    from messages
),

mentions as (
    select
        month_start,
        platform,
        message_key,
        person_key,
        {{ resolved_person_key('mentioned_key') }} as other_person_key,
        'mention' as kind
    from mentioned
),

interactions as (
    select * from replies
    union all
    select * from mentions
)

select distinct interactions.*
from interactions
inner join {{ ref('int_headcount_members') }} as members
    on members.month_start = interactions.month_start
        and members.person_key = interactions.other_person_key
where interactions.other_person_key <> interactions.person_key
