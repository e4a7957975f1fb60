-- Every message that can count (docs/DESIGN.md section 3): no deleted, bot or system messages.
-- A private conversation (direct message, group DM) counts as a person's contribution but
-- belongs to no community, theme or issue.
-- One shape for all platforms, with its thread, community, features and sentiment, and whether
-- its author is an employee of N(M) in the month it was posted (only those count).
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config()) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

with viva_engage as (
    select
        'viva_engage' as platform,
        message_key,
        thread_key,
        is_thread_starter,
        case when not is_private_conversation then community_name end as community,
        is_private_conversation,
        created_at as posted_at,
        person_key,
        source_file,
        source_sha256,
        source_row,
        month_start,
        replied_to_key
    from {{ ref('stg_viva_engage__messages') }}
    where not is_deleted and sender_type = 'user' and person_key is not null
),

slack as (
    select
        'slack',
        message_key,
        thread_key,
        not is_reply,
        case when not is_private_conversation then channel_name end,
        is_private_conversation,
        message_at,
        person_key,
        source_file,
        source_sha256,
        source_row,
        month_start,
        replied_to_key
    from {{ ref('stg_slack__messages') }}
    where is_contribution
),

messages as (
    select * from viva_engage
    union all
    select * from slack
),

months_to_build as (
    select * from messages
    where {{ in_months_to_build('month_start') }}
),

-- a message's features and sentiment, of the months to build only, joined first: two joins of
-- every message to tables of every message in one query cannot spill in DuckDB (at 100,000
-- employees it ran out of a 3.5 GB ceiling; this way it takes 4 s under 3 GB)
scored as (
    select
        coalesce(features.message_key, sentiment.message_key) as message_key,
        features.hashtags,
        features.keyword_hits,
        features.mentioned_keys,
        sentiment.sentiment_score,
        sentiment.language,
        sentiment.sentiment_words
    from (
        select * from {{ ref('int_message_features') }}
        where {{ in_months_to_build(month_of('posted_at')) }}
    ) as features
    full outer join (
        select * from {{ ref('int_message_sentiment') }}
        {%- if is_incremental() %}
        where message_key in (select message_key from months_to_build)
        {%- endif %}
    ) as sentiment
        on sentiment.message_key = features.message_key
)

select
    messages.*,
    members.person_key is not null as by_employee,
    coalesce(scored.hashtags, {{ list_of([]) }}) as hashtags,
    coalesce(scored.keyword_hits, {{ list_of([]) }}) as keyword_hits,
    coalesce(scored.mentioned_keys, {{ list_of([]) }}) as mentioned_keys,
    scored.sentiment_score,
    scored.language as sentiment_language,
    scored.sentiment_words,
    {{ sentiment_polarity('scored.sentiment_score', 'scored.language') }}
        as sentiment_polarity
from months_to_build as messages
left join {{ ref('int_headcount_members') }} as members
    on members.month_start = messages.month_start
        and members.person_key = messages.person_key
left join scored
    on scored.message_key = messages.message_key
