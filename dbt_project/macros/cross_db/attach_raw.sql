{#- The raw tables the models read. DuckDB: the ingestion wrote them into the warehouse, nothing
    to do. Spark: one table per parquet folder exported from a DuckDB warehouse
    (pipelines/portability.py), in the folder SNM_SPARK_RAW. -#}
{% macro attach_raw() %}
    {{ return(adapter.dispatch('attach_raw', 'social_network_monitor')()) }}
{% endmacro %}

{% macro default__attach_raw() %}{% endmacro %}

{% macro spark__attach_raw() %}
    {%- if not execute %}{{ return('') }}{% endif -%}
    {%- set folder = env_var('SNM_SPARK_RAW') -%}
    {%- do run_query('create database if not exists raw') -%}
    {%- for table in graph.sources.values() | selectattr('source_name', 'equalto', 'raw') | map(attribute='name') -%}
        {%- do run_query('drop table if exists raw.' ~ table) -%}
        {%- do run_query("create table raw." ~ table ~ " using parquet location '" ~ folder ~ "/" ~ table ~ "'") -%}
    {%- endfor -%}
{% endmacro %}
