-- The one place the figures read a message's sentiment from: a score in [-1, 1] from the
-- Dutch and English lexicons in SQL (macro sentiment_scores, seeds in seeds/sentiment), or,
-- with monitor.yml `sentiment.backend: model`, from a local sentiment model
-- (int_message_sentiment_model); the language is always detected here, as the thresholds
-- per language need it. Incremental by month (macros/scoring_slices.sql): a month is scored
-- when its messages changed or the backend did, while its texts are there, and a message keeps
-- its score after the retention step removed the text. Its evidence (the
-- words that moved the score) is kept the same way; messages scored before the evidence
-- existed have none (NULL), and a model's scores have none (a model gives no words).
{% set backend = var('sentiment_backend', 'lexicon') %}
{{ config(**scoring_by_month_config(scored_with=backend)) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_sentiment_model') }} {{ ref('int_message_month_inputs') }}{% endif %}

with new_texts as (
    select message_key, text
    from {{ ref('int_message_texts') }}
    where {{ in_scoring_slice() }}
        and {{ in_months_to_score('month_start', scored_with=backend) }}
),

lexicon as (
    {{ sentiment_scores('new_texts') }}
)

{% if backend == 'model' %}
select
    lexicon.message_key,
    lexicon.language,
    lexicon.scored_words,
    coalesce(model.model_score, lexicon.sentiment_score) as sentiment_score,
    case when model.model_score is null then lexicon.sentiment_words else {{ list_of([]) }} end
        as sentiment_words,
    case when model.model_score is null then 'lexicon' else 'model' end as scored_by
from lexicon
left join {{ ref('int_message_sentiment_model') }} as model using (message_key)
{% else %}
    select *, 'lexicon' as scored_by from lexicon
{% endif %}
