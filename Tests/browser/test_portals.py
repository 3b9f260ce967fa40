"""Each of the four portals in a real browser with the demo accounts; a page outside the account's
scope is refused; a form posted without its CSRF token is rejected and changes nothing."""
from selenium.webdriver.common.by import By

from conftest import BASE, navigating, sign_in

OWNER = "13900000000"
COMMITTEE_CHAIR = "13900000001"
COMPANY_ADMINISTRATOR = "13900000003"
STEWARD_AND_GRID_WORKER = "13900000007"
DISTRICT = "13900000011"
PLATFORM = "13900000013"


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def test_an_owner_lands_in_the_owners_portal_with_their_homes(browser):
    sign_in(browser, OWNER)
    assert browser.current_url == BASE + "/portal/owner"
    assert heading(browser) == "业主之家"
    homes = browser.find_elements(By.CSS_SELECTOR, ".my-homes a")
    assert homes, "the owner's homes are listed"
    navigating(browser, homes[0].click)
    owners = browser.find_element(By.CSS_SELECTOR, ".owners").text
    assert "*" in owners, "even one's own home shows names masked until asked"


def test_a_committee_chair_lands_in_the_committee_portal(browser):
    sign_in(browser, COMMITTEE_CHAIR)
    assert browser.current_url == BASE + "/portal/committee"
    assert heading(browser) == "业委会工作台"
    assert browser.find_elements(By.CSS_SELECTOR, ".cards .card"), "the committee's compound is shown"


def test_a_company_administrator_lands_in_the_company_portal_with_the_compounds_it_serves(browser):
    sign_in(browser, COMPANY_ADMINISTRATOR)
    assert browser.current_url == BASE + "/portal/company"
    assert heading(browser) == "物业企业工作台"
    assert browser.find_elements(By.CSS_SELECTOR, ".cards .card")


def test_a_district_office_lands_in_the_administration_portal(browser):
    sign_in(browser, DISTRICT)
    assert browser.current_url == BASE + "/portal/administration"
    assert heading(browser) == "行政管理工作台"
    assert "市南区" in browser.find_element(By.CSS_SELECTOR, ".portal-section h2").text


def test_a_steward_who_is_also_a_grid_worker_chooses_a_portal(browser):
    sign_in(browser, STEWARD_AND_GRID_WORKER)
    names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".tasks a")]
    assert names == ["物业企业工作台", "行政管理工作台"]


def test_a_page_outside_the_accounts_scope_is_refused(browser):
    sign_in(browser, DISTRICT)
    browser.get(BASE + "/divisions/370200")  # the whole city, above a district office
    assert heading(browser) == "找不到页面"
    assert "不在您的管理范围内" in browser.page_source
    sign_in(browser, OWNER)
    browser.get(BASE + "/divisions/370202")
    assert heading(browser) == "找不到页面"


def test_a_form_posted_without_its_csrf_token_is_rejected_and_changes_nothing(browser):
    sign_in(browser, PLATFORM)
    browser.get(BASE + "/accounts")
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/accounts']")
    form.find_element(By.ID, "mobile").send_keys("13700009999")
    form.find_element(By.ID, "name").send_keys("伪造请求")
    form.find_element(By.ID, "password").send_keys("forged2026")
    browser.execute_script("arguments[0].querySelector('input[name=_csrf]').value = 'forged'", form)
    navigating(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    assert heading(browser) == "表单已过期"
    browser.get(BASE + "/accounts")
    assert "137****9999" not in browser.page_source


def test_an_anonymous_visitor_is_sent_to_sign_in(browser):
    browser.delete_all_cookies()
    browser.get(BASE + "/portal/owner")
    assert browser.current_url.startswith(BASE + "/login")
    assert heading(browser) == "登录"
