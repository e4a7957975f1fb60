-- The events calendar (inbox/events): one row per day and event, however many files name it.
select
    event_date as day,
    trim(event_name) as event,
    min(source_file) as source_file,
    min(source_sha256) as source_sha256
from {{ source('raw', 'events_calendar') }}
where trim(event_name) <> ''
group by 1, 2
