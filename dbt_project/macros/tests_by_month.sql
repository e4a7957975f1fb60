{#- Data tests of a model kept by month check the months this run rebuilt (issue 15): its
    other months are the rows an earlier run built and tested, unchanged since (a change of
    settings or code rebuilds every month). A run that did not rebuild the model (a `dbt test`
    on its own), tables rebuilt whole and the views over the raw layer test every row. The
    months are written out as dates, so DuckDB reads only them. What a month-bounded unique
    test cannot see, a key repeated in another month, the staging tests (every row) rule out.
    Overrides dbt's get_where_subquery on DuckDB; a test's own `where` still applies. -#}
{% macro duckdb__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set months = months_built_this_run(relation) if execute else none -%}
    {%- if months is not none -%}
        {%- set in_months = month_in_list('month_start', months) -%}
        {%- set where = '(' ~ where ~ ') and ' ~ in_months if where else in_months -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- The months of `relation` that this dbt invocation rebuilt, as ISO dates; none when every
    row is to be tested. -#}
{% macro months_built_this_run(relation) %}
    {%- set tracked = adapter.get_relation(database=target.database, schema='ops', identifier='months_built') -%}
    {%- if not tracked or 'invocation_id' not in (adapter.get_columns_in_relation(tracked) | map(attribute='name') | list) -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set found = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
    {%- if not found or 'month_start' not in (adapter.get_columns_in_relation(found) | map(attribute='name') | list) -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set query %}
        select string_agg(distinct strftime(month_start, '%Y-%m-%d'), ',')
        from ops.months_built
        where model = '{{ relation.identifier }}' and invocation_id = '{{ invocation_id }}'
    {%- endset %}
    {%- set months = run_query(query).rows[0][0] -%}
    {{ return(months.split(',') | sort if months else none) }}
{% endmacro %}
