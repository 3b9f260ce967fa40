# Sourced by scripts that drive a running demo server: signing in as a demo account and making it
# an API token, as a person would. Needs $base (the server's URL) and $work (a scratch folder).
# There is no CLI for API tokens: sign in through the HTML form (its CSRF token comes with the
# form cookie), then make a token on "我的账号" for the account's first role, as a person would.
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in() {  # MOBILE → a cookie jar $work/MOBILE.jar holding the session
  local jar=$work/$1.jar
  rm -f "$jar"  # signed in already, /login would redirect instead of showing the form
  curl -sf -c "$jar" -b "$jar" "$base/login" -o "$work/page.html"
  curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf_of "$work/page.html")" \
    --data-urlencode "mobile=$1" --data-urlencode "password=wuye-demo-2026" "$base/login"
}
token_for() {  # MOBILE → prints a bearer token acting with the account's first role
  local jar=$work/$1.jar role
  sign_in "$1"
  curl -sf -b "$jar" "$base/account" -o "$work/page.html"
  role=$(grep -o '<option value="[0-9]*"' "$work/page.html" | head -1 | grep -o '[0-9][0-9]*')
  curl -sf -b "$jar" "$base/account/tokens" --data-urlencode "_csrf=$(csrf_of "$work/page.html")" \
    --data-urlencode "name=$(basename "$0")" --data-urlencode "role_id=$role" | grep -oE 'wuye_[A-Za-z0-9_-]{40,}' | head -1
}
