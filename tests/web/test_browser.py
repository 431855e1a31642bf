"""The pages in a real browser: Debian's chromium driven by selenium through chromedriver.

Clicks from the dashboard to a dyad, on a point of its chart, to one of that period's events, and checks the
highlighted sentence; every page must load without a JavaScript console error. Screenshots of each page go to
the test artifacts (see conftest.artifacts). Without chromium and chromedriver the module skips in one line.
"""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time

import pytest

CHROMIUM = next((p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p), None)
DRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    pytest.skip("browser tests skipped: no chromium/chromedriver (apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000"]


@pytest.fixture(scope="module")
def server(app):
    """The app served by uvicorn on a free local port, in a thread."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium must never try to download a driver
    profile = tempfile.mkdtemp(prefix="realpolitik-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in [*ARGS, f"--user-data-dir={profile}"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def ready(driver, timeout: float = 30) -> None:
    """Wait until app.js has drawn every chart of the page."""
    WebDriverWait(driver, timeout).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")


def shoot(driver, folder, name: str) -> None:
    """The whole page as a PNG; with $REALPOLITIK_DOCS_SCREENSHOTS=DIR also its first screen into DIR (that is
    how docs/screenshots is refreshed)."""
    import base64
    from pathlib import Path

    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    (folder / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
    docs = os.environ.get("REALPOLITIK_DOCS_SCREENSHOTS")
    if docs:
        height = min(1150, driver.execute_script("return document.documentElement.scrollHeight"))
        clip = {"x": 0, "y": 0, "width": 1400, "height": height, "scale": 1}
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip,
                                                                 "captureBeyondViewport": True})
        Path(docs).mkdir(parents=True, exist_ok=True)
        (Path(docs) / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


def click_chart_point(driver, chart_id: str) -> None:
    """Click the biggest marker of the chart's first line (Plotly hit-tests the pointer position)."""
    points = driver.find_elements(By.CSS_SELECTOR, f"#{chart_id} .scatterlayer .trace:first-child .points path")
    assert points, "the chart has no points"
    best = max(points, key=lambda p: p.size["width"])
    ActionChains(driver).move_to_element(best).pause(0.3).click().perform()


def test_dashboard_to_dyad_point_to_event_with_its_sentence(server, browser, artifacts):
    d = browser
    d.get(server + "/")
    ready(d)
    assert "Iran–Russia" in d.find_element(By.CSS_SELECTOR, "#top-dyad h2").text
    assert d.find_elements(By.CSS_SELECTOR, "#dyad-chart .main-svg")  # Plotly drew the Iran–Russia line
    shoot(d, artifacts, "dashboard")
    assert console_errors(d) == []

    d.find_element(By.CSS_SELECTOR, 'a.dyad-link[href="/dyad/IRN/RUS"]').click()
    ready(d)
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("Iran – Russia")
    click_chart_point(d, "dyad-chart")
    rows = WebDriverWait(d, 30).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "#period-events a.open-event")))
    period = d.find_element(By.ID, "period-events").get_attribute("data-period")
    assert period and period in d.find_element(By.CSS_SELECTOR, "#period-events h2").text
    shoot(d, artifacts, "dyad")
    assert console_errors(d) == []

    sentence = rows[0].find_element(By.XPATH, "ancestor::tr/td[contains(@class, 'sentence')]").text.split("\n")[0]
    rows[0].click()
    mark = WebDriverWait(d, 30).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "mark.sentence")))
    assert mark.text == sentence
    trigger = mark.find_element(By.CSS_SELECTOR, ".span-trigger")
    assert trigger.is_displayed() and trigger.text
    assert d.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark) != "rgba(0, 0, 0, 0)"
    shoot(d, artifacts, "event")
    assert console_errors(d) == []


@pytest.mark.parametrize("name,path", [
    ("events", "/events?dyad=IRN,RUS&q=nuclear"),
    ("actor", "/actor/person:hassan-rouhani"),
    ("factions", "/factions/IRN"),
    ("network", "/network"),
    ("forecast", "/forecast?scenario=bundled/iran_china_vs_russia.yaml&variant=us_engages&model=eum&mc=300"),
    ("error", "/events?since=yesterday"),
])
def test_page_loads_without_console_errors(server, browser, artifacts, name, path):
    browser.get(server + path)
    ready(browser)
    shoot(browser, artifacts, name)
    errors = console_errors(browser)
    if name == "error":  # the page itself is the 422 the browser reports; nothing else may fail
        assert [e for e in errors if "status of 422" not in e] == [] and len(errors) <= 1
        assert "not a date" in browser.find_element(By.ID, "message").text
    else:
        assert errors == []
        assert browser.find_elements(By.CSS_SELECTOR, "table, .main-svg")


def test_network_click_opens_the_actor(server, browser):
    browser.get(server + "/network?level=country")
    ready(browser)
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network-chart .scatterlayer .trace:last-child .points path")
    biggest = max(nodes, key=lambda p: p.size["width"])
    ActionChains(browser).move_to_element(biggest).pause(0.3).click().perform()
    WebDriverWait(browser, 30).until(EC.url_contains("/actor/"))
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert console_errors(browser) == []
