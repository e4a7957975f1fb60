-- What each month's message figures rest on, as one fingerprint per month (macros/
-- incremental_by_month.sql): the message and reaction files with rows dated in the month, the
-- roster snapshot the month reads and the identity aliases (any month's authors may be renamed
-- by them). Models incremental by month rebuild a month when its fingerprint, or the settings
-- and code they run with, changed: a new month, a late, corrected or withdrawn file. A view, so
-- a model reads the inputs as they are when it runs.
{{ config(enabled=target.type == 'duckdb', materialized='view') }}

with dated_files as (
    select cast(date_trunc('month', created_at) as date) as month_start, source_sha256
    from {{ source('raw', 'viva_engage_messages') }}
    union
    select cast(date_trunc('month', message_at) as date), source_sha256
    from {{ source('raw', 'slack_messages') }}
    union
    select cast(date_trunc('month', message_at) as date), source_sha256
    from {{ source('raw', 'slack_reactions') }}
    union
    select month_start, source_sha256 from {{ ref('int_headcount_members') }}
),

aliases as (
    select coalesce(sum(hash(alias_key, alias_kind, person_key)), 0) as content_hash
    from {{ ref('stg_hr__identity_aliases') }}
),

months as (
    select month_start from {{ ref('int_months') }}
    union
    select month_start from dated_files where month_start is not null
),

month_files as (
    select month_start, string_agg(source_sha256, ',' order by source_sha256) as files
    from (select distinct month_start, source_sha256 from dated_files)
    group by month_start
)

select
    months.month_start,
    md5(coalesce(month_files.files, '') || '|' || cast(aliases.content_hash as varchar))
        as fingerprint
from months
cross join aliases
left join month_files on month_files.month_start = months.month_start
