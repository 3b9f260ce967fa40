"""Service fees in a real browser: the demo owner sees what they owe, the steward takes the payment
at the counter, the owner's bill is settled and the subdistrict's collection rate moves."""
import re

from selenium.webdriver.common.by import By

from conftest import BASE, navigating, sign_in

OWNER = "13900000000"
STEWARD = "13900000005"
SUBDISTRICT = "13900000009"


def rate(browser):
    browser.get(BASE + "/fees/collection")
    text = browser.find_element(By.ID, "total-rate").text
    return text, float(re.search(r"实收 ([\d.]+) 元", text).group(1))


def test_the_steward_takes_the_owners_payment_and_the_rate_moves(browser):
    sign_in(browser, SUBDISTRICT)
    _, collected_before = rate(browser)

    sign_in(browser, OWNER)
    navigating(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "物业费").click)
    owed = browser.find_element(By.ID, "owed").text
    assert owed.startswith("尚欠") and owed != "尚欠 0.00 元"
    home = browser.find_element(By.CSS_SELECTOR, "ul.bills .card-title").text.split(" · ")[0]
    browser.get(BASE + "/")
    compound = browser.find_element(By.PARTIAL_LINK_TEXT, "查看本小区").get_attribute("href").rstrip("/").split("/")[-1]

    sign_in(browser, STEWARD)
    browser.get(f"{BASE}/compounds/{compound}/fees")
    card = next(card for card in browser.find_elements(By.CSS_SELECTOR, "ul.arrears li.card")
                if card.find_element(By.CSS_SELECTOR, ".card-title").text.startswith(home))
    form = card.find_element(By.CSS_SELECTOR, "form.pay")
    form.find_element(By.CSS_SELECTOR, "input[name=receipt_number]").send_keys("SJ-浏览器-001")
    navigating(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    assert "已缴清" in browser.find_element(By.ID, "notice").text

    sign_in(browser, OWNER)
    browser.get(BASE + "/bills")
    assert browser.find_element(By.ID, "owed").text == "尚欠 0.00 元"

    sign_in(browser, SUBDISTRICT)
    _, collected_after = rate(browser)
    assert collected_after > collected_before
