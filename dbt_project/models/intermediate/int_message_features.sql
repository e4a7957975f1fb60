-- What the figures need from a message's text (hashtags, configured keywords it contains, the
-- people it mentions),
-- computed while the text is there. This model is incremental by month (macros/
-- scoring_slices.sql): a month is scored when its messages changed; when the retention step
-- removes old bodies from the raw layer, the features derived from them stay here, so the
-- figures of earlier months do not change.
-- `features` names what is derived: a new name scores every month whose texts are still there
-- again (the mentions came with issue 17); a message whose text is gone keeps what it had.
{% set features = 'hashtags keywords mentions' %}
{{ config(**scoring_by_month_config(scored_with=features)) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

with messages as (
    select * from {{ ref('int_message_texts') }}
),

new_with_text as (
    select * from messages
    where {{ in_scoring_slice() }} and {{ in_months_to_score('month_start', scored_with=features) }}
),

terms as (
    select distinct term from {{ configured_terms() }}
),

-- Whole-word matching, fast: a one-word term (optionally a #hashtag) is looked up among the
-- text's words (a plain word also matches its hashtag), each word joined to the few terms as
-- it comes, so nothing as large as every word of every message is kept or de-duplicated (at
-- 100,000 employees that ran out of a 3 GB ceiling). Only terms with spaces or punctuation
-- take the slower regular-expression route, and only when the settings have one.
words as (
    select message_key, {{ explode(regexp_all('lower(text)', regex_literal('#?[\\pL\\pN_]+'))) }} as word
    from new_with_text
),

word_forms as (
    select message_key, {{ explode(list_of(['word', "trim(leading '#' from word)"])) }} as form
    from words
),

hits as (
    select distinct word_forms.message_key, terms.term
    from word_forms
    inner join terms on terms.term = word_forms.form
    {%- if configured_terms_beyond_words() %}
    union
    select new_with_text.message_key, terms.term
    from new_with_text
    inner join terms
        on not {{ regexp_whole('terms.term', '#?[\\pL\\pN_]+') }}
        and {{ matches_term('new_with_text.text', 'terms.term') }}
    {%- endif %}
),

keyword_hits as (
    select message_key, {{ ordered_list('term', distinct=true) }} as keyword_hits
    from hits
    group by message_key
)

select
    new_with_text.message_key,
    platform,
    posted_at,
    person_key,
    length(text) as text_length,
    array_sort(array_distinct({{ list_transform(
        regexp_all('text', regex_literal('#([\\pL\\pN_]+)'), 1), 'tag', 'lower(tag)'
    ) }})) as hashtags,
    coalesce(keyword_hits.keyword_hits, {{ list_of([]) }}) as keyword_hits,
    -- the people it @mentions, as ingestion's scrubber wrote them (`[@<pseudonym>]`)
    array_sort(array_distinct({{ regexp_all('text', regex_literal('\\[@([0-9a-f]+)\\]'), 1) }}))
        as mentioned_keys,
    source_sha256
from new_with_text
left join keyword_hits on keyword_hits.message_key = new_with_text.message_key
