-- POST /beak/cert/verify for the certificate $CERT_ID.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"cert_id":"%s"}', os.getenv("CERT_ID"))

function done(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
