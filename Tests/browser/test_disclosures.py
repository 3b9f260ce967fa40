"""三公开 in a real browser: the owner reads the demo compound's complete board; the company
publishes a new version of an item (a notice kept less than 3 days is refused by its field) and the
earlier version stays in the history; the subdistrict sees the coverage rate and the compound
that is missing items."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import navigating, sign_in

OWNER = "13900000000"
COMPANY_ADMINISTRATOR = "13900000003"
SUBDISTRICT = "13900000009"


def test_the_owner_reads_a_complete_board(browser):
    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "三公开").click)
    assert browser.find_element(By.ID, "completeness").text == "100.0%"
    assert browser.find_elements(By.CSS_SELECTOR, "#licence_and_contacts .status-current")
    assert not browser.find_elements(By.CSS_SELECTOR, "form.form")


def test_the_company_publishes_a_new_version_and_keeps_the_old_one(browser):
    sign_in(browser, COMPANY_ADMINISTRATOR)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "三公开").click)
    Select(browser.find_element(By.ID, "item")).select_by_value("contract_performance")
    browser.find_element(By.ID, "d-title").send_keys("第四季度合同履行情况（浏览器）")
    browser.find_element(By.ID, "d-body").send_keys("保洁、秩序维护、绿化养护均按合同完成；本季度投诉 3 件，均已办结。")
    days = browser.find_element(By.ID, "kept_days")
    days.clear()
    days.send_keys("2")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='发布']").click)
    assert "3 日" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    Select(browser.find_element(By.ID, "item")).select_by_value("contract_performance")
    days = browser.find_element(By.ID, "kept_days")
    days.clear()
    days.send_keys("30")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='发布']").click)
    card = browser.find_element(By.ID, "contract_performance")
    assert "第四季度合同履行情况（浏览器）" in card.text
    version = int(card.find_element(By.CSS_SELECTOR, "p.muted").text.split("第 ")[1].split(" 版")[0])
    assert version >= 2
    card.find_element(By.TAG_NAME, "summary").click()
    assert f"第 {version - 1} 版" in card.find_element(By.CSS_SELECTOR, "details ul").text


def test_the_subdistrict_sees_coverage_and_the_compound_missing_items(browser):
    sign_in(browser, SUBDISTRICT)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "三公开覆盖率").click)
    assert browser.find_element(By.ID, "coverage").text
    late = browser.find_elements(By.CSS_SELECTOR, "table.coverage tr.late")
    assert late and late[0].find_elements(By.TAG_NAME, "td")[2].text
