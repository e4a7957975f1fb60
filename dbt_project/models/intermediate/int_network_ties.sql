-- The month's network (issue 17): two employees are tied when either answered or mentioned the
-- other that month, on any platform. One row per tie, the pair in key order, with how often
-- and how. Incremental by month, as int_interactions.
{{ config(**by_month_config(reads_months='earlier')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

with interactions as (
    select * from {{ ref('int_interactions') }}
    where {{ in_months_to_build('month_start', reads_months='earlier') }}
)

select
    month_start,
    least(person_key, other_person_key) as person_key,
    greatest(person_key, other_person_key) as other_person_key,
    count(*) as interactions,
    count(*) filter (where kind = 'reply') as replies,
    count(*) filter (where kind = 'mention') as mentions
from interactions
group by 1, 2, 3
