{#- Regular expressions and integer arithmetic whose spelling differs between DuckDB (the
    default) and Spark. A pattern is written once, as DuckDB reads it (RE2 and Java both read
    \pL, \pN and \p{So}), and becomes a string literal through regex_literal: a Spark literal
    takes a backslash as an escape, so there every backslash is doubled. Inside a Jinja string
    write each backslash twice: Jinja reads '\b' as a backspace and '\1' as a control character. -#}

{#- The SQL string literal of a pattern (its text as in a DuckDB literal: quotes doubled). -#}
{% macro regex_literal(body) %}{{ return(adapter.dispatch('regex_literal', 'social_network_monitor')(body)) }}{% endmacro %}
{% macro default__regex_literal(body) %}'{{ body }}'{% endmacro %}
{% macro spark__regex_literal(body) %}'{{ body | replace('\\', '\\\\') }}'{% endmacro %}

{#- True when the pattern (an SQL string expression) occurs somewhere in the text. -#}
{% macro regexp_contains(text, pattern) %}{{ return(adapter.dispatch('regexp_contains', 'social_network_monitor')(text, pattern)) }}{% endmacro %}
{% macro default__regexp_contains(text, pattern) %}regexp_matches({{ text }}, {{ pattern }}){% endmacro %}
{% macro spark__regexp_contains(text, pattern) %}({{ text }} rlike {{ pattern }}){% endmacro %}

{#- True when the whole text matches the pattern (a pattern's text, as for regex_literal). -#}
{% macro regexp_whole(text, body) %}{{ return(adapter.dispatch('regexp_whole', 'social_network_monitor')(text, body)) }}{% endmacro %}
{% macro default__regexp_whole(text, body) %}regexp_full_match({{ text }}, {{ regex_literal(body) }}){% endmacro %}
{% macro spark__regexp_whole(text, body) %}({{ text }} rlike {{ regex_literal('^(?:' ~ body ~ ')$') }}){% endmacro %}

{#- The text with every regular-expression metacharacter escaped, to match it literally. -#}
{% macro regexp_escape(text) %}{{ return(adapter.dispatch('regexp_escape', 'social_network_monitor')(text)) }}{% endmacro %}
{% macro default__regexp_escape(text) %}regexp_replace({{ text }}, {{ regex_literal('([.^$|()\\[\\]{}*+?\\\\#-])') }}, '\\\1', 'g'){% endmacro %}
{% macro spark__regexp_escape(text) %}regexp_replace({{ text }}, {{ regex_literal('([.^$|()\\[\\]{}*+?\\\\#-])') }}, {{ regex_literal('\\\\$1') }}){% endmacro %}

{#- Every match of the pattern (SQL) in the text replaced by replacement (a text in which \1
    is the first group). -#}
{% macro regexp_replace_all(text, pattern, replacement) %}{{ return(adapter.dispatch('regexp_replace_all', 'social_network_monitor')(text, pattern, replacement)) }}{% endmacro %}
{% macro default__regexp_replace_all(text, pattern, replacement) %}regexp_replace({{ text }}, {{ pattern }}, '{{ replacement }}', 'g'){% endmacro %}
{% macro spark__regexp_replace_all(text, pattern, replacement) %}regexp_replace({{ text }}, {{ pattern }}, '{{ replacement | replace('\\1', '$1') }}'){% endmacro %}

{#- The text split at every match of the pattern (SQL), as a list (empty pieces kept). -#}
{% macro regexp_split(text, pattern) %}{{ return(adapter.dispatch('regexp_split', 'social_network_monitor')(text, pattern)) }}{% endmacro %}
{% macro default__regexp_split(text, pattern) %}regexp_split_to_array({{ text }}, {{ pattern }}){% endmacro %}
{% macro spark__regexp_split(text, pattern) %}split({{ text }}, {{ pattern }}, -1){% endmacro %}

{#- Every match of the pattern (SQL) in the text, or of its group, as a list. -#}
{% macro regexp_all(text, pattern, group=0) %}regexp_extract_all({{ text }}, {{ pattern }}, {{ group }}){% endmacro %}

{#- Integer division rounding down. -#}
{% macro int_div(a, b) %}{{ return(adapter.dispatch('int_div', 'social_network_monitor')(a, b)) }}{% endmacro %}
{% macro default__int_div(a, b) %}({{ a }} // {{ b }}){% endmacro %}
{% macro spark__int_div(a, b) %}cast(floor({{ a }} / {{ b }}) as int){% endmacro %}

{#- A month as YYYY-MM and a day as YYYY-MM-DD (from a date). -#}
{% macro month_label(day) %}substr(cast(cast({{ day }} as date) as string), 1, 7){% endmacro %}
{% macro day_label(day) %}cast(cast({{ day }} as date) as string){% endmacro %}

{#- Window median (DuckDB's median is also a window function; Spark's is not). -#}
{% macro median_over(value, window) %}{{ return(adapter.dispatch('median_over', 'social_network_monitor')(value, window)) }}{% endmacro %}
{% macro default__median_over(value, window) %}median({{ value }}) over {{ window }}{% endmacro %}
{% macro spark__median_over(value, window) %}percentile({{ value }}, 0.5) over {{ window }}{% endmacro %}

{#- A CTE computed once and kept (DuckDB's hint); engines without the hint plan it themselves. -#}
{% macro materialized_cte() %}{{ return(adapter.dispatch('materialized_cte', 'social_network_monitor')()) }}{% endmacro %}
{% macro default__materialized_cte() %}materialized{% endmacro %}
{% macro spark__materialized_cte() %}{% endmacro %}


{#- A number per row, unique in the relation: DuckDB numbers rows as they come; Spark needs an
    order (by a unique key, so the numbers are the same however often the CTE is computed). -#}
{% macro row_id(unique_key) %}{{ return(adapter.dispatch('row_id', 'social_network_monitor')(unique_key)) }}{% endmacro %}
{% macro default__row_id(unique_key) %}row_number() over (){% endmacro %}
{% macro spark__row_id(unique_key) %}row_number() over (order by {{ unique_key }}){% endmacro %}

{#- The first day of a timestamp's month, as a date: the key every model is kept by. -#}
{% macro month_of(timestamp) %}cast(date_trunc('month', {{ timestamp }}) as date){% endmacro %}
