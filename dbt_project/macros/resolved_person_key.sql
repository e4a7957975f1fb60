{% macro resolved_person_key(key) -%}
{#- A tool's pseudonym of a person, replaced by the roster's own (the e-mail's) when the roster
    names it as that person's UPN, Slack id or Viva Engage id (stg_hr__identity_aliases). -#}
coalesce(
    (
        select aliases.person_key
        from {{ ref('stg_hr__identity_aliases') }} as aliases
        where aliases.alias_key = {{ key }}
    ),
    {{ key }}
)
{%- endmacro %}
