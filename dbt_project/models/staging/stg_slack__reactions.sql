-- One row per person per reaction per message; reactions are dated by their message.
with source as (
    select * from {{ source('raw', 'slack_reactions') }}
),

renamed as (
    select
        channel_name,
        message_ts,
        message_at,
        reaction,
        {{ resolved_person_key('user_key') }} as person_key,
        source_file,
        source_sha256,
        source_member,
        source_row
    from source
    qualify row_number() over (
        partition by channel_name, message_ts, reaction, user_key order by source_file desc
    ) = 1
)

select * from renamed
