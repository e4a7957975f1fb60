-- The one place the figures read a message's sentiment score from, in [-1, 1]. Until the
-- sentiment model lands (Dutch and English lexicons in SQL), no message is scored: NULL here
-- means "not scored", and net sentiment is computed over scored messages only.
select
    message_key,
    cast(null as double) as sentiment_score
from {{ ref('int_message_features') }}
