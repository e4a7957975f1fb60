{#- Score texts in [-1, 1], in portable SQL (macros/cross_db), VADER-style (docs: dbt_project/seeds/sentiment):
    split into clauses at punctuation and tokenise; detect the language (nl, en, other) by
    function words, else by lexicon hits; look words up in that language's supplement and
    lexicons, and emoji in the project's emoji table, then VADER's emoji of feeling;
    a negator up to three words before a word flips it (x -0.74), except "nooit zo"/"never so",
    which intensifies; boosters and dampeners up to two words before scale it, all within the
    clause (punctuation stops them); a negated "function" verb ("werkt niet", "doesn't work")
    counts negative; after "maar"/"but" words weigh 1.5, before it 0.5; the sum t becomes
    t / sqrt(t^2 + 15/16) (VADER's normalisation in our -1..1 word units), nudged by up to four
    exclamation marks.
    Input: a relation with message_key and text. Output: message_key, language, scored_words,
    sentiment_score, and sentiment_words: each word, emoji or negated phrase that moved the
    score with its weight (the evidence a report shows; only lexicon entries, never names).
    Speed (BENCHMARKS.md): every token is looked up once in one table of word facts, and
    modifiers are applied by joining each message's few carrying tokens; no window runs over
    every token. -#}
{% macro sentiment_scores(texts) %}
{%- set nl_words = "de het een en is niet van ik je jij we wij dat die voor met op te er zijn wat ook maar nog naar aan bij om ons jullie wordt werd worden hebben heb heeft kan kunnen moet moeten deze dit hier daar geen wel al als dan want door over uit of zo mijn mij onze graag even bedankt iedereen alles niemand wie waar wanneer waarom hoe zij hij ze u uw gaat komt" -%}
{%- set en_words = "the a an and is not of i you we that this for with on to it are be was were have has had what also but still just can will would should our your my there here no yes from at as if so than then about all they them their please thanks" -%}
-- A number per text: every later join and grouping is on an integer, not the message key.
with texts as (
    select message_key, text, {{ row_id('message_key') }} as text_id from {{ texts }}
),

-- A clause ends at punctuation, and no modifier reaches across it: splitting the text into
-- clauses first numbers them without a window over every token.
clause_lists as (
    select
        text_id,
        -- "nooit zo slecht", "never so good": no negation but an intensifier (as in VADER)
        {{ regexp_split(
            regexp_replace_all(
                "replace(lower(coalesce(text, '')), '’', '''')",
                regex_literal('\\b(?:nooit|never)(\\s+(?:zo|so|this))\\b'), 'never_so\\1'
            ),
            regex_literal('[.!?;:,()]')
        ) }} as clauses,
        {{ regexp_contains("coalesce(text, '')", regex_literal('[\\pL\\pN]')) }} as has_words,
        least(length(coalesce(text, '')) - length(replace(coalesce(text, ''), '!', '')), 4)
            * 0.073 as boost
    from texts
),

-- each clause's tokens: words (with an apostrophe part: "don't") and emoji
token_lists as (
    select
        text_id,
        {{ explode_with_position('clauses', 'clause', 'tokens', value_of=regexp_all(
            '{}', regex_literal("[\\pL\\pN_]+(?:''[\\pL]+)?|[\\p{So}\\p{Sk}]"))) }}
    from clause_lists
),

words as (
    select
        text_id,
        clause,
        {{ explode_with_position('tokens', 'position', 'word') }}
    from token_lists
),

nl_lexicon as (
    select word, score from {{ ref('sentiment_supplement') }} where language = 'nl'
    union all
    select word, score from {{ ref('sentiment_lexicon_nl') }}
    where word not in (select word from {{ ref('sentiment_supplement') }} where language = 'nl')
    union all
    select word, score from {{ ref('sentiment_lexicon_nl_tweets') }}
    where word not in (select word from {{ ref('sentiment_supplement') }} where language = 'nl')
),

en_lexicon as (
    select word, score from {{ ref('sentiment_supplement') }} where language = 'en'
    union all
    select word, score from {{ ref('sentiment_lexicon_en') }}
    where word not in (select word from {{ ref('sentiment_supplement') }} where language = 'en')
),

emoji_scores as (
    select emoji, score from {{ ref('sentiment_emoji') }}
    union all
    select emoji, score from {{ ref('sentiment_emoji_vader') }}
    where emoji not in (select emoji from {{ ref('sentiment_emoji') }})
),

-- The words a Dutch compound may end in (its head), and their last five letters
compound_heads as (
    select word, score from nl_lexicon
    where length(word) >= 5
        and word not in (select word from {{ ref('sentiment_lexicon_nl_tweets') }})
),

head_endings as (
    select distinct right(word, 5) as ending from compound_heads
),

-- Everything the tables know about a word, one row per word, so each token is looked up once.
word_facts as {{ materialized_cte() }} (
    select
        word,
        bool_or(nl_function) as nl_function,
        bool_or(en_function) as en_function,
        bool_or(is_but) as is_but,
        bool_or(nl_form) as nl_form,
        bool_or(carries) as carries,
        max(nl_score) as nl_score,
        max(nl_lemma_score) as nl_lemma_score,
        max(en_score) as en_score,
        max(emoji_score) as emoji_score,
        max(nl_modifier_kind) as nl_modifier_kind,
        max(nl_modifier_factor) as nl_modifier_factor,
        max(en_modifier_kind) as en_modifier_kind,
        max(en_modifier_factor) as en_modifier_factor,
        max(nl_score_when_negated) as nl_score_when_negated,
        max(en_score_when_negated) as en_score_when_negated
    from (
        {%- set branches = [
            ({'nl_function': 'true'}, explode(list_of(["'" ~ nl_words.split() | join("', '") ~ "'"])), ''),
            ({'en_function': 'true'}, explode(list_of(["'" ~ en_words.split() | join("', '") ~ "'"])), ''),
            ({'is_but': 'true'}, explode(list_of(["'but'", "'maar'"])), ''),
            ({'nl_form': 'true'}, 'form', 'from ' ~ ref('sentiment_forms_nl')),
            ({'nl_score': 'score', 'carries': 'true'}, 'word', 'from nl_lexicon'),
            ({'nl_lemma_score': 'nl_lexicon.score', 'carries': 'true'}, 'forms.form',
                'from ' ~ ref('sentiment_forms_nl') ~ ' as forms inner join nl_lexicon on nl_lexicon.word = forms.lemma'),
            ({'en_score': 'score', 'carries': 'true'}, 'word', 'from en_lexicon'),
            ({'emoji_score': 'score', 'carries': 'true'}, 'emoji', 'from emoji_scores'),
            ({'nl_modifier_kind': 'kind', 'nl_modifier_factor': 'factor', 'carries': 'true'}, 'word',
                'from ' ~ ref('sentiment_modifiers') ~ " where language = 'nl'"),
            ({'en_modifier_kind': 'kind', 'en_modifier_factor': 'factor', 'carries': 'true'}, 'word',
                'from ' ~ ref('sentiment_modifiers') ~ " where language = 'en'"),
            ({'nl_score_when_negated': 'score_when_negated', 'carries': 'true'}, 'word',
                'from ' ~ ref('sentiment_negated_verbs') ~ " where language = 'nl'"),
            ({'en_score_when_negated': 'score_when_negated', 'carries': 'true'}, 'word',
                'from ' ~ ref('sentiment_negated_verbs') ~ " where language = 'en'"),
        ] %}
        {%- for facts, word, source in branches %}
        select {{ word }} as word
            {%- for column, type in word_fact_columns().items() %},
            {{ facts.get(column, 'cast(null as ' ~ type ~ ')') }} as {{ column }}
            {%- endfor %}
        {{ source }}
        {{ "union all" if not loop.last }}
        {%- endfor %}
    ) as facts
    group by word
),

-- Each token looked up once; only the tokens some table knows, or long words that may be
-- Dutch compounds, go on: the rest can neither tell the language nor carry sentiment.
looked_up as {{ materialized_cte() }} (
    select
        words.*
        {%- for column in word_fact_columns() %},
        word_facts.{{ column }}
        {%- endfor %}
    from words
    left join word_facts using (word)
    where word_facts.word is not null
        or (length(words.word) >= 8 and right(words.word, 5) in (select ending from head_endings))
),

languages as (
    select
        text_id,
        count(*) filter (where nl_function) as nl_function,
        count(*) filter (where en_function) as en_function,
        count(nl_score) as nl_hits,
        count(en_score) as en_hits,
        min({{ record({'clause': 'clause', 'position': 'position'}) }}) filter (where is_but) as but_at
    from looked_up
    group by text_id
),

language as (
    select
        text_id,
        case
            when nl_function > en_function then 'nl'
            when en_function > nl_function then 'en'
            when nl_hits > en_hits then 'nl'
            when en_hits > nl_hits then 'en'
            when not has_words then 'none'
            else 'other'
        end as language,
        boost,
        but_at
    from clause_lists
    left join languages using (text_id)
),

-- The tokens that may carry something, read in their message's language: a word some table
-- knows, or a long word that may be a Dutch compound.
candidates as {{ materialized_cte() }} (
    select
        t.text_id,
        t.clause,
        t.position,
        t.word,
        l.language,
        l.but_at,
        t.nl_score,
        t.nl_lemma_score,
        t.en_score,
        t.emoji_score,
        case l.language
            when 'nl' then t.nl_modifier_kind when 'en' then t.en_modifier_kind
        end as modifier_kind,
        case l.language
            when 'nl' then t.nl_modifier_factor when 'en' then t.en_modifier_factor
        end as modifier_factor,
        case l.language
            when 'nl' then t.nl_score_when_negated when 'en' then t.en_score_when_negated
        end as score_when_negated,
        l.language = 'nl' and length(t.word) >= 8 and t.nl_score is null and t.nl_form is null
            as may_be_compound
    from looked_up as t
    inner join language as l using (text_id)
    where t.carries or (length(t.word) >= 8 and t.nl_score is null and t.nl_form is null)
),

-- Dutch writes compounds as one word, and the last part (the head) carries the meaning:
-- superlekker, klantonvriendelijk, personeelstekort. A long Dutch word the lexicons and forms
-- lack reads as its longest head of 5+ letters in the adjective lexicon or the supplement,
-- after 3+ letters (so "ongezond" is never read as "gezond"). Not LUPJE's words: their
-- compounds are mostly topics ("coronacrisis"), and read so they darkened neutral tweets.
compounds as (
    select
        heads.text_id,
        heads.clause,
        heads.position,
        max_by(compound_heads.score, length(heads.head)) as score
    from (
        select text_id, clause, position, substr(word, start) as head
        from (
            select c.text_id, c.clause, c.position, c.word,
                {{ explode(series('4', 'length(c.word) - 4')) }} as start
            from candidates as c
            where c.may_be_compound
        ) as starts
    ) as heads
    inner join compound_heads on compound_heads.word = heads.head
    group by heads.text_id, heads.clause, heads.position
),

-- Only the tokens that carry something: a lexicon word, a modifier, a negatable verb, an emoji.
scored_words as (
    select
        c.text_id,
        c.clause,
        c.position,
        c.word,
        c.language,
        c.but_at,
        case
            when c.modifier_kind is not null then null
            when c.language = 'nl' then coalesce(c.nl_score, c.nl_lemma_score, compound.score)
            when c.language = 'en' then c.en_score
        end as word_score,
        c.emoji_score,
        c.modifier_kind,
        c.modifier_factor,
        c.score_when_negated
    from candidates as c
    left join compounds as compound using (text_id, clause, position)
    where c.modifier_kind is not null
        or c.emoji_score is not null
        or c.score_when_negated is not null
        or (c.language = 'nl'
            and coalesce(c.nl_score, c.nl_lemma_score, compound.score) is not null)
        or (c.language = 'en' and c.en_score is not null)
),

-- Modifiers act on the words after them within the clause: a small join of each message's
-- few carrying tokens.
carriers as (
    select * from scored_words where modifier_kind is null
),

modifiers_found as (
    select text_id, clause, position, modifier_kind, modifier_factor
    from scored_words where modifier_kind is not null
),

effects as (
    select
        c.text_id,
        c.clause,
        c.position,
        coalesce({{ product('m.modifier_factor', where="m.modifier_kind in ('booster', 'dampener')
              and m.position between c.position - 2 and c.position - 1") }}, 1) as scale,
        coalesce(bool_or(m.modifier_kind = 'negator'
            and m.position between c.position - 3 and c.position - 1), false) as negated_before,
        coalesce(bool_or(m.modifier_kind = 'negator'
            and m.position between c.position - 2 and c.position + 2), false) as negated_around
    from carriers as c
    left join modifiers_found as m
        on m.text_id = c.text_id and m.clause = c.clause
        and m.position between c.position - 3 and c.position + 2
    group by c.text_id, c.clause, c.position
),

valued as (
    select
        c.text_id,
        c.word_score is not null as is_sentiment_word,
        case
            when c.score_when_negated is not null and e.negated_around
                then case c.language when 'nl' then c.word || ' niet' else 'not ' || c.word end
            when c.word_score is not null and e.negated_before
                then case c.language when 'nl' then 'niet ' else 'not ' end || c.word
            else c.word
        end as evidence,
        (
            coalesce(c.emoji_score, 0)
            + coalesce(c.word_score * e.scale
                * case when e.negated_before then -0.74 else 1 end, 0)
            + case when c.score_when_negated is not null and e.negated_around
                then c.score_when_negated else 0 end
        ) * case
            when c.but_at is null then 1
            when {{ record({'clause': 'c.clause', 'position': 'c.position'}) }} < c.but_at then 0.5
            else 1.5
        end as value
    from carriers as c
    inner join effects as e using (text_id, clause, position)
),

weighted as (
    select
        text_id,
        -- rounded, so words that cancel out (+0.5 +0.1 -0.6) give exactly 0 in any order
        round(sum(value), 6) as total,
        count(*) filter (where is_sentiment_word) as scored_words,
        {{ ordered_list(record({'word': 'evidence', 'weight': 'round(value, 4)'}), where='value <> 0') }}
            as sentiment_words
    from valued
    group by text_id
)

select
    texts.message_key,
    coalesce(language.language, 'none') as language,
    coalesce(weighted.scored_words, 0) as scored_words,
    round(
        case
            when coalesce(weighted.total, 0) = 0 then 0.0
            else (weighted.total + sign(weighted.total) * language.boost)
                / sqrt(power(weighted.total + sign(weighted.total) * language.boost, 2) + 0.9375)
        end, 4) as sentiment_score,
    coalesce(weighted.sentiment_words, {{ list_of([]) }}) as sentiment_words
from texts
left join language using (text_id)
left join weighted using (text_id)
{% endmacro %}

{#- What the tables know about a word (sentiment_scores' word_facts), with each column's type. -#}
{% macro word_fact_columns() %}
    {{ return({
        'nl_function': 'boolean', 'en_function': 'boolean', 'is_but': 'boolean',
        'nl_form': 'boolean', 'carries': 'boolean', 'nl_score': 'double',
        'nl_lemma_score': 'double', 'en_score': 'double', 'emoji_score': 'double',
        'nl_modifier_kind': 'string', 'nl_modifier_factor': 'double',
        'en_modifier_kind': 'string', 'en_modifier_factor': 'double',
        'nl_score_when_negated': 'double', 'en_score_when_negated': 'double'
    }) }}
{% endmacro %}
