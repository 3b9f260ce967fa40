"""Open311 GeoReport v2 as an existing client library meets it: a district office issues an api_key
on its page in the browser; the `georeport` client (PyPI) lists the services and reads requests
back in JSON and XML; a request is posted form-encoded as the specification has it, and the
office then finds the new case on its own page."""
import re

import requests
from georeport import GeoReport
from selenium.webdriver.common.by import By

from conftest import BASE, navigating, sign_in

DISTRICT = "13900000011"
ENDPOINT = BASE + "/open311/v2"


def issue_key(browser):
    sign_in(browser, DISTRICT)
    navigating(browser, browser.find_element(By.LINK_TEXT, "Open311 密钥").click)
    browser.find_element(By.ID, "key_name").send_keys("区 12345 热线系统")
    navigating(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click)
    key = browser.find_element(By.ID, "issued-key").text
    assert re.fullmatch(r"o311_[A-Za-z0-9_-]{43}", key)
    assert "区 12345 热线系统" in browser.find_element(By.CSS_SELECTOR, "table.list").text
    return key


def test_a_client_library_lists_services_posts_a_request_and_reads_it_back(browser):
    key = issue_key(browser)
    client = GeoReport(ENDPOINT)
    services = client.get_service_list()
    assert {"repair", "complaint", "hazard"} <= {service["service_code"] for service in services}
    assert client.get_service_definition("repair")["attributes"][0]["code"] == "urgent"
    xml_client = GeoReport(ENDPOINT, output_format="xml")
    assert xml_client.get_service_list()[0]["metadata"] == "true"

    # The key holder sees the district's cases; post at the compound of the first of them.
    cases = requests.get(ENDPOINT + "/requests.json", params={"api_key": key}, timeout=10).json()
    compound = cases[0]["address_id"]
    # As the `open311` client library posts: key and jurisdiction in the query, the request form-encoded.
    posted = requests.post(ENDPOINT + "/requests.json", params={"api_key": key},
                           data={"service_code": "hazard", "address_id": compound, "description": "单元门口电动车违规充电",
                                 "first_name": "明", "last_name": "李", "attribute[urgent]": "yes"}, timeout=10)
    assert posted.status_code == 200, posted.text
    request_id = posted.json()[0]["service_request_id"]

    read = client.get_service_request(request_id)
    assert read["status"] == "open" and read["service_code"] == "hazard"
    assert read["description"] == "单元门口电动车违规充电" and read["expected_datetime"].endswith("+08:00")
    assert xml_client.get_service_request(request_id)["service_request_id"] == request_id
    listed = client.get_service_requests(service_code="hazard", status="open")
    assert request_id in [request["service_request_id"] for request in listed]

    refused = requests.post(ENDPOINT + "/requests.json", data={"service_code": "hazard", "address_id": compound}, timeout=10)
    assert refused.status_code == 403 and refused.json()[0]["code"] == 403

    browser.get(BASE + f"/cases/{request_id}")
    assert "单元门口电动车违规充电" in browser.find_element(By.CSS_SELECTOR, ".description").text
