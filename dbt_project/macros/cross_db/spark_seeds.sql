{#- Seeds on Spark: dbt-spark's session connection pastes seed values into the SQL unescaped,
    so a word like "can't" breaks the statement (dbt-labs/dbt-spark#572, dbt-core#6471: Spark
    escapes a quote with a backslash). This writes each value as a Spark string literal, then
    casts it to the column's type. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    {%- set type = column_override.get(agate_table.column_names[loop.index0],
                        adapter.convert_type(agate_table, loop.index0)) -%}
                    {%- if value is none -%}cast(null as {{ type }})
                    {%- else -%}cast('{{ (value | string) | replace('\\', '\\\\') | replace("'", "\\'") }}' as {{ type }})
                    {%- endif -%}
                    {{ "," if not loop.last }}
                {%- endfor -%}){{ "," if not loop.last }}
            {%- endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first %}{% do statements.append(sql) %}{% endif -%}
    {%- endfor -%}
    {{ return(statements[0]) }}
{% endmacro %}
