-- GET /beak/me with Authorization: Bearer $BENCH_CREDENTIAL (a Beak Key or an sd_token).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_CREDENTIAL")

function done(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
