with source as (
    select * from {{ source('raw', 'roster') }}
),

renamed as (
    select
        person_key,
        employee_key,
        department,
        location,
        lower(role_type) as role_type,
        birth_year,
        start_date,
        end_date,
        snapshot_date,
        ambassador_consent,
        display_name,
        source_file,
        source_sha256,
        source_row
    from source
)

select * from renamed
