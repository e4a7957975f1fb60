-- One row per person per reaction per message; reactions are dated by their message and
-- de-duplicated within that month, as messages are.
with source as (
    select *, {{ month_of('message_at') }} as month_start
    from {{ source('raw', 'slack_reactions') }}
),

renamed as (
    select
        {{ slack_message_key('channel_name', 'message_ts') }} as message_key,
        channel_name,
        message_ts,
        message_at,
        month_start,
        reaction,
        {{ resolved_person_key('user_key') }} as person_key,
        source_file,
        source_sha256,
        source_member,
        source_row
    from source
    qualify row_number() over (
            partition by month_start, channel_name, message_ts, reaction, user_key order by source_file desc
        ) = 1
)

select * from renamed
