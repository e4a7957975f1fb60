"""The dbt project as assets (staging, intermediate, marts; dbt tests as checks) and the
removal of message texts past their retention."""
