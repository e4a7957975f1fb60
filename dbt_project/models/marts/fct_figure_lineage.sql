-- For every figure and month: the source files behind it and how many of their rows were used
-- (docs/DESIGN.md section 4). Headcount: the roster rows of the employees counted. Usage per tool:
-- the rows that show an employee of N(M) active on the tool in M.
with members as (
    select * from {{ ref('int_headcount_members') }}
),

headcount as (
    select
        'headcount' as figure_id,
        month_start,
        source_file,
        source_sha256,
        count(*) as rows_used
    from members
    group by all
),

tool_usage as (
    select
        'tool_usage_pct.' || evidence.tool as figure_id,
        evidence.month_start,
        evidence.source_file,
        evidence.source_sha256,
        count(*) as rows_used
    from {{ ref('int_tool_activity_evidence') }} as evidence
    inner join members
        on members.month_start = evidence.month_start
        and members.person_key = evidence.person_key
    group by all
)

select * from headcount
union all
select * from tool_usage
