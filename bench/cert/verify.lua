-- wrk script: verify requests for random seeded certificates.
-- IDS_FILE holds one cert_id per line; MODE is "post" (JSON body) or "get" (?cert_id=).
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  ids[#ids + 1] = line
end
local mode = os.getenv("MODE") or "post"

wrk.headers["Content-Type"] = "application/json"

request = function()
  local id = ids[math.random(#ids)]
  if mode == "get" then
    return wrk.format("GET", "/beak/cert/verify?cert_id=" .. id, nil, nil)
  end
  return wrk.format("POST", "/beak/cert/verify", nil, '{"cert_id":"' .. id .. '","action":"verify"}')
end
