-- What each month's figures from every source rest on, as one fingerprint per month (macros/
-- incremental_by_month.sql), for the models that read more than messages: the month's message
-- fingerprint (int_message_month_inputs), the Microsoft 365 files that speak for it, the
-- activity files, survey waves and register signals dated in it, and who each person named in
-- its rows is (the roster alias that renames them, and whether the roster knows them at all:
-- a person hired later turns earlier rows into matched ones). What every month reads (the
-- tools any month has; the community register, in communities_fingerprint) counts for every
-- month.
{{ config(enabled=target.type == 'duckdb') }}

with dated_files as (
    select month_start, source_sha256 from {{ ref('int_m365_files_attributed') }}
    union
    select cast(date_trunc('month', activity_date) as date), source_sha256
    from {{ source('raw', 'activity_events') }}
    union
    select month_start, source_sha256 from {{ ref('int_survey_waves') }}
    union
    select month_start, source_sha256 from {{ ref('stg_actions__register') }}
),

month_files as (
    select month_start, string_agg(source_sha256, ',' order by source_sha256) as files
    from (select distinct month_start, source_sha256 from dated_files) as files
    group by month_start
),

-- everyone a month's rows name, before the roster renames them
named as (
    select distinct files.month_start, rows.person_key as identity_key
    from {{ ref('int_m365_files_attributed') }} as files
    inner join (
        {%- for table in ['m365_email_activity', 'm365_teams_activity', 'm365_viva_engage_activity'] %}
            select source_sha256, person_key from {{ source('raw', table) }}
            {{ "union all" if not loop.last }}
        {%- endfor %}
    ) as rows on rows.source_sha256 = files.source_sha256
    {%- for table, day, key in [
        ('activity_events', 'activity_date', 'person_key'),
        ('viva_engage_messages', 'created_at', 'sender_key'),
        ('slack_messages', 'message_at', 'user_key'),
        ('slack_reactions', 'message_at', 'user_key'),
    ] %}
        union
        select distinct cast(date_trunc('month', {{ day }}) as date), {{ key }}
        from {{ source('raw', table) }}
    {%- endfor %}
),

employees as (
    select distinct person_key from {{ ref('int_employees') }}
),

month_identities as (
    select
        named.month_start,
        sum(hash(
            named.identity_key,
            aliases.person_key,
            employees.person_key is not null
        )) as identities_hash
    from named
    left join {{ ref('stg_hr__identity_aliases') }} as aliases
        on aliases.alias_key = named.identity_key
    left join employees
        on employees.person_key = coalesce(aliases.person_key, named.identity_key)
    group by named.month_start
),

every_month as (
    select
        coalesce((
            select string_agg(tool, ',' order by tool)
            from (select distinct tool from {{ ref('int_tool_months_with_data') }})
        ), '') as tools,
        coalesce((
            select string_agg(community || '=' || coalesce(cast(members as varchar), ''), ',' order by community)
            from {{ ref('int_community_members') }}
        ), '') as community_members
),

fingerprints as (
    select
        messages.month_start,
        md5(
            messages.fingerprint
            || '|' || coalesce(month_files.files, '')
            || '|' || coalesce(cast(month_identities.identities_hash as varchar), '')
            || '|' || every_month.tools
        ) as fingerprint
    from {{ ref('int_message_month_inputs') }} as messages
    cross join every_month
    left join month_files on month_files.month_start = messages.month_start
    left join month_identities on month_identities.month_start = messages.month_start
)

-- communities_fingerprint: for the models that read the communities' member counts, which any
-- register may change and which every month reads (a register that repeats them changes none)
select
    fingerprints.month_start,
    fingerprints.fingerprint,
    md5(fingerprints.fingerprint || '|' || every_month.community_members)
        as communities_fingerprint
from fingerprints
cross join every_month
