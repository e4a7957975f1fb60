with source as (
    select * from {{ source('raw', 'm365_teams_activity') }}
),

renamed as (
    select
        'teams' as tool,
        report_refresh_date as refresh_date,
        report_period_days,
        {{ resolved_person_key('person_key') }} as person_key,
        last_activity_date,
        team_chat_message_count,
        private_chat_message_count,
        call_count,
        meeting_count,
        post_messages,
        reply_messages,
        source_file,
        source_sha256,
        source_row
    from source
)

select * from renamed
