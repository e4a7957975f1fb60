-- The three Microsoft 365 user-detail reports in one shape: what attribution and activity need.
{% set reports = ['stg_m365__email_activity', 'stg_m365__teams_activity',
                  'stg_m365__viva_engage_activity'] %}

{% for report in reports %}
    select
        tool,
        refresh_date,
        report_period_days,
        person_key,
        last_activity_date,
        source_file,
        source_sha256,
        source_row
    from {{ ref(report) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
