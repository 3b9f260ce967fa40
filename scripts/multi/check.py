"""Two `wuye serve` instances behind nginx, one PostgreSQL: what a user does through the proxy must
not depend on which instance answers. Usage: check.py BASE_URL; prints the sign-in's request id
(for the audit check in scripts/multi-instance) and exits 1 on the first failure."""
import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base = sys.argv[1]
jar = http.cookiejar.CookieJar()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def call(path, method="GET", body=None, headers=None):
    request = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)
    print("ok:", message)


def csrf(page):
    match = re.search(rb'name="_csrf" value="([^"]*)"', page)
    return match.group(1).decode() if match else ""


# Sign in through the proxy; the session must be known to whichever instance answers next.
_, _, login = call("/login")
form = urllib.parse.urlencode({"mobile": "13900000000", "password": "wuye-demo-2026", "next": "/", "_csrf": csrf(login)})
status, headers, _ = call("/login", "POST", form.encode(), {"Content-Type": "application/x-www-form-urlencoded"})
check(status == 303, "the owner signs in through nginx")
signin_id = headers.get("X-Request-Id", "")
check(re.fullmatch(r"[0-9a-f]{32}", signin_id) is not None, "the answer carries nginx's $request_id as X-Request-Id")

upstreams = set()
token = ""
for _ in range(8):
    status, headers, page = call("/account")
    check(status == 200, "the session holds on " + headers.get("X-Upstream", "?"))
    upstreams.add(headers.get("X-Upstream"))
    token = csrf(page) or token
check(len(upstreams) == 2, "both instances answered the signed-in owner: " + ", ".join(sorted(upstreams)))

# A write with the session's CSRF token, on whichever instance; then a photo uploaded through one
# instance is read back through both.
_, _, queue = call("/api/v1/cases")
reported = json.loads(queue)["reported"]
check(len(reported) > 0, "the owner's cases are listed")
home = next(item for item in reported if item.get("home_id"))
body = json.dumps({"kind": "repair", "compound_id": home["compound_id"], "home_id": home["home_id"],
                   "description": "厨房水管漏水（多实例测试）"}).encode()
status, _, answer = call("/api/v1/cases", "POST", body, {"Content-Type": "application/json", "X-CSRF-Token": token})
check(status == 201, "a case is reported with the session's CSRF token")
case = json.loads(answer)["case_id"]
jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + b"\x00\x10JFIF\x00" + bytes(range(256)) * 40 + bytes([0xFF, 0xD9])
status, headers, answer = call(f"/api/v1/cases/{case}/photos", "POST", jpeg, {"Content-Type": "image/jpeg", "X-CSRF-Token": token})
check(status == 201, f"a photo is uploaded through {headers.get('X-Upstream', '?')} ({status} {answer[:200]!r})")
seen = set()
for _ in range(6):
    status, headers, photo = call(f"/api/v1/cases/{case}/photos/1")
    check(status == 200 and photo == jpeg, "the same photo comes back from " + headers.get("X-Upstream", "?"))
    seen.add(headers.get("X-Upstream"))
check(len(seen) == 2, "both instances served the photo")

status, _, _ = call("/logout", "POST", urllib.parse.urlencode({"_csrf": token}).encode(),
                    {"Content-Type": "application/x-www-form-urlencoded"})
status, headers, _ = call("/account")
check(status in (302, 303) and "/login" in headers.get("Location", ""), "after signing out no instance knows the session")
print("SIGNIN_REQUEST_ID=" + signin_id)
