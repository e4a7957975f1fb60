{#- Turn a list from the config (a dbt var) into a relation of string columns, e.g.
    config_relation([('Ideeën', 'community', 'Ideeënbus')], ['theme', 'kind', 'term']).
    An empty list gives an empty relation with the same columns. -#}
{% macro config_relation(rows, columns) %}
    {%- if rows | length == 0 -%}
    (select {% for c in columns %}cast(null as string) as {{ c }}{{ ", " if not loop.last }}{% endfor %} where false)
    {%- else -%}
    (select * from (values
        {%- for row in rows %}
        ({% for value in row %}{{ "null" if value is none else "'" ~ (value | string | replace("'", "''")) ~ "'" }}{{ ", " if not loop.last }}{% endfor %}){{ "," if not loop.last }}
        {%- endfor %}
    ) as t({{ columns | join(", ") }}))
    {%- endif -%}
{% endmacro %}

{#- Every configured term (theme keyword, issue name or keyword) with its match pattern. -#}
{% macro configured_terms() %}
    {%- set rows = [] -%}
    {%- for theme in var('themes') -%}
        {%- for keyword in theme.get('keywords', []) -%}{%- do rows.append(('theme', theme['name'], keyword | lower)) -%}{%- endfor -%}
    {%- endfor -%}
    {%- for issue in var('issues') -%}
        {%- do rows.append(('issue', issue['name'], issue['name'] | lower)) -%}
        {%- for keyword in issue.get('keywords', []) -%}{%- do rows.append(('issue', issue['name'], keyword | lower)) -%}{%- endfor -%}
    {%- endfor -%}
    {{ config_relation(rows, ['kind', 'owner', 'term']) }}
{% endmacro %}

{#- Whole-word, case-insensitive match of a (lower-cased) term inside a text column. -#}
{% macro matches_term(text_column, term_column) %}
    {{ regexp_contains(
        'lower(' ~ text_column ~ ')',
        regex_literal('(^|[^\\pL\\pN_])') ~ " || " ~ regexp_escape(term_column) ~ " || " ~ regex_literal('($|[^\\pL\\pN_])')
    ) }}
{% endmacro %}
