"""Shared browser fixtures: one headless Chromium per test module, signing in through the real
form, and a screenshot of the page whenever a test fails (in $WUYE_SCREENSHOTS or /tmp)."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["WUYE_BASE_URL"]
PASSWORD = "wuye-demo-2026"
SHOTS = pathlib.Path(os.environ.get("WUYE_SCREENSHOTS", "/tmp/wuye-screenshots"))


@pytest.fixture(scope="module")
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    driver = item.funcargs.get("browser")
    if report.when == "call" and report.failed and driver is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{item.name}.png"
        driver.save_screenshot(str(path))
        print(f"screenshot: {path} at {driver.current_url}")


def navigating(browser, action):
    """Runs an action that loads a new page and waits until the old page is gone and the new one
    has loaded. While Chromium swaps documents, asking about the old element can fail with
    "stale element" or with "node does not belong to the document": both mean it is gone."""
    old = browser.find_element(By.TAG_NAME, "html")
    action()

    def old_page_gone(driver):
        try:
            old.is_enabled()
            return False
        except (StaleElementReferenceException, WebDriverException):
            return True

    WebDriverWait(browser, 10).until(old_page_gone)
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def sign_out(browser):
    browser.delete_all_cookies()


def sign_in(browser, mobile, password=PASSWORD):
    """Signs in through the sign-in form as a person would."""
    browser.get(BASE + "/login")
    sign_out(browser)
    browser.get(BASE + "/login")
    browser.find_element(By.ID, "mobile").send_keys(mobile)
    browser.find_element(By.ID, "password").send_keys(password)
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click)
