-- Every source row behind a figure family in a month (docs/DESIGN.md section 4): what
-- fct_figure_lineage counts per file, and what `snm trace FIGURE --month M --rows out.csv`
-- exports so an auditor can recount the figure by hand (pseudonymised: a person is a key).
-- Each figure of the catalogue (seeds/report/figure_catalogue.csv) names its family in
-- `lineage`; a CTE below lists the rows of one family, named by the catalogue's pattern and
-- the value of its placeholder (`subject`):
--   headcount                   the roster row of each employee counted;
--   tool_usage_pct.{tool}       rows showing an employee of N(M) active on the tool (also the
--                               funnel and ambition level of that platform);
--   participation.{platform}    messages by employees (platform `all`: every platform);
--   themes.{theme}              the theme's messages by employees;
--   issues.top10                messages by employees raising a top-10 issue (each once);
--   yields.email                rows of employees in the month's primary e-mail file;
--   yields.ideas                messages in the ideas theme;
--   yields.register             actions-register rows signalled in the month;
--   yields.engagement           the responses of the survey wave reported;
--   reach                       non-e-mail activity rows of employees;
--   network                     each message by an employee that answers or mentions another
--                               (`detail`: `reply <key>; mention <key>`, whom it ties to);
--   faq                         the first message of each FAQ candidate thread;
--   heartbeat                   the messages of a theme's or issue's spike day (each once);
--   identity_coverage.{source}  every row of the source that names a person.
-- `detail` says what the row is: the kind of activity, the message's key, the response id.
{{ config(materialized='view') }}

with members as (
    select * from {{ ref('int_headcount_members') }}
),

headcount as (
    select
        'headcount' as lineage,
        cast(null as {{ dbt.type_string() }}) as subject,
        month_start,
        source_file,
        source_sha256,
        source_row,
        person_key,
        cast(null as {{ dbt.type_string() }}) as detail
    from members
),

tool_usage as (
    select
        'tool_usage_pct.{tool}', tool, month_start, source_file, source_sha256, source_row,
        person_key, evidence
    from {{ ref('int_employee_activity_evidence') }}
),

messages as (
    select * from {{ ref('int_messages') }} where by_employee
),

participation as (
    select
        'participation.{platform}', platform, month_start, source_file, source_sha256,
        source_row, person_key, message_key
    from messages
    union all
    select
        'participation.{platform}', 'all', month_start, source_file, source_sha256, source_row,
        person_key, message_key
    from messages
),

themes as (
    select
        'themes.{theme}', matches.theme, messages.month_start, messages.source_file,
        messages.source_sha256, messages.source_row, messages.person_key, messages.message_key
    from {{ ref('int_theme_messages') }} as matches
    inner join messages using (message_key)
),

issues as (
    -- (the messages as "raised": fct_issues_monthly has a column named messages)
    select distinct
        'issues.top10', null, raised.month_start, raised.source_file, raised.source_sha256,
        raised.source_row, raised.person_key, raised.message_key
    from {{ ref('int_issue_messages') }} as matches
    inner join messages as raised using (message_key)
    inner join {{ ref('fct_issues_monthly') }} as issues
        on issues.issue = matches.issue and issues.month_start = raised.month_start
    where issues.is_top10
),

email as (
    select
        'yields.email', null, files.month_start, rows.source_file, rows.source_sha256,
        rows.source_row, rows.person_key, null
    from {{ ref('int_m365_files_attributed') }} as files
    inner join {{ ref('stg_m365__email_activity') }} as rows using (source_sha256)
    inner join members
        on members.month_start = files.month_start and members.person_key = rows.person_key
    where files.tool = 'email' and files.is_primary_file
),

ideas as (
    select
        'yields.ideas', null, messages.month_start, messages.source_file,
        messages.source_sha256, messages.source_row, messages.person_key, messages.message_key
    from {{ ref('int_theme_messages') }} as matches
    inner join messages using (message_key)
    where {{ is_ideas_theme('matches.theme') }}
),

register as (
    select
        'yields.register', null, month_start, source_file, source_sha256, source_row, null,
        null
    from {{ ref('stg_actions__register') }}
),

engagement as (
    select
        'yields.engagement', null, reported.month_start, responses.source_file,
        responses.source_sha256, responses.source_row, null, responses.response_id
    from (
        select months.month_start, waves.source_sha256
        from {{ ref('int_months') }} as months
        inner join {{ ref('int_survey_waves') }} as waves
            on waves.month_start <= months.month_start
        qualify row_number() over (
                partition by months.month_start order by waves.wave_end desc
            ) = 1
    ) as reported
    inner join {{ ref('stg_survey__responses') }} as responses using (source_sha256)
),

reach as (
    select
        'reach', null, month_start, source_file, source_sha256, source_row, person_key, evidence
    from {{ ref('int_employee_activity_evidence') }}
    where tool <> 'email'
),

network as (
    -- one row per message (what a file's rows_used counts), its replies and mentions together
    select
        'network', null, messages.month_start, messages.source_file, messages.source_sha256,
        messages.source_row, messages.person_key,
        {{ dbt.listagg("interactions.kind || ' ' || interactions.other_person_key", "'; '",
            "order by interactions.kind, interactions.other_person_key") }}
    from {{ ref('int_interactions') }} as interactions
    inner join messages using (message_key)
    group by 1, 2, 3, 4, 5, 6, 7
),

faq as (
    select
        'faq', null, messages.month_start, messages.source_file, messages.source_sha256,
        messages.source_row, messages.person_key, messages.message_key
    from (select distinct message_key from {{ ref('fct_faq_candidates_monthly') }}) as candidates
    inner join messages using (message_key)
),

heartbeat as (
    select distinct
        'heartbeat', null, messages.month_start, messages.source_file, messages.source_sha256,
        messages.source_row, messages.person_key, messages.message_key
    from {{ ref('fct_heartbeat_daily') }} as spikes
    inner join (
        select theme as subject, 'theme' as subject_kind, message_key
        from {{ ref('int_theme_messages') }}
        union all
        select issue, 'issue', message_key from {{ ref('int_issue_messages') }}
    ) as tagged
        on tagged.subject_kind = spikes.subject_kind and tagged.subject = spikes.subject
    inner join messages
        on messages.message_key = tagged.message_key
            and cast(messages.posted_at as date) = spikes.day
    where spikes.is_spike
),

coverage as (
    select
        'identity_coverage.{source}', source, month_start, source_file, source_sha256,
        source_row, person_key, case when is_matched then 'matched' else 'not in the roster' end
    from {{ ref('int_identity_rows') }}
),

families as (
    select * from headcount
    union all select * from tool_usage
    union all select * from participation
    union all select * from themes
    union all select * from issues
    union all select * from email
    union all select * from ideas
    union all select * from register
    union all select * from engagement
    union all select * from reach
    union all select * from network
    union all select * from heartbeat
    union all select * from faq
    union all select * from coverage
),

catalogue as (
    select distinct lineage from {{ ref('figure_catalogue') }}
)

-- the id of a family without a placeholder is its pattern; with one, the pattern up to the
-- brace and the subject (null where the catalogue lacks the family: the tests say so)
select
    case
        when families.subject is null then catalogue.lineage
        else substring(catalogue.lineage, 1, instr(catalogue.lineage, '{') - 1) || families.subject
    end as figure_id,
    families.lineage as lineage_family,
    families.month_start,
    families.source_file,
    families.source_sha256,
    families.source_row,
    families.person_key,
    families.detail
from families
left join catalogue on catalogue.lineage = families.lineage
