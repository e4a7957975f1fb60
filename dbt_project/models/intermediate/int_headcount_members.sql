-- Employees counted in N(M): started on or before the month's last day and not left before its
-- first day (docs/DESIGN.md section 3). One row per employee per month, with the roster row used.
-- Each month reads the roster snapshot valid for it: the latest dated on or before the month's
-- last day, else the earliest after it. A finished month's figures change only when its own
-- snapshot does, not when a later roster arrives; within a snapshot an employee_id is one
-- person, whatever e-mail it carries.
with roster as (
    select * from {{ ref('stg_hr__roster') }}
),

months as (
    select * from {{ ref('int_months') }}
),

snapshots as (
    select distinct snapshot_date from roster
),

month_snapshots as (
    select
        months.month_start,
        months.month_end,
        coalesce(
            max(snapshots.snapshot_date) filter (where snapshots.snapshot_date <= months.month_end),
            min(snapshots.snapshot_date)
        ) as snapshot_date
    from months
    cross join snapshots
    group by months.month_start, months.month_end
),

members as (
    select month_snapshots.month_start, month_snapshots.month_end, roster.*
    from month_snapshots
    inner join roster on roster.snapshot_date = month_snapshots.snapshot_date
    qualify row_number() over (
            partition by month_snapshots.month_start, roster.employee_key
            order by roster.source_file desc, roster.source_row desc
        ) = 1
)

select
    month_start,
    person_key,
    department,
    location,
    role_type,
    birth_year,
    start_date,
    end_date,
    snapshot_date,
    ambassador_consent,
    display_name,
    source_file,
    source_sha256,
    source_row
from members
where start_date <= month_end
    and (end_date is null or end_date >= month_start)
