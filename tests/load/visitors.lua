-- wrk script: consenting visitors spread over the connections. run-load.sh starts wrk with as many threads as
-- connections (WRK_THREADS), so each thread holds exactly one connection. The visitors' consent + visitor cookies were
-- obtained from the site beforehand, one line per visitor in the file named by the COOKIES environment variable:
-- thread i sends requests for visitors i, i + threads, i + 2 * threads, ... in turn (with no more visitors than
-- connections, thread i is visitor i, modulo their number). A browser User-Agent is sent because the package does not
-- record page views of bots.
local cookies = {}
for line in io.lines(os.getenv("COOKIES")) do
  if #line > 0 then cookies[#cookies + 1] = line end
end

local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("id", next_thread)
end

function init(args)
  local path = os.getenv("LOAD_PATH") or "/"
  local threads = tonumber(os.getenv("WRK_THREADS") or "1")
  local mine = {}
  for i = id, #cookies, threads do mine[#mine + 1] = cookies[i] end
  if #mine == 0 then mine[1] = cookies[((id - 1) % #cookies) + 1] end

  prepared = {}
  for _, cookie in ipairs(mine) do
    local headers = {
      ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
      ["Accept"] = "text/html",
    }
    if cookie ~= "" then headers["Cookie"] = cookie end
    prepared[#prepared + 1] = wrk.format("GET", path, headers)
  end
  turn = 0
end

function request()
  turn = turn % #prepared + 1
  return prepared[turn]
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "non2xx": %d, "socket_errors": %d, "mean_us": %.1f, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
