-- Per month and person in the reply and mention network (issue 17): degree (how many people
-- they are tied to), the share of those ties that cross to another department, and
-- betweenness (int_network_betweenness, DuckDB only; NULL on other engines). Pseudonymous:
-- the reports name nobody from it; the ambassadors (first followers, fans) start here.
-- Incremental by month, as int_network_ties.
{{ config(**by_month_config(reads_months='earlier')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}

with ties as (
    select * from {{ ref('int_network_ties') }}
    where {{ in_months_to_build('month_start', reads_months='earlier') }}
),

both_ends as (
    select month_start, person_key, other_person_key from ties
    union all
    select month_start, other_person_key, person_key from ties
),

members as (
    select month_start, person_key, coalesce(department, 'onbekend') as department
    from {{ ref('int_headcount_members') }}
),

per_person as (
    select
        both_ends.month_start,
        both_ends.person_key,
        me.department,
        count(*) as degree,
        count(*) filter (where other.department <> me.department) as cross_department_ties
    from both_ends
    inner join members as me
        on me.month_start = both_ends.month_start and me.person_key = both_ends.person_key
    inner join members as other
        on other.month_start = both_ends.month_start
            and other.person_key = both_ends.other_person_key
    group by 1, 2, 3
),

betweenness as (
    {%- if target.type == 'duckdb' %}
        select month_start, person_key, betweenness from {{ ref('int_network_betweenness') }}
    {%- else %}
        select
            cast(null as date) as month_start,
            cast(null as {{ dbt.type_string() }}) as person_key,
            cast(null as double) as betweenness
    {%- endif %}
)

select
    per_person.month_start,
    {{ month_label('per_person.month_start') }} as month,
    per_person.person_key,
    per_person.department,
    per_person.degree,
    per_person.cross_department_ties,
    round(100.0 * per_person.cross_department_ties / per_person.degree, 1)
        as cross_department_pct,
    betweenness.betweenness
from per_person
left join betweenness
    on betweenness.month_start = per_person.month_start
        and betweenness.person_key = per_person.person_key
