{#- % positive - % negative of the scored messages (thresholds from the config); NULL when
    no message is scored. -#}
{% macro net_sentiment(score) %}
    round(100.0 * (
        count(*) filter (where {{ score }} >= {{ var('thresholds')['sentiment_positive'] }})
        - count(*) filter (where {{ score }} <= {{ var('thresholds')['sentiment_negative'] }})
    ) / nullif(count({{ score }}), 0), 1)
{% endmacro %}
