{#- The generic tests this project would take from dbt_utils, written here under dbt_utils'
    names and arguments: dbt packages come from dbt Hub or git, which the machines that build
    the monitor cannot reach (packages.yml would break every offline build). With access,
    add dbt-labs/dbt_utils to packages.yml, delete this file and prefix the tests in the
    YAML with `dbt_utils.`; nothing else changes. -#}

{#- dbt_utils.unique_combination_of_columns: the columns together identify a row. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
select {{ combination_of_columns | join(', ') }}, count(*) as n
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- dbt_utils.accepted_range: values lie in [min_value, max_value] (both inclusive, as
    dbt_utils' default); NULL passes (suppressed or missing values). -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
select {{ column_name }} as out_of_range
from {{ model }}
where 1 = 0
    {%- if min_value is not none %}
    or {{ column_name }} {{ '<' if inclusive else '<=' }} {{ min_value }}
    {%- endif %}
    {%- if max_value is not none %}
    or {{ column_name }} {{ '>' if inclusive else '>=' }} {{ max_value }}
    {%- endif %}
{% endtest %}
