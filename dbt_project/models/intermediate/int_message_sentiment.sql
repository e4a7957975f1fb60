-- The one place the figures read a message's sentiment from: a score in [-1, 1] from the
-- Dutch and English lexicons in SQL (macro sentiment_scores, seeds in seeds/sentiment).
-- Incremental: a message is scored once while its text is there, and keeps its score after
-- the retention step removed the text.
{{ config(materialized='incremental', unique_key='message_key') }}

with new_texts as (
    select message_key, text
    from {{ ref('int_message_texts') }}
    {% if is_incremental() %}
        where message_key not in (select message_key from {{ this }})
    {% endif %}
)

select * from ({{ sentiment_scores('new_texts') }})
