-- The months in which messages by employees can be counted, per platform: a message export
-- (Viva Engage network export, Slack export) holds any message of the month, and a roster says
-- who the employees are. There, zero messages of a theme or of ideas is a figure; in other
-- months it is unknown.
with exports as (
    select distinct cast(date_trunc('month', created_at) as date) as month_start,
        'viva_engage' as platform
    from {{ ref('stg_viva_engage__messages') }}
    union
    select distinct cast(date_trunc('month', message_at) as date), 'slack'
    from {{ ref('stg_slack__messages') }}
)

select * from exports
where exists (select 1 from {{ ref('int_employees') }})
