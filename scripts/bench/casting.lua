-- wrk: paper ballots entered by each compound's committee, across every open meeting in turn. Over
-- a run each voting right is submitted again and again (the counter wraps the rights), so repeated
-- submissions are part of the load. Environment: WUYE_SEATS (lines "token meeting-id rights" from
-- `wuye bench casting setup`), WUYE_ACKS (a folder: every acknowledged ballot is written there as
-- "right receipt", one file per thread; the check finds its meeting by the receipt).
dofile("scripts/bench/acks.lua")  -- thread numbers, counter, acks
local seats = {}
local choices = { "agree", "agree", "agree", "disagree", "abstain" }

for line in io.lines(os.getenv("WUYE_SEATS")) do
  local token, meeting, rights = string.match(line, "(%S+) (%d+) (%d+)")
  if token and tonumber(rights) > 0 then table.insert(seats, { token = token, meeting = meeting, rights = tonumber(rights) }) end
end

function request()
  counter = counter + 1
  local seat = seats[(counter % #seats) + 1]
  local right = (math.floor(counter / #seats) % seat.rights) + 1
  local pick = choices[(counter % #choices) + 1]
  local body = '{"right_number":' .. right .. ',"channel":"paper","choices":{"1":"' .. pick .. '","2":"agree","3":"' .. pick .. '"}}'
  return wrk.format("POST", "/api/v1/meetings/" .. seat.meeting .. "/paper-ballots",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. seat.token }, body)
end

function response(status, headers, body)
  if acks and status == 201 then
    local right = string.match(body, '"right_number":(%d+)')
    local receipt = string.match(body, '"1":"([%w_%-]+)"')
    if right and receipt then acks:write(right, " ", receipt, "\n") end
  end
end
