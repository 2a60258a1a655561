"""``check --format html``: one draft's page to stdout or a file, a folder of pages with
an index, and what the page carries (its own style and script, the view as data)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli

from linter.report.html import index_address, page_address


def test_one_draft_is_one_self_contained_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("They fled Kiev 😀 on Monday. </script><!-- x\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "html", str(draft))
    assert code == 0 and out.startswith("<!doctype html>")
    assert not re.search(r"""(?:src|href)=["']?https?:""", out)  # nothing loaded from elsewhere
    data = json.loads(re.search(r'<script type="application/json" id="cd-data">(.*?)</script>', out).group(1))
    assert data["source"] == draft.read_text(encoding="utf-8")
    [kiev] = data["findings"]
    assert (kiev["start"], kiev["fix"]["replacement"]) == (10, "Kyiv")
    assert '<mark class="cd-mark cd-warning"' in out  # shown without scripts too


def test_several_drafts_need_an_output_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Kiev.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "--no-config", "--format", "html", str(tmp_path))
    assert code == 2 and "--output-dir" in err
    code, _, err = run_cli(capsys, "check", "--no-config", "--output-dir", str(tmp_path / "r"), str(tmp_path))
    assert code == 2 and "--format html" in err
    code, _, err = run_cli(capsys, "check", "--no-config", "--format", "html", "--output-dir",
                        str(tmp_path / "r"), str(tmp_path))
    assert code == 0 and "wrote 2 pages" in err
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr><td><a href=") == 2


@pytest.mark.parametrize(("path", "page", "index"), [
    ("story.md", "story.md.html", "index.html"),
    ("desk/world/story.md", "desk/world/story.md.html", "../../index.html"),
    ("/abs/story.txt", "abs/story.txt.html", "../index.html"),
    ("../up/story.txt", "__/up/story.txt.html", "../../index.html"),
    ("-", "stdin.html", "index.html"),
])
def test_pages_stay_inside_the_folder(path: str, page: str, index: str) -> None:
    assert page_address(path) == page and index_address(path) == index
