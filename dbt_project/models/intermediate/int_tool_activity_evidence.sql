-- Every source row that shows a person active on a tool in a month (docs/DESIGN.md section 3):
-- a user-detail row whose last activity falls inside its file's window, a message posted or a
-- reaction given, an activity row with a count. One person may have many rows; the marts count
-- people, and the rows remain as lineage.
-- Incremental by month: a run recomputes only the months whose inputs changed (any source).
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with m365 as (
    select
        files.month_start,
        rows.tool,
        {{ m365_source('rows.tool') }} as source,
        rows.person_key,
        rows.source_file,
        rows.source_sha256,
        rows.source_row,
        'user_detail' as evidence
    from {{ ref('int_m365_user_detail') }} as rows
    inner join {{ ref('int_m365_files_attributed') }} as files
        on rows.tool = files.tool
            and rows.source_sha256 = files.source_sha256
            and rows.refresh_date = files.refresh_date
            and rows.report_period_days = files.report_period_days
    where rows.last_activity_date between files.activity_from and files.activity_until
        and {{ in_months_to_build('files.month_start', inputs='all') }}
),

viva_engage_posts as (
    select
        month_start,
        'viva_engage' as tool,
        'viva_engage_export' as source,
        person_key,
        source_file,
        source_sha256,
        source_row,
        'message' as evidence
    from {{ ref('stg_viva_engage__messages') }}
    where not is_deleted and person_key is not null and sender_type = 'user'
        and {{ in_months_to_build('month_start', inputs='all') }}
),

slack_posts as (
    select
        month_start,
        'slack' as tool,
        'slack_export' as source,
        person_key,
        source_file,
        source_sha256,
        source_row,
        'message' as evidence
    from {{ ref('stg_slack__messages') }}
    where is_contribution
        and {{ in_months_to_build('month_start', inputs='all') }}
),

slack_reactions as (
    select
        month_start,
        'slack' as tool,
        'slack_export' as source,
        person_key,
        source_file,
        source_sha256,
        source_row,
        'reaction' as evidence
    from {{ ref('stg_slack__reactions') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
),

other_tools as (
    select
        cast(date_trunc('month', activity_date) as date) as month_start,
        tool,
        'activity' as source,
        person_key,
        source_file,
        source_sha256,
        source_row,
        'activity' as evidence
    from {{ ref('stg_activity__events') }}
    where event_count > 0
        and {{ in_months_to_build("cast(date_trunc('month', activity_date) as date)", inputs='all') }}
)

select * from m365
union all select * from viva_engage_posts
union all select * from slack_posts
union all select * from slack_reactions
union all select * from other_tools
