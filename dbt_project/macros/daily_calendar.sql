{#- Every (subject, day) from the first to the last day of `events` (a CTE with the `keys`
    columns and a `day`): the spine of a daily series in which a day without events counts
    as 0 (the webcare alerts, the heartbeat). -#}
{% macro daily_calendar(events, keys) %}
    select
        {%- for key in keys %}
        subjects.{{ key }},
        {%- endfor %}
        {{ explode_dates(
            "cast(span.first_day as timestamp)", "cast(span.last_day as timestamp)", "interval 1 day"
        ) }} as day
    from (select distinct {{ keys | join(', ') }} from {{ events }}) as subjects
    cross join (select min(day) as first_day, max(day) as last_day from {{ events }}) as span
{% endmacro %}

{#- The months a Viva Engage or Slack export holds messages of: where a message figure is
    known (0 when nothing happened) rather than unknown (NULL). -#}
{% macro months_with_message_export() %}
    (
        select distinct month_start
        from {{ ref('int_tool_months_with_data') }}
        where has_message_export
    )
{% endmacro %}
