{#- Layers get plain schema names (staging, intermediate, marts), not target-prefixed ones. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name if custom_schema_name else target.schema }}
{%- endmacro %}
