"""Party building in a real browser: the subdistrict sees coverage, registers a grid's party
branch and schedules a 红色议事会; the owner finds the station's calendar from the portal and its
iCalendar feed is a calendar a phone can subscribe to."""
import datetime
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import navigating, sign_in

OWNER = "13900000000"
SUBDISTRICT = "13900000009"


def click(browser, label):
    navigating(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click)


def test_the_subdistrict_registers_a_grid_branch_and_schedules_a_council(browser):
    sign_in(browser, SUBDISTRICT)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "党建引领").click)
    rows_before = len(browser.find_elements(By.CSS_SELECTOR, "table.organisations tr"))
    browser.find_element(By.XPATH, "//summary[normalize-space()='登记党组织']").click()
    Select(browser.find_element(By.ID, "kind")).select_by_value("grid_branch")
    target = Select(browser.find_element(By.ID, "target_grid_branch"))
    target.select_by_index(len(target.options) - 1)
    browser.find_element(By.ID, "name").send_keys("网格党支部（浏览器）")
    browser.find_element(By.ID, "members-count").send_keys("11")
    browser.find_element(By.ID, "secretary").send_keys("孙丽")
    browser.execute_script("arguments[0].value = '2022-07-01'", browser.find_element(By.ID, "established_on"))
    click(browser, "登记")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.organisations tr")) == rows_before + 1
    assert "网格党支部（浏览器）" in browser.find_element(By.CSS_SELECTOR, "table.organisations").text

    browser.find_element(By.XPATH, "//summary[normalize-space()='安排活动']").click()
    Select(browser.find_element(By.ID, "activity-kind")).select_by_value("red_council")
    browser.find_element(By.ID, "title").send_keys("红色议事会：楼道堆物整治（浏览器）")
    browser.find_element(By.ID, "place").send_keys("社区党群服务站")
    tomorrow = (datetime.datetime.utcnow() + datetime.timedelta(hours=8) + datetime.timedelta(days=1)).date().isoformat()
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "day"), tomorrow)
    click(browser, "安排")
    assert "楼道堆物整治（浏览器）" in browser.find_element(By.CSS_SELECTOR, ".activities").text


def test_the_owner_reads_the_station_calendar_and_its_feed(browser):
    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "党群服务站").click)
    assert "党群服务站活动" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, ".activities .card")
    feed_url = browser.find_element(By.PARTIAL_LINK_TEXT, "订阅日历").get_attribute("href")
    with urllib.request.urlopen(feed_url) as response:  # no session: a public feed
        assert response.headers["Content-Type"].startswith("text/calendar")
        body = response.read().decode()
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body
