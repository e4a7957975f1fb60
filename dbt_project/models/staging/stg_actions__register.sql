-- The actions register: one row per signal passed on, with its month and follow-up; empty
-- actions read as none, outcomes in lower case.
select
    issue,
    signalled_on,
    cast(date_trunc('month', signalled_on) as date) as month_start,
    signalled_to,
    responded_on,
    nullif(trim(action), '') as action,
    lower(trim(outcome)) as outcome,
    closed_on,
    {{ dbt.datediff('signalled_on', 'responded_on', 'day') }} as days_to_response,
    source_file,
    source_sha256,
    source_member,
    source_row
from {{ source('raw', 'actions_register') }}
