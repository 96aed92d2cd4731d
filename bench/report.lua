-- Prints latency percentiles wrk does not show by default (microseconds).
done = function(summary, latency, requests)
  io.write(string.format("p95_us %d\n", latency:percentile(95)))
  io.write(string.format("p50_us %d\n", latency:percentile(50)))
end
