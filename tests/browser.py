"""Headless Chromium for the browser tests: Debian's ``chromium`` and ``chromium-driver``,
found on PATH (never downloaded). Missing, they fail the tests with a clear message:
CI must install them."""

from __future__ import annotations

import base64
import shutil
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL = "install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"


def start_chromium(width: int = 1280, height: int = 900) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.fail(f"the browser tests need chromium and chromedriver on PATH: {INSTALL}", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=en-GB"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(driver), options=options)


# Decodes a PNG in a blank page's canvas and says how much of it is not its commonest colour.
_ANALYSE = """
const [data, done] = arguments;
const image = new Image();
image.onload = () => {
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  const seen = new Map();
  for (let i = 0; i < pixels.length; i += 4) {
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    seen.set(key, (seen.get(key) || 0) + 1);
  }
  const commonest = Math.max(...seen.values());
  done({width: image.width, height: image.height, colours: seen.size,
        other: 1 - commonest / (pixels.length / 4)});
};
image.onerror = () => done(null);
image.src = 'data:image/png;base64,' + data;
"""


def screenshot_stats(driver: Any, png: bytes) -> dict[str, float]:
    """How varied a screenshot is (decoded by the browser itself, on a blank page)."""
    driver.get("about:blank")
    stats: dict[str, float] | None = driver.execute_async_script(_ANALYSE, base64.b64encode(png).decode())
    assert stats is not None, "the screenshot is not a PNG the browser can read"
    return stats


def assert_not_blank(driver: Any, png: bytes) -> None:
    stats = screenshot_stats(driver, png)
    assert stats["width"] > 300 and stats["height"] > 300, stats
    assert stats["colours"] > 50 and stats["other"] > 0.02, f"the screenshot looks blank: {stats}"
