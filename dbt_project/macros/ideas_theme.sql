{#- Whether `column` names the ideas theme (monitor.yml `ideas_theme`); false when none is
    configured, so ideas are not counted rather than counted as zero. -#}
{% macro is_ideas_theme(column) %}
    {%- if var('ideas_theme') -%}
        {{ column }} = '{{ var('ideas_theme') | replace("'", "''") }}'
    {%- else -%}
        false
    {%- endif -%}
{% endmacro %}
