-- The heartbeat per month (issue 17): how many spikes of attention (a theme's or issue's day
-- far above its previous weeks, fct_heartbeat_daily) the month had. NULL in a month without
-- any message export: unknown, not calm.
with months as (
    select month_start from {{ ref('int_months') }}
),

with_messages as (
    select * from {{ months_with_message_export() }}
),

spikes as (
    select
        month_start,
        count(*) as spikes,
        count(distinct day) as spike_days,
        count(distinct subject_kind || ':' || subject) as subjects_spiking
    from {{ ref('fct_heartbeat_daily') }}
    where is_spike
    group by 1
)

select
    months.month_start,
    {{ month_label('months.month_start') }} as month,
    with_messages.month_start is not null as has_message_export,
    case when with_messages.month_start is not null then coalesce(spikes.spikes, 0) end as spikes,
    case when with_messages.month_start is not null then coalesce(spikes.spike_days, 0) end
        as spike_days,
    case when with_messages.month_start is not null then coalesce(spikes.subjects_spiking, 0) end
        as subjects_spiking
from months
left join with_messages on with_messages.month_start = months.month_start
left join spikes on spikes.month_start = months.month_start
