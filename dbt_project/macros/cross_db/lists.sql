{#- Lists (DuckDB LIST, Spark ARRAY) behind one name each, so the models stay portable:
    DuckDB is the default, Spark's spelling is the spark__ variant. dbt's own cross-database
    macros (dbt.datediff, dbt.date_trunc, ...) are used where they exist; these fill the gaps. -#}

{#- One row per element of a list (a set-returning expression in the select list). -#}
{% macro explode(list) %}{{ return(adapter.dispatch('explode', 'social_network_monitor')(list)) }}{% endmacro %}
{% macro default__explode(list) %}unnest({{ list }}){% endmacro %}
{% macro spark__explode(list) %}explode({{ list }}){% endmacro %}

{#- The list start, start + step, ... up to stop (inclusive); empty when stop < start. -#}
{% macro series(start, stop, step=none) %}{{ return(adapter.dispatch('series', 'social_network_monitor')(start, stop, step)) }}{% endmacro %}
{% macro default__series(start, stop, step) %}generate_series({{ start }}, {{ stop }}{{ ", " ~ step if step is not none }}){% endmacro %}
{% macro spark__series(start, stop, step) -%}
    case when {{ stop }} >= {{ start }}
        then sequence({{ start }}, {{ stop }}{{ ", " ~ step if step is not none else ", 1" }}) end
{%- endmacro %}

{#- A list literal of the given SQL expressions. -#}
{% macro list_of(items) %}{{ return(adapter.dispatch('list_of', 'social_network_monitor')(items)) }}{% endmacro %}
{% macro default__list_of(items) %}[{{ items | join(', ') }}]{% endmacro %}
{% macro spark__list_of(items) %}array({{ items | join(', ') }}){% endmacro %}

{#- Elements first..last (1-based, inclusive) of a list. -#}
{% macro list_slice(list, first, last) %}{{ return(adapter.dispatch('list_slice', 'social_network_monitor')(list, first, last)) }}{% endmacro %}
{% macro default__list_slice(list, first, last) %}({{ list }})[{{ first }}:{{ last }}]{% endmacro %}
{% macro spark__list_slice(list, first, last) %}slice({{ list }}, {{ first }}, {{ last }} - {{ first }} + 1){% endmacro %}

{#- Aggregate: the values of a group as a list, in the order of sort_keys (expressions,
    ascending; negate a number to sort it descending), optionally only rows passing where.
    Without sort_keys the order is the values' own (sorted). -#}
{% macro ordered_list(value, sort_keys=none, where=none, distinct=false) %}{{ return(adapter.dispatch('ordered_list', 'social_network_monitor')(value, sort_keys, where, distinct)) }}{% endmacro %}
{% macro default__ordered_list(value, sort_keys, where, distinct) -%}
    {%- if sort_keys -%}
    list({{ value }} order by {{ sort_keys | join(', ') }}){{ " filter (where " ~ where ~ ")" if where }}
    {%- else -%}
    list_sort(list({{ "distinct " if distinct }}{{ value }}){{ " filter (where " ~ where ~ ")" if where }})
    {%- endif -%}
{%- endmacro %}
{% macro spark__ordered_list(value, sort_keys, where, distinct) -%}
    {%- set filtered = " filter (where " ~ where ~ ")" if where else "" -%}
    {%- if sort_keys -%}
    transform(array_sort(collect_list(named_struct(
        {%- for key in sort_keys %}'k{{ loop.index }}', {{ key }}, {% endfor %}'v', {{ value }})){{ filtered }}), s -> s.v)
    {%- else -%}
    array_sort(collect_{{ "set" if distinct else "list" }}({{ value }}){{ filtered }})
    {%- endif -%}
{%- endmacro %}

{#- A record with named fields, e.g. record({'word': 'w', 'weight': 'x'}). -#}
{% macro record(fields) %}{{ return(adapter.dispatch('record', 'social_network_monitor')(fields)) }}{% endmacro %}
{% macro default__record(fields) %}{ {%- for name, value in fields.items() %}'{{ name }}': {{ value }}{{ ", " if not loop.last }}{% endfor -%} }{% endmacro %}
{% macro spark__record(fields) %}named_struct({%- for name, value in fields.items() %}'{{ name }}', {{ value }}{{ ", " if not loop.last }}{% endfor -%}){% endmacro %}

{#- Each element of a list through an expression of `var`, e.g. list_transform('l', 'x', 'lower(x)'). -#}
{% macro list_transform(list, var, expr) %}{{ return(adapter.dispatch('list_transform', 'social_network_monitor')(list, var, expr)) }}{% endmacro %}
{% macro default__list_transform(list, var, expr) %}list_transform({{ list }}, lambda {{ var }}: {{ expr }}){% endmacro %}
{% macro spark__list_transform(list, var, expr) %}transform({{ list }}, {{ var }} -> {{ expr }}){% endmacro %}

{#- One row per element of a list with its 1-based position: columns position_as, value_as.
    value_of, when given, is an expression of the element written as {}, e.g.
    "regexp_extract_all({}, '[a-z]+', 0)": the column holds it instead of the element. -#}
{% macro explode_with_position(list, position_as, value_as, value_of='{}') %}{{ return(adapter.dispatch('explode_with_position', 'social_network_monitor')(list, position_as, value_as, value_of)) }}{% endmacro %}
{% macro default__explode_with_position(list, position_as, value_as, value_of) -%}
    unnest(generate_series(1, len({{ list }}))) as {{ position_as }},
    {{ value_of | replace('{}', 'unnest(' ~ list ~ ')') }} as {{ value_as }}
{%- endmacro %}
{% macro spark__explode_with_position(list, position_as, value_as, value_of) -%}
    inline(transform({{ list }}, (x, i) -> struct(i + 1 as {{ position_as }}, {{ value_of | replace('{}', 'x') }} as {{ value_as }})))
{%- endmacro %}

{#- One row per date from start to stop (inclusive) by step (an interval), as DATEs. -#}
{% macro explode_dates(start, stop, step) %}{{ return(adapter.dispatch('explode_dates', 'social_network_monitor')(start, stop, step)) }}{% endmacro %}
{% macro default__explode_dates(start, stop, step) %}cast(unnest(generate_series({{ start }}, {{ stop }}, {{ step }})) as date){% endmacro %}
{% macro spark__explode_dates(start, stop, step) -%}
    explode(case when cast({{ stop }} as date) >= cast({{ start }} as date)
        then sequence(cast({{ start }} as date), cast({{ stop }} as date), {{ step }}) end)
{%- endmacro %}

{#- Aggregate: the product of the values (of the rows passing where, if given); NULL when none. -#}
{% macro product(value, where=none) %}{{ return(adapter.dispatch('product', 'social_network_monitor')(value, where)) }}{% endmacro %}
{% macro default__product(value, where) %}product({{ value }}){{ " filter (where " ~ where ~ ")" if where }}{% endmacro %}
{% macro spark__product(value, where) -%}
    aggregate(collect_list({{ value }}){{ " filter (where " ~ where ~ ")" if where }}, cast(null as double),
        (acc, v) -> coalesce(acc, 1.0D) * v)
{%- endmacro %}
