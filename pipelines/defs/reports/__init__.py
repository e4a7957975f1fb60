"""The reports as assets: the monthly infographic with figures.json, its delivery, and the
yearly monitor. The drawing and wording live in pipelines/report."""
