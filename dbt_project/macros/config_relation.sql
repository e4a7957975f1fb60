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
{#- monitor.yml `synonyms` as rows (word, issue): a hashtag equal to the word raises the issue. -#}
{% macro configured_synonyms() %}
    {{ config_relation(var('synonyms', {}).items() | list, ['word', 'issue']) }}
{% endmacro %}

{% macro configured_terms() %}
    {{ config_relation(configured_term_rows(), ['kind', 'owner', 'term']) }}
{% endmacro %}

{% macro configured_term_rows() %}
    {%- set rows = [] -%}
    {%- for theme in var('themes') -%}
        {%- for keyword in theme.get('keywords', []) -%}{%- do rows.append(('theme', theme['name'], keyword | lower)) -%}{%- endfor -%}
    {%- endfor -%}
    {%- for issue in var('issues') -%}
        {%- set own = [issue['name'] | lower] + (issue.get('keywords', []) | map('lower') | list) -%}
        {%- for term in own -%}{%- do rows.append(('issue', issue['name'], term)) -%}{%- endfor -%}
        {#- a synonym of the issue's name or keyword (monitor.yml `synonyms`) is a term too -#}
        {%- set bare = own | map('replace', '#', '') | list -%}
        {%- for word, same in var('synonyms', {}).items() -%}
            {%- if same in bare and word not in bare -%}{%- do rows.append(('issue', issue['name'], word)) -%}{%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(rows) }}
{% endmacro %}

{#- Whether a configured term is more than one word (spaces, punctuation): those need the
    regular-expression route of int_message_features. Python's \w is the SQL's [\pL\pN_]
    (a mark or symbol it does not know counts as more than a word: the slow route, never a
    missed term). -#}
{% macro configured_terms_beyond_words() %}
    {%- for kind, owner, term in configured_term_rows() -%}
        {%- if not modules.re.fullmatch('#?\\w+', term) -%}{{ return(true) }}{%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{% endmacro %}

{#- Whole-word, case-insensitive match of a (lower-cased) term inside a text column. -#}
{% macro matches_term(text_column, term_column) %}
    {{ regexp_contains(
        'lower(' ~ text_column ~ ')',
        regex_literal('(^|[^\\pL\\pN_])') ~ " || " ~ regexp_escape(term_column) ~ " || " ~ regex_literal('($|[^\\pL\\pN_])')
    ) }}
{% endmacro %}
