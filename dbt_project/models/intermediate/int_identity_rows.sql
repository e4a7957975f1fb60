-- Every row that names a person, per source and month, and whether that person is in the
-- roster: what identity coverage is measured on. Every user a Microsoft 365 file lists counts,
-- active or not (a report with concealed names matches nobody, whoever was active); for the
-- exports and activity files, the rows that show activity.
-- Incremental by month: whether a person is matched depends on every roster, which the month's
-- fingerprint (int_month_inputs) covers for the people its rows name.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with m365 as (
    select
        files.month_start,
        {{ m365_source('rows.tool') }} as source,
        rows.tool,
        rows.person_key,
        rows.source_file,
        rows.source_sha256,
        rows.source_row
    from {{ ref('int_m365_user_detail') }} as rows
    inner join {{ ref('int_m365_files_attributed') }} as files
        on rows.tool = files.tool
            and rows.source_sha256 = files.source_sha256
            and rows.refresh_date = files.refresh_date
            and rows.report_period_days = files.report_period_days
    where {{ in_months_to_build('files.month_start', inputs='all') }}
),

exports as (
    select month_start, source, tool, person_key, source_file, source_sha256, source_row
    from {{ ref('int_tool_activity_evidence') }}
    where evidence <> 'user_detail'
        and {{ in_months_to_build('month_start', inputs='all') }}
),

identity_rows as (
    select * from m365
    union all
    select * from exports
),

roster as (
    select distinct person_key from {{ ref('int_employees') }}
)

select identity_rows.*, roster.person_key is not null as is_matched
from identity_rows
left join roster using (person_key)
