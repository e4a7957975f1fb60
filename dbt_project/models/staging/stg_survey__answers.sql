-- Survey answers in long form; the question matched case-insensitively, the answer read as a
-- number where it is one ("3,0" too: a decimal comma), so any questionnaire fits.
select
    response_id,
    question,
    lower(trim(question)) as question_key,
    answer,
    try_cast(replace(trim(answer), ',', '.') as double) as score,
    source_file,
    source_sha256,
    source_member,
    source_row
from {{ source('raw', 'survey_answers') }}
