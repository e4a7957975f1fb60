-- Which messages raise which issue (docs/DESIGN.md section 3): a configured issue when the text
-- holds its name or one of its keywords as a whole word; otherwise every hashtag is an issue of
-- its own, named by the tag without '#'. A tag that is a configured synonym (monitor.yml
-- `synonyms`: #idea counts as idee) is read as the word it stands for. A tag equal to a
-- configured issue's name or keyword belongs to that issue. Private conversations raise no issue: they are nobody's public word.
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config()) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}
with terms as (
    select owner as issue, term from {{ configured_terms() }} where kind = 'issue'
),

messages as (
    select message_key, month_start, keyword_hits, hashtags from {{ ref('int_messages') }}
    where not is_private_conversation and {{ in_months_to_build('month_start') }}
),

by_keyword as (
    select terms.issue, messages.message_key, messages.month_start
    from messages
    inner join terms on array_contains(messages.keyword_hits, terms.term)
),

tags as (
    select message_key, month_start, {{ explode("hashtags") }} as tag from messages
),

synonyms as (
    select * from {{ configured_synonyms() }}
),

read_as as (
    select tags.message_key, tags.month_start, coalesce(synonyms.issue, tags.tag) as tag
    from tags
    left join synonyms on synonyms.word = tags.tag
),

by_tag as (
    select coalesce(terms.issue, read_as.tag) as issue, read_as.message_key, read_as.month_start
    from read_as
    left join terms on ltrim(terms.term, '#') = read_as.tag
)

select issue, message_key, month_start from by_keyword
union
select issue, message_key, month_start from by_tag
