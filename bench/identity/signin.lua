-- POST /beak/signin for one existing account (BENCH_EMAIL), the correct password every time.
local email = os.getenv("BENCH_EMAIL")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"Correct-Horse-Battery-42"}', email)

function done(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
