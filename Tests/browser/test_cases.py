"""A case in a real browser on a phone-sized window: the demo owner reports a leak with a photo
from the portal, the steward works it through every step, and the owner rates it; the subdistrict
sees the demo dispute that climbed to it and reports for duty (报到)."""
import base64
import pathlib
import tempfile

from selenium.webdriver.common.by import By

from conftest import BASE, navigating, sign_in

OWNER = "13900000000"
STEWARD = "13900000005"
SUBDISTRICT = "13900000009"

# A 1×1 white JPEG, as a phone camera would hand the form a file.
PHOTO = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////"
    "////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")


def test_an_owner_reports_with_a_photo_the_steward_closes_it_and_the_owner_rates_it(browser):
    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "报事报修").click)
    browser.find_element(By.CSS_SELECTOR, "input[name=kind][value=repair]").click()
    assert browser.find_element(By.ID, "photos").get_attribute("capture") == "environment"
    browser.find_element(By.ID, "description").send_keys("卫生间天花板滴水")
    photo = pathlib.Path(tempfile.mkdtemp()) / "leak.jpg"
    photo.write_bytes(PHOTO)
    browser.find_element(By.ID, "photos").send_keys(str(photo))
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click)
    case_url = browser.current_url
    assert "卫生间天花板滴水" in browser.find_element(By.CSS_SELECTOR, ".description").text
    assert browser.find_element(By.CSS_SELECTOR, ".case-level").text == "物业服务企业"
    assert browser.find_elements(By.CSS_SELECTOR, ".photos img")

    sign_in(browser, STEWARD)
    browser.get(BASE + "/cases")
    navigating(browser, browser.find_element(By.CSS_SELECTOR, f".to-handle a[href='{case_url.replace(BASE, '')}']").click)
    for step in ["受理", "立案", "派遣", "开始处置", "反馈处置结果", "开始核查", "核查通过，结案"]:
        browser.find_element(By.ID, "note").send_keys(f"{step}：已更换密封圈")
        button = browser.find_element(By.XPATH, f"//form[contains(@class,'steps')]//button[normalize-space()='{step}']")
        navigating(browser, button.click)
    assert browser.find_element(By.CSS_SELECTOR, ".case-state").text == "已结案"

    sign_in(browser, OWNER)
    browser.get(case_url)
    browser.find_element(By.CSS_SELECTOR, "form.rating input[name=stars][value='5']").click()
    browser.find_element(By.ID, "comment").send_keys("修得很快")
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.rating button[type=submit]").click)
    assert browser.find_element(By.CSS_SELECTOR, ".case-rating").text.startswith("5 星")
    steps = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "ol.timeline li")]
    assert len(steps) == 9 and steps[0].startswith("上报") and steps[-1].startswith("评价")


def test_a_report_without_a_kind_is_refused_by_the_field(browser):
    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "报事报修").click)
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click)
    assert "请选择事项类别" in browser.find_element(By.CSS_SELECTOR, "form.report .field-error").text


def test_the_subdistrict_sees_the_escalated_dispute_and_reports_for_duty(browser):
    sign_in(browser, SUBDISTRICT)
    browser.get(BASE + "/cases")
    link = browser.find_element(By.XPATH, "//ul[contains(@class,'to-handle')]//a[contains(., '邻里纠纷')]")
    navigating(browser, link.click)
    assert browser.find_element(By.CSS_SELECTOR, ".case-level").text == "街道"
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.acknowledge button").click)
    assert not browser.find_elements(By.CSS_SELECTOR, "form.acknowledge")
    assert "报到" in browser.find_element(By.CSS_SELECTOR, "ol.timeline").text
