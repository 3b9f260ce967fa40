"""An evaluation round in a real browser: the demo owner answers the satisfaction survey from the
portal; the subdistrict records an inspection deduction with its evidence; the district bureau
publishes the round, and the ranking is fixed and announced."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import navigating, sign_in

OWNER = "13900000000"
SUBDISTRICT = "13900000009"
DISTRICT = "13900000011"


def click(browser, label):
    navigating(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click)


def test_the_owner_answers_the_survey_once(browser):
    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "满意度调查").click)
    click(browser, "提交")
    assert "请选择满意程度" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    browser.find_element(By.CSS_SELECTOR, "form.survey input[name=rating][value='5']").click()
    browser.find_element(By.CSS_SELECTOR, "form.survey textarea").send_keys("保洁及时，管家态度好")
    click(browser, "提交")
    assert browser.find_elements(By.CSS_SELECTOR, ".survey-home .answered")
    assert not browser.find_elements(By.CSS_SELECTOR, "form.survey")


def test_the_subdistrict_deducts_with_evidence_and_the_score_moves(browser):
    sign_in(browser, SUBDISTRICT)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "物业服务质量评价").click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "年度物业服务质量综合评价").click)
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "table.results a").click)
    before = browser.find_element(By.ID, "score").text
    Select(browser.find_element(By.ID, "item")).select_by_visible_text("街道、社区党组织评价")
    browser.find_element(By.ID, "points").send_keys("3")
    click(browser, "记录扣分")
    assert "请写明扣分依据" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    Select(browser.find_element(By.ID, "item")).select_by_visible_text("街道、社区党组织评价")
    browser.find_element(By.ID, "evidence").send_keys("党群服务阵地未挂牌（浏览器检查）")
    click(browser, "记录扣分")
    after = browser.find_element(By.ID, "score").text
    assert round(float(before) - float(after), 2) == 3.0


def test_the_district_publishes_and_the_ranking_is_announced(browser):
    sign_in(browser, DISTRICT)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "物业服务质量评价").click)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "年度物业服务质量综合评价").click)
    round_url = browser.current_url
    scores = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.results td.score")]
    click(browser, "公布结果")
    assert browser.find_element(By.ID, "status").text == "已公布"
    assert [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.results td.score")] == scores
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='公布结果']")
    # Announced: the owner reads the published ranking too.
    sign_in(browser, OWNER)
    browser.get(round_url)
    assert browser.find_element(By.ID, "status").text == "已公布"
    assert [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.results td.score")] == scores
