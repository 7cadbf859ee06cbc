-- wrk script for bench/scale.sh: every request asks for a path drawn at random from the file named by the PATHS
-- environment variable (one path per line), so requests keep missing the shop's page caches. Counts the answers
-- by status and the 503s that came without Retry-After, and prints them when the run is done.
local paths = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() * 1000 + id)
  counts = { ok = 0, shed = 0, shed_without_retry_after = 0, other = 0 }
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status >= 200 and status < 400 then
    counts.ok = counts.ok + 1
  elseif status == 503 then
    counts.shed = counts.shed + 1
    if headers["Retry-After"] == nil and headers["retry-after"] == nil then
      counts.shed_without_retry_after = counts.shed_without_retry_after + 1
    end
  else
    counts.other = counts.other + 1
  end
end

function done(summary, latency, requests)
  local total = { ok = 0, shed = 0, shed_without_retry_after = 0, other = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  io.write(string.format("STATUS ok=%d shed=%d shed_without_retry_after=%d other=%d\n",
    total.ok, total.shed, total.shed_without_retry_after, total.other))
end
