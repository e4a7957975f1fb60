"""Reports: figures.json with lineage, plotnine charts, the monthly infographic."""
