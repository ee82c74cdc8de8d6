-- Paces wrk: every connection waits WRK_DELAY_MS milliseconds between its requests, so the offered rate is
-- about connections * 1000 / (delay + response time). wrk has no fixed-rate mode; this is how the
-- "half rate" measurement is produced. Latencies wrk reports exclude the delay.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "1")

function delay()
  return delay_ms
end
