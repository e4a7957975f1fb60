-- Per thread started: did someone else reply within 7 days (a reply 7 days and 1 second later
-- is too late), and when first? Only replies that count (by employees of their month) are
-- answers. A platform without a single reply in the month has no threads there (an old Slack
-- workspace): its starters cannot be answered, so they say nothing about answering.
-- Incremental by month: a month is recomputed when it or the next month changed (a reply there
-- may answer a thread of this one).
{{ config(**by_month_config(reads_months=[0, 1])) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

-- the months to build and the month after each (where a reply within 7 days may fall)
with messages as (
    select * from {{ ref('int_messages') }}
    where by_employee and {{ in_months_to_read('month_start', reads_months=[0, 1]) }}
),

platforms_with_threads as (
    select distinct platform, month_start
    from {{ ref('int_messages') }}
    where not is_thread_starter and {{ in_months_to_build('month_start', reads_months=[0, 1]) }}
),

starters as (
    select message_key, platform, thread_key, person_key, posted_at, month_start
    from messages
    where is_thread_starter and {{ in_months_to_build('month_start', reads_months=[0, 1]) }}
)

select
    starters.message_key,
    starters.month_start,
    exists(
        select 1 from platforms_with_threads as threaded
        where threaded.platform = starters.platform
            and threaded.month_start = starters.month_start
    ) as platform_has_threads,
    min(replies.posted_at) as first_reply_at,
    count(replies.message_key) > 0 as answered_within_7_days
from starters
left join messages as replies
    on replies.thread_key = starters.thread_key
        and not replies.is_thread_starter
        and replies.person_key <> starters.person_key
        and replies.posted_at >= starters.posted_at
        and replies.posted_at <= starters.posted_at + interval 7 day
group by all
