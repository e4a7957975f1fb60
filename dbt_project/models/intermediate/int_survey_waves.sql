-- Survey waves: one file is one wave, dated by its last completion time. Per wave the
-- engagement index: the mean over respondents of their mean engagement item, rescaled from
-- the answer scale to 0-100: (x - 1) / (scale max - 1) x 100.
{% set rows = [] %}
{% for question in var('survey_constructs').get('engagement', []) %}{% do rows.append([question | lower]) %}{% endfor %}
with items as (
    select * from {{ config_relation(rows, ['question']) }}
),

responses as (
    select source_sha256, source_file, response_id, completed_at
    from {{ ref('stg_survey__responses') }}
),

answers as (
    select answers.source_sha256, answers.response_id, answers.score
    from {{ ref('stg_survey__answers') }} as answers
    inner join items on answers.question_key = items.question
),

per_respondent as (
    select source_sha256, response_id, avg(score) as mean_score
    from answers
    where score between 1 and {{ var('survey_scale_max') }}
    group by all
),

waves as (
    select
        source_sha256,
        any_value(source_file) as source_file,
        max(completed_at) as wave_end,
        min(completed_at) as wave_start,
        count(*) as respondents
    from responses
    group by all
)

select
    waves.*,
    cast(date_trunc('month', waves.wave_end) as date) as month_start,
    -- each respondent's share as an exact decimal, so the mean does not depend on the order
    -- in which parallel threads add it up (x.x5 rounded either way made two runs differ)
    round(avg(cast(
        (per_respondent.mean_score - 1) / ({{ var('survey_scale_max') }} - 1) * 100
        as decimal(18, 9)
    )), 1) as engagement_index,
    count(per_respondent.response_id) as respondents_with_engagement_items
from waves
left join per_respondent using (source_sha256)
group by all
