-- Employees counted in N(M): started on or before the month's last day and not left before its
-- first day (docs/DESIGN.md section 3). One row per employee per month, with the roster row used.
with employees as (
    select * from {{ ref('int_employees') }}
),

months as (
    select * from {{ ref('int_months') }}
)

select
    months.month_start,
    employees.person_key,
    employees.department,
    employees.location,
    employees.role_type,
    employees.birth_year,
    employees.start_date,
    employees.end_date,
    employees.source_file,
    employees.source_sha256,
    employees.source_row
from months
inner join employees
    on employees.start_date <= months.month_end
    and (employees.end_date is null or employees.end_date >= months.month_start)
