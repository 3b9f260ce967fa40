"""Coordination in a real browser: the subdistrict sees the demo joint meeting's overdue decision and
closes it; the company's party organisation claims the community's service project and reports it done."""
from selenium.webdriver.common.by import By

from conftest import navigating, sign_in

SUBDISTRICT = "13900000009"
COMPANY_ADMINISTRATOR = "13900000003"


def click(browser, label):
    navigating(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click)


def test_the_subdistrict_closes_an_overdue_decision(browser):
    sign_in(browser, SUBDISTRICT)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "联席会议").click)
    assert browser.find_element(By.ID, "overdue-count").text.startswith("1 ")
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "table.tasks-open tr.late a").click)
    late = browser.find_element(By.CSS_SELECTOR, ".meeting-tasks li.late")
    late.find_element(By.NAME, "note").send_keys("已施划 30 个车位")
    navigating(browser, late.find_element(By.XPATH, ".//button[normalize-space()='办结']").click)
    assert not browser.find_elements(By.CSS_SELECTOR, ".meeting-tasks li.late")
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/coordination']").click)
    assert browser.find_element(By.ID, "overdue-count").text.startswith("0 ")


def test_the_company_claims_the_project_and_reports_it_done(browser):
    sign_in(browser, COMPANY_ADMINISTRATOR)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "党建服务项目").click)
    click(browser, "认领")
    card = browser.find_element(By.CSS_SELECTOR, ".projects .card")
    assert "认领：" in card.text
    card.find_element(By.NAME, "note").send_keys("已完成 3 个单元的楼道微改造")
    navigating(browser, card.find_element(By.XPATH, ".//button[normalize-space()='报告完成']").click)
    assert "完成：已完成 3 个单元的楼道微改造" in browser.find_element(By.CSS_SELECTOR, ".projects").text
