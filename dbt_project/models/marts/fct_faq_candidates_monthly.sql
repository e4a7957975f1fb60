-- FAQ candidates (issue 17, seeds 002 "Vragen is goud": turn relevant discussions into FAQ
-- lists): per month and theme, the threads started that month whose first message asks a
-- question (holds a '?') and that drew replies from the most distinct other employees, the
-- top 5 with at least one. The first line of the question is shown as ingestion scrubbed it
-- (mentions as [@]) and only while the text is retained; after, the thread keeps its place
-- without it. Rebuilt whole: replies to a thread may come in later months.
with messages as (
    select * from {{ ref('int_messages') }}
    where by_employee and not is_private_conversation
),

starters as (
    select
        themes.theme,
        starters.message_key,
        starters.thread_key,
        starters.platform,
        starters.community,
        starters.person_key,
        starters.posted_at,
        starters.month_start,
        texts.text
    from messages as starters
    inner join {{ ref('int_theme_messages') }} as themes using (message_key)
    left join {{ ref('int_message_texts') }} as texts using (message_key)
    where starters.is_thread_starter
),

asked as (
    -- a question, as far as the text tells: once it is gone, the thread keeps its place
    select * from starters where text is null or text like '%?%'
),

answered as (
    select
        asked.theme,
        asked.message_key,
        count(distinct replies.person_key) as distinct_repliers,
        count(*) as replies
    from asked
    inner join messages as replies
        on replies.thread_key = asked.thread_key
            and not replies.is_thread_starter
            and replies.person_key <> asked.person_key
    group by 1, 2
),

ranked as (
    select
        asked.*,
        answered.distinct_repliers,
        answered.replies,
        row_number() over (
            partition by asked.month_start, asked.theme
            order by
                answered.distinct_repliers desc,
                answered.replies desc,
                asked.posted_at asc,
                asked.message_key asc
        ) as rank
    from asked
    inner join answered using (theme, message_key)
)

select
    month_start,
    {{ month_label('month_start') }} as month,
    theme,
    rank,
    message_key,
    platform,
    community,
    distinct_repliers,
    replies,
    case when text is not null then
            substr(
                trim({{ regexp_replace_all(
                    'split_part(text, chr(10), 1)', regex_literal('\\[@[0-9a-f]+\\]'), '[@]'
                ) }}), 1, 200
            )
    end as first_line,
    text is not null as has_text
from ranked
where rank <= 5
