"""Hot spots and teams in a real browser: the district picks its two worst compounds by complaints
per 100 homes and launches a campaign; the company reports what it did; the subdistrict re-checks
and the rectification rate moves. A grid's team falls below the norm and the subdistrict fills it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, navigating, sign_in

COMPANY = "13900000003"
SUBDISTRICT = "13900000009"
DISTRICT = "13900000011"


def test_a_campaign_runs_from_hot_spots_to_its_rectification_rate(browser):
    sign_in(browser, DISTRICT)
    navigating(browser, browser.find_element(By.LINK_TEXT, "整治行动").click)
    navigating(browser, browser.find_element(By.LINK_TEXT, "查看投诉热点，发起整治").click)
    value = browser.find_element(By.ID, "value")
    value.clear()
    value.send_keys("2")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='查询']").click)
    assert "重点小区 2 个" in browser.find_element(By.ID, "key-count").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.hotspots tr.key")) == 2
    browser.find_element(By.ID, "name").send_keys("浏览器测试攻坚行动")
    browser.find_element(By.ID, "measures").send_keys("一小区一方案，每周督办")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='发起整治行动']").click)
    campaign = browser.current_url
    assert browser.find_element(By.ID, "rate").text == "2 个重点小区已整改 0 个，整改率 0.0%"

    sign_in(browser, COMPANY)
    browser.get(campaign)
    form = browser.find_element(By.CSS_SELECTOR, "form[action$='/report']")
    form.find_element(By.TAG_NAME, "textarea").send_keys("已增派保洁，垃圾日产日清")
    navigating(browser, form.find_element(By.TAG_NAME, "button").click)
    assert "待复查" in browser.page_source

    sign_in(browser, SUBDISTRICT)
    browser.get(campaign)
    form = browser.find_element(By.CSS_SELECTOR, "form[action$='/recheck']")
    form.find_element(By.TAG_NAME, "textarea").send_keys("现场复查合格")
    form.find_element(By.CSS_SELECTOR, "input[name=result][value=pass]").click()
    navigating(browser, form.find_element(By.TAG_NAME, "button").click)
    assert browser.find_element(By.ID, "rate").text == "2 个重点小区已整改 1 个，整改率 50.0%"


def test_a_team_below_the_norm_is_flagged_and_filled(browser):
    sign_in(browser, SUBDISTRICT)
    navigating(browser, browser.find_element(By.LINK_TEXT, "服务团队").click)
    assert int(browser.find_element(By.ID, "below-count").text) >= 0
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "table.teams tr a").click)
    # Someone leaves, so the team falls below the norm (it may have been below already).
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='移出名册']").click)
    before = browser.find_element(By.ID, "shortfalls").text
    assert before.startswith("低于标准")
    Select(browser.find_element(By.ID, "role")).select_by_visible_text("网格员")
    browser.find_element(By.ID, "member_name").send_keys("赵卫东")
    browser.find_element(By.ID, "member_phone").send_keys("12345")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='登记']").click)
    assert "电话号码无效" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    role = before.split("：")[1].split("缺")[0]
    Select(browser.find_element(By.ID, "role")).select_by_visible_text(role)
    name = browser.find_element(By.ID, "member_name")
    name.clear()
    name.send_keys("赵卫东")
    phone = browser.find_element(By.ID, "member_phone")
    phone.clear()
    phone.send_keys("13900007777")
    navigating(browser, browser.find_element(By.XPATH, "//button[normalize-space()='登记']").click)
    assert "赵卫东" in browser.find_element(By.CSS_SELECTOR, "table.roster").text
    assert browser.find_element(By.ID, "shortfalls").text != before
