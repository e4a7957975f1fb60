-- One row per message; a message present in two overlapping exports is kept once. Kept once
-- per month of its creation time, which no export changes, so that a model reading one month
-- reads only that month's rows (macros/incremental_by_month.sql).
with source as (
    select *, {{ month_of('created_at') }} as month_start
    from {{ source('raw', 'viva_engage_messages') }}
),

renamed as (
    select
        {{ viva_engage_message_key('message_id') }} as message_key,
        {{ viva_engage_message_key('thread_id') }} as thread_key,
        message_id,
        thread_id,
        replied_to_id,
        {{ viva_engage_message_key('replied_to_id') }} as replied_to_key,
        group_id as community_id,
        group_name as community_name,
        coalesce(in_private_conversation, false) as is_private_conversation,
        {{ resolved_person_key('sender_key') }} as person_key,
        lower(coalesce(sender_type, 'user')) as sender_type,
        body,
        created_at,
        month_start,
        deleted_at,
        deleted_at is not null as is_deleted,
        thread_id = message_id as is_thread_starter,
        source_file,
        source_sha256,
        source_member,
        source_row
    from source
    qualify row_number() over (partition by month_start, message_id order by source_file desc) = 1
)

select * from renamed
