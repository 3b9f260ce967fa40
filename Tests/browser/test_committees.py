"""An owners' committee in a real browser: the subdistrict finds the compound whose preparatory
group is late with its first assembly, approves the 30 extra days, and records the election —
first with too few members (the page names the rule), then with three."""
from selenium.webdriver.common.by import By

from conftest import navigating, sign_in

SUBDISTRICT = "13900000009"


def test_the_subdistrict_extends_a_late_first_assembly_and_records_the_election(browser):
    sign_in(browser, SUBDISTRICT)
    navigating(browser, browser.find_element(By.LINK_TEXT, "业委会").click)
    assert int(browser.find_element(By.ID, "late-count").text) >= 1
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "table.committees tr.late a").click)
    assert browser.find_element(By.ID, "stage").text == "筹备组已成立，待召开首次业主大会"
    assert "已逾期" in browser.find_element(By.CSS_SELECTOR, "ul.due").text
    navigating(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), '批准首次业主大会延期')]").click)
    assert "已逾期" not in browser.find_element(By.CSS_SELECTOR, "ul.due").text

    browser.find_element(By.ID, "elect-members").send_keys("王建国\n李秀英")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='登记选举结果']").click)
    assert "业主委员会应为 3 人以上的单数" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    members = browser.find_element(By.ID, "elect-members")
    members.clear()
    members.send_keys("王建国\n李秀英\n赵志强")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='登记选举结果']").click)
    assert browser.find_element(By.ID, "stage").text == "已选举，待备案"
    assert "赵志强" in browser.find_element(By.CSS_SELECTOR, "table.members").text
