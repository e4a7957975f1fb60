-- Per thread started: did someone else reply within 7 days (a reply 7 days and 1 second later
-- is too late)? Only replies that count (by employees of their month) are answers.
with messages as (
    select * from {{ ref('int_messages') }} where by_employee
),

starters as (
    select message_key, thread_key, person_key, posted_at, month_start
    from messages where is_thread_starter
)

select
    starters.message_key,
    starters.month_start,
    min(replies.posted_at) as first_reply_at,
    coalesce(bool_or(replies.posted_at <= starters.posted_at + interval 7 day), false)
        as answered_within_7_days
from starters
left join messages as replies
    on replies.thread_key = starters.thread_key
    and not replies.is_thread_starter
    and replies.person_key <> starters.person_key
    and replies.posted_at >= starters.posted_at
group by all
