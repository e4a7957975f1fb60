-- How the tools know an employee when their export carries no e-mail address: the roster's
-- optional upn, slack_user_id and viva_engage_user_id columns, pseudonymised at ingestion the
-- same way as the tools' own ids. The latest snapshot that names an alias decides whose it is.
with source as (
    select * from {{ source('raw', 'roster') }}
),

aliases as (
    select
        upn_key as alias_key, 'upn' as alias_kind, person_key, snapshot_date, source_file,
        source_row
    from source where upn_key is not null
    union all
    select slack_user_key, 'slack_user_id', person_key, snapshot_date, source_file, source_row
    from source where slack_user_key is not null
    union all
    select
        viva_engage_user_key, 'viva_engage_user_id', person_key, snapshot_date, source_file,
        source_row
    from source where viva_engage_user_key is not null
)

select alias_key, alias_kind, person_key
from aliases
where alias_key <> person_key
qualify row_number() over (
        partition by alias_key order by snapshot_date desc, source_file desc, source_row desc
    ) = 1
