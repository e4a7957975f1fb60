"""Inbox files to raw tables: the inbox folders as external assets, one ingestion asset per
source, and the checks that nothing was lost and every bad row was quarantined."""
