{#- A message's key across platforms, `<platform>:<id>`, built once, in staging; every later
    model joins on it. Slack has no message id: a message is its channel and timestamp, and a
    thread the channel and its first message's timestamp. -#}
{% macro viva_engage_message_key(id) %}'viva_engage:' || {{ id }}{% endmacro %}

{% macro slack_message_key(channel, ts) %}'slack:' || {{ channel }} || ':' || {{ ts }}{% endmacro %}
