-- wrk script for scripts/bench: POSTs the envelope in $BENCH_BODY on every request, keep-alive.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/soap+xml;charset=UTF-8"
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
