"""The sector benchmark: what an export may hold, and the pool's quartiles by hand."""

import json

import pytest

from pipelines import benchmark


def month(headcount, writers, **values):
    figures = {"headcount": headcount, "participation.all.contributors": writers, **values}
    return {"figures": [{"id": k, "value": v} for k, v in figures.items()]}


def test_an_export_holds_ratios_only_and_nothing_from_groups_below_the_minimum():
    documents = {
        "2025-12": month(50, 20, social_active_pct=99.0),  # another year
        "2026-01": month(12, 8, social_active_pct=40.0, **{"participation.all.pct_for_80": 60.0}),
        "2026-02": month(14, 11, social_active_pct=50.0, **{"participation.all.pct_for_80": 30.0}),
        "2026-03": month(5, 5, social_active_pct=10.0),  # fewer than 10 employees: left out
    }
    exported = benchmark.export(documents, 2026, min_group_size=10)
    assert exported == {
        "format": "snm-benchmark/1",
        "year": 2026,
        "months": 2,
        "size_band": "<250",  # the mean headcount, 13, as a band
        # social: (40 + 50) / 2; pct_for_80 of February only (8 writers in January < 10)
        "ratios": {"social_active_pct": 45.0, "participation.all.pct_for_80": 30.0},
    }
    text = json.dumps(exported)
    assert "headcount" not in text and "contributors" not in text


def test_an_organisation_smaller_than_the_minimum_group_shares_nothing():
    with pytest.raises(benchmark.BenchmarkError, match="minimum group size"):
        benchmark.export({"2026-01": month(5, 5, social_active_pct=40.0)}, 2026, 10)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([10, 20, 30, 40, 50], (20.0, 30.0, 40.0)),  # positions 1, 2, 3 of 0..4: the values
        ([4, 1, 3, 2], (1.75, 2.5, 3.25)),  # 1 + 0.75 x (2 - 1); between 2 and 3; 3 + 0.25
    ],
)
def test_quartiles_interpolate_between_the_sorted_values(values, expected):
    assert benchmark.quartiles(values) == expected


def test_we_are_placed_against_the_pool_and_a_ratio_three_do_not_share_is_left_out():
    ours = {"year": 2026, "size_band": "1000-4999", "ratios": {"social_active_pct": 45.0}}
    pool = [
        {"size_band": band, "ratios": {"social_active_pct": v, "yields.engagement_index": 60.0}}
        for band, v in (("<250", 10.0), ("250-999", 20.0), ("<250", 30.0), ("20000+", 40.0))
    ]
    pool[0]["ratios"].pop("yields.engagement_index")
    pool[1]["ratios"].pop("yields.engagement_index")
    compared = benchmark.compare(ours, pool)
    assert compared["ratios"] == {
        "social_active_pct": {
            "ours": 45.0,
            "q1": 17.5,  # 10 + 0.75 x 10
            "median": 25.0,
            "q3": 32.5,
            "organisations": 4,
            "position": "above_q3",
        }
    }  # the engagement index: two organisations only
    assert compared["pool_size_bands"] == ["20000+", "250-999", "<250"]


def test_a_file_that_is_no_benchmark_is_refused_by_name(tmp_path):
    bad = tmp_path / "other.json"
    bad.write_text('{"format": "something else"}')
    with pytest.raises(benchmark.BenchmarkError, match="other.json: not a snm-benchmark/1"):
        benchmark.load(bad)
