{% macro m365_source(tool) -%}
{#- The inbox folder of a Microsoft 365 user-detail report, by the tool it reports on. -#}
case {{ tool }}
    when 'email' then 'm365_email'
    when 'teams' then 'm365_teams'
    when 'viva_engage' then 'viva_engage_usage'
end
{%- endmacro %}
