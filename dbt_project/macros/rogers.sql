{#- Rogers' adoption curve (seeds 002): the share of the headcount that has adopted a tool
    places it among the innovators (the first 2.5 %), early adopters (to 16 %), early
    majority (to 50 %), late majority (to 84 %) or laggards. The boundaries are the project's
    var rogers_boundaries (dbt_project.yml), which the yearly monitor's chart reads too; the
    adoption phase (fct_adoption_phase_monthly) and the first followers
    (fct_ambassadors_monthly) read them here. -#}
{% macro rogers_boundaries() %}
    {{ return(var('rogers_boundaries')) }}
{% endmacro %}

{% macro rogers_phase(adopters_pct) %}
    {%- set bounds = rogers_boundaries() -%}
    case
        {%- for phase, upper in bounds.items() %}
            when {{ adopters_pct }} < {{ upper }} then '{{ phase }}'
        {%- endfor %}
        else 'laggards'
    end
{%- endmacro %}
