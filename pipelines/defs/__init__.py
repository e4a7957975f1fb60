"""The Dagster definitions, one folder per domain, loaded by `dg.load_from_defs_folder`
(pipelines/definitions.py): ingest, quality, transform, reports, automation, alerts; the
resources in resources.py. Everything else in `pipelines/` is the library they call."""
