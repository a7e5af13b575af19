-- POST /beak/signup with a unique email per request (thread id + counter + random run tag).
local counter = 0
local threads = {}
local tag = tostring(os.time()) .. tostring(math.random(100000, 999999))

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"bench-%s-%s-%d@bench.test","password":"Correct-Horse-Battery-42"}', tag, tid, counter)
  return wrk.format("POST", "/beak/signup", {["Content-Type"] = "application/json"}, body)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
