-- Message texts while the raw layer still holds them (retention removes them later), keyed as
-- everywhere else. The features and sentiment models read them once, incrementally.
select
    'viva_engage' as platform,
    message_key,
    created_at as posted_at,
    month_start,
    person_key,
    body as text,
    source_sha256
from {{ ref('stg_viva_engage__messages') }}
where body is not null
union all
select
    'slack',
    message_key,
    message_at,
    month_start,
    person_key,
    text,
    source_sha256
from {{ ref('stg_slack__messages') }}
where text is not null
