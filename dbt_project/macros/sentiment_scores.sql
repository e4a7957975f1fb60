{#- Score texts in [-1, 1], in DuckDB SQL, VADER-style (docs: dbt_project/seeds/sentiment):
    tokenise; detect the language (nl, en, other) by function words, else by lexicon hits;
    look words up in that language's supplement and lexicon, and emoji in the emoji table;
    a negator up to three words before a word flips it (x -0.74), boosters and dampeners up to
    two words before scale it, all within the clause (punctuation stops them); a negated
    "function" verb ("werkt niet", "doesn't work") counts negative; after "maar"/"but" words
    weigh 1.5, before it 0.5; the sum t becomes t / sqrt(t^2 + 15/16) (VADER's normalisation
    in our -1..1 word units), nudged by up to four exclamation marks.
    Input: a relation with message_key and text. Output: message_key, language, scored_words,
    sentiment_score. -#}
{% macro sentiment_scores(texts) %}
{%- set nl_words = "de het een en is niet van ik je jij we wij dat die voor met op te er zijn wat ook maar nog naar aan bij om ons jullie wordt werd worden hebben heb heeft kan kunnen moet moeten deze dit hier daar geen wel al als dan want door over uit of zo mijn mij onze graag even bedankt iedereen alles niemand wie waar wanneer waarom hoe zij hij ze u uw gaat komt" -%}
{%- set en_words = "the a an and is not of i you we that this for with on to it are be was were have has had what also but still just can will would should our your my there here no yes from at as if so than then about all they them their please thanks" -%}
with texts as (
    select message_key, text from {{ texts }}
),

token_lists as (
    select
        message_key,
        regexp_extract_all(
            lower(coalesce(text, '')),
            '[\pL\pN_]+(?:[''’][\pL]+)?|[\p{So}\p{Sk}]|[.!?;:,()]'
        ) as tokens
    from texts
),

tokens as (
    select
        message_key,
        unnest(tokens) as token,
        unnest(generate_series(1, len(tokens))) as position
    from token_lists
),

marked as materialized (
    select
        *,
        replace(token, '’', '''') as word,
        regexp_full_match(token, '[.!?;:,()]') as is_punctuation,
        sum(case when regexp_full_match(token, '[.!?;:,()]') then 1 else 0 end)
            over (partition by message_key order by position) as clause
    from tokens
),

nl_lexicon as (
    select word, score from {{ ref('sentiment_supplement') }} where language = 'nl'
    union all
    select word, score from {{ ref('sentiment_lexicon_nl') }}
    where word not in (select word from {{ ref('sentiment_supplement') }} where language = 'nl')
),

en_lexicon as (
    select word, score from {{ ref('sentiment_supplement') }} where language = 'en'
    union all
    select word, score from {{ ref('sentiment_lexicon_en') }}
    where word not in (select word from {{ ref('sentiment_supplement') }} where language = 'en')
),

languages as (
    select
        marked.message_key,
        count(*) filter (where word in ('{{ nl_words.split() | join("', '") }}')) as nl_function,
        count(*) filter (where word in ('{{ en_words.split() | join("', '") }}')) as en_function,
        count(nl_lexicon.word) as nl_hits,
        count(en_lexicon.word) as en_hits,
        count(*) filter (where regexp_full_match(word, '[\pL\pN_'']+')) as words
    from marked
    left join nl_lexicon using (word)
    left join en_lexicon using (word)
    group by marked.message_key
),

language as (
    select
        message_key,
        case
            when nl_function > en_function then 'nl'
            when en_function > nl_function then 'en'
            when nl_hits > en_hits then 'nl'
            when en_hits > nl_hits then 'en'
            when words = 0 then 'none'
            else 'other'
        end as language
    from languages
),

with_language as (
    select marked.*, language.language
    from marked inner join language using (message_key)
),

modifiers as (
    select * from {{ ref('sentiment_modifiers') }}
),

scored_words as (
    select
        w.*,
        case
            when m.kind is not null then null
            when w.language = 'nl' then coalesce(nl.score, nl_stem.score)
            when w.language = 'en' then en.score
        end as word_score,
        emoji.score as emoji_score,
        m.kind as modifier_kind,
        m.factor as modifier_factor,
        verbs.score_when_negated
    from with_language as w
    left join modifiers as m on m.language = w.language and m.word = w.word
    left join nl_lexicon as nl on w.language = 'nl' and nl.word = w.word
    -- Dutch inflects adjectives with -e (mooie, goede, slechte): try the stem as well
    left join nl_lexicon as nl_stem
        on w.language = 'nl' and w.word like '%e' and nl_stem.word = left(w.word, -1)
    left join en_lexicon as en on w.language = 'en' and en.word = w.word
    left join {{ ref('sentiment_emoji') }} as emoji on emoji.emoji = w.token
    left join {{ ref('sentiment_negated_verbs') }} as verbs
        on verbs.language = w.language and verbs.word = w.word
),

contrast as (
    select message_key, min(position) as but_position
    from with_language
    where word in ('but', 'maar')
    group by message_key
),

-- Neighbouring modifiers, read with lag/lead (one ordered pass per message); a neighbour
-- counts only inside the same clause.
neighbours as (
    select
        *,
        {% for k in [1, 2, 3] %}
        case when lag(clause, {{ k }}) over w = clause then lag(modifier_kind, {{ k }}) over w end
            as kind_before_{{ k }},
        case when lag(clause, {{ k }}) over w = clause then lag(modifier_factor, {{ k }}) over w end
            as factor_before_{{ k }},
        {% endfor %}
        {% for k in [1, 2] %}
        case when lead(clause, {{ k }}) over w = clause then lead(modifier_kind, {{ k }}) over w end
            as kind_after_{{ k }}{{ "," if not loop.last }}
        {% endfor %}
    from scored_words
    window w as (partition by message_key order by position)
),

windows as (
    select
        *,
        case when kind_before_1 in ('booster', 'dampener') then factor_before_1 else 1 end
        * case when kind_before_2 in ('booster', 'dampener') then factor_before_2 else 1 end
            as scale,
        'negator' in (kind_before_1, kind_before_2, kind_before_3) as negated_before,
        'negator' in (kind_before_1, kind_before_2, kind_after_1, kind_after_2)
            as negated_around
    from neighbours
),

valued as (
    select
        message_key,
        position,
        language,
        token = '!' as is_exclamation,
        word_score is not null as is_sentiment_word,
        coalesce(emoji_score, 0)
        + coalesce(
            word_score
            * scale
            * case when coalesce(negated_before, false) then -0.74 else 1 end,
            0)
        + case when score_when_negated is not null and coalesce(negated_around, false)
            then score_when_negated else 0 end
        as value
    from windows
),

weighted as (
    select
        valued.message_key,
        sum(valued.value * case
            when contrast.but_position is null then 1
            when valued.position < contrast.but_position then 0.5
            else 1.5 end) as total,
        count(*) filter (where valued.is_sentiment_word) as scored_words,
        any_value(valued.language) as language,
        least(count(*) filter (where valued.is_exclamation), 4) * 0.073 as boost
    from valued
    left join contrast using (message_key)
    group by valued.message_key
)

select
    texts.message_key,
    coalesce(weighted.language, 'none') as language,
    coalesce(weighted.scored_words, 0) as scored_words,
    round(
        case
            when coalesce(weighted.total, 0) = 0 then 0.0
            else (weighted.total + sign(weighted.total) * weighted.boost)
                / sqrt(power(weighted.total + sign(weighted.total) * weighted.boost, 2) + 0.9375)
        end, 4) as sentiment_score
from texts
left join weighted using (message_key)
{% endmacro %}
