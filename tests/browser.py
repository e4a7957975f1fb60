"""A real headless browser (Chromium from Debian's packages) to read an HTML report as a
reader's laptop or phone shows it: the page's width at a viewport width, and a screenshot.

Chromium's headless windows are at least 500 pixels wide, so the page is opened in an iframe
of the wanted width: its viewport, media queries and scroll width are the phone's."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

HEIGHT = 2400  # pixels of the page that the screenshot shows
WRAPPER = """<!doctype html><html><body style="margin:0;background:#ffffff">
<iframe id="page" src="{src}" style="width:{width}px;height:{height}px;border:0"></iframe>
<script>
document.getElementById("page").addEventListener("load", () => {{
  const root = document.getElementById("page").contentDocument.documentElement;
  document.body.setAttribute("data-probe", JSON.stringify(
    {{scrollWidth: root.scrollWidth, clientWidth: root.clientWidth}}));
}});
</script></body></html>"""


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("chromium is missing: install it (apt: chromium; scripts/test.sh does so)")
    return found


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",  # as root in CI
            "--disable-gpu",
            "--hide-scrollbars",
            "--allow-file-access-from-files",  # the wrapper reads the page's width
            "--virtual-time-budget=10000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


def view(page: Path, width: int, folder: Path) -> tuple[dict, Path]:
    """The page at `width` pixels: its scroll and client width, and a screenshot (the page
    from x = 0 to `width`, then white)."""
    wrapper = folder / f"at-{width}.html"
    wrapper.write_text(WRAPPER.format(src=page.resolve().as_uri(), width=width, height=HEIGHT))
    window = f"--window-size={width + 40},{HEIGHT}"
    dom = _run(window, "--dump-dom", wrapper.as_uri()).stdout
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, f"the page did not load in Chromium: {dom[:500]}"
    shot = folder / f"at-{width}.png"
    _run(window, f"--screenshot={shot}", wrapper.as_uri())
    return json.loads(html.unescape(found.group(1))), shot


def assert_fits(page: Path, width: int, folder: Path) -> None:
    """No sideways scrolling: the page is no wider than the screen, and in the screenshot the
    page's right margin holds nothing but its background."""
    from PIL import Image

    measured, shot = view(page, width, folder)
    assert measured == {"scrollWidth": width, "clientWidth": width}
    image = Image.open(shot).convert("RGB")
    margin = image.crop((width - 12, 0, width, image.height))
    assert len(margin.getcolors(maxcolors=4096) or []) == 1, "something is drawn in the margin"
    assert len(image.crop((0, 0, width, 400)).getcolors(maxcolors=1 << 20)) > 10  # the title
