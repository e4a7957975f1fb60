{#- Suppression (docs/DESIGN.md section 5), one rule for every output that counts people per
    group: a group of fewer employees than the minimum group size is hidden (primary). Where
    the groups' total is published, one hidden group would be the total minus the shown ones,
    so the smallest shown groups are hidden too (secondary) until the hidden groups of a
    partition are at least two and hold at least the minimum group size. Selects `cells`'
    columns and `suppression`: 'primary', 'secondary' or NULL (shown). -#}
{% macro suppressed_cells(cells, partition_by, group_column, size_column='employees') %}
    select
        ordered.*,
        case
            when ordered.{{ size_column }} < {{ var('min_group_size') }} then 'primary'
            when ordered.primary_cells > 0
                and (
                    ordered.size_rank <= 2
                    or ordered.smaller_employees < {{ var('min_group_size') }}
                )
                then 'secondary'
        end as suppression
    from (
        select
            *,
            sum(case when {{ size_column }} < {{ var('min_group_size') }} then 1 else 0 end)
                over per_partition as primary_cells,
            row_number() over by_size as size_rank,
            coalesce(sum({{ size_column }}) over smaller_ones, 0) as smaller_employees
        from {{ cells }}
        window
            per_partition as (partition by {{ partition_by }}),
            by_size as (partition by {{ partition_by }} order by {{ size_column }}, {{ group_column }}),
            smaller_ones as (
                partition by {{ partition_by }} order by {{ size_column }}, {{ group_column }}
                rows between unbounded preceding and 1 preceding
            )
    ) as ordered
{% endmacro %}
