"""The city dashboard in a real browser: the city bureau opens it from its portal, reads the
headline figures, colours the map by another indicator, and drills down tile by tile from the city
to a single compound; the children's homes add up to the parent's on every level."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import navigating, sign_in

CITY = "13900000012"


def homes(browser):
    return int(re.sub(r"[^0-9]", "", browser.find_element(By.CSS_SELECTOR, "#fig-homes .value").text))


def children_homes(browser):
    rows = browser.find_elements(By.CSS_SELECTOR, "table.dashboard-children tr")[1:]
    return sum(int(row.find_elements(By.TAG_NAME, "td")[2].text) for row in rows)


def test_the_bureau_drills_down_from_the_city_to_a_compound(browser):
    sign_in(browser, CITY)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "一图总览").click)
    assert "一图总览" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.CSS_SELECTOR, "#fig-service .value").text.endswith("%")
    Select(browser.find_element(By.ID, "indicator")).select_by_value("collection")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='着色']").click)
    assert "物业费收缴率" in browser.find_element(By.CSS_SELECTOR, "svg.map").get_attribute("aria-label")
    for _ in range(3):  # city → district → subdistrict → community
        assert homes(browser) == children_homes(browser)
        tile = browser.find_element(By.CSS_SELECTOR, "svg.map a")
        navigating(browser, lambda: browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", tile))
    assert homes(browser) == children_homes(browser)
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "table.dashboard-children a").click)
    assert "/dashboard/compounds/" in browser.current_url
    assert homes(browser) > 0
    assert browser.find_element(By.LINK_TEXT, "楼栋与房屋")


def test_the_city_bureau_publishes_the_quarterly_index(browser):
    sign_in(browser, CITY)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "一图总览").click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "行业指数").click)
    preview = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.index-preview td.value")]
    assert preview
    navigating(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), '发布')]").click)
    assert [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.index-published td.value")] == sorted(preview, key=float, reverse=True)
