"""The editors' page and the ``--format html`` report in headless Chromium: a draft typed
in, highlights in place, a fix applied, the text changed, a screenshot that is not blank;
the same page on a phone's width."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import assert_not_blank, start_chromium
from servers import Running, path_proxy, running_server

import linter.cli

TYPED = ("Militants storm embassy in Kiev\n\n"
         "The terrorists fled towards the border on Monday. Critics slammed the plan, "
         "and police in Alma-Ata made arrests.")
MARKS = "return Array.from(document.querySelectorAll('#cd-draft mark')).map(m => m.textContent)"


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    with running_server("--no-config", "--workers", "1") as running:
        yield running


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    driver = start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


def _wait(condition: Any, what: str, limit: float = 20.0) -> Any:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _click_fix(driver: Any, replacement: str) -> None:
    from selenium.webdriver.common.by import By

    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "#cd-list button.cd-apply")
               if b.text == f"Replace with “{replacement}”"]
    assert buttons, f"no button to replace with {replacement}"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[0])
    buttons[0].click()


def test_the_editors_page_highlights_as_you_type_and_applies_a_fix(server: Running, chromium: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver = chromium
    driver.set_window_size(1280, 900)
    driver.get(server.url)
    area = driver.find_element(By.ID, "cd-text")
    area.send_keys(TYPED)
    # An emoji pasted at the start (ChromeDriver types only the BMP): UTF-16 offsets shift by 2.
    driver.execute_script("const a = arguments[0]; a.focus(); a.setSelectionRange(0, 0);"
                          "document.execCommand('insertText', false, '\\u{1F4F0} ');", area)
    marks = _wait(lambda: (m := driver.execute_script(MARKS)) and "Alma-Ata" in m and "Kiev" in m and m,
                  "the highlights")
    assert {"Kiev", "terrorists", "Alma-Ata"} <= set(marks)
    groups = [h.text.split(" ")[0] for h in driver.find_elements(By.CSS_SELECTOR, "#cd-list h2")]
    assert "Bias" in groups and "Names" in groups
    kiev = next(m for m in driver.find_elements(By.CSS_SELECTOR, "#cd-draft mark") if m.text == "Kiev"
                or driver.execute_script("return arguments[0].textContent", m) == "Kiev")
    ActionChains(driver).move_to_element(kiev).perform()
    tip = _wait(lambda: driver.execute_script(
        "const t = document.querySelector('.cd-tip'); return t && !t.hidden && t.textContent"), "the tooltip")
    assert "Kyiv" in tip and "Names.Places" in tip
    _click_fix(driver, "Kyiv")
    value = area.get_attribute("value")
    assert value.startswith("📰 Militants storm embassy in Kyiv\n") and "Kiev" not in value
    _wait(lambda: "Kiev" not in (m := driver.execute_script(MARKS)) and "Alma-Ata" in m, "the new check")
    # A click on a highlight opens its rule's explanation in the list (clicked again if the
    # answer to the check after the fix redrew the list meanwhile).
    def explained() -> Any:
        terrorists = next(m for m in driver.find_elements(By.CSS_SELECTOR, "#cd-draft mark")
                          if driver.execute_script("return arguments[0].textContent", m) == "terrorists")
        ActionChains(driver).move_to_element(terrorists).click().perform()
        time.sleep(0.5)
        return driver.find_elements(By.CSS_SELECTOR, "#cd-list li.cd-on details[open]")

    chosen = _wait(explained, "the explanation")
    assert chosen[0].text.startswith("Why? Bias.") and "Source:" in chosen[0].text
    assert driver.find_element(By.CSS_SELECTOR, "#cd-list li.cd-on .cd-match").text == "terrorists"
    # "Copy text" puts the corrected draft on the clipboard.
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": server.url.rstrip("/"),
                                                        "permissions": ["clipboardReadWrite"]})
    copy = driver.find_element(By.ID, "cd-copy")
    copy.click()
    _wait(lambda: copy.text == "Copied", "the copy")
    pasted = driver.execute_async_script("navigator.clipboard.readText().then(arguments[0], "
                                         "e => arguments[0]('failed: ' + e))")
    assert pasted == value
    png = driver.get_screenshot_as_png()
    assert_not_blank(driver, png)


def test_the_page_fits_a_phone(server: Running, chromium: Any) -> None:
    driver = chromium
    driver.set_window_size(390, 844)
    try:
        driver.get(server.url)  # the draft typed before is kept (localStorage)
        _wait(lambda: driver.execute_script(MARKS), "the highlights")
        sizes = driver.execute_script("const e = document.documentElement; return [e.scrollWidth, e.clientWidth,"
                                      "document.getElementById('cd-text').getBoundingClientRect().width]")
        assert sizes[0] <= sizes[1] + 1, f"the page is wider than the phone: {sizes}"
        assert sizes[2] > 300
        assert_not_blank(driver, driver.get_screenshot_as_png())
    finally:
        driver.set_window_size(1280, 900)


def test_the_page_works_under_a_proxy_path_with_basic_auth(chromium: Any) -> None:
    """Opened as http://user:TOKEN@proxy/copydesk/: the page checks through the proxy's path,
    and the credentials in its address do not stop it (fetch refuses URLs that carry them)."""
    from selenium.webdriver.common.by import By

    token = "page-token-42"
    with running_server("--no-config", "--workers", "1", "--token", token) as running, \
            path_proxy(running.url, "/copydesk/") as proxied:
        driver = chromium
        driver.set_window_size(1280, 900)
        driver.get(proxied.replace("http://", f"http://editor:{token}@"))
        area = driver.find_element(By.ID, "cd-text")
        driver.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'));", area)
        area.send_keys("The terrorists fled Kiev.")
        _wait(lambda: {"Kiev", "terrorists"} <= set(driver.execute_script(MARKS)),
              "the highlights through the proxy")
        assert driver.find_element(By.ID, "cd-status").text == "Checked"
        assert "POST /api/view" in running.log_text()


def test_the_html_report_applies_fixes_in_the_page(tmp_path: Path, chromium: Any) -> None:
    from selenium.webdriver.common.by import By

    draft = tmp_path / "story.md"
    draft.write_text("# Talks resume in Kiev 📰\n\nThe terrorists fled Alma-Ata, and <script>alert(1)</script> "
                     "Kiev officials said so.\n", encoding="utf-8")
    page = tmp_path / "report.html"
    assert linter.cli.main(["check", "--no-config", "--format", "html", "-o", str(page), str(draft)]) == 1
    assert "<script>alert" not in page.read_text(encoding="utf-8")
    driver = chromium
    driver.get(page.as_uri())
    assert sorted(driver.execute_script(MARKS)) == ["Alma-Ata", "Kiev", "Kiev", "terrorists"]
    _click_fix(driver, "Almaty")
    text = driver.find_element(By.ID, "cd-draft").text
    assert "Almaty" in text and "Alma-Ata" not in text
    assert "Alma-Ata" not in driver.execute_script(MARKS)
    driver.find_element(By.ID, "cd-fix-all").click()
    text = driver.find_element(By.ID, "cd-draft").text
    assert text.count("Kyiv") == 2 and "Kiev" not in text and "📰" in text
    assert driver.execute_script(MARKS) == ["terrorists"]
    assert driver.find_element(By.ID, "cd-counts").text == "1 error · 0 warnings · 0 suggestions"
    assert_not_blank(driver, driver.get_screenshot_as_png())


def test_a_folder_report_has_an_index_of_pages(tmp_path: Path, chromium: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from selenium.webdriver.common.by import By

    stories = tmp_path / "stories" / "world"
    stories.mkdir(parents=True)
    (stories / "one.txt").write_text("They fled Kiev.\n", encoding="utf-8")
    (stories / "two.md").write_text("All quiet.\n", encoding="utf-8")
    (stories / "bad.txt").write_bytes(b"caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "report"
    assert linter.cli.main(["check", "--no-config", "--format", "html", "--output-dir", str(out), "stories"]) == 2
    driver = chromium
    driver.get((out / "index.html").as_uri())
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "td a")}
    assert set(links) == {"stories/world/one.txt", "stories/world/two.md"}
    assert "stories/world/bad.txt" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(links["stories/world/one.txt"])
    assert driver.execute_script(MARKS) == ["Kiev"]
    driver.find_element(By.LINK_TEXT, "All drafts").click()
    assert driver.current_url.endswith("/report/index.html")
