{#- Scoring a large backlog in slices (issue 15): the per-message models (features, sentiment)
    take every message not yet scored in one query, which at 100,000 employees (27 million
    messages in a first year) does not fit a 3 GB ceiling. The run (pipelines/scoring_slices.py)
    then writes the first month after the slice into ops.scoring_slice and runs those models once
    per slice of about three million messages before the build, which scores what is left.
    Without the table, or with it empty (a bare `dbt build`, any other engine), nothing is
    held back. -#}
{% macro in_scoring_slice(month_column='month_start') %}
    {%- set bound = scoring_slice_bound() -%}
    {%- if bound -%}
        {#- written out as a date, so DuckDB reads only the slice's months through the staging
            views (macros/incremental_by_month.sql) -#}
        {{ month_column }} < date '{{ bound }}'
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}

{#- The running slice's exclusive upper bound (the first day of a month, as an ISO date), or
    none when no slice runs. -#}
{% macro scoring_slice_bound() %}
    {%- if target.type == 'duckdb' and execute
        and adapter.get_relation(database=target.database, schema='ops', identifier='scoring_slice') -%}
        {{ return(run_query("select strftime(max(score_before), '%Y-%m-%d') from ops.scoring_slice").rows[0][0]) }}
    {%- endif -%}
    {{ return(none) }}
{% endmacro %}

{#- Scoring by month (issue 15): the per-message models score the messages of the months whose
    message inputs (int_message_month_inputs: files, roster, aliases) changed since they last
    scored them, every message of such a month again (the same text gives the same score; a
    message whose text retention removed keeps its score), and remember each month scored in
    ops.months_built. So a new month reads that month's texts, not every message ever scored.
    `scored_with` is part of what a month's scores rest on (the sentiment backend: switching it
    scores every month again). Only months wholly below a scoring slice's bound count as scored.
    Other engines, and a first build, score everything. -#}
{% macro scoring_by_month_config(scored_with='') %}
    {%- set config = {
        'materialized': 'incremental',
        'unique_key': 'message_key',
        'on_schema_change': 'append_new_columns',
    } -%}
    {%- if target.type == 'duckdb' -%}
        {%- do config.update({'post_hook': "{{ remember_months_scored(" ~ (scored_with | tojson) ~ ") }}"}) -%}
    {%- endif -%}
    {{ return(config) }}
{% endmacro %}

{#- The month fingerprints a scoring model compares against: the messages' and `scored_with`. -#}
{% macro scoring_fingerprints(scored_with) %}
    (
        select month_start, md5(fingerprint || '|{{ scored_with }}') as fingerprint
        from {{ ref('int_message_month_inputs') }}
        where month_start is not null
    )
{% endmacro %}

{#- A filter for the texts to score: those of the months to score (all on a first build). -#}
{% macro in_months_to_score(column, scored_with='') %}
    {%- if target.type == 'duckdb' and is_incremental()
        and adapter.get_relation(database=target.database, schema='ops', identifier='months_built') -%}
        {%- set query %}
            select strftime(month_start, '%Y-%m-%d')
            from {{ scoring_fingerprints(scored_with) }}
            where (month_start, fingerprint) not in (
                select (month_start, fingerprint) from ops.months_built
                where model = '{{ this.identifier }}'
            )
            order by 1
        {%- endset %}
        {{ month_in_list(column, run_query(query).columns[0].values() | list) }}
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}

{#- After scoring: the months now scored, without those a scoring slice held back. -#}
{% macro remember_months_scored(scored_with='') %}
    {%- set scored %}
        (
            select * from {{ scoring_fingerprints(scored_with) }} as months
            where {{ in_scoring_slice('months.month_start') }}
        )
    {%- endset %}
    {{ remember_months(scored) }}
{% endmacro %}
