-- Data quality: per source and month, the share of the rows naming a person that matched the
-- roster. Guests, service accounts and people missing from HR's snapshots are the rest; a
-- report whose names are concealed, or an export without e-mail addresses that the roster's
-- ids do not cover, matches (almost) nobody.
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config(inputs='all')) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_month_inputs') }}{% endif %}
with identity_rows as (
    select * from {{ ref('int_identity_rows') }}
    where {{ in_months_to_build('month_start', inputs='all') }}
),

coverage as (
    select
        month_start,
        {{ month_label('month_start') }} as month,
        source,
        count(*) as identity_rows,
        count(*) filter (where is_matched) as matched_rows,
        count(distinct person_key) filter (where not is_matched) as unmatched_people,
        round(100.0 * count(*) filter (where is_matched) / count(*), 1) as matched_pct
    from identity_rows
    group by all
)

select
    *,
    matched_pct < {{ var('thresholds')['identity_coverage_pct'] }} as is_below_threshold
from coverage
