with source as (
    select * from {{ source('raw', 'm365_email_activity') }}
),

renamed as (
    select
        'email' as tool,
        report_refresh_date as refresh_date,
        report_period_days,
        {{ resolved_person_key('person_key') }} as person_key,
        last_activity_date,
        send_count,
        receive_count,
        read_count,
        source_file,
        source_sha256,
        source_row
    from source
)

select * from renamed
