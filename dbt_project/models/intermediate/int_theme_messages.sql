-- Which messages belong to which configured theme: posted in one of its communities, or
-- containing one of its keywords or hashtags as a whole word (case-insensitive). A message
-- matched both ways belongs to the theme once. A private conversation belongs to no theme.
-- Incremental by month: a run recomputes only the months whose inputs changed.
{{ config(**by_month_config()) }}
{% if target.type == 'duckdb' %}-- depends_on: {{ ref('int_message_month_inputs') }}{% endif %}
{% set rows = [] %}
{% for theme in var('themes') %}
    {% for community in theme.get('communities', []) %}{% do rows.append((theme['name'], 'community', community | lower)) %}{% endfor %}
    {% for keyword in theme.get('keywords', []) %}{% do rows.append((theme['name'], 'keyword', keyword | lower)) %}{% endfor %}
{% endfor %}
with terms as (
    select * from {{ config_relation(rows, ['theme', 'kind', 'term']) }}
),

matches as (
    select terms.theme, messages.message_key, messages.month_start
    from {{ ref('int_messages') }} as messages
    inner join terms
        on (terms.kind = 'community' and lower(messages.community) = terms.term)
            or (terms.kind = 'keyword' and array_contains(messages.keyword_hits, terms.term))
    where not messages.is_private_conversation
        and {{ in_months_to_build('messages.month_start') }}
)

select distinct theme, message_key, month_start from matches
