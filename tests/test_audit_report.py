"""The audit's report.html: self-contained, each chart with its sentence and its table, and
rendered by headless Chromium (Debian's chromium and chromium-driver, found on PATH)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from audit_archives import stories, write_jsonl
from conftest import ROOT

from linter.audit.driver import Plan, run_audit
from linter.audit.engines import Engine
from linter.audit.task import Rules
from linter.model.audit import AuditSummary
from linter.report.audit_html import render_report
from linter.run.session import open_session

SECTIONS = ("over-time", "top-terms", "labels", "places", "quote-styles")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    archive = write_jsonl(folder / "stories.jsonl", stories(80, seed=3))
    rules = Rules.of(open_session(None, ROOT, use_config=False))
    run_audit(Plan((str(archive),), folder / "out", partition_size=40), rules, Engine(1))
    return folder / "out" / "report.html"


def test_the_report_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"url\((?!#)", page)  # only references inside the page (clip paths)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert page.count("<svg") == len(SECTIONS)


def test_each_chart_has_a_sentence_and_a_table(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    for anchor in SECTIONS:
        section = page[page.index(f'<section id="{anchor}">'):]
        section = section[:section.index("</section>")]
        assert '<p class="what">' in section and "<svg" in section and "<table>" in section, anchor
        assert section.index("<svg") < section.index("<table>")  # the table under the chart


def test_an_empty_archive_says_so_instead_of_drawing() -> None:
    page = render_report(AuditSummary((), 0, 0, 0))
    assert "<svg" not in page and page.count('class="empty"') == len(SECTIONS)


def _browser() -> Any:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.fail("the report test needs Debian's chromium and chromium-driver on PATH "
                    "(apt-get install chromium chromium-driver): "
                    f"chromium {'found' if chromium else 'missing'}, chromedriver {'found' if driver else 'missing'}")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1100,1400", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = _browser()
    try:
        yield driver
    finally:
        driver.quit()


def test_chromium_renders_every_chart(report: Path, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(report.as_uri())
    # On a loaded machine the script has run once on a page Chromium was still building (2 of
    # the 5 charts there): wait until the page is complete and every chart is in it.
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && document.querySelectorAll('figure > svg').length")
        == len(SECTIONS))
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('figure > svg'), s => {"
        "  const r = s.getBoundingClientRect();"
        "  return [r.width, r.height, s.querySelectorAll('path, use, rect, line').length]; });")
    assert len(sizes) == len(SECTIONS)
    for width, height, shapes in sizes:
        assert width > 300 and height > 100 and shapes > 20
    failed = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);")
    assert failed == []  # nothing fetched: the page is all there
    browser.execute_script("document.getElementById('labels').scrollIntoView();")
    shot = tmp_path / "labels.png"
    assert browser.save_screenshot(str(shot))
    from matplotlib.image import imread

    pixels = imread(str(shot))[..., :3]
    not_white = (pixels < 0.9).any(axis=-1).mean()
    coloured = ((pixels.max(axis=-1) - pixels.min(axis=-1)) > 0.3).mean()
    assert not_white > 0.03, "the screenshot is blank"
    assert coloured > 0.005, "no coloured bars in the screenshot"


def test_rare_labels_are_drawn_and_ordered_at_their_exact_rate() -> None:
    """One label in 140,000 words is 0.0071 per 1,000, not 0.01: rounding the rate before
    drawing would show both desks alike and order them by chance."""
    from linter.model.audit import SummaryRow

    def row(measure: str, desk: str, count: int, words: int, rule: str = "", term: str = "") -> SummaryRow:
        return SummaryRow(measure, "2023-01", desk, rule, term, "", "own" if rule else "", "error" if rule else "",
                          count, 100, words)

    rows = (row("stories", "arts", 100, 140_000), row("stories", "world", 100, 100_000),
            row("finding", "arts", 1, 140_000, "Bias.Labels", "terrorist"),
            row("finding", "world", 1, 100_000, "Bias.Labels", "terrorist"))
    page = render_report(AuditSummary(rows, 200, 240_000, 2))
    section = page[page.index('<section id="labels">'):]
    table = section[section.index("<tbody>"):section.index("</tbody>")]
    assert re.findall(r"<tr><td>(\w+)</td>", table) == ["world", "arts"]
    assert "<td>0.01</td>" in table and "<td>0.0071</td>" in table
