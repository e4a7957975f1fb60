-- Reactions given, dated by the message reacted to; by_employee as for messages.
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config()) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

with reactions as (
    select
        'slack' as platform,
        message_key,
        month_start,
        person_key,
        source_file,
        source_sha256,
        source_row
    from {{ ref('stg_slack__reactions') }}
    where {{ in_months_to_build('month_start') }}
)

select
    reactions.*,
    members.person_key is not null as by_employee
from reactions
left join {{ ref('int_headcount_members') }} as members
    on members.month_start = reactions.month_start
        and members.person_key = reactions.person_key
