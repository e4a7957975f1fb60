-- What each month's message figures rest on, as one fingerprint per month (macros/
-- incremental_by_month.sql): the message and reaction files with rows dated in the month, the
-- roster snapshot the month reads, and the identity aliases that rename the month's authors.
-- Models incremental by month rebuild a month when its fingerprint, or the settings and code
-- they run with, changed: a new month, a late, corrected or withdrawn file, a roster that maps
-- one of its authors anew. A new hire's alias changes only the months that person wrote in.
{{ config(enabled=target.type == 'duckdb') }}

with message_rows as (
    select
        cast(date_trunc('month', created_at) as date) as month_start,
        source_sha256,
        sender_key as identity_key
    from {{ source('raw', 'viva_engage_messages') }}
    union all
    select cast(date_trunc('month', message_at) as date), source_sha256, user_key
    from {{ source('raw', 'slack_messages') }}
    union all
    select cast(date_trunc('month', message_at) as date), source_sha256, user_key
    from {{ source('raw', 'slack_reactions') }}
),

dated_files as (
    select distinct month_start, source_sha256 from message_rows
    union
    select month_start, source_sha256 from {{ ref('int_headcount_members') }}
),

authors as (
    select distinct month_start, identity_key from message_rows
),

month_aliases as (
    select authors.month_start, sum(hash(aliases.alias_key, aliases.person_key)) as aliases_hash
    from authors
    inner join {{ ref('stg_hr__identity_aliases') }} as aliases
        on aliases.alias_key = authors.identity_key
    group by authors.month_start
),

months as (
    select month_start from {{ ref('int_months') }}
    union
    select month_start from dated_files where month_start is not null
),

month_files as (
    select month_start, string_agg(source_sha256, ',' order by source_sha256) as files
    from (select distinct month_start, source_sha256 from dated_files) as files
    group by month_start
)

select
    months.month_start,
    md5(
        coalesce(month_files.files, '')
        || '|' || coalesce(cast(month_aliases.aliases_hash as varchar), '')
    ) as fingerprint
from months
left join month_files on month_files.month_start = months.month_start
left join month_aliases on month_aliases.month_start = months.month_start
