-- For every figure family and month: the source files behind it and how many of their rows
-- were used (docs/DESIGN.md section 4), counted from fct_figure_rows. figures.json copies a
-- family's files into each figure of the catalogue that names it.
select
    figure_id,
    lineage_family,
    month_start,
    source_file,
    source_sha256,
    count(*) as rows_used
from {{ ref('fct_figure_rows') }}
group by all
