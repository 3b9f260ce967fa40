"""The registry in a real browser: a newcomer drills down from the city to a home on a phone-sized screen."""
import re

from selenium.webdriver.common.by import By

from conftest import BASE, navigating, sign_in

PLATFORM = "13900000013"


def click_first(browser, prefix):
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")
             if re.match(prefix, a.get_attribute("href").replace(BASE, ""))]
    assert links, f"no link matching {prefix} on {browser.current_url}"
    navigating(browser, links[0].click)


def stat(browser, label):
    for block in browser.find_elements(By.CSS_SELECTOR, ".stat"):
        if block.find_element(By.TAG_NAME, "span").text == label:
            return int(block.find_element(By.TAG_NAME, "b").text.replace(",", ""))
    raise AssertionError(f"no stat {label}")


def test_drill_down_from_city_to_home_shows_counts_and_masked_owners(browser):
    sign_in(browser, PLATFORM)
    browser.get(BASE + "/divisions")
    assert "全市物业一张图" in browser.find_element(By.TAG_NAME, "h1").text
    total_homes = stat(browser, "户")
    assert total_homes > 0

    click_first(browser, r"^/divisions/370200$")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("青岛市")
    city_homes = stat(browser, "户")
    assert 0 < city_homes < total_homes

    for level in (r"^/divisions/\d{6}$", r"^/divisions/\d{9}$", r"^/divisions/\d{12}$",
                  r"^/compounds/\d+$", r"^/buildings/\d+$"):
        click_first(browser, level)
    # Prefer a delivered home: it has owners to show.
    homes = browser.find_elements(By.CSS_SELECTOR, ".homes a:not(.undelivered)")
    assert homes, "building page lists its homes"
    navigating(browser, homes[0].click)

    owners = browser.find_elements(By.CSS_SELECTOR, ".owners li")
    assert owners, "a delivered home shows its owners"
    text = owners[0].text
    assert "*" in text, "owner names and ID numbers are masked"
    assert not re.search(r"\d{17}[\dX]", text), "no whole ID number on the page"
    assert not re.search(r"1[3-9]\d{9}", text), "no whole mobile number on the page"
    crumbs = browser.find_element(By.CSS_SELECTOR, ".crumbs").text
    assert "青岛市" in crumbs


def test_search_finds_a_compound_by_part_of_its_name(browser):
    sign_in(browser, PLATFORM)
    browser.get(BASE + "/divisions")
    box = browser.find_element(By.ID, "q")
    box.send_keys("小区")
    navigating(browser, box.submit)
    cards = browser.find_elements(By.CSS_SELECTOR, ".cards .card")
    assert cards, "search for 小区 finds compounds"
    assert "小区" in cards[0].text


def test_empty_search_shows_the_message_by_the_field(browser):
    sign_in(browser, PLATFORM)
    browser.get(BASE + "/search?q=")
    assert "请输入" in browser.find_element(By.CSS_SELECTOR, ".error").text
