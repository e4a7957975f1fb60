-- One row per respondent per survey wave file (a file is a wave), as ingested.
select
    response_id,
    started_at,
    completed_at,
    modified_at,
    respondent_key,
    source_file,
    source_sha256,
    source_member,
    source_row
from {{ source('raw', 'survey_responses') }}
