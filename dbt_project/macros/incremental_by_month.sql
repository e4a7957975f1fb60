{#- Incremental by month (issue 15): a model keyed by month_start rebuilds only the months
    whose inputs changed since it last built them. int_message_month_inputs gives each month a
    fingerprint (the files its rows come from, the roster snapshot it reads, the aliases of its
    authors), combined here with the build's settings and the dbt project's code; a model
    remembers, in ops.months_built, the fingerprint of every month it holds. A run deletes and
    recomputes the months whose fingerprint differs (a new month, a late or corrected file, a
    withdrawn one) and drops the months that no longer exist; the others stay as they are,
    with the time they were built. A model whose month M also reads other months (a reply in
    the next month answers a thread of this one) names their offsets in `reads_months`, so M is
    rebuilt when any of them changes; 'earlier' means every month up to M (a person's first
    month on a platform, a reaction to an older message): adding a month rebuilds only it, a
    late file for month M rebuilds M and every month after it. `inputs` names the fingerprint
    model: 'messages' (int_message_month_inputs, the message models), 'all' (int_month_inputs:
    every source, for models that read usage reports, surveys, registers) or 'communities'
    (all, and the community register that every month's communities read).

    Usage in a model:
        {{ config(**by_month_config(reads_months=[0, 1])) }}
        ... where {{ in_months_to_build('month_start', reads_months=[0, 1]) }}
    DuckDB only: other engines (the Spark portability build) build the whole table each time,
    as do `--full-refresh` and a bare `dbt build` without the `build_fingerprint` var (the
    settings and the dbt project's code, pipelines/defs/transform/dbt_models.py): no month counts as up to date
    without it. -#}

{% macro by_month_config(reads_months=[0], inputs='messages') %}
    {%- if target.type != 'duckdb' -%}
        {{ return({'materialized': 'table'}) }}
    {%- endif -%}
    {%- set args = (reads_months | tojson) ~ ", " ~ (inputs | tojson) -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'append',
        'on_schema_change': 'sync_all_columns',
        'pre_hook': "{{ forget_months_to_rebuild(" ~ args ~ ") }}",
        'post_hook': "{{ remember_months_built(" ~ args ~ ") }}",
    }) }}
{% endmacro %}

{#- The fingerprints of `inputs` as (month_start, fingerprint). -#}
{% macro month_inputs_model(inputs) %}
    {%- if inputs == 'messages' -%}
        {{ return(ref('int_message_month_inputs')) }}
    {%- endif -%}
    {%- set column = 'communities_fingerprint' if inputs == 'communities' else 'fingerprint' -%}
    {{ return('(select month_start, ' ~ column ~ ' as fingerprint from ' ~ ref('int_month_inputs') ~ ')') }}
{% endmacro %}

{#- Each month's fingerprint combined with those of the months it also reads and with the
    settings and code of this build. -#}
{% macro month_fingerprints(reads_months, inputs='messages') %}
    {%- set month_inputs = month_inputs_model(inputs) %}
    {%- if reads_months == 'earlier' %}
    (
        select
            month_start,
            md5('{{ var("build_fingerprint", "") }}' || string_agg(fingerprint, '|') over (
                order by month_start rows between unbounded preceding and current row
            )) as fingerprint
        from {{ month_inputs }}
    )
    {%- else %}
    (
        select
            inputs.month_start,
            md5(
                '{{ var("build_fingerprint", "") }}' ||
                {%- for offset in reads_months %}
                coalesce(m{{ loop.index }}.fingerprint, '-'){{ " || '|' ||" if not loop.last }}
                {%- endfor %}
            ) as fingerprint
        from {{ month_inputs }} as inputs
        {%- for offset in reads_months %}
        left join {{ month_inputs }} as m{{ loop.index }}
            on m{{ loop.index }}.month_start = inputs.month_start + interval ({{ offset }}) month
        {%- endfor %}
    )
    {%- endif %}
{% endmacro %}

{#- The months this model holds and whose inputs have not changed since it built them. -#}
{% macro months_up_to_date(reads_months, inputs='messages') %}
    (
        select current.month_start
        from {{ month_fingerprints(reads_months, inputs) }} as current
        inner join ops.months_built as built
            on built.model = '{{ this.identifier }}'
            and built.month_start = current.month_start
            and built.fingerprint = current.fingerprint
        where '{{ var("build_fingerprint", "") }}' <> ''
    )
{% endmacro %}

{#- A filter for the model's input rows: every month on a first build, else only the months to
    rebuild, written out as dates: a list of constants lets DuckDB push the filter into table
    scans and through the staging models' de-duplication (partitioned by month), so a new month
    reads that month, not every row of the history (issue 15). The list is looked up when the
    model runs, after its parents were built. -#}
{% macro in_months_to_build(column, reads_months=[0], inputs='messages') %}
    {%- if is_incremental() -%}
        {{ month_in_list(column, months_to_read(reads_months, inputs, [0])) }}
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}

{#- A filter for the input rows a model keyed by month needs to rebuild its months: those of
    the months to build and of the months each of them reads (`reads_months` offsets), so that
    a comparison with the previous month still finds it. -#}
{% macro in_months_to_read(column, reads_months=[0], inputs='messages') %}
    {%- if is_incremental() -%}
        {{ month_in_list(column, months_to_read(reads_months, inputs, reads_months)) }}
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}

{#- The months to rebuild, each moved by every one of `offsets`, as ISO dates. -#}
{% macro months_to_read(reads_months, inputs, offsets) %}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set query %}
        select distinct strftime(to_build.month_start + interval (months_offset) month, '%Y-%m-%d')
        from {{ month_fingerprints(reads_months, inputs) }} as to_build
        cross join (values {% for offset in offsets %}({{ offset }}){{ ", " if not loop.last }}{% endfor %}) as offsets(months_offset)
        where to_build.month_start is not null
            and to_build.month_start not in (
                select month_start from {{ months_up_to_date(reads_months, inputs) }}
            )
        order by 1
    {%- endset %}
    {{ return(run_query(query).columns[0].values() | list) }}
{% endmacro %}

{#- `column >= date 'since'`; true for none (every month), false for '' (no month). -#}
{% macro month_since(column, since) %}
    {%- if since is none -%}true{%- elif since == '' -%}false{%- else -%}{{ column }} >= date '{{ since }}'{%- endif -%}
{% endmacro %}

{#- `column in (date '...', ...)`, or false for no months. -#}
{% macro month_in_list(column, months) %}
    {%- if months | length == 0 -%}
        false
    {%- else -%}
        {{ column }} in ({% for month in months %}date '{{ month }}'{{ ", " if not loop.last }}{% endfor %})
    {%- endif -%}
{% endmacro %}

{% macro ensure_months_built_table() %}
    create schema if not exists ops;
    create table if not exists ops.months_built (
        model varchar not null,
        month_start date not null,
        fingerprint varchar not null,
        built_at timestamp not null
    );
    -- the dbt invocation that built the month (tests check the months of their own run)
    alter table ops.months_built add column if not exists invocation_id varchar;
{% endmacro %}

{#- Before the build: drop the months that will be recomputed and those whose inputs are gone
    (all rows of a table an earlier version built without months). -#}
{% macro forget_months_to_rebuild(reads_months, inputs='messages') %}
    {{ ensure_months_built_table() }}
    {%- if is_incremental() %}
    {%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | list %}
    delete from {{ this }}
    {%- if 'month_start' in columns %}
    where month_start is null
        or month_start not in (select month_start from {{ months_up_to_date(reads_months, inputs) }})
    {%- endif %};
    {%- endif %}
{% endmacro %}

{#- After the build: every month the model now holds is up to date with its inputs; a month
    recomputed gets a new built_at, the others keep theirs. -#}
{% macro remember_months_built(reads_months, inputs='messages') %}
    {{ remember_months(month_fingerprints(reads_months, inputs)) }}
{% endmacro %}

{#- Record `fingerprints` (month_start, fingerprint) as the state of this model's months. -#}
{% macro remember_months(fingerprints) %}
    {{ ensure_months_built_table() }}
    create or replace temporary table months_now as
    select * from {{ fingerprints }};
    delete from ops.months_built
    where model = '{{ this.identifier }}'
        and (month_start, fingerprint) not in (select (month_start, fingerprint) from months_now);
    insert into ops.months_built (model, month_start, fingerprint, built_at, invocation_id)
    select '{{ this.identifier }}', month_start, fingerprint, current_timestamp, '{{ invocation_id }}'
    from months_now
    where (month_start, fingerprint) not in (
        select (month_start, fingerprint) from ops.months_built
        where model = '{{ this.identifier }}'
    );
    drop table months_now;
{% endmacro %}
