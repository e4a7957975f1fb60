with source as (
    select * from {{ source('raw', 'activity_events') }}
),

renamed as (
    select
        activity_date,
        {{ resolved_person_key('person_key') }} as person_key,
        lower(trim(tool)) as tool,
        lower(trim(action)) as action,
        event_count,
        source_file,
        source_sha256,
        source_row
    from source
)

select * from renamed
