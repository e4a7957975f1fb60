-- One row per Slack message; joins, leaves, topic changes and bot posts are flagged, not removed.
-- De-duplicated within its month (a message's month follows from its timestamp), so that a
-- model reading one month reads only that month's rows (macros/incremental_by_month.sql).
with source as (
    select *, {{ month_of('message_at') }} as month_start
    from {{ source('raw', 'slack_messages') }}
),

renamed as (
    select
        {{ slack_message_key('channel_name', 'message_ts') }} as message_key,
        {{ slack_message_key('channel_name', 'coalesce(thread_ts, message_ts)') }} as thread_key,
        channel_name,
        message_ts,
        message_at,
        month_start,
        {{ resolved_person_key('user_key') }} as person_key,
        subtype,
        is_bot,
        thread_ts,
        thread_ts is not null and thread_ts <> message_ts as is_reply,
        -- a Slack reply answers its thread: the export does not say which message in it
        case
            when thread_ts is not null and thread_ts <> message_ts
                then {{ slack_message_key('channel_name', 'thread_ts') }}
        end as replied_to_key,
        not is_bot
        and user_key is not null
        and coalesce(subtype, '') in ('', 'thread_broadcast', 'file_share', 'me_message')
            as is_contribution,
        is_edited,
        -- rows of an earlier version lack the flag: their folder name still tells
        coalesce(is_private_conversation, channel_name like 'mpdm-%') as is_private_conversation,
        text,
        source_file,
        source_sha256,
        source_member,
        source_row
    from source
    qualify row_number() over (
            partition by month_start, channel_name, message_ts order by source_file desc
        ) = 1
)

select * from renamed
