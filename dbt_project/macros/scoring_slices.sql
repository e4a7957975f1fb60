{#- Scoring a large backlog in slices (issue 15): the per-message models (features, sentiment)
    take every message not yet scored in one query, which at 100,000 employees (27 million
    messages in a first year) does not fit a 3 GB ceiling. The run (pipelines/scoring_slices.py)
    then writes an upper bound for posted_at into ops.scoring_slice and runs those models once
    per slice of about three million messages before the build, which scores what is left.
    Without the table, or with it empty (a bare `dbt build`, any other engine), nothing is
    held back. -#}
{% macro in_scoring_slice(column) %}
    {%- if target.type == 'duckdb' and execute
        and adapter.get_relation(database=target.database, schema='ops', identifier='scoring_slice') -%}
        {{ column }} < coalesce(
            (select max(score_before) from ops.scoring_slice), timestamp '9999-12-31'
        )
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}
