{#- The month's employees per department (an empty department is 'onbekend'), for the months
    this build makes: what a department's figures are suppressed by. -#}
{% macro employees_per_department(reads_months='earlier', inputs='all') %}
    select month_start, coalesce(department, 'onbekend') as department, count(*) as employees
    from {{ ref('int_headcount_members') }}
    where {{ in_months_to_build('month_start', reads_months=reads_months, inputs=inputs) }}
    group by 1, 2
{% endmacro %}
