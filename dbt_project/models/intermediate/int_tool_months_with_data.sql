-- The months in which a tool has any source at all; without it the tool's usage is unknown
-- (NULL), not 0%.
with m365 as (
    select distinct month_start, tool from {{ ref('int_m365_files_attributed') }}
),

exports as (
    select distinct cast(date_trunc('month', created_at) as date) as month_start,
        'viva_engage' as tool
    from {{ ref('stg_viva_engage__messages') }}
    union
    select distinct cast(date_trunc('month', message_at) as date), 'slack'
    from {{ ref('stg_slack__messages') }}
    union
    select distinct cast(date_trunc('month', activity_date) as date), tool
    from {{ ref('stg_activity__events') }}
)

select month_start, tool from m365
union
select month_start, tool from exports
