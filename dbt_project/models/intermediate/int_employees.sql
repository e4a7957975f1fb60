-- Everyone any roster snapshot names, from the latest snapshot naming them: who counts as
-- matched to the roster (identity coverage). Which employees a month counts, and in which
-- segment, comes from that month's snapshot (int_headcount_members).
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
