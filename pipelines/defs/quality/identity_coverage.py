"""Identity coverage as a Dagster asset check: a source whose rows mostly match nobody in the
roster (concealed Microsoft 365 names, a Slack export without e-mail) makes its usage figures
meaningless, so the UI warns next to the mart, with the latest month of every source."""

import dagster as dg

from ...resources import WarehouseResource

COVERAGE = dg.AssetKey(["marts", "fct_identity_coverage_monthly"])


@dg.asset_check(
    asset=COVERAGE,
    name="identity_coverage",
    description="Warns when, in its latest month, a source's rows match the roster less than "
    "thresholds.identity_coverage_pct of monitor.yml (90% by default).",
)
def identity_coverage(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.connect(read_only=True) as con:
        rows = con.execute(
            """
            select source, month, matched_pct, unmatched_people, is_below_threshold
            from marts.fct_identity_coverage_monthly
            qualify month_start = max(month_start) over (partition by source)
            order by source
            """
        ).fetchall()
    low = [r for r in rows if r[4]]
    table = ["| source | month | matched | people not in the roster |", "|---|---|---|---|"]
    table += [f"| {s} | {m} | {p}% | {u} |" for s, m, p, u, _ in rows]
    return dg.AssetCheckResult(
        passed=not low,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "sources_below_threshold": dg.MetadataValue.json([r[0] for r in low]),
            "coverage": dg.MetadataValue.md("\n".join(table)),
        },
    )
