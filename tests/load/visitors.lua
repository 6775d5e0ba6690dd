-- wrk script: one consenting visitor per connection. run-load.sh starts wrk with as many threads as connections,
-- so each thread holds exactly one connection, and gives each thread its own consent + visitor cookies (obtained
-- from the site beforehand, one line per visitor in the file named by the COOKIES environment variable).
-- A browser User-Agent is sent because the package does not record page views of bots.
local cookies = {}
for line in io.lines(os.getenv("COOKIES")) do
  if #line > 0 then cookies[#cookies + 1] = line end
end

local next_visitor = 0
local threads = {}

function setup(thread)
  next_visitor = next_visitor + 1
  thread:set("cookie", cookies[((next_visitor - 1) % #cookies) + 1])
  thread:set("id", next_visitor)
  threads[#threads + 1] = thread
end

function init(args)
  local path = os.getenv("LOAD_PATH") or "/"
  local headers = {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
    ["Accept"] = "text/html",
  }
  if cookie ~= nil and cookie ~= "" then headers["Cookie"] = cookie end
  prepared = wrk.format("GET", path, headers)
end

function request()
  return prepared
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "non2xx": %d, "socket_errors": %d, "mean_us": %.1f, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
