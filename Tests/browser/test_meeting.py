"""An owners' meeting in a real browser: the demo owner votes on a phone and gets receipt codes;
the committee chair enters paper ballots rather than voting."""
from selenium.webdriver.common.by import By

from conftest import navigating, sign_in

OWNER = "13900000000"
COMMITTEE_CHAIR = "13900000001"
# The demo meeting open for voting (other tests convene meetings that may head the list).
OPEN_MEETING = "2026 年度业主大会（示例）"


def test_the_demo_owner_votes_from_the_portal_and_gets_receipts(browser):
    sign_in(browser, OWNER)
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "业主大会")
    navigating(browser, link.click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, OPEN_MEETING).click)
    assert "正在表决" in browser.find_element(By.CSS_SELECTOR, ".meeting-status").text
    motions = browser.find_elements(By.CSS_SELECTOR, "form.vote fieldset.motion")
    assert len(motions) == 3
    for motion in motions:
        motion.find_element(By.CSS_SELECTOR, "input[value=agree]").click()
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.vote button[type=submit]").click)
    receipts = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".receipt")]
    assert len(receipts) == 3 and all(len(code) == 12 for code in receipts)
    assert not browser.find_element(By.CSS_SELECTOR, ".turnout").text.startswith("0 ")


def test_submitting_without_choosing_shows_the_message_by_the_choices(browser):
    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "业主大会").click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, OPEN_MEETING).click)
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.vote button[type=submit]").click)
    assert "请对每项议题选择" in browser.find_element(By.CSS_SELECTOR, "form.vote .field-error").text


def test_the_committee_chair_can_enter_paper_ballots_but_not_vote_as_an_owner(browser):
    sign_in(browser, COMMITTEE_CHAIR)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "业主大会").click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, OPEN_MEETING).click)
    assert not browser.find_elements(By.CSS_SELECTOR, "form.vote")
    import pathlib
    import tempfile
    form = browser.find_element(By.CSS_SELECTOR, "form.paper")
    form.find_element(By.ID, "right_number").send_keys("5")
    for motion in form.find_elements(By.CSS_SELECTOR, "fieldset.motion"):
        motion.find_element(By.CSS_SELECTOR, "input[value=disagree]").click()
    scan = pathlib.Path(tempfile.mkdtemp()) / "ballot.pdf"
    scan.write_bytes(b"%PDF-1.4\n% ballot 5\n")
    form.find_element(By.ID, "scan").send_keys(str(scan))
    navigating(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    assert "扫描件已留存" in browser.page_source
    assert len(browser.find_elements(By.CSS_SELECTOR, ".receipt")) == 3


def test_the_chair_closes_a_meeting_after_its_window_and_anyone_can_recount_the_export(browser):
    """The demo's second meeting ended yesterday with paper ballots (and their scans) from three in
    four rights: the chair closes it, the results appear, and `wuye assembly recount` reproduces them
    from the published export alone."""
    import json
    import os
    import subprocess
    import tempfile
    import urllib.request

    sign_in(browser, COMMITTEE_CHAIR)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "业主大会").click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "表决已截止").click)
    assert browser.find_elements(By.CSS_SELECTOR, "ul.scans li")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='结束会议并计票公布']").click)
    results = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".result")]
    assert results == ["通过", "通过"]

    export_href = browser.find_element(By.PARTIAL_LINK_TEXT, "下载表决明细").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(export_href, headers={"Cookie": cookies})) as response:
        export = response.read()
    assert json.loads(export)["format"] == "wuye-assembly-export/1"
    path = os.path.join(tempfile.mkdtemp(), "meeting.json")
    with open(path, "wb") as file:
        file.write(export)
    recount = subprocess.run([os.environ.get("WUYE_BIN", ".build/debug/wuye"), "assembly", "recount", path],
                             capture_output=True, text=True, check=False)
    assert recount.returncode == 0, recount.stderr
    assert "the published result is confirmed by the ballots" in recount.stdout


def test_the_chair_convenes_a_meeting_with_its_agenda_fifteen_days_ahead(browser):
    import datetime
    sign_in(browser, COMMITTEE_CHAIR)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "业主大会").click)
    browser.find_element(By.ID, "title").send_keys("2027 年度业主大会（浏览器）")
    browser.find_element(By.ID, "motion1_title").send_keys("修订管理规约")
    china_today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()
    too_soon = china_today + datetime.timedelta(days=10)
    for field, day in (("opens_on", too_soon), ("closes_on", too_soon + datetime.timedelta(days=5))):
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field), day.isoformat())
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='公告并召集']").click)
    assert "15 日前公告" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    opens = china_today + datetime.timedelta(days=15)
    for field, day in (("opens_on", opens), ("closes_on", opens + datetime.timedelta(days=5))):
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field), day.isoformat())
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='公告并召集']").click)
    assert "/meetings/" in browser.current_url
    assert "2027 年度业主大会（浏览器）" in browser.find_element(By.TAG_NAME, "h1").text
