-- wrk: owners' votes and money written together, for the crash test. Each request is, in turn, a
-- paper ballot entered by a compound's committee (JSON API) or an income entry in that compound's
-- common-fund ledger (the page's form, with the same token). Environment: WUYE_SEATS (lines
-- "token meeting-id rights compound-id"), WUYE_ROUND, WUYE_ACKS (a folder): every acknowledged ballot is written
-- as "B right receipt", every acknowledged ledger entry as "L memo", one file per thread.
dofile("scripts/bench/acks.lua")  -- thread numbers, counter, acks
local seats = {}
-- Memos must differ between the test's rounds: each names its round.
local round = os.getenv("WUYE_ROUND") or "0"
local memos = {}
-- The ledger refuses a day after today in China (UTC+8).
local today = os.date("!%Y-%m-%d", os.time() + 8 * 3600)

for line in io.lines(os.getenv("WUYE_SEATS")) do
  local token, meeting, rights, compound = string.match(line, "(%S+) (%d+) (%d+) (%d+)")
  if token and tonumber(rights) > 0 then
    table.insert(seats, { token = token, meeting = meeting, rights = tonumber(rights), compound = compound })
  end
end

-- A ledger answer (a redirect) does not name its entry, so each thread keeps its requests' memos in
-- order: run with one connection per thread (-t N -c N), where answers come in the order asked.
function request()
  counter = counter + 1
  local n = math.floor(counter / 2)
  local seat = seats[(n % #seats) + 1]
  if counter % 2 == 0 then
    local right = (math.floor(n / #seats) % seat.rights) + 1
    local body = '{"right_number":' .. right .. ',"channel":"paper","choices":{"1":"agree","2":"agree","3":"abstain"}}'
    table.insert(memos, false)
    return wrk.format("POST", "/api/v1/meetings/" .. seat.meeting .. "/paper-ballots",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. seat.token }, body)
  end
  local memo = "crash-" .. round .. "-" .. thread_number .. "-" .. counter
  table.insert(memos, memo)
  local body = "kind=income&category=parking&amount=" .. (counter % 900 + 100) .. ".25&day=" .. today .. "&memo=" .. memo
  return wrk.format("POST", "/compounds/" .. seat.compound .. "/common-fund/entries",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = "Bearer " .. seat.token }, body)
end

function response(status, headers, body)
  local memo = table.remove(memos, 1)
  if not acks then return end
  if memo and status == 303 then
    acks:write("L ", memo, "\n")
    acks:flush()
  elseif memo == false and status == 201 then
    local right = string.match(body, '"right_number":(%d+)')
    local receipt = string.match(body, '"1":"([%w_%-]+)"')
    if right and receipt then
      acks:write("B ", right, " ", receipt, "\n")
      acks:flush()
    end
  end
end
