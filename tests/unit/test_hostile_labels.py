"""Names from the data are drawn as written: a `$` or `\\` is no markup, and a very long name
is cut with an ellipsis so it cannot wreck the page (the infographic's reach and themes)."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt

from pipelines.report import charts, panels

MARKUP = "Kantoor $\\foo$"
LONG = "Afdeling " + "zeer lange naam " * 320  # about 5,000 characters


def drawn_labels(plot) -> list[str]:
    figure = plot.draw()
    figure.savefig(io.BytesIO(), format="png")  # mathtext would raise here
    labels = [
        t.get_text() for ax in figure.axes for t in [*ax.get_yticklabels(), *ax.get_xticklabels()]
    ]
    plt.close(figure)
    return labels


def test_a_segment_with_markup_and_one_of_5000_characters_render_as_text():
    document = {
        "figures": [
            {"id": "reach_beyond_email_pct", "value": 50.0},
            {"id": f"reach.location.{MARKUP}", "value": 40.0},
            {"id": f"reach.department.{LONG}", "value": 60.0},
            {"id": "reach.department.ICT", "value": 70.0},
        ]
    }
    labels = drawn_labels(panels.reach(document, "en", "footer"))
    assert MARKUP in labels
    (cut,) = [label for label in labels if label.startswith("Afdeling")]
    assert len(cut) == charts.LABEL_LIMIT and cut.endswith("…")
    assert cut == "Afdeling zeer lange naam zeer lange…"


def test_a_theme_name_with_markup_renders_as_text():
    document = {
        "figures": [
            {"id": f"themes.{MARKUP}.messages", "value": 12},
            {"id": f"themes.{MARKUP}.response_rate_pct", "value": 50.0},
            {"id": f"themes.{MARKUP}.is_successful", "value": True},
        ]
    }
    assert MARKUP in drawn_labels(panels.themes(document, "nl"))


def test_a_data_label_is_one_line():
    assert charts.data_label("Team\nNoord   Oost") == "Team Noord Oost"
