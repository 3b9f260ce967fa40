"""The owners' common fund in a real browser: the committee chair records parking income and an
expense with its committee decision; the month's statement shows both and the new balance; an owner
reads it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, navigating, sign_in

CHAIR = "13900000001"
OWNER = "13900000000"


def record(browser, kind, category, amount, memo, decision=None):
    Select(browser.find_element(By.ID, "kind")).select_by_value(kind)
    Select(browser.find_element(By.ID, "category")).select_by_value(category)
    browser.find_element(By.ID, "amount").clear()
    browser.find_element(By.ID, "amount").send_keys(amount)
    browser.find_element(By.ID, "memo").clear()
    browser.find_element(By.ID, "memo").send_keys(memo)
    if decision:
        browser.find_element(By.ID, "decision").send_keys(decision)
    navigating(browser, browser.find_element(By.XPATH, "//form[@action[contains(., '/common-fund/entries')]]//button[normalize-space()='登记']").click)


def test_the_committee_records_income_and_an_approved_expense_and_owners_read_the_statement(browser):
    sign_in(browser, CHAIR)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "共有资金").click)
    before = float(browser.find_element(By.ID, "closing").text)
    record(browser, "income", "parking", "8000", "本月停车收益")
    record(browser, "expense", "facilities", "1200.50", "更换路灯", decision="业委会〔2026〕9 号")
    assert float(browser.find_element(By.ID, "closing").text) == before + 8000 - 1200.50
    entries = browser.find_element(By.CSS_SELECTOR, "ul.entries").text
    assert "更换路灯" in entries and "业委会〔2026〕9 号" in entries
    fund = browser.current_url

    sign_in(browser, OWNER)
    browser.get(fund)
    statement = browser.find_element(By.CSS_SELECTOR, "section.statement").text
    assert "共用设施设备" in statement and "1200.50" in statement and "停车收益" in statement
    assert not browser.find_elements(By.ID, "amount")
