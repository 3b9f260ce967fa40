"""The maintenance fund in a real browser: the chair closes the demo stairwell repair's vote, records
the result and approves; the district housing department pays it shared by area; the chair records
acceptance and publishes; the owner reads every home's share. A new use is proposed and put to its
owners' vote with the agenda's 15 days' notice."""
from decimal import Decimal

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import navigating, sign_in

OWNER = "13900000000"
COMMITTEE_CHAIR = "13900000001"
DISTRICT_HOUSING = "13900000010"
STAIRS = "单元楼道墙面及扶手翻新（示例）"


def stage(browser):
    return browser.find_element(By.ID, "stage").text


def click(browser, label):
    navigating(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click)


def open_fund(browser):
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "维修资金").click)
    assert "专项维修资金" in browser.find_element(By.TAG_NAME, "h1").text


def test_a_repair_goes_from_the_vote_through_payout_to_publication(browser):
    sign_in(browser, COMMITTEE_CHAIR)
    open_fund(browser)
    navigating(browser, browser.find_element(By.LINK_TEXT, STAIRS).click)
    use_url = browser.current_url
    assert stage(browser) == "业主表决中"

    navigating(browser, browser.find_element(By.LINK_TEXT, "查看表决会议").click)
    click(browser, "结束会议并计票公布")
    assert browser.find_elements(By.CSS_SELECTOR, ".result")
    browser.get(use_url)
    click(browser, "登记表决结果")
    assert stage(browser) == "业主表决通过"

    click(browser, "审核同意并报备")
    assert "请填写业委会决定" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    browser.find_element(By.ID, "decision").send_keys("业委会〔2026〕20 号")
    browser.find_element(By.ID, "filing").send_keys("市南住建备〔2026〕020")
    click(browser, "审核同意并报备")
    assert stage(browser) == "业委会已审核并报备"
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='按面积分摊并支付']")

    sign_in(browser, DISTRICT_HOUSING)
    browser.get(use_url)
    assert browser.find_element(By.ID, "amount").get_attribute("value") == "9876.54"
    click(browser, "按面积分摊并支付")
    assert stage(browser) == "已划转支付"
    assert browser.find_element(By.ID, "shared").text == "9876.54"

    sign_in(browser, COMMITTEE_CHAIR)
    browser.get(use_url)
    browser.find_element(By.ID, "acceptance").send_keys("墙面平整、扶手牢固，验收合格")
    click(browser, "登记验收")
    click(browser, "向业主公示")
    assert stage(browser) == "已公示"

    sign_in(browser, OWNER)
    open_fund(browser)
    navigating(browser, browser.find_element(By.LINK_TEXT, STAIRS).click)
    assert stage(browser) == "已公示"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.shares tr")[1:]
    shares = [Decimal(row.find_elements(By.TAG_NAME, "td")[2].text) for row in rows]
    assert rows and sum(shares) == Decimal("9876.54")
    assert not browser.find_elements(By.CSS_SELECTOR, "form")[2:]  # nothing to act on but search and sign-out


def test_the_chair_proposes_a_use_and_puts_it_to_the_owners_who_share_it(browser):
    sign_in(browser, COMMITTEE_CHAIR)
    open_fund(browser)
    browser.find_element(By.ID, "title").send_keys("2 单元屋面防水翻新（浏览器）")
    browser.find_element(By.ID, "budget").send_keys("24000")
    browser.find_element(By.ID, "contractor").send_keys("青岛某防水工程有限公司")
    Select(browser.find_element(By.ID, "scope")).select_by_visible_text("1号楼2单元")
    click(browser, "提出方案")
    assert "第二十五条" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    assert browser.find_element(By.ID, "title").get_attribute("value") == "2 单元屋面防水翻新（浏览器）"
    Select(browser.find_element(By.ID, "scope")).select_by_visible_text("1号楼2单元")
    browser.find_element(By.ID, "not_excluded").click()
    click(browser, "提出方案")
    assert stage(browser) == "已提出方案"
    click(browser, "公告并召集表决")
    assert stage(browser) == "业主表决中"
    navigating(browser, browser.find_element(By.LINK_TEXT, "查看表决会议").click)
    assert "维修资金使用表决" in browser.find_element(By.TAG_NAME, "h1").text
