-- wrk: Open311 requests posted form-encoded, each at one of the demo's compounds in turn.
-- Environment: WUYE_KEY (an api_key), WUYE_COMPOUNDS (how many compounds), WUYE_ACKS (a folder: when set, every
-- acknowledged service_request_id is written there, one file per thread, for the kill -9 check).
dofile("scripts/bench/acks.lua")  -- thread numbers, counter, acks
local key = os.getenv("WUYE_KEY")
local compounds = tonumber(os.getenv("WUYE_COMPOUNDS") or "24")

function request()
  counter = counter + 1
  local body = "api_key=" .. key .. "&service_code=repair&address_id=" .. ((counter * 7) % compounds + 1)
    .. "&description=%E6%A5%BC%E9%81%93%E7%81%AF%E4%B8%8D%E4%BA%AE+" .. counter
  return wrk.format("POST", "/open311/v2/requests.json", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if acks and status == 200 then
    local id = string.match(body, '"service_request_id":"(%d+)"')
    if id then acks:write(id, "\n"); acks:flush() end
  end
end
