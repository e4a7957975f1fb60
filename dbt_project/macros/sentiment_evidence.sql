{#- What stands behind a net sentiment, for the IC lead: how many messages were positive,
    negative and neutral, how sure the figure is, and which words moved it. -#}

{#- The 90% margin (points) of a net sentiment of `scored` messages, `positive` and `negative`
    of them: 1.645 x the standard error of (p+ - p-) for a multinomial sample, with one
    pseudo-message per class so that a handful of messages of one kind does not look certain
    (as Agresti and Caffo do for a difference of proportions). NULL without scored messages. -#}
{% macro net_sentiment_margin(positive, negative, scored) %}
    case when {{ scored }} > 0 then round(164.5 * sqrt(
        (({{ positive }} + 1.0) + ({{ negative }} + 1.0)) / ({{ scored }} + 3.0)
        - power(({{ positive }} - {{ negative }}) / ({{ scored }} + 3.0), 2)
    ) / sqrt({{ scored }} + 3.0), 1) end
{% endmacro %}

{#- The traffic light of an issue (docs/DESIGN.md section 3), the one rule the monthly top 10
    and the webcare alerts share: grey with fewer than light_min_messages messages or without
    a shown net sentiment (no scored message, or fewer writers than the minimum group size);
    else green at or above light_green, red at or below light_red, amber in between. -#}
{% macro sentiment_light(net, messages) %}
    {%- set t = var('thresholds') -%}
    case
        when {{ messages }} < {{ t['light_min_messages'] }} or {{ net }} is null then 'grey'
        when {{ net }} >= {{ t['light_green'] }} then 'green'
        when {{ net }} <= {{ t['light_red'] }} then 'red'
        else 'amber'
    end
{% endmacro %}

{#- A coloured light is firm when its whole 90% interval [low, high] lies in one colour band;
    else the report shows it as uncertain, and no webcare alert fires on it. NULL for grey. -#}
{% macro sentiment_light_is_firm(net, messages, low, high) %}
    {%- set t = var('thresholds') -%}
    case when {{ messages }} >= {{ t['light_min_messages'] }} and {{ net }} is not null then
        ({{ low }} >= {{ t['light_green'] }} or {{ high }} <= {{ t['light_red'] }}
            or ({{ low }} > {{ t['light_red'] }} and {{ high }} < {{ t['light_green'] }}))
    end
{% endmacro %}

{#- Per group (`keys`) of the relation `messages` (which has sentiment_words): the `n` words
    whose summed weights pushed the group's messages most to positive and to negative. -#}
{% macro top_sentiment_words(messages, keys, n=3) %}
    select
        {{ keys | join(', ') }},
        {{ list_slice(ordered_list('word', ['-weight', 'word'], where='weight > 0'), 1, n) }}
            as words_positive,
        {{ list_slice(ordered_list('word', ['weight', 'word'], where='weight < 0'), 1, n) }}
            as words_negative
    from (
        select {{ keys | join(', ') }}, evidence.word, sum(evidence.weight) as weight
        from (
            select {{ keys | join(', ') }}, {{ explode('sentiment_words') }} as evidence
            from {{ messages }}
        ) as evidence_rows
        group by all
    ) as word_weights
    group by all
{% endmacro %}

{#- The one place a group's sentiment is decided (issues, themes): per group (`keys`) of the
    relation `messages` (person_key, sentiment_polarity, sentiment_words), its net sentiment
    with its evidence: positive / negative / neutral messages, the 90% interval and the top
    words. Groups written by fewer people than min_group_size, or without a scored message,
    are left out: the caller's left join shows them without sentiment. -#}
{%- macro group_sentiment_columns() -%}
    {{ return(['net_sentiment', 'positive_messages', 'negative_messages', 'neutral_messages',
        'net_sentiment_low', 'net_sentiment_high', 'words_positive', 'words_negative']) }}
{%- endmacro %}

{% macro group_sentiment(messages, keys) %}
    {%- set by = keys | join(', ') -%}
    with counted as (
        select
            {{ by }},
            count(distinct person_key) as writers,
            count(sentiment_polarity) as scored,
            count(*) filter (where sentiment_polarity = 'positive') as positive_messages,
            count(*) filter (where sentiment_polarity = 'negative') as negative_messages,
            count(*) filter (where sentiment_polarity = 'neutral') as neutral_messages,
            {{ net_sentiment('sentiment_polarity') }} as net_sentiment
        from {{ messages }}
        group by all
    ),

    shown as (
        select
            *,
            {{ net_sentiment_margin('positive_messages', 'negative_messages', 'scored') }}
                as margin
        from counted
        where writers >= {{ var('min_group_size') }} and scored > 0
    ),

    words as (
        {{ top_sentiment_words(messages, keys) }}
    )

    select
        {{ by }},
        shown.net_sentiment,
        shown.positive_messages,
        shown.negative_messages,
        shown.neutral_messages,
        round(greatest(shown.net_sentiment - shown.margin, -100.0), 1) as net_sentiment_low,
        round(least(shown.net_sentiment + shown.margin, 100.0), 1) as net_sentiment_high,
        coalesce(words.words_positive, {{ list_of([]) }}) as words_positive,
        coalesce(words.words_negative, {{ list_of([]) }}) as words_negative
    from shown
    left join words using ({{ by }})
{% endmacro %}
