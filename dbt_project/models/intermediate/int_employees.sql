-- The latest roster snapshot wins per employee (docs/DESIGN.md section 2).
with roster as (
    select * from {{ ref('stg_hr__roster') }}
),

latest as (
    select *
    from roster
    qualify row_number() over (
        partition by person_key
        order by snapshot_date desc, source_file desc, source_row desc
    ) = 1
)

select * from latest
