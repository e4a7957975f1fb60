{#- A message's polarity: positive, negative or neutral by the thresholds of its detected
    language (monitor.yml `sentiment.thresholds`; `other` for the rest); NULL without a score.
    Computed where it is read, not stored with the score, so new thresholds apply to every
    month on the next build. -#}
{% macro sentiment_polarity(score, language) %}
    case
        when {{ score }} is null then null
        when {{ score }} >= {{ polarity_threshold(language, 'positive') }} then 'positive'
        when {{ score }} <= {{ polarity_threshold(language, 'negative') }} then 'negative'
        else 'neutral'
    end
{% endmacro %}

{% macro polarity_threshold(language, side) %}
    {%- set pairs = var('sentiment_thresholds') -%}
    case {{ language }}
    {%- for lang, pair in pairs.items() if lang != 'other' %}
        when '{{ lang }}' then {{ pair[side] | float }}
    {%- endfor %}
        else {{ pairs['other'][side] | float }}
    end
{%- endmacro %}

{#- % positive - % negative of the scored messages (polarity from sentiment_polarity); NULL
    when no message is scored. -#}
{% macro net_sentiment(polarity) %}
    round(100.0 * (
        count(*) filter (where {{ polarity }} = 'positive')
        - count(*) filter (where {{ polarity }} = 'negative')
    ) / nullif(count({{ polarity }}), 0), 1)
{% endmacro %}
