"""What makes the monitor run on its own: the jobs, sensors on the inbox and on closing months,
the declarative automation of the dbt models and alerts, and the daily maintenance schedule."""
