{#- Score texts in [-1, 1], in DuckDB SQL, VADER-style (docs: dbt_project/seeds/sentiment):
    tokenise; detect the language (nl, en, other) by function words, else by lexicon hits;
    look words up in that language's supplement and lexicons, and emoji in the project's
    emoji table, then VADER's emoji of feeling;
    a negator up to three words before a word flips it (x -0.74), except "nooit zo"/"never so",
    which intensifies; boosters and dampeners up to two words before scale it, all within the clause (punctuation stops them); a negated
    "function" verb ("werkt niet", "doesn't work") counts negative; after "maar"/"but" words
    weigh 1.5, before it 0.5; the sum t becomes t / sqrt(t^2 + 15/16) (VADER's normalisation
    in our -1..1 word units), nudged by up to four exclamation marks.
    Input: a relation with message_key and text. Output: message_key, language, scored_words,
    sentiment_score, and sentiment_words: each word, emoji or negated phrase that moved the
    score with its weight (the evidence a report shows; only lexicon entries, never names). Modifiers are applied by joining each message's few carrying tokens, which
    keeps it fast (BENCHMARKS.md). -#}
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
        ) as tokens,
        regexp_matches(coalesce(text, ''), '[\pL\pN]') as has_words
    from texts
),

tokens as (
    select
        message_key,
        has_words,
        unnest(tokens) as token,
        unnest(generate_series(1, len(tokens))) as position
    from token_lists
),

marked as materialized (
    select
        message_key,
        position,
        token,
        has_words,
        -- "nooit zo slecht", "never so good": no negation but an intensifier (as in VADER)
        case
            when token in ('nooit', 'never')
                and lead(token) over in_order in ('zo', 'so', 'this') then 'never so'
            else replace(token, '’', '''')
        end as word,
        sum(case when token in ('.', '!', '?', ';', ':', ',', '(', ')') then 1 else 0 end)
            over in_order as clause
    from tokens
    window in_order as (partition by message_key order by position)
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

languages as (
    select
        marked.message_key,
        count(*) filter (where marked.word in ('{{ nl_words.split() | join("', '") }}'))
            as nl_function,
        count(*) filter (where marked.word in ('{{ en_words.split() | join("', '") }}'))
            as en_function,
        count(nl_lexicon.word) as nl_hits,
        count(en_lexicon.word) as en_hits,
        bool_or(marked.has_words) as has_words,
        least(count(*) filter (where marked.token = '!'), 4) * 0.073 as boost,
        min(marked.position) filter (where marked.word in ('but', 'maar')) as but_position
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
            when not has_words then 'none'
            else 'other'
        end as language,
        boost,
        but_position
    from languages
),

-- Dutch writes compounds as one word, and the last part (the head) carries the meaning:
-- superlekker, klantonvriendelijk, personeelstekort. A long Dutch word the lexicons and forms
-- lack reads as its longest head of 5+ letters in the adjective lexicon or the supplement,
-- after 3+ letters (so "ongezond" is never read as "gezond"). Not LUPJE's words: their
-- compounds are mostly topics ("coronacrisis"), and read so they darkened neutral tweets.
compounds as (
    select heads.message_key, heads.position, arg_max(nl_lexicon.score, len(heads.head)) as score
    from (
        select w.message_key, w.position, w.word[start:] as head
        from marked as w
        inner join language as l using (message_key)
        cross join unnest(generate_series(4, len(w.word) - 4)) as starts(start)
        where l.language = 'nl' and len(w.word) >= 8
            and w.word not in (select word from nl_lexicon)
            and w.word not in (select form from {{ ref('sentiment_forms_nl') }})
    ) as heads
    inner join nl_lexicon on nl_lexicon.word = heads.head
    where nl_lexicon.word not in (select word from {{ ref('sentiment_lexicon_nl_tweets') }})
    group by heads.message_key, heads.position
),

-- Only the tokens that carry something: a lexicon word, a modifier, a negatable verb, an emoji.
scored_words as (
    select
        w.message_key,
        w.position,
        w.clause,
        w.word,
        l.language,
        l.but_position,
        case
            when m.kind is not null then null
            when l.language = 'nl' then coalesce(nl.score, nl_stem.score, compound.score)
            when l.language = 'en' then en.score
        end as word_score,
        emoji.score as emoji_score,
        m.kind as modifier_kind,
        m.factor as modifier_factor,
        verbs.score_when_negated
    from marked as w
    inner join language as l using (message_key)
    left join {{ ref('sentiment_modifiers') }} as m on m.language = l.language and m.word = w.word
    left join nl_lexicon as nl on l.language = 'nl' and nl.word = w.word
    -- Dutch inflects adjectives (grote, dure, lieve, groter, liefste): the form's lemma
    left join {{ ref('sentiment_forms_nl') }} as forms
        on l.language = 'nl' and nl.word is null and forms.form = w.word
    left join nl_lexicon as nl_stem on nl_stem.word = forms.lemma
    left join compounds as compound
        on compound.message_key = w.message_key and compound.position = w.position
    left join en_lexicon as en on l.language = 'en' and en.word = w.word
    left join emoji_scores as emoji on emoji.emoji = w.token
    left join {{ ref('sentiment_negated_verbs') }} as verbs
        on verbs.language = l.language and verbs.word = w.word
    where coalesce(
        m.word, nl.word, nl_stem.word, compound.score::varchar, en.word, emoji.emoji, verbs.word
    ) is not null
),

-- Modifiers act on the words after them within the clause: a small join of each message's
-- few carrying tokens, not a window over every token.
carriers as (
    select * from scored_words where modifier_kind is null
),

modifiers_found as (
    select message_key, clause, position, modifier_kind, modifier_factor
    from scored_words where modifier_kind is not null
),

effects as (
    select
        c.message_key,
        c.position,
        coalesce(product(m.modifier_factor) filter (
            where m.modifier_kind in ('booster', 'dampener')
              and m.position between c.position - 2 and c.position - 1), 1) as scale,
        coalesce(bool_or(m.modifier_kind = 'negator'
            and m.position between c.position - 3 and c.position - 1), false) as negated_before,
        coalesce(bool_or(m.modifier_kind = 'negator'
            and m.position between c.position - 2 and c.position + 2), false) as negated_around
    from carriers as c
    left join modifiers_found as m
        on m.message_key = c.message_key and m.clause = c.clause
        and m.position between c.position - 3 and c.position + 2
    group by c.message_key, c.position
),

valued as (
    select
        c.message_key,
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
            when c.but_position is null then 1
            when c.position < c.but_position then 0.5
            else 1.5
        end as value
    from carriers as c
    inner join effects as e using (message_key, position)
),

weighted as (
    select
        language.message_key,
        any_value(language.language) as language,
        any_value(language.boost) as boost,
        coalesce(sum(valued.value), 0) as total,
        count(*) filter (where valued.is_sentiment_word) as scored_words,
        list({'word': valued.evidence, 'weight': round(valued.value, 4)} order by valued.evidence)
            filter (where valued.value <> 0) as sentiment_words
    from language
    left join valued using (message_key)
    group by language.message_key
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
        end, 4) as sentiment_score,
    coalesce(weighted.sentiment_words, []) as sentiment_words
from texts
left join weighted using (message_key)
{% endmacro %}
