"""The page in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

A uvicorn server runs in a thread on a free loopback port; Selenium talks to /usr/bin/chromedriver
directly, so selenium-manager never downloads anything.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tagger.core import Tagger

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip("needs Debian's chromium and chromium-driver (make browser)", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving an app on 127.0.0.1 in a daemon thread."""

    def __init__(self, app) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def driver() -> Iterator[webdriver.Chrome]:
    os.environ.setdefault("SE_OFFLINE", "true")  # belt and braces: selenium-manager must not reach the network
    profile = tempfile.mkdtemp(prefix="tagger-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1440,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(drv: webdriver.Chrome, url: str) -> None:
    drv.get_log("browser")  # drain what earlier pages logged
    drv.get(url)


def paste_and_tag(drv: webdriver.Chrome, url: str, text: str) -> list[dict]:
    open_page(drv, url + "/")
    box = WebDriverWait(drv, 10).until(ec.presence_of_element_located((By.ID, "text")))
    # What a paste does: the whole text lands in the box at once, then an input event.
    drv.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", box, text)
    drv.find_element(By.ID, "tag-btn").click()
    WebDriverWait(drv, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tagged mark.ent"))
    return drv.execute_script("""
        return [...document.querySelectorAll('#tagged mark.ent')].map(m => ({
            text: m.querySelector('.ent-text').textContent,
            label: m.dataset.label,
            negated: m.classList.contains('negated'),
            decoration: getComputedStyle(m).textDecorationLine,
            opacity: parseFloat(getComputedStyle(m).opacity),
            badges: [...m.querySelectorAll('.badge')].map(b => b.textContent),
        }));
    """)


def save_screenshots(drv: webdriver.Chrome, name: str) -> None:
    """The laptop-sized view from the top, and the whole page."""
    drv.execute_script("window.scrollTo(0, 0);")
    drv.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    metrics = drv.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = drv.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
    })
    (ARTIFACTS / f"{name}_full.png").write_bytes(base64.b64decode(shot["data"]))


def severe_console_messages(drv: webdriver.Chrome) -> list[str]:
    return [entry["message"] for entry in drv.get_log("browser") if entry["level"] == "SEVERE"]


def test_page_highlights_seed_email_entities_and_hypotheses(driver, make_app, hyp_tagger: Tagger, seed_email: str) -> None:
    with ServerThread(make_app(hyp_tagger)) as server:
        marks = paste_and_tag(driver, server.url, seed_email)

        sneakers = [m for m in marks if m["text"].lower() == "sneakers"]
        assert sneakers and sneakers[0]["label"] == "FOOTWEAR"
        negated_hips = [m for m in marks if m["text"].lower() == "hip" and m["negated"]]
        assert negated_hips, "the hip in 'I have no hip or thigh pain' should be shown as negated"
        assert "line-through" in negated_hips[0]["decoration"] and negated_hips[0]["opacity"] < 1
        assert any("R" in m["badges"] for m in marks if m["text"] == "forefoot"), "the side (R) should show as a badge"

        hyps = driver.find_elements(By.CSS_SELECTOR, "#hypotheses button.hyp")
        assert [h.get_attribute("data-label") for h in hyps] == ["footwear", "hip_to_foot", "posture"]
        hyps[0].click()
        lit = driver.execute_script("return [...document.querySelectorAll('#tagged .ev-on')].map(n => n.textContent)")
        assert any("sneakers" in t for t in lit), "clicking a hypothesis should highlight its evidence"
        assert "Evidence for Footwear" in driver.find_element(By.ID, "evidence").text

        # hovering an entity shows its concept and the words that set its attributes
        hip = driver.find_element(By.XPATH, "//mark[contains(@class,'negated')][span[@class='ent-text' and text()='hip']]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", hip)
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));", hip)
        tip = driver.find_element(By.ID, "tooltip")
        assert tip.is_displayed() and "negated" in tip.text and "no" in tip.text
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "page_seed_email_tooltip.png"))
        driver.execute_script("document.getElementById('tooltip').hidden = true;")

        save_screenshots(driver, "page_seed_email")
        assert severe_console_messages(driver) == [], "the page should load without CSP violations or script errors"


EML = (
    "From: Jennifer <j@example.org>\r\nTo: clinic@example.org\r\nSubject: my foot\r\n"
    "Date: Mon, 3 Mar 2025 09:12:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    "Wearing sneakers makes my right foot numb. I have no hip pain.\r\n"
)


def test_page_tags_an_eml_file_chosen_from_disk(driver, make_app, tmp_path) -> None:
    eml = tmp_path / "jennifer.eml"
    eml.write_text(EML, encoding="utf-8", newline="")
    with ServerThread(make_app()) as server:
        open_page(driver, server.url + "/")
        WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "file-input"))).send_keys(str(eml))
        assert "jennifer.eml" in WebDriverWait(driver, 10).until(ec.visibility_of_element_located((By.ID, "file-chip"))).text
        driver.find_element(By.ID, "tag-btn").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tagged mark.ent"))
        assert "Decoded from an email message" in driver.find_element(By.ID, "notes").text
        assert "Subject" not in driver.find_element(By.ID, "tagged").text
        assert driver.find_element(By.XPATH, "//mark[span[text()='sneakers']]").get_attribute("data-label") == "FOOTWEAR"


def test_page_takes_an_eml_dropped_on_the_box(driver, make_app) -> None:
    with ServerThread(make_app()) as server:
        open_page(driver, server.url + "/")
        WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "dropzone")))
        driver.execute_script("""
            const dt = new DataTransfer();
            dt.items.add(new File([arguments[0]], 'dropped.eml', {type: 'message/rfc822'}));
            const zone = document.getElementById('dropzone');
            zone.dispatchEvent(new DragEvent('dragenter', {dataTransfer: dt, bubbles: true, cancelable: true}));
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        """, EML)
        chip = WebDriverWait(driver, 10).until(ec.visibility_of_element_located((By.ID, "file-chip")))
        assert "dropped.eml" in chip.text
        assert "dragging" not in driver.find_element(By.ID, "dropzone").get_attribute("class")
        box = driver.find_element(By.ID, "text")
        box.send_keys("\ue009\ue007")  # Ctrl+Enter tags the dropped file
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tagged mark.ent"))
        assert "Decoded from an email message" in driver.find_element(By.ID, "notes").text


def test_page_shows_errors_in_words(driver, make_app) -> None:
    with ServerThread(make_app()) as server:
        open_page(driver, server.url + "/")
        box = WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "text")))
        driver.execute_script("arguments[0].value = arguments[1];", box, "   \n  ")
        box.send_keys("\ue009\ue007")  # Ctrl+Enter
        error = WebDriverWait(driver, 10).until(ec.visibility_of_element_located((By.ID, "error")))
        assert "Nothing to tag" in error.text

        driver.execute_script("arguments[0].value = arguments[1];", box, "x" * 200_001)
        driver.find_element(By.ID, "tag-btn").click()
        WebDriverWait(driver, 10).until(lambda d: "200,000" in d.find_element(By.ID, "error").text)
        assert "Too long" in driver.find_element(By.ID, "error").text


def test_page_asks_for_the_api_key_when_the_server_needs_one(driver, make_app) -> None:
    with ServerThread(make_app(api_key="s3cret-key")) as server:
        open_page(driver, server.url + "/")
        WebDriverWait(driver, 10).until(ec.visibility_of_element_located((By.ID, "api-key")))
        driver.execute_script("document.getElementById('text').value = 'Right foot pain in sneakers.';")
        driver.find_element(By.ID, "api-key").send_keys("s3cret-key")
        driver.find_element(By.ID, "tag-btn").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tagged mark.ent"))


def test_docs_render_offline_under_the_csp(driver, make_app) -> None:
    pytest.importorskip("swagger_ui_bundle", reason="offline /docs need swagger-ui-bundle-v2")
    with ServerThread(make_app()) as server:
        open_page(driver, server.url + "/docs")
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock"))
        assert "/v1/tag" in driver.find_element(By.ID, "swagger-ui").text
        assert severe_console_messages(driver) == []


def test_page_with_shipped_model_ranks_hypotheses(driver, make_app, shipped_tagger: Tagger, seed_email: str) -> None:
    if not shipped_tagger.labels:
        pytest.skip("the shipped model (models/default) is not there yet: rules only, no hypotheses")
    with ServerThread(make_app(shipped_tagger)) as server:
        marks = paste_and_tag(driver, server.url, seed_email)
        assert any(m["text"].lower() == "sneakers" and m["label"] == "FOOTWEAR" for m in marks)
        probabilities = driver.execute_script(
            "return [...document.querySelectorAll('#hypotheses button.hyp .prob')].map(p => parseInt(p.textContent))")
        assert probabilities and probabilities == sorted(probabilities, reverse=True)
        ARTIFACTS.mkdir(exist_ok=True)
        save_screenshots(driver, "page_seed_email_shipped_model")
